#include "explorer/trace_controller.h"

#include <algorithm>

namespace stridelab::ui {

namespace {

// "3×3": the traced elements inside the map, rows by columns.
QString cellsText(const MapTrace& trace) {
    const auto inside = [](const AxisPositions& a, std::int64_t n) {
        return std::count_if(a.positions.begin(), a.positions.end(),
                             [n](std::int64_t p) { return p >= 0 && p < n; });
    };
    return QStringLiteral("%1×%2")
        .arg(inside(trace.rows, trace.shape.h))
        .arg(inside(trace.cols, trace.shape.w));
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
    const std::optional<MapTrace>& input = traces_.front();
    // The last map the trace reaches downstream, if any.
    int last = -1;
    for (int card = static_cast<int>(traces_.size()) - 1; card > origin_->card && last < 0;
         --card) {
        if (traces_[static_cast<std::size_t>(card)]) {
            last = card;
        }
    }
    const auto row = origin_->row;
    const auto col = origin_->col;
    // Whole sentences, so that a translation can order the parts as its language wants.
    QString text;
    if (origin_->card == 0) {
        text = last < 0
                   ? tr("Element (%1, %2) of the input.").arg(row).arg(col)
                   : tr("Element (%1, %2) of the input influences %3 elements of %4.")
                         .arg(row)
                         .arg(col)
                         .arg(cellsText(*traces_[static_cast<std::size_t>(last)]), cardName(last));
    } else if (last < 0) {
        text = tr("Element (%1, %2) of %3 depends on %4 elements of the input.")
                   .arg(row)
                   .arg(col)
                   .arg(cardName(origin_->card), cellsText(*input));
    } else {
        text = tr("Element (%1, %2) of %3 depends on %4 elements of the input and influences %5 "
                  "elements of %6.")
                   .arg(row)
                   .arg(col)
                   .arg(cardName(origin_->card), cellsText(*input),
                        cellsText(*traces_[static_cast<std::size_t>(last)]), cardName(last));
    }
    std::int64_t padding = 0;
    for (int card = 0; card < origin_->card; ++card) {
        if (const auto& t = traces_[static_cast<std::size_t>(card)]) {
            padding += t->paddingCount();
        }
    }
    if (padding > 0) {
        text += QLatin1Char(' ') + tr("Its windows read %1 padding cells (hatched).").arg(padding);
    }
    return text + QLatin1Char(' ') + tr("Click outside the map to clear.");
}

}  // namespace stridelab::ui
