#pragma once

#include <QPointF>
#include <QRectF>

#include <optional>

namespace stridelab::ui {

// One element of a feature map: channel, row (y) and column (x).
struct MapPosition {
    int channel = 0;
    int row = 0;
    int col = 0;

    friend bool operator==(const MapPosition&, const MapPosition&) = default;
};

// What is laid out: `channels` tiles of height x width map pixels.
struct GridSpec {
    int channels = 0;
    int height = 0;
    int width = 0;

    friend bool operator==(const GridSpec&, const GridSpec&) = default;
};

// Where the channels of a feature map go on screen: tiles of width x height map pixels in a
// grid of `columns`, channel c at column c % columns and row c / columns, each map pixel a
// square of `scale` screen pixels, tiles `gap` screen pixels apart, the first tile's top-left
// corner at `origin`. Pure geometry, so the widgets only draw what it says.
class ChannelGridLayout {
public:
    ChannelGridLayout() = default;
    ChannelGridLayout(GridSpec spec, int columns, double scale, double gap, QPointF origin);

    // The columns that give the largest scale in `area` with `spacing` screen pixels between
    // tiles, centred in it. A scale of 1 or more is rounded down to a whole number so that
    // every map pixel is the same number of screen pixels; below 1 it stays fractional.
    // Ties go to the larger unrounded scale, then to fewer columns. The origin is rounded
    // down to whole pixels.
    [[nodiscard]] static ChannelGridLayout fit(GridSpec spec, QRectF area, double spacing);

    [[nodiscard]] const GridSpec& spec() const { return spec_; }
    [[nodiscard]] int columns() const { return columns_; }
    [[nodiscard]] int rows() const { return rows_; }
    [[nodiscard]] double scale() const { return scale_; }
    [[nodiscard]] double gap() const { return gap_; }
    [[nodiscard]] QPointF origin() const { return origin_; }
    [[nodiscard]] bool isEmpty() const { return spec_.channels <= 0 || columns_ <= 0; }

    // The screen rectangle of one channel's tile; empty for a channel out of range.
    [[nodiscard]] QRectF tileRect(int channel) const;
    // The screen rectangle of map pixel (row, col) of a channel.
    [[nodiscard]] QRectF pixelRect(const MapPosition& position) const;
    // The bounding rectangle of all tiles.
    [[nodiscard]] QRectF contentRect() const;

    // The map pixel whose square contains the point (left and top edges inclusive, right
    // and bottom exclusive); none in the gaps, in empty grid cells and outside.
    [[nodiscard]] std::optional<MapPosition> hitTest(QPointF point) const;

    // The same layout at another scale, the point under `anchor` staying under it (gaps grow
    // with the scale, so the whole grid zooms like one picture).
    [[nodiscard]] ChannelGridLayout zoomedAt(double newScale, QPointF anchor) const;
    [[nodiscard]] ChannelGridLayout translated(QPointF delta) const;
    [[nodiscard]] ChannelGridLayout withOrigin(QPointF origin) const;
    // Moved as little as possible so that at least min(margin, content size) of the content
    // stays inside the viewport on each axis.
    [[nodiscard]] ChannelGridLayout keptInView(QRectF viewport, double margin) const;

    friend bool operator==(const ChannelGridLayout&, const ChannelGridLayout&) = default;

private:
    [[nodiscard]] double tileLeft(int column) const;
    [[nodiscard]] double tileTop(int row) const;

    GridSpec spec_;
    int columns_ = 0;
    int rows_ = 0;
    double scale_ = 1.0;
    double gap_ = 0.0;
    QPointF origin_;
};

// The scale after `steps` zoom steps (positive in, negative out) of a factor of about sqrt(2)
// each. At 1 and above the scale stays a whole number, each step changing it by at least 1,
// so map pixels stay equal squares; the result is clamped to [minScale, maxScale].
[[nodiscard]] double zoomStep(double scale, int steps, double minScale, double maxScale);

}  // namespace stridelab::ui
