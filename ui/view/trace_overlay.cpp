#include "view/trace_overlay.h"

#include <QPainter>

#include <algorithm>

namespace stridelab::ui {

namespace {

// Beyond this many rectangles (a dilated trace over a large map) the trace is drawn as its
// bounding box, which still shows where it is.
constexpr std::size_t kMostRectangles = 20000;

QRectF cellSpan(const PositionRun& rows, const PositionRun& cols, QRectF mapRect, double cellW,
                double cellH) {
    return {mapRect.left() + static_cast<double>(cols.first) * cellW,
            mapRect.top() + static_cast<double>(rows.first) * cellH,
            static_cast<double>(cols.last - cols.first + 1) * cellW,
            static_cast<double>(rows.last - rows.first + 1) * cellH};
}

std::vector<PositionRun> boundingRun(const std::vector<PositionRun>& runs) {
    if (runs.empty()) {
        return {};
    }
    return {{runs.front().first, runs.back().last, true}};
}

}  // namespace

std::vector<PositionRun> positionRuns(const std::vector<std::int64_t>& sorted,
                                      std::int64_t extent) {
    std::vector<PositionRun> runs;
    auto insideOf = [extent](std::int64_t p) { return p >= 0 && p < extent; };
    for (const std::int64_t p : sorted) {
        if (!runs.empty() && runs.back().last + 1 == p && runs.back().inside == insideOf(p)) {
            runs.back().last = p;
        } else {
            runs.push_back({p, p, insideOf(p)});
        }
    }
    return runs;
}

void paintTrace(QPainter& painter, const MapTrace& trace, QRectF mapRect, bool isOrigin,
                const TraceColors& colors) {
    if (trace.empty() || trace.shape.h <= 0 || trace.shape.w <= 0 || mapRect.isEmpty()) {
        return;
    }
    const double cellW = mapRect.width() / static_cast<double>(trace.shape.w);
    const double cellH = mapRect.height() / static_cast<double>(trace.shape.h);
    auto rows = positionRuns(trace.rows.positions, trace.shape.h);
    auto cols = positionRuns(trace.cols.positions, trace.shape.w);
    if (rows.size() * cols.size() > kMostRectangles) {
        rows = boundingRun(rows);
        cols = boundingRun(cols);
    }
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing, false);
    QColor fill = colors.element;
    fill.setAlpha(isOrigin ? 0 : 110);
    const double outline = std::clamp(std::min(cellW, cellH) / 6.0, 1.0, 3.0);
    for (const PositionRun& r : rows) {
        for (const PositionRun& c : cols) {
            const QRectF span = cellSpan(r, c, mapRect, cellW, cellH);
            if (r.inside && c.inside) {
                painter.setPen(QPen(isOrigin ? colors.origin : colors.element, outline));
                painter.setBrush(fill);
            } else {
                painter.setPen(QPen(colors.padding, 1, Qt::DashLine));
                painter.setBrush(QBrush(colors.padding, Qt::BDiagPattern));
            }
            painter.drawRect(span);
        }
    }
    painter.restore();
}

}  // namespace stridelab::ui
