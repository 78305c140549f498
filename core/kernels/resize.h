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

// Where the taps are asked for: on the image, with PyTorch's clamp of the half-pixel bilinear
// source coordinate at 0; or over an unbounded input (the receptive field), where output
// positions outside the image map by the same formulas and nothing is clamped.
enum class TapDomain { Image, Unbounded };

// Taps of output index x over an axis of n_in -> n_out. Tap indices are never clamped to the
// input here; the kernel clamps them when reading.
[[nodiscard]] ResizeTaps resizeTaps(std::int64_t x, std::int64_t nIn, std::int64_t nOut,
                                    Interpolation interpolation, CoordinateMode mode,
                                    TapDomain domain = TapDomain::Image);

void resize2d(const Tensor& input, Interpolation interpolation, CoordinateMode mode, Tensor& output,
              int threads);

}  // namespace stridelab
