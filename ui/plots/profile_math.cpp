#include "plots/profile_math.h"

#include "tensor/tensor.h"

#include <algorithm>
#include <cmath>

namespace stridelab::ui {

double layerToInputCoordinate(double layerX, std::int64_t inputExtent, std::int64_t layerExtent) {
    return (layerX + 0.5) * static_cast<double>(inputExtent) / static_cast<double>(layerExtent) -
           0.5;
}

double inputToLayerCoordinate(double inputX, std::int64_t inputExtent, std::int64_t layerExtent) {
    return (inputX + 0.5) * static_cast<double>(layerExtent) / static_cast<double>(inputExtent) -
           0.5;
}

std::int64_t layerIndexForInput(double inputRow, std::int64_t inputExtent,
                                std::int64_t layerExtent) {
    const double index = std::floor((inputRow + 0.5) * static_cast<double>(layerExtent) /
                                    static_cast<double>(inputExtent));
    if (!(index > 0.0)) {  // also NaN
        return 0;
    }
    if (index >= static_cast<double>(layerExtent - 1)) {
        return layerExtent - 1;
    }
    return static_cast<std::int64_t>(index);
}

StepLine stepLine(std::span<const float> samples, std::int64_t inputExtent) {
    StepLine line;
    if (samples.empty()) {
        return line;
    }
    const auto n = static_cast<std::int64_t>(samples.size());
    line.keys.reserve(samples.size() + 1);
    line.values.reserve(samples.size() + 1);
    for (std::int64_t i = 0; i <= n; ++i) {
        // The edge between samples i - 1 and i: the centre of sample i shifted back half a step.
        line.keys.push_back(layerToInputCoordinate(static_cast<double>(i) - 0.5, inputExtent, n));
        line.values.push_back(samples[static_cast<std::size_t>(std::min(i, n - 1))]);
    }
    return line;
}

std::vector<float> tensorRow(const Tensor& tensor, std::int64_t channel, std::int64_t row) {
    const std::int64_t width = tensor.shape().w;
    const float* begin = tensor.channel(channel) + row * width;
    return {begin, begin + width};
}

std::vector<float> channelMeanRow(const Tensor& tensor, std::int64_t row) {
    const auto& shape = tensor.shape();
    std::vector<double> sums(static_cast<std::size_t>(shape.w), 0.0);
    for (std::int64_t c = 0; c < shape.c; ++c) {
        for (std::int64_t x = 0; x < shape.w; ++x) {
            sums[static_cast<std::size_t>(x)] += tensor.at(c, row, x);
        }
    }
    std::vector<float> mean(sums.size());
    for (std::size_t x = 0; x < sums.size(); ++x) {
        mean[x] = static_cast<float>(sums[x] / static_cast<double>(shape.c));
    }
    return mean;
}

}  // namespace stridelab::ui
