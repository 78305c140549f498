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

// Where output index x samples the input, in input index coordinates (element i sits at i):
// bilinear and bicubic interpolate around it (PyTorch's source index, in float as its CPU
// kernel computes it); nearest and nearest_exact take the element nearest to it, ties to
// the later one (legacy nearest samples the output element's left edge, x*n_in/n_out - 0.5;
// nearest_exact its centre). For display: resizeTaps is what computes.
[[nodiscard]] float resizeSourceCoordinate(std::int64_t x, std::int64_t nIn, std::int64_t nOut,
                                           Interpolation interpolation, CoordinateMode mode,
                                           TapDomain domain = TapDomain::Image);

// Taps of output index x over an axis of n_in -> n_out. Tap indices are never clamped to the
// input here; the kernel clamps them when reading.
[[nodiscard]] ResizeTaps resizeTaps(std::int64_t x, std::int64_t nIn, std::int64_t nOut,
                                    Interpolation interpolation, CoordinateMode mode,
                                    TapDomain domain = TapDomain::Image);

void resize2d(const Tensor& input, Interpolation interpolation, CoordinateMode mode, Tensor& output,
              int threads);

}  // namespace stridelab
