#pragma once

// The transposed convolution as stride_h * stride_w ordinary correlations ("sub-pixel"
// decomposition): output positions whose full position has the same residue modulo the
// stride on each axis receive only the kernel taps whose offset k * dilation has that
// residue, each tap reading the input at a fixed shift. Each phase is a sum of GEMMs (one per
// tap: gathered sub-kernel x the zero-padded input read in place, no im2col), written straight
// into its strided output positions, so nothing goes through col2im and every output is
// written once.

#include "kernels/conv2d_gemm.h"

#include <atomic>

namespace stridelab {

// Same contract as conv2dTransposeGemm: weights in PyTorch layout (C_in, filters/groups, kh,
// kw), bias `filters` values or nullptr, the output is the window [offset, offset + out) of
// the full result (zero past its end) plus the bias. Covers every geometry (any stride,
// dilation, offset, groups). Results do not depend on the thread count.
// `cancel`, when set during the call, stops it early with an unusable output.
void conv2dTransposeSubpixel(const Tensor& input, const float* weights, const float* bias,
                             const TransposedConvGeometry& geometry, Tensor& output, int threads,
                             const std::atomic<bool>* cancel = nullptr);

// The memory (floats) a call needs besides its input and output, for Layer::workspaceBytes:
// shared (the gathered kernel and the zero-padded input) and per thread (one task's GEMM
// results). Sizes only, cheap for any shape.
struct SubpixelWorkspace {
    std::int64_t sharedFloats = 0;
    std::int64_t perThreadFloats = 0;
};
[[nodiscard]] SubpixelWorkspace conv2dTransposeSubpixelWorkspace(
    const TransposedConvGeometry& geometry);

}  // namespace stridelab
