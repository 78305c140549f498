#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace stridelab {
class Tensor;
}

namespace stridelab::ui {

// Maps between the input's pixel coordinates and a feature map's, assuming both cover the same
// field of view with pixel centres at integer coordinates: a sample of a map that is `scale`
// times smaller spans `scale` input pixels, so a 2x-downsampled map's samples sit between
// input pixels (x_l = 0 -> 0.5) and a 2x-upsampled map's sit a quarter pixel off (x_l = 0 ->
// -0.25). Extents must be positive.

// (layerX + 0.5) * inputWidth / layerWidth - 0.5
[[nodiscard]] double layerToInputCoordinate(double layerX, std::int64_t inputExtent,
                                            std::int64_t layerExtent);
// The inverse: (inputX + 0.5) * layerWidth / inputWidth - 0.5
[[nodiscard]] double inputToLayerCoordinate(double inputX, std::int64_t inputExtent,
                                            std::int64_t layerExtent);
// The layer row (or column) whose span holds input coordinate `inputRow`:
// floor((inputRow + 0.5) * layerExtent / inputExtent), clamped to [0, layerExtent - 1].
// With layerExtent == inputExtent this is the input's own row, inputRow rounded half up.
[[nodiscard]] std::int64_t layerIndexForInput(double inputRow, std::int64_t inputExtent,
                                              std::int64_t layerExtent);

// A row of samples drawn as pixels: sample i is a flat step over input coordinates
// [left_i, left_i + inputExtent / samples.size()), where left_i is the sample's left edge.
// keys holds the n left edges plus the right edge of the last sample, values the n samples
// plus the last one repeated, so a "step left" line through them draws every sample at its
// full width.
struct StepLine {
    std::vector<double> keys;
    std::vector<double> values;
};
[[nodiscard]] StepLine stepLine(std::span<const float> samples, std::int64_t inputExtent);

// The row `row` of channel `channel` of a (C, H, W) tensor.
[[nodiscard]] std::vector<float> tensorRow(const Tensor& tensor, std::int64_t channel,
                                           std::int64_t row);
// The mean over channels of row `row`, the reference shown when the input has other channels
// than the layer (RGB input under a 64-channel convolution).
[[nodiscard]] std::vector<float> channelMeanRow(const Tensor& tensor, std::int64_t row);

}  // namespace stridelab::ui
