#include "view/channel_grid_layout.h"

#include <algorithm>
#include <cmath>

namespace stridelab::ui {

ChannelGridLayout::ChannelGridLayout(GridSpec spec, int columns, double scale, double gap,
                                     QPointF origin)
    : spec_(spec),
      columns_(std::max(columns, 0)),
      rows_(columns_ > 0 ? (std::max(spec.channels, 0) + columns_ - 1) / columns_ : 0),
      scale_(scale),
      gap_(gap),
      origin_(origin) {}

ChannelGridLayout ChannelGridLayout::fit(GridSpec spec, QRectF area, double spacing) {
    if (spec.channels <= 0 || spec.height <= 0 || spec.width <= 0) {
        return ChannelGridLayout(spec, 0, 1.0, spacing, area.topLeft());
    }
    int bestColumns = 0;
    double bestScale = 0.0;
    double bestRaw = 0.0;
    for (int columns = 1; columns <= spec.channels; ++columns) {
        const int rows = (spec.channels + columns - 1) / columns;
        const double sx = (area.width() - (columns - 1) * spacing) / (columns * spec.width);
        const double sy = (area.height() - (rows - 1) * spacing) / (rows * spec.height);
        const double raw = std::min(sx, sy);
        if (!(raw > 0.0)) {
            continue;
        }
        const double scale = raw >= 1.0 ? std::floor(raw) : raw;
        if (scale > bestScale || (scale == bestScale && raw > bestRaw)) {
            bestColumns = columns;
            bestScale = scale;
            bestRaw = raw;
        }
    }
    if (bestColumns == 0) {
        // No room at all: a square-ish grid at a token scale, still hit-testable.
        bestColumns = static_cast<int>(std::ceil(std::sqrt(spec.channels)));
        bestScale = 1e-3;
    }
    ChannelGridLayout layout(spec, bestColumns, bestScale, spacing, area.topLeft());
    const QRectF content = layout.contentRect();
    return layout.withOrigin(
        QPointF(std::floor(area.left() + (area.width() - content.width()) / 2.0),
                std::floor(area.top() + (area.height() - content.height()) / 2.0)));
}

double ChannelGridLayout::tileLeft(int column) const {
    return origin_.x() + column * (scale_ * spec_.width + gap_);
}

double ChannelGridLayout::tileTop(int row) const {
    return origin_.y() + row * (scale_ * spec_.height + gap_);
}

QRectF ChannelGridLayout::tileRect(int channel) const {
    if (isEmpty() || channel < 0 || channel >= spec_.channels) {
        return {};
    }
    return {tileLeft(channel % columns_), tileTop(channel / columns_), scale_ * spec_.width,
            scale_ * spec_.height};
}

QRectF ChannelGridLayout::pixelRect(const MapPosition& position) const {
    const QRectF tile = tileRect(position.channel);
    if (tile.isEmpty()) {
        return {};
    }
    return {tile.left() + position.col * scale_, tile.top() + position.row * scale_, scale_,
            scale_};
}

QRectF ChannelGridLayout::contentRect() const {
    if (isEmpty()) {
        return {origin_, QSizeF(0, 0)};
    }
    const int usedColumns = std::min(columns_, spec_.channels);
    return {origin_, QPointF(tileLeft(usedColumns - 1) + scale_ * spec_.width,
                             tileTop(rows_ - 1) + scale_ * spec_.height)};
}

std::optional<MapPosition> ChannelGridLayout::hitTest(QPointF point) const {
    if (isEmpty() || !(scale_ > 0.0)) {
        return std::nullopt;
    }
    // Guess the cell by division, then settle it against the same sums tileRect() uses, so
    // that rounding can never put a point in a different cell than the one drawn there.
    const auto locate = [](double p, double pitch, int count, auto start) -> int {
        int i = static_cast<int>(std::floor(p / pitch));
        i = std::clamp(i, 0, count - 1);
        while (i > 0 && p < start(i)) {
            --i;
        }
        while (i + 1 < count && p >= start(i + 1)) {
            ++i;
        }
        return i;
    };
    const double tileW = scale_ * spec_.width;
    const double tileH = scale_ * spec_.height;
    const double x = point.x();
    const double y = point.y();
    if (x < origin_.x() || y < origin_.y()) {
        return std::nullopt;
    }
    const int column = locate(x - origin_.x(), tileW + gap_, columns_,
                              [this](int i) { return tileLeft(i) - origin_.x(); });
    const int row = locate(y - origin_.y(), tileH + gap_, rows_,
                           [this](int i) { return tileTop(i) - origin_.y(); });
    if (column < 0 || row < 0 || column >= columns_ || row >= rows_) {
        return std::nullopt;
    }
    const int channel = row * columns_ + column;
    if (channel >= spec_.channels) {
        return std::nullopt;
    }
    const double left = tileLeft(column);
    const double top = tileTop(row);
    if (x >= left + tileW || y >= top + tileH) {
        return std::nullopt;
    }
    // The same settling for the pixel inside the tile, against pixelRect()'s sums.
    const auto pixel = [this](double p, double start, int count) {
        int i = std::clamp(static_cast<int>(std::floor((p - start) / scale_)), 0, count - 1);
        while (i > 0 && p < start + i * scale_) {
            --i;
        }
        while (i + 1 < count && p >= start + (i + 1) * scale_) {
            ++i;
        }
        return i;
    };
    const int col = pixel(x, left, spec_.width);
    const int r = pixel(y, top, spec_.height);
    return MapPosition{channel, r, col};
}

ChannelGridLayout ChannelGridLayout::zoomedAt(double newScale, QPointF anchor) const {
    const double factor = newScale / scale_;
    ChannelGridLayout zoomed = *this;
    zoomed.scale_ = newScale;
    zoomed.gap_ = gap_ * factor;
    zoomed.origin_ = anchor - (anchor - origin_) * factor;
    return zoomed;
}

ChannelGridLayout ChannelGridLayout::translated(QPointF delta) const {
    return withOrigin(origin_ + delta);
}

ChannelGridLayout ChannelGridLayout::withOrigin(QPointF origin) const {
    ChannelGridLayout moved = *this;
    moved.origin_ = origin;
    return moved;
}

ChannelGridLayout ChannelGridLayout::keptInView(QRectF viewport, double margin) const {
    const QRectF content = contentRect();
    const auto shift = [](double lo, double hi, double viewLo, double viewHi, double m) {
        m = std::min(m, hi - lo);
        if (hi < viewLo + m) {
            return viewLo + m - hi;
        }
        if (lo > viewHi - m) {
            return viewHi - m - lo;
        }
        return 0.0;
    };
    return translated(
        QPointF(shift(content.left(), content.right(), viewport.left(), viewport.right(), margin),
                shift(content.top(), content.bottom(), viewport.top(), viewport.bottom(), margin)));
}

double zoomStep(double scale, int steps, double minScale, double maxScale) {
    constexpr double kStep = 1.4142135623730951;
    double s = scale;
    for (int i = 0; i < std::abs(steps); ++i) {
        double next = 0.0;
        if (steps > 0) {
            next = s * kStep;
            if (next >= 1.0) {
                next = std::max(std::round(next), std::floor(s) + 1.0);
            }
        } else {
            next = s / kStep;
            if (next >= 1.0) {
                next = std::min(std::round(next), std::ceil(s) - 1.0);
            }
            if (next < 1.0 && s > 1.0) {
                next = 1.0;
            }
        }
        s = std::clamp(next, minScale, maxScale);
    }
    return s;
}

}  // namespace stridelab::ui
