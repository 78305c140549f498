#pragma once

// Naive reference kernels: loop nests that read like the formulas of the pipeline format
// (/work/shared/spec/pipeline-format.md), written without looking for speed, so that the
// optimized kernels in core/kernels/ can be compared with them. Only vocabulary types
// (Tensor, Shape, Pair, the mode enums) are shared with core; no arithmetic is.

#include "kernels/activation.h"
#include "kernels/padding.h"
#include "kernels/resize.h"
#include "tensor/shape.h"
#include "tensor/tensor.h"

#include <cstdint>
#include <vector>

namespace stridelab::test {

// The unpadded source index read for index i (may be outside [0, n)) on an axis of n, or
// -1 where the position is padding filled with a constant (zeros mode).
[[nodiscard]] std::int64_t referenceSourceIndex(std::int64_t i, std::int64_t n, PaddingMode mode);

// `input` with `padding` added around it in `mode` (`fill` for zeros).
[[nodiscard]] Tensor referencePad(const Tensor& input, const Padding2d& padding, PaddingMode mode,
                                  float fill = 0.0F);

struct ConvParams {
    std::int64_t filters = 1;
    Pair kernel{1, 1};
    Pair stride{1, 1};
    Pair dilation{1, 1};
    std::int64_t groups = 1;
    Padding2d padding;  // explicit top, bottom, left, right
    PaddingMode mode = PaddingMode::Zeros;
};

// out = floor((n + before + after - ke) / s) + 1 per axis, ke = d*(k - 1) + 1.
[[nodiscard]] Shape referenceConvShape(const Shape& input, const ConvParams& p);

// Cross-correlation. weights: (filters, C_in/groups, kh, kw); bias: `filters` values or empty.
[[nodiscard]] Tensor referenceConv2d(const Tensor& input, const std::vector<float>& weights,
                                     const std::vector<float>& bias, const ConvParams& p);

struct TransposedConvParams {
    std::int64_t filters = 1;
    Pair kernel{1, 1};
    Pair stride{1, 1};
    Pair dilation{1, 1};
    std::int64_t groups = 1;
    Pair offset{0, 0};  // start of the output window in the full result
    Pair output{1, 1};  // output extent (height, width)
};

// Scatter: input element i adds w[j] to full position i*s + j*d; the output is the window
// [offset, offset + out) of the full result, zero past its end, plus the bias.
// weights: (C_in, filters/groups, kh, kw); bias: `filters` values or empty.
[[nodiscard]] Tensor referenceConv2dTranspose(const Tensor& input,
                                              const std::vector<float>& weights,
                                              const std::vector<float>& bias,
                                              const TransposedConvParams& p);

struct PoolParams {
    Pair kernel{2, 2};
    Pair stride{2, 2};
    Padding2d padding;
    bool ceilMode = false;
};

// The pool output shape with PyTorch's ceil_mode rule (a last window that would start in
// the bottom/right padding is dropped).
[[nodiscard]] Shape referencePoolShape(const Shape& input, const PoolParams& p);

// Max over each window, padding is minus infinity; `argmax` (if given) receives h*W + w of
// the winner, ties to the first in row-major order.
[[nodiscard]] Tensor referenceMaxPool2d(const Tensor& input, const PoolParams& p,
                                        std::vector<std::int32_t>* argmax = nullptr);

// Average over each window. countIncludePad: divide by the part of the window inside the
// padded input (PyTorch count_include_pad=True, including ceil_mode overhangs); otherwise by
// the real elements.
[[nodiscard]] Tensor referenceAvgPool2d(const Tensor& input, const PoolParams& p,
                                        bool countIncludePad);

// Resize to (C, height, width); source coordinates computed in double.
[[nodiscard]] Tensor referenceResize(const Tensor& input, std::int64_t height, std::int64_t width,
                                     Interpolation interpolation, CoordinateMode mode);

// Zeros of `output`'s shape, then input element i of channel c written at indices[c][i], in
// row-major order so the later one wins.
[[nodiscard]] Tensor referenceMaxUnpool2d(const Tensor& input,
                                          const std::vector<std::int32_t>& indices,
                                          const Shape& output);

// Triangle-filter resize whose filter is widened by the shrink factor (Pillow, TensorFlow
// antialias=True), normalised over the taps inside the input.
[[nodiscard]] Tensor referenceAntialiasedResize(const Tensor& input, std::int64_t height,
                                                std::int64_t width);

[[nodiscard]] Tensor referenceActivation(const Tensor& input, Activation activation,
                                         float negativeSlope);

}  // namespace stridelab::test
