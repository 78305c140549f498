#include "teaching/step_frame_renderer.h"

#include "teaching/step_caption.h"

#include <QCoreApplication>
#include <QFont>
#include <QPainter>
#include <QPainterPath>

#include <algorithm>
#include <cmath>

namespace stridelab::ui {

namespace {

struct StepFigure {
    Q_DECLARE_TR_FUNCTIONS(StepFigure)
};

// Strong colours that survive a projector and a GIF palette.
const QColor kInk(0x11, 0x11, 0x11);
const QColor kMuted(0x6a, 0x6a, 0x6a);
const QColor kGridLine(0x70, 0x70, 0x70);
const QColor kPaddingFill(0xe4, 0xe4, 0xe4);
const QColor kHatch(0xa8, 0xa8, 0xa8);
const QColor kBlue(0x1f, 0x5f, 0xbf);
const QColor kBlueFill(0x9c, 0xbc, 0xec);
const QColor kDoneFill(0xe3, 0xed, 0xf9);
const QColor kOrange(0xd9, 0x48, 0x0f);
const QColor kOrangeFill(0xff, 0xc0, 0x8a);
const QColor kWinnerFill(0x5b, 0x8f, 0xe0);
const QColor kRed(0xd6, 0x27, 0x28);
const QColor kNegativeFill(0xf4, 0xa6, 0xa6);
// Overlap counts 1, 2, 3, 4+: light to strong orange.
const QColor kCountFill[] = {QColor(0xff, 0xf3, 0xe6), QColor(0xff, 0xd8, 0xa8),
                             QColor(0xff, 0xb3, 0x66), QColor(0xf7, 0x8a, 0x2c)};

constexpr double kMargin = 0.025;      // of the area's shorter side
constexpr double kMaxCell = 84.0;      // pixels
constexpr double kNumbersCell = 24.0;  // the smallest cell that shows its value
constexpr double kWideAspect = 2.6;    // wider than this: the words go beside the grids

QFont fontOfPixels(double px, bool bold = false) {
    QFont f(QStringLiteral("DejaVu Sans"));
    f.setPixelSize(std::max(1, static_cast<int>(std::lround(px))));
    f.setBold(bold);
    return f;
}

// One font size for all the numbers of a grid: the size at which the widest fits `width`.
double fittedPx(const std::vector<float>& values, double px, double width) {
    const QFontMetricsF m(fontOfPixels(px));
    double widest = 0.0;
    for (const float v : values) {
        widest = std::max(widest, m.horizontalAdvance(stepNumber(v, 3)));
    }
    return widest > width ? px * width / widest : px;
}

QColor countFill(int count) {
    return count <= 0 ? QColor(Qt::white) : kCountFill[std::min(count, 4) - 1];
}

void drawCellText(QPainter& p, const QRectF& r, const QString& text, double px, QColor colour,
                  Qt::Alignment align = Qt::AlignCenter) {
    if (text.isEmpty()) {
        return;
    }
    QFont f = fontOfPixels(px);
    // Shrink long numbers until they fit the cell.
    const QFontMetricsF m(f);
    const double width = m.horizontalAdvance(text);
    if (width > r.width() * 0.92) {
        f.setPixelSize(std::max(1, static_cast<int>(px * r.width() * 0.92 / width)));
    }
    p.setFont(f);
    p.setPen(colour);
    p.drawText(r, align, text);
}

// Text wrapped into `r`, shrunk (down to 60%) when it needs more lines than `r` holds, and
// elided when even that is not enough.
void drawText(QPainter& p, const QRectF& r, const QString& text, double px, bool bold,
              QColor colour, Qt::Alignment align) {
    const double lines = std::max(1.0, std::floor(r.height() / (px * 1.25)));
    const double room = r.width() * lines * 0.92;
    const double wide = QFontMetricsF(fontOfPixels(px, bold)).horizontalAdvance(text);
    if (wide > room) {
        px = std::max(px * room / wide, px * 0.6);
    }
    const QFont font = fontOfPixels(px, bold);
    p.setFont(font);
    p.setPen(colour);
    const QFontMetricsF m(font);
    const bool oneLine = r.height() < 2.0 * m.lineSpacing();
    p.drawText(r, align | (oneLine ? Qt::TextSingleLine : Qt::TextWordWrap),
               oneLine ? m.elidedText(text, Qt::ElideRight, r.width()) : text);
}

// A grid's label, in bold, shrunk to fit its rectangle (down to two thirds), then elided.
void drawLabel(QPainter& p, const QRectF& r, const QString& text, double px) {
    const double wide = QFontMetricsF(fontOfPixels(px, true)).horizontalAdvance(text);
    if (wide > r.width()) {
        px = std::max(px * r.width() / wide, px * 2.0 / 3.0);
    }
    const QFont font = fontOfPixels(px, true);
    p.setFont(font);
    p.setPen(kInk);
    p.drawText(r, Qt::AlignCenter, QFontMetricsF(font).elidedText(text, Qt::ElideRight, r.width()));
}

void drawGridCell(QPainter& p, const QRectF& r, CellRole role, QColor fill) {
    if (role == CellRole::Outside) {
        p.setPen(QPen(kHatch, 1.0, Qt::DashLine));
        p.setBrush(Qt::NoBrush);
        p.drawRect(r);
        return;
    }
    p.setPen(Qt::NoPen);
    // A margin cell is grey unless it has a colour of its own (an overlap count).
    p.setBrush(role == CellRole::Margin && fill == QColor(Qt::white) ? kPaddingFill : fill);
    p.drawRect(r);
    if (role == CellRole::Margin) {
        p.setBrush(QBrush(kHatch, Qt::BDiagPattern));
        p.drawRect(r);
    }
    p.setPen(QPen(kGridLine, 1.0));
    p.setBrush(Qt::NoBrush);
    p.drawRect(r);
}

void outline(QPainter& p, const QRectF& r, QColor colour, double width,
             Qt::PenStyle style = Qt::SolidLine) {
    p.setPen(QPen(colour, width, style, Qt::SquareCap, Qt::MiterJoin));
    p.setBrush(Qt::NoBrush);
    const double inset = width / 2.0;
    p.drawRect(r.adjusted(inset, inset, -inset, -inset));
}

QRectF boundsOf(const std::vector<StepTap>& taps, const auto& cellRect) {
    QRectF bounds;
    for (const StepTap& t : taps) {
        bounds = bounds.isNull() ? cellRect(t.row, t.col) : bounds.united(cellRect(t.row, t.col));
    }
    return bounds;
}

}  // namespace

QRectF StepFigureLayout::inputCell(const StepGrid& grid, std::int64_t row, std::int64_t col) const {
    return {inputOrigin.x() + static_cast<double>(col - grid.shown.left) * inputCellSize,
            inputOrigin.y() + static_cast<double>(row - grid.shown.top) * inputCellSize,
            inputCellSize, inputCellSize};
}

QRectF StepFigureLayout::outputCell(const StepGrid& grid, std::int64_t row,
                                    std::int64_t col) const {
    return {outputOrigin.x() + static_cast<double>(col - grid.shown.left) * outputCellSize,
            outputOrigin.y() + static_cast<double>(row - grid.shown.top) * outputCellSize,
            outputCellSize, outputCellSize};
}

bool StepFigureLayout::inputNumbers() const {
    return inputCellSize >= kNumbersCell;
}

bool StepFigureLayout::outputNumbers() const {
    return outputCellSize >= kNumbersCell;
}

StepFigureLayout layoutStepFigure(const StepSequence& seq, const QRectF& area) {
    StepFigureLayout l;
    const double margin = kMargin * std::min(area.width(), area.height());
    const QRectF inner = area.adjusted(margin, margin, -margin, -margin);
    l.titlePx = std::clamp(area.height() / 24.0, 12.0, 30.0);
    l.captionPx = std::clamp(area.height() / 22.0, 12.0, 32.0);
    l.wide = area.width() > kWideAspect * area.height();
    const double column = inner.width() * 0.3;
    if (l.wide) {  // sized by the column's width rather than the low height
        l.titlePx = std::clamp(column / 28.0, 12.0, 28.0);
        l.captionPx = std::clamp(column / 24.0, 12.0, 30.0);
    }
    const double subtitlePx = l.titlePx * 0.8;
    const double labelHeight = std::min(subtitlePx, 16.0) * 1.5 + 6.0;
    QRectF grids;
    if (l.wide) {
        // A wide, low panel: the words in a column on the left, the grids get the height.
        l.title = QRectF(inner.left(), inner.top(), column, l.titlePx * 1.35);
        l.subtitle = QRectF(inner.left(), l.title.bottom(), column, subtitlePx * 1.3 * 3.0);
        const double captionHeight = l.captionPx * 1.3 * 4.0;
        l.caption =
            QRectF(inner.left(), std::max(l.subtitle.bottom(), inner.bottom() - captionHeight),
                   column, std::min(captionHeight, inner.bottom() - l.subtitle.bottom()));
        grids = QRectF(inner.left() + column + margin, inner.top() + labelHeight,
                       inner.width() - column - margin, inner.height() - labelHeight);
    } else {
        l.title = QRectF(inner.left(), inner.top(), inner.width(), l.titlePx * 1.35);
        l.subtitle = QRectF(inner.left(), l.title.bottom(), inner.width(), subtitlePx * 1.35);
        // Room for a second caption line unless the longest captions (about 90 characters
        // of about 0.55 em) fit on one.
        const double captionLines = inner.width() > 90.0 * 0.55 * l.captionPx ? 1.0 : 2.0;
        const double captionHeight = l.captionPx * 1.3 * captionLines;
        l.caption =
            QRectF(inner.left(), inner.bottom() - captionHeight, inner.width(), captionHeight);
        const double gridsTop = l.subtitle.bottom() + margin * 0.6 + labelHeight;
        grids = QRectF(inner.left(), gridsTop, inner.width(),
                       l.caption.top() - margin * 0.6 - gridsTop);
    }
    const auto inCols = static_cast<double>(std::max<std::int64_t>(1, seq.input.shown.cols));
    const auto inRows = static_cast<double>(std::max<std::int64_t>(1, seq.input.shown.rows));
    const auto outCols = static_cast<double>(std::max<std::int64_t>(1, seq.output.shown.cols));
    const auto outRows = static_cast<double>(std::max<std::int64_t>(1, seq.output.shown.rows));
    const double gap = std::max(grids.width() * 0.07, 24.0);
    if (seq.kind == StepKind::Resize) {
        const double share = (grids.width() - gap) / 2.0;
        l.inputCellSize = std::min({share / inCols, grids.height() / inRows, kMaxCell * 1.5});
        l.outputCellSize = std::min({share / outCols, grids.height() / outRows, kMaxCell});
    } else {
        l.inputCellSize = std::min({(grids.width() - gap) / (inCols + outCols),
                                    grids.height() / std::max(inRows, outRows), kMaxCell});
        l.outputCellSize = l.inputCellSize;
    }
    l.inputCellSize = std::max(l.inputCellSize, 1.0);
    l.outputCellSize = std::max(l.outputCellSize, 1.0);
    const double inWidth = inCols * l.inputCellSize;
    const double outWidth = outCols * l.outputCellSize;
    const double inHeight = inRows * l.inputCellSize;
    const double outHeight = outRows * l.outputCellSize;
    const double left = grids.left() + (grids.width() - inWidth - gap - outWidth) / 2.0;
    const double top = grids.top() + (grids.height() - std::max(inHeight, outHeight)) / 2.0;
    l.inputOrigin = QPointF(left, top + (std::max(inHeight, outHeight) - inHeight) / 2.0);
    l.outputOrigin =
        QPointF(left + inWidth + gap, top + (std::max(inHeight, outHeight) - outHeight) / 2.0);
    // Labels clear of the grids' top edge (a sampling point can sit on it).
    const double lift = std::max(l.inputCellSize, l.outputCellSize) * 0.12;
    l.inputLabel = QRectF(l.inputOrigin.x() - gap / 2.0, l.inputOrigin.y() - labelHeight - lift,
                          inWidth + gap, labelHeight);
    l.outputLabel = QRectF(l.outputOrigin.x() - gap / 2.0, l.outputOrigin.y() - labelHeight - lift,
                           outWidth + gap, labelHeight);
    return l;
}

QSize StepFrameRenderer::exportSize() const {
    // Cells of 56 pixels where that fits in 1280x800, else smaller (numbers drop below 26).
    const auto cols = static_cast<double>(seq_.input.shown.cols + seq_.output.shown.cols) + 1.5;
    const auto rows = static_cast<double>(std::max(seq_.input.shown.rows, seq_.output.shown.rows));
    const double cell = std::clamp(std::min(1180.0 / cols, 560.0 / rows), 8.0, 56.0);
    const int width = std::clamp(static_cast<int>(cols * cell + 120.0), 960, 1280);
    const int height = std::clamp(static_cast<int>(rows * cell + 260.0), 540, 800);
    return {width, height};
}

QImage StepFrameRenderer::render(int frame, QSize size) const {
    if (size.isEmpty()) {
        size = exportSize();
    }
    QImage image(size, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter p(&image);
    paint(p, QRectF(QPointF(0, 0), QSizeF(size)), frame);
    return image;
}

bool StepFrameRenderer::tapCounts(const StepTap& tap) const {
    if (seq_.kind != StepKind::Window) {
        return true;
    }
    const CellRole role = seq_.input.role(tap.row, tap.col);
    switch (seq_.rule) {
        case WindowRule::WeightedSum:
            return role != CellRole::Outside;
        case WindowRule::Max:
            return role == CellRole::Inside;
        case WindowRule::Average:
            return role == CellRole::Inside ||
                   (role == CellRole::Margin && seq_.averageCountsPadding);
    }
    return true;
}

void StepFrameRenderer::paint(QPainter& p, const QRectF& area, int frame) const {
    p.save();
    p.setRenderHint(QPainter::Antialiasing, true);
    p.setRenderHint(QPainter::TextAntialiasing, true);
    p.fillRect(area, Qt::white);
    if (seq_.frames.empty()) {
        p.restore();
        return;
    }
    frame = std::clamp(frame, 0, static_cast<int>(seq_.frames.size()) - 1);
    const StepFrame& f = seq_.frames[static_cast<std::size_t>(frame)];
    const StepFigureLayout l = layoutStepFigure(seq_, area);

    drawText(p, l.title, stepTitle(seq_), l.titlePx, true, kInk, Qt::AlignLeft | Qt::AlignTop);
    drawText(p, l.subtitle, stepSubtitle(seq_), l.titlePx * 0.8, false, kMuted,
             Qt::AlignLeft | Qt::AlignTop);

    const bool cropped = seq_.output.shown != GridRect{0, 0, seq_.output.height, seq_.output.width};
    const double labelPx = l.inputLabel.height() / 1.5;
    drawLabel(p, l.inputLabel, inputLabel(), labelPx);
    drawLabel(p, l.outputLabel,
              cropped ? StepFigure::tr("output (cropped cells hatched)") : StepFigure::tr("output"),
              labelPx);

    paintInput(p, l, f);
    paintOutput(p, l, f);

    // The arrow from input to output.
    const double arrowY =
        (l.inputOrigin.y() + static_cast<double>(seq_.input.shown.rows) * l.inputCellSize / 2.0 +
         l.outputOrigin.y() +
         static_cast<double>(seq_.output.shown.rows) * l.outputCellSize / 2.0) /
        2.0;
    const double x0 =
        l.inputOrigin.x() + static_cast<double>(seq_.input.shown.cols) * l.inputCellSize;
    const double x1 = l.outputOrigin.x();
    const double head = std::min(10.0, (x1 - x0) * 0.25);
    p.setPen(QPen(kMuted, 2.0));
    p.drawLine(QPointF(x0 + head, arrowY), QPointF(x1 - head, arrowY));
    p.drawLine(QPointF(x1 - head, arrowY), QPointF(x1 - 2.0 * head, arrowY - head * 0.6));
    p.drawLine(QPointF(x1 - head, arrowY), QPointF(x1 - 2.0 * head, arrowY + head * 0.6));

    drawText(p, l.caption, stepCaption(seq_, frame), l.captionPx, false, kInk,
             l.wide ? Qt::AlignLeft | Qt::AlignBottom : Qt::AlignCenter);
    p.restore();
}

QString StepFrameRenderer::inputLabel() const {
    const StepGrid& g = seq_.input;
    const bool margin = g.margin != GridRect{0, 0, g.height, g.width};
    const bool outside = g.shown != g.margin && g.shown != GridRect{0, 0, g.height, g.width};
    if (seq_.kind == StepKind::Resize) {
        return margin ? StepFigure::tr("input (border repeated, hatched)")
                      : StepFigure::tr("input");
    }
    if (margin && outside) {
        return StepFigure::tr("input (padding hatched, dashed: past the end)");
    }
    if (outside) {
        return StepFigure::tr("input (dashed: past the end)");
    }
    return margin ? StepFigure::tr("input (padding hatched)") : StepFigure::tr("input");
}

void StepFrameRenderer::paintInput(QPainter& p, const StepFigureLayout& l,
                                   const StepFrame& f) const {
    const StepGrid& g = seq_.input;
    const double cell = l.inputCellSize;
    auto cellAt = [&](std::int64_t r, std::int64_t c) { return l.inputCell(g, r, c); };
    // Scatter and unpool frames are about one input cell; the summary frame about none.
    const bool sourceCell =
        (seq_.kind == StepKind::Scatter || seq_.kind == StepKind::Unpool) && f.row >= 0;
    for (std::int64_t r = g.shown.top; r < g.shown.top + g.shown.rows; ++r) {
        for (std::int64_t c = g.shown.left; c < g.shown.left + g.shown.cols; ++c) {
            const bool current = sourceCell && r == f.row && c == f.col;
            drawGridCell(p, cellAt(r, c), g.role(r, c), current ? kOrangeFill : Qt::white);
        }
    }
    const bool reads = seq_.kind == StepKind::Window || seq_.kind == StepKind::Resize;
    // The winner of a max pool: the first real cell holding the result.
    const StepTap* winner = nullptr;
    if (reads) {
        for (const StepTap& t : f.taps) {
            if (!tapCounts(t)) {
                continue;
            }
            QColor fill = kBlueFill;
            if (seq_.kind == StepKind::Resize) {  // shaded by weight; bicubic's lobes in red
                fill = t.weight < 0 ? kNegativeFill : kBlueFill;
                fill.setAlphaF(std::clamp(0.25F + 0.75F * std::abs(t.weight), 0.25F, 1.0F));
            }
            if (seq_.kind == StepKind::Window && seq_.rule == WindowRule::Max &&
                winner == nullptr && t.value == f.value) {
                winner = &t;
                fill = kWinnerFill;
            }
            if (seq_.input.role(t.row, t.col) != CellRole::Inside) {
                fill.setAlphaF(std::min(fill.alphaF(), 0.65F));  // the hatch shows through
            }
            p.fillRect(cellAt(t.row, t.col).adjusted(1, 1, -1, -1), fill);
        }
    }
    if (l.inputNumbers()) {
        // Resizing keeps the cell centres free for the sampling points.
        const bool corner = seq_.kind == StepKind::Resize;
        const double px = fittedPx(g.values, corner ? cell * 0.28 : cell * 0.36,
                                   corner ? cell * 0.5 : cell * 0.9);
        for (std::int64_t r = g.shown.top; r < g.shown.top + g.shown.rows; ++r) {
            for (std::int64_t c = g.shown.left; c < g.shown.left + g.shown.cols; ++c) {
                const QRectF rect = cellAt(r, c);
                drawCellText(p, corner ? rect.adjusted(cell * 0.06, cell * 0.02, 0, 0) : rect,
                             stepNumber(g.value(r, c), 3), px,
                             g.role(r, c) == CellRole::Inside ? kInk : kMuted,
                             corner ? Qt::AlignLeft | Qt::AlignTop : Qt::AlignCenter);
            }
        }
    }
    if (reads) {
        const bool weighted = seq_.kind == StepKind::Resize || seq_.rule == WindowRule::WeightedSum;
        for (const StepTap& t : f.taps) {
            const QRectF r = cellAt(t.row, t.col);
            const bool counts = tapCounts(t);
            outline(p, r, kBlue, std::max(2.0, cell * (counts ? 0.07 : 0.04)),
                    counts ? Qt::SolidLine : Qt::DashLine);
            if (l.inputNumbers() && weighted && counts) {
                drawCellText(p, r.adjusted(cell * 0.08, cell * 0.55, -cell * 0.08, -cell * 0.04),
                             QStringLiteral("×") + stepNumber(t.weight, 2), cell * 0.22,
                             t.weight < 0 ? kRed : kBlue, Qt::AlignRight | Qt::AlignBottom);
            }
        }
    }
    if (seq_.kind == StepKind::Resize) {
        paintResizeSamples(p, l, f);
    }
    if (sourceCell) {
        outline(p, cellAt(f.row, f.col), kOrange, std::max(2.5, cell * 0.09));
    }
}

void StepFrameRenderer::paintResizeSamples(QPainter& p, const StepFigureLayout& l,
                                           const StepFrame& f) const {
    // Every output element's source point (the sampling grid), then this frame's.
    const StepGrid& g = seq_.input;
    const double cell = l.inputCellSize;
    auto point = [&](const std::array<double, 2>& source) {
        return QPointF(
            l.inputOrigin.x() + (source[1] + 0.5 - static_cast<double>(g.shown.left)) * cell,
            l.inputOrigin.y() + (source[0] + 0.5 - static_cast<double>(g.shown.top)) * cell);
    };
    p.setPen(Qt::NoPen);
    p.setBrush(kMuted);
    const double dot = std::max(1.5, cell * 0.035);
    for (const StepFrame& other : seq_.frames) {
        p.drawEllipse(point(other.source), dot, dot);
    }
    const double big = std::max(3.5, cell * 0.09);
    p.setBrush(kRed);
    p.setPen(QPen(Qt::white, std::max(1.0, big * 0.35)));
    p.drawEllipse(point(f.source), big, big);
}

void StepFrameRenderer::paintOutput(QPainter& p, const StepFigureLayout& l,
                                    const StepFrame& f) const {
    const StepGrid& g = seq_.output;
    const double cell = l.outputCellSize;
    auto cellAt = [&](std::int64_t r, std::int64_t c) { return l.outputCell(g, r, c); };
    const bool scatter = seq_.kind == StepKind::Scatter;
    const bool unpool = seq_.kind == StepKind::Unpool;
    for (std::int64_t r = g.shown.top; r < g.shown.top + g.shown.rows; ++r) {
        for (std::int64_t c = g.shown.left; c < g.shown.left + g.shown.cols; ++c) {
            const auto at = static_cast<std::size_t>(g.shown.indexOf(r, c));
            QColor fill = Qt::white;
            if (scatter) {  // the overlap count so far: the checkerboard builds up
                fill = countFill(f.counts[at]);
            } else if (unpool) {
                fill = f.counts[at] > 0 ? kCountFill[1] : QColor(Qt::white);
            } else if (at < f.outputSoFar.size() && !std::isnan(f.outputSoFar[at])) {
                fill = kDoneFill;
            }
            drawGridCell(p, cellAt(r, c), g.role(r, c), fill);
        }
    }
    const bool computes = seq_.kind == StepKind::Window || seq_.kind == StepKind::Resize;
    if (computes && f.row >= 0) {
        p.fillRect(cellAt(f.row, f.col).adjusted(1, 1, -1, -1), kBlueFill);
    }
    if (l.outputNumbers()) {
        std::vector<float> shown = f.outputSoFar;
        shown.insert(shown.end(), g.values.begin(), g.values.end());
        const double px = fittedPx(shown, cell * 0.36, cell * 0.9);
        for (std::int64_t r = g.shown.top; r < g.shown.top + g.shown.rows; ++r) {
            for (std::int64_t c = g.shown.left; c < g.shown.left + g.shown.cols; ++c) {
                const auto at = static_cast<std::size_t>(g.shown.indexOf(r, c));
                const float v = at < f.outputSoFar.size() ? f.outputSoFar[at] : NAN;
                const QRectF rect = cellAt(r, c);
                const bool zero = unpool && f.counts[at] == 0;
                drawCellText(p, rect, stepNumber(v, 3), px,
                             g.role(r, c) == CellRole::Inside && !zero ? kInk : kMuted);
                if (scatter && f.counts[at] > 0) {
                    drawCellText(
                        p, rect.adjusted(cell * 0.06, cell * 0.02, -cell * 0.08, -cell * 0.55),
                        QStringLiteral("×%1").arg(f.counts[at]), cell * 0.22, kOrange,
                        Qt::AlignRight | Qt::AlignTop);
                }
            }
        }
        // Unpooling: the pool's input values in the window the index came from.
        for (const StepTap& t : f.window) {
            drawCellText(p, cellAt(t.row, t.col).adjusted(cell * 0.06, cell * 0.02, 0, 0),
                         stepNumber(t.value, 3), cell * 0.2, kMuted, Qt::AlignLeft | Qt::AlignTop);
        }
    }
    if (unpool && !f.window.empty()) {
        outline(p, boundsOf(f.window, cellAt), kMuted, std::max(1.5, cell * 0.05), Qt::DashLine);
    }
    if (computes && f.row >= 0) {
        outline(p, cellAt(f.row, f.col), kBlue, std::max(2.5, cell * 0.09));
    }
    if (scatter || unpool) {
        for (const StepTap& t : f.taps) {
            const QRectF r = cellAt(t.row, t.col);
            outline(p, r, kOrange, std::max(2.0, cell * 0.07));
            if (l.outputNumbers() && scatter) {
                drawCellText(p, r.adjusted(cell * 0.08, cell * 0.55, -cell * 0.08, -cell * 0.04),
                             QStringLiteral("+") + stepNumber(t.value, 3), cell * 0.22, kOrange,
                             Qt::AlignRight | Qt::AlignBottom);
            }
        }
    }
}

}  // namespace stridelab::ui
