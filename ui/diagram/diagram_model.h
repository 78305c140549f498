#pragma once

// What a diagram of the layer stack shows, independent of how it is laid out and painted: one
// entry per feature map (the input, then every layer's output) with its name, the layer that
// made it and its shape; the options a user chooses (style, colours, font size, scale).

#include "pipeline/element_trace.h"
#include "pipeline/pipeline_analysis.h"
#include "view/display_options.h"

#include <QColor>
#include <QImage>
#include <QString>
#include <QStringList>

#include <vector>

namespace stridelab::ui {

// "blocks": every map as a cuboid drawn to scale with its sizes written on its edges, the
// operations on the arrows between them. "maps": the real rendered feature maps as a stack of
// channel cards, with name, parameters and shape under each.
enum class DiagramStyle { Blocks, Maps };

// How a map's height and width become lengths on the page (see DiagramScaling).
enum class DiagramScale { Auto, Linear, Sqrt, Log };

// What made a map: the input, or a layer of the downsampling or upsampling family (the
// families of the Add menu, layer_registry.h).
enum class MapRole { Input, Downsampling, Upsampling };

struct DiagramPalette {
    QColor background{0xff, 0xff, 0xff};
    QColor text{0x21, 0x21, 0x21};
    QColor input{0xb0, 0xbe, 0xc5};
    QColor downsampling{0x5b, 0x9b, 0xd5};
    QColor upsampling{0xf0, 0x9a, 0x4a};

    [[nodiscard]] QColor color(MapRole role) const;
    friend bool operator==(const DiagramPalette&, const DiagramPalette&) = default;
};

// The palette's entries by name: "background", "text", "input", "downsampling",
// "upsampling" (the names of `--diagram-colors`).
[[nodiscard]] const QStringList& paletteColorNames();
// The entry named `name`, or nullptr.
[[nodiscard]] QColor* paletteColor(DiagramPalette& palette, const QString& name);

struct DiagramOptions {
    DiagramStyle style = DiagramStyle::Blocks;
    DiagramPalette palette;
    // Multiplies every font size (1 = 12-pixel names at 96 dpi).
    double fontScale = 1.0;
    DiagramScale scale = DiagramScale::Auto;
    // A row of maps wider than this (layout units, 1/96 inch) continues on the next row.
    double rowWidth = 1100.0;

    friend bool operator==(const DiagramOptions&, const DiagramOptions&) = default;
};

// One feature map of the diagram.
struct DiagramMap {
    QString name;         // "input", "enc1"
    QString type;         // the layer type that made it, "conv2d"; empty for the input
    QString description;  // Layer::describe(): "16 3x3 same relu"
    Shape shape;
    MapRole role = MapRole::Input;
    // Maps style: the rendered channels, front card first (one picture for an RGB map).
    std::vector<QImage> cards;
    // Maps style: a receptive-field trace drawn over the front card; `traceOrigin` marks the
    // map holding the traced element.
    std::optional<MapTrace> trace;
    bool traceOrigin = false;
};

struct DiagramContent {
    QString title;
    std::vector<DiagramMap> maps;
    // Maps style: how the channels were drawn (colour map, normalisation, RGB), for the legend.
    DisplayOptions display;
};

// The maps of a valid analysis: the input, then each layer's output, coloured by the family
// of the layer that made it. An error (naming the first broken layer) when the analysis is not
// ok: an invalid stack has no shapes to draw.
[[nodiscard]] Result<DiagramContent> diagramContent(const QString& title,
                                                    const PipelineReport& report);

// The most channels a maps-style stack shows as cards.
constexpr int kMaxDiagramCards = 6;

// Renders the cards of one map as `display` says: one RGB picture, or the first channels
// (at most kMaxDiagramCards), each normalised as the feature-map view does. Small maps are
// enlarged with square pixels and large ones reduced, so that every card is about
// `targetPixels` on its longer side and elements stay crisp when a viewer zooms.
[[nodiscard]] std::vector<QImage> renderDiagramCards(const Tensor& map,
                                                     const DisplayOptions& display,
                                                     int targetPixels = 320);

// Gives every map of `content` its cards from the input and one result per switched-on
// layer, when they all match the content's shapes; otherwise leaves every map without cards
// (a "maps" diagram of stale results would lie).
void attachDiagramCards(DiagramContent& content, const Tensor& input,
                        const std::vector<const Tensor*>& results);

// "blocks", "maps" and back.
[[nodiscard]] QString diagramStyleKey(DiagramStyle style);
[[nodiscard]] std::optional<DiagramStyle> diagramStyleFromKey(const QString& key);
// "auto", "linear", "sqrt", "log" and back.
[[nodiscard]] QString diagramScaleKey(DiagramScale scale);
[[nodiscard]] std::optional<DiagramScale> diagramScaleFromKey(const QString& key);

}  // namespace stridelab::ui
