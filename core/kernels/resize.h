#pragma once

// Resizing with PyTorch's arithmetic: nearest / nearest-exact in exact integers; bilinear and
// bicubic (a = -0.75) as separable taps with the three coordinate modes.

#include "tensor/tensor.h"

#include <array>
#include <cstdint>
#include <vector>

namespace stridelab {

enum class Interpolation { Nearest, NearestExact, Bilinear, Bicubic };
enum class CoordinateMode { HalfPixel, AlignCorners, Asymmetric };

// The source taps of one output index on one axis.
struct ResizeTaps {
    std::array<std::int64_t, 4> index{};  // unclamped source indices
    std::array<float, 4> weight{};
    int count = 0;
};

// Taps of output index x over an axis of n_in -> n_out. Indices are not clamped to the input
// (the receptive field wants them unbounded); the kernel clamps them when reading.
[[nodiscard]] ResizeTaps resizeTaps(std::int64_t x, std::int64_t nIn, std::int64_t nOut,
                                    Interpolation interpolation, CoordinateMode mode);

void resize2d(const Tensor& input, Interpolation interpolation, CoordinateMode mode, Tensor& output,
              int threads);

}  // namespace stridelab
