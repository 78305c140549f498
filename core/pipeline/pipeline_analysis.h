#pragma once

// Shape inference over a whole pipeline, without computing a pixel: what `summary` prints and
// the GUI's readouts show.

#include "pipeline/pipeline.h"

#include <array>
#include <optional>

namespace stridelab {

struct LayerReport {
    int index = 0;  // 1-based; the input is 0
    QString name;
    QString type;
    QString description;
    Shape input;                      // valid when the layer has a shape or its own error
    std::optional<LayerShape> shape;  // nothing when the layer or one before it is invalid
    std::optional<Error> error;       // its own error, or one naming the first broken layer
    bool ownError = false;
    // Height, width; nothing where it would take too long to work out (receptive_field.h).
    std::array<std::optional<std::int64_t>, 2> receptiveField{};
    std::array<double, 2> jump{};
};

struct PipelineReport {
    Shape input;
    std::vector<LayerReport> layers;
    std::int64_t totalParams = 0;
    std::int64_t totalMacs = 0;
    // Bytes the input, every feature map, indices and the largest workspace take.
    std::int64_t memoryBytes = 0;
    // Bytes each computing thread needs on top of memoryBytes (the largest over the layers).
    std::int64_t perThreadBytes = 0;

    // What a run with this many threads needs.
    [[nodiscard]] std::int64_t memoryBytesFor(int threads) const;

    [[nodiscard]] bool ok() const;
    // The first layer with an error of its own.
    [[nodiscard]] const LayerReport* firstBroken() const;
};

[[nodiscard]] PipelineReport analyzePipeline(const Pipeline& pipeline, const Shape& input);

// The report of `enabled` (see enabledLayers) spread over all of `pipeline`'s layers: a
// switched-off layer gets a row with no shape and the error "switched off" (not its own
// error, so the pipeline stays valid; translated, as only the GUI switches layers off), and
// the indices count every layer.
[[nodiscard]] PipelineReport spreadOverAllLayers(const PipelineReport& enabled,
                                                 const Pipeline& pipeline,
                                                 const std::vector<int>& positions);

// "1.50 GiB", "12.0 MiB", "512 bytes".
[[nodiscard]] QString formatBytes(std::int64_t bytes);

}  // namespace stridelab
