#pragma once

// A pipeline: one input plus an ordered stack of layers (pipeline-format.md).

#include "layers/layer_loading.h"

#include <QDir>
#include <QSet>
#include <QString>

#include <optional>
#include <vector>

namespace stridelab {

enum class InputKind { Image, Tensor, Shape };
enum class ColorMode { Rgb, Grayscale, Rgba };

struct InputSpec {
    InputKind kind = InputKind::Shape;
    QString source;  // image path or "builtin:NAME", or .npy path, as written in the file
    std::optional<ColorMode> colorMode;  // as written; rgb by default
    std::optional<Pair> resize;          // [H, W]
    Shape shape;                         // kind == Shape

    [[nodiscard]] ColorMode effectiveColorMode() const {
        return colorMode.value_or(ColorMode::Rgb);
    }
};

struct PipelineLayer {
    QString name;
    bool explicitName = false;  // false: a Keras-style default ("conv2d_1"), not written back
    LayerPtr layer;
    // Switched off in the GUI: skipped by analysis and computation. Not part of the file
    // format (a saved file holds the layer, switched on).
    bool enabled = true;
};

struct Pipeline {
    QString name;
    InputSpec input;
    std::vector<PipelineLayer> layers;
    QDir baseDir;  // relative paths in the file are relative to this folder

    [[nodiscard]] const PipelineLayer* find(const QString& layerName) const;
};

[[nodiscard]] const QStringList& colorModeNames();

// The pipeline without its switched-off layers, and where each remaining layer stood.
struct EnabledLayers {
    Pipeline pipeline;
    std::vector<int> positions;  // positions[i]: index in the full pipeline of layer i
};
[[nodiscard]] EnabledLayers enabledLayers(const Pipeline& pipeline);

// The names of the layers whose indices a later max_unpool2d reads (`indices_from`): the only
// max pools that need to record them.
[[nodiscard]] QSet<QString> unpooledLayerNames(const Pipeline& pipeline);

}  // namespace stridelab
