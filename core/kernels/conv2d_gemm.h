#pragma once

// Convolution (cross-correlation) through im2col and Eigen's GEMM, tiled over output rows so
// the column buffer stays small, both cores used.

#include "kernels/padding.h"
#include "tensor/shape.h"
#include "tensor/tensor.h"

#include <atomic>

namespace stridelab {

struct ConvGeometry {
    Shape input;  // unpadded
    Shape output;
    Pair kernel{1, 1};
    Pair stride{1, 1};
    Pair dilation{1, 1};
    Padding2d padding;
    std::int64_t groups = 1;
};

// The largest column buffer (floats) one thread uses for a GEMM of `rows` (C_in/groups * kh *
// kw) by output rows `outputWidth` wide.
[[nodiscard]] std::int64_t conv2dColumnBufferFloats(std::int64_t rows, std::int64_t outputWidth);

// Output rows `width` wide split into tiles whose column buffers (k x tile) stay near the
// budget, at least a few so both cores get work, all of (nearly) equal height. The tiling never
// depends on the thread count, so results are bit-identical for any --threads.
struct GemmRowTiles {
    std::int64_t rowsPerTile = 1;
    std::int64_t count = 0;
};
[[nodiscard]] GemmRowTiles gemmRowTiles(std::int64_t k, std::int64_t height, std::int64_t width);

// Row-major operands, each row `stride` floats after the previous one.
struct RowMajorOperand {
    const float* data;
    std::int64_t stride;
};

// out (m x n, rows `outStride` apart) = (or += when `accumulate`) a (m x k) * b (k x n), through
// Eigen's GEMM (single-threaded inside an OpenMP parallel region).
void gemmRowMajor(RowMajorOperand a, RowMajorOperand b, std::int64_t m, std::int64_t k,
                  std::int64_t n, float* out, std::int64_t outStride, bool accumulate = false);

// weights: PyTorch layout (filters, C_in/groups, kh, kw); bias: `filters` values or nullptr.
// `input` must already be padded (padding is applied by the caller in its mode); the
// geometry's padding is only what was added.
// `cancel`, when set during the call, stops it early with an unusable output.
void conv2dGemm(const Tensor& paddedInput, const float* weights, const float* bias,
                const ConvGeometry& geometry, Tensor& output, int threads,
                const std::atomic<bool>* cancel = nullptr);

// The transposed convolution: input element i adds w[j] to full position i*s + j*d; the
// output is the window [offset, offset + out) of the full result, zero past its end.
// weights: PyTorch layout (C_in, filters/groups, kh, kw).
struct TransposedConvGeometry {
    Shape input;
    Shape output;
    Pair kernel{1, 1};
    Pair stride{1, 1};
    Pair dilation{1, 1};
    Pair offset{0, 0};
    std::int64_t groups = 1;
};

void conv2dTransposeGemm(const Tensor& input, const float* weights, const float* bias,
                         const TransposedConvGeometry& geometry, Tensor& output, int threads,
                         const std::atomic<bool>* cancel = nullptr);

}  // namespace stridelab
