#pragma once

// The transposed convolution through the direct convolution's vector kernels
// (conv2d_direct.h), for the instruction sets that have them. Sub-pixel decomposition: the
// outputs whose full position has residue (ry, rx) modulo the stride receive only the taps k
// with k * dilation of that residue, and on each axis those taps read the input at shifts in
// steps of dilation / gcd(stride, dilation). So each phase is an ordinary stride-1
// correlation of the input with the phase's taps flipped (dilated by that step, zero padding
// that differs per side, negative where the phase starts inside the input), computed by
// conv2dDirect. A task takes a few rows of every phase (the output rows between two row
// multiples of the stride) into small planes that stay in cache, then writes those output
// rows whole (the column phases of stride 2 interleaved in one pass). conv2dTransposeSubpixel
// (Eigen GEMMs) stays the path of the plain instruction set. docs/perf-notes-subpixel.md has
// the design and the measurements.

#include "kernels/conv2d_direct.h"

#include <atomic>
#include <memory>
#include <vector>

namespace stridelab {

// One phase's sub-kernels packed for conv2dDirect. The packing depends on the taps only
// (kernel, stride, dilation, the offset modulo the stride, groups, channels), not on the
// input's size, and the layer keeps it between forwards (its weights never change).
class TransposedDirectWeights {
public:
    // The weights (PyTorch layout (C_in, filters/groups, kh, kw)) packed for activeIsa(); must
    // only be called when conv2dDirectAvailable().
    [[nodiscard]] static std::shared_ptr<const TransposedDirectWeights> pack(
        const float* weights, const TransposedConvGeometry& geometry);
    // Whether these are packed for this geometry's taps on the active instruction set.
    [[nodiscard]] bool fits(const TransposedConvGeometry& geometry) const;

    // Phase (py, px), indexed by its first output on each axis: nullptr when the phase has no
    // tap on some axis (its outputs are the bias alone).
    [[nodiscard]] const DirectConvWeights* phase(std::int64_t py, std::int64_t px) const {
        return phases_[static_cast<std::size_t>(py * columnPhases_ + px)].get();
    }

private:
    Isa isa_ = Isa::Plain;
    TransposedConvGeometry key_;  // input/output sizes only as far as fits() compares them
    std::int64_t columnPhases_ = 0;
    std::vector<std::shared_ptr<const DirectConvWeights>> phases_;
};

// Same contract as conv2dTransposeSubpixel (the output is the window [offset, offset + out)
// of the full result, plus the bias), with weights that fit() the geometry. Results do not
// depend on the thread count. Must only be called when conv2dDirectAvailable().
void conv2dTransposeDirect(const Tensor& input, const TransposedDirectWeights& weights,
                           const float* bias, const TransposedConvGeometry& geometry,
                           Tensor& output, int threads, const std::atomic<bool>* cancel = nullptr);

// The same with weights in PyTorch's layout, packed first.
void conv2dTransposeDirect(const Tensor& input, const float* weights, const float* bias,
                           const TransposedConvGeometry& geometry, Tensor& output, int threads,
                           const std::atomic<bool>* cancel = nullptr);

// Floats the packed weights take (for Layer::workspaceBytes).
[[nodiscard]] std::int64_t conv2dTransposeDirectWorkspaceFloats(
    const TransposedConvGeometry& geometry);

}  // namespace stridelab
