#pragma once

// Output-size arithmetic of every layer type, one function per formula, per axis, in signed
// 64-bit. These functions never fail: they report `out` as computed (possibly < 1) with the
// numbers that produced it, and the layer turns an impossible result into an error message.

#include "shape/padding.h"

#include <QString>

#include <cstdint>
#include <optional>

namespace stridelab {

struct AxisShape {
    std::int64_t in = 0;
    std::int64_t out = 0;
    std::int64_t before = 0;  // padding applied before (top/left); crop offset for transposed conv
    std::int64_t after = 0;   // padding applied after; for transposed conv full - offset - out
    std::int64_t paddedExtent = 0;
    std::int64_t kernel = 1;  // kernel extent as written (1 for resizing)
    std::int64_t effectiveKernel = 1;
    std::int64_t stride = 1;
    std::int64_t dilation = 1;
    QString formula;  // with the numbers filled in, ending in "= out"
};

[[nodiscard]] std::int64_t floorDiv(std::int64_t a, std::int64_t b);
[[nodiscard]] std::int64_t ceilDiv(std::int64_t a, std::int64_t b);
[[nodiscard]] std::int64_t effectiveKernelExtent(std::int64_t kernel, std::int64_t dilation);

// conv2d: "valid", TensorFlow "same", or explicit padding.
[[nodiscard]] AxisShape convAxis(std::int64_t n, std::int64_t kernel, std::int64_t stride,
                                 std::int64_t dilation, const PaddingSpec& padding, Axis axis);

// max_pool2d / avg_pool2d: as convAxis with dilation 1, plus PyTorch's ceil_mode.
[[nodiscard]] AxisShape poolAxis(std::int64_t n, std::int64_t kernel, std::int64_t stride,
                                 const PaddingSpec& padding, bool ceilMode, Axis axis);

// conv2d_transpose with Keras strings or PyTorch explicit padding. `before` is the crop
// offset into the full transposed convolution of length (n - 1)*s + ke.
[[nodiscard]] AxisShape transposedConvAxis(std::int64_t n, std::int64_t kernel, std::int64_t stride,
                                           std::int64_t dilation, const PaddingSpec& padding,
                                           std::optional<std::int64_t> outputPadding, Axis axis);
[[nodiscard]] std::int64_t transposedFullExtent(const AxisShape& axis);

// upsampling2d by an integer factor, or to a fixed size.
[[nodiscard]] AxisShape resizeByFactor(std::int64_t n, std::int64_t factor);
[[nodiscard]] AxisShape resizeToSize(std::int64_t n, std::int64_t size);

}  // namespace stridelab
