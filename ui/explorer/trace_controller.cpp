#include "explorer/trace_controller.h"

#include <algorithm>

namespace stridelab::ui {

namespace {

// "3×3", or "3×3 (+ 5 padding)" with padding cells.
QString cellsText(const MapTrace& trace) {
    const auto inside = [](const AxisPositions& a, std::int64_t n) {
        return std::count_if(a.positions.begin(), a.positions.end(),
                             [n](std::int64_t p) { return p >= 0 && p < n; });
    };
    const QString cells = QStringLiteral("%1×%2")
                              .arg(inside(trace.rows, trace.shape.h))
                              .arg(inside(trace.cols, trace.shape.w));
    const std::int64_t padding = trace.paddingCount();
    return padding == 0 ? cells
                        : TraceController::tr("%1 (+ %2 padding cells)").arg(cells).arg(padding);
}

}  // namespace

TraceController::TraceController(QObject* parent) : QObject(parent) {}

void TraceController::setPipeline(const Pipeline& pipeline, const PipelineReport& report) {
    pipeline_ = pipeline;
    report_ = report;
    chain_ = traceChainOf(pipeline_, report_);
    retrace();
}

void TraceController::traceFrom(int card, std::int64_t row, std::int64_t col) {
    origin_ = Origin{card, row, col};
    retrace();
}

void TraceController::clear() {
    const bool had = origin_.has_value();
    origin_.reset();
    traces_.clear();
    error_.clear();
    if (had) {
        emit tracesChanged();
    }
}

std::optional<MapTrace> TraceController::traceOf(int card) const {
    return card >= 0 && card < static_cast<int>(traces_.size())
               ? traces_[static_cast<std::size_t>(card)]
               : std::nullopt;
}

void TraceController::retrace() {
    traces_.clear();
    error_.clear();
    if (!origin_) {
        emit tracesChanged();
        return;
    }
    // The map index of the origin's card: 0 for the input, k for chain link k - 1.
    int map = origin_->card == 0 ? 0 : -1;
    for (std::size_t k = 0; k < chain_.layerIndices.size() && map < 0; ++k) {
        if (chain_.layerIndices[k] == origin_->card) {
            map = static_cast<int>(k) + 1;
        }
    }
    if (map < 0) {  // the layer is switched off or broken now
        origin_.reset();
        emit tracesChanged();
        return;
    }
    auto traced = traceBothWays(chain_.links, report_.input, map, origin_->row, origin_->col);
    if (!traced) {
        if (traced.error().kind == ErrorKind::Invalid) {
            origin_.reset();  // the element is outside its map now
        } else {
            error_ = traced.error().message;  // too large to trace: say so
        }
        emit tracesChanged();
        return;
    }
    traces_.assign(report_.layers.size() + 1, std::nullopt);
    for (int m = 0; m < static_cast<int>(traced->size()); ++m) {
        const int card = m == 0 ? 0 : chain_.layerIndices[static_cast<std::size_t>(m - 1)];
        traces_[static_cast<std::size_t>(card)] = std::move((*traced)[static_cast<std::size_t>(m)]);
    }
    emit tracesChanged();
}

QString TraceController::cardName(int card) const {
    if (card == 0) {
        return tr("the input");
    }
    return card - 1 < static_cast<int>(report_.layers.size())
               ? report_.layers[static_cast<std::size_t>(card - 1)].name
               : QString();
}

QString TraceController::description() const {
    if (!error_.isEmpty()) {
        return error_;
    }
    if (!origin_ || traces_.empty()) {
        return {};
    }
    QString text = tr("Element (%1, %2) of %3")
                       .arg(origin_->row)
                       .arg(origin_->col)
                       .arg(cardName(origin_->card));
    if (origin_->card > 0 && traces_.front()) {
        text += tr(" depends on %1 elements of the input").arg(cellsText(*traces_.front()));
    }
    for (int card = static_cast<int>(traces_.size()) - 1; card > origin_->card; --card) {
        if (const auto& last = traces_[static_cast<std::size_t>(card)]) {
            text += (origin_->card > 0 ? tr(";") : QString()) +
                    tr(" influences %1 elements of %2").arg(cellsText(*last), cardName(card));
            break;
        }
    }
    return text + tr(". Click outside the map to clear.");
}

}  // namespace stridelab::ui
