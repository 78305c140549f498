#pragma once

// Where everything of a diagram goes, as plain geometry (no painting): blocks or card stacks
// to scale, dimension labels, arrows with the operations, captions, rows, the legend. The
// painter (diagram_painter.h) only draws what this says, so the geometry is tested alone.
//
// Units: 1/96 inch (a CSS pixel); a diagram `size` wide is size/96 inches in every format.
//
// Scale. The largest height or width among the maps is drawn kMaxSpatialLength long; an
// extent e of the largest E is drawn
//   linear: 150 * e / E                      (to scale: half the size, half as long)
//   sqrt:   150 * sqrt(e / E)                (half the size, 1/sqrt(2) as long)
//   log:    150 * (1 + log2 e) / (1 + log2 E) (half the size, a fixed step shorter)
// and "auto" picks linear when E is at most 8 times the smallest extent (which is then at
// least 18.75 long), sqrt up to 256 times (at least 9.4 long: 416x416 and 13x13 both fit)
// and log beyond. A block's height is its map's H and its receding depth its W, drawn at 45
// degrees and half length (oblique "cabinet" projection); its width along the flow is the
// channels, 4 + 5 * log2(C) (C = 1 is 4 long, C = 1024 is 54), always on that log scale
// since channel counts range over three orders of magnitude. The exact sizes are written on
// the edges.

#include "diagram/diagram_model.h"

#include <QFont>
#include <QPolygonF>
#include <QRectF>

#include <optional>
#include <vector>

namespace stridelab::ui {

constexpr double kMaxSpatialLength = 150.0;
// The receding (W) edge is drawn at 45 degrees and half its length: x and y offsets of
// length * 0.5 * cos(45 degrees).
constexpr double kDepthFactor = 0.35355339059327373;

struct DiagramScaling {
    DiagramScale scale = DiagramScale::Linear;  // resolved: never Auto
    std::int64_t largest = 1;                   // the largest height or width of any map

    // The drawn length of a height or width.
    [[nodiscard]] double length(std::int64_t extent) const;
};

// The scale for these maps; `requested` Auto resolves as the header says.
[[nodiscard]] DiagramScaling diagramScaling(const std::vector<DiagramMap>& maps,
                                            DiagramScale requested);
// A block's width along the flow for C channels: 4 + 5 * log2(C).
[[nodiscard]] double channelThickness(std::int64_t channels);

enum class TextRole { Title, Name, Detail, Dimension, Legend };

// The fonts, by role, sized in pixels so that they measure the same on every device.
[[nodiscard]] QFont diagramFont(TextRole role, double fontScale);

struct DiagramText {
    QString text;
    QRectF rect;  // measured to fit the text; drawn with `alignment` inside
    TextRole role = TextRole::Detail;
    Qt::Alignment alignment = Qt::AlignLeft | Qt::AlignVCenter;
};

// One map: a cuboid (blocks) or a stack of cards (maps).
struct DiagramBlock {
    int map = 0;  // index into DiagramContent::maps
    MapRole role = MapRole::Input;
    // Blocks: the front face, width from the channels, height from H. Maps: the front card,
    // W by H.
    QRectF front;
    // Blocks: the receding edge, from W. Maps: the offset of each card behind the previous.
    QPointF depth;
    int cards = 1;  // maps: the cards in the stack

    [[nodiscard]] QPolygonF topFace() const;   // blocks
    [[nodiscard]] QPolygonF sideFace() const;  // blocks
    // The front card moved back by `i` steps (maps).
    [[nodiscard]] QRectF card(int i) const { return front.translated(depth * i); }
    [[nodiscard]] QRectF bounds(DiagramStyle style) const;
};

// A polyline from the first point to the last, with the arrowhead at the last.
struct DiagramArrow {
    QPolygonF path;
};

struct DiagramSwatch {
    QRectF rect;
    MapRole role = MapRole::Input;
};

struct DiagramLayout {
    QSizeF size;
    DiagramScaling scaling;
    std::vector<DiagramBlock> blocks;  // one per map, in order
    std::vector<DiagramText> texts;
    std::vector<DiagramArrow> arrows;  // one per layer, from its input map to its output
    std::vector<DiagramSwatch> swatches;
    std::optional<DiagramBlock> key;  // blocks: the legend's cuboid naming C, H and W
    QRectF colorBar;                  // maps: the legend's colour map, low to high
    int rows = 0;

    // The texts of one role, in order (for tests).
    [[nodiscard]] std::vector<DiagramText> textsOf(TextRole role) const;
};

[[nodiscard]] DiagramLayout layoutDiagram(const DiagramContent& content,
                                          const DiagramOptions& options);

}  // namespace stridelab::ui
