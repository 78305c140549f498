#pragma once

// Direct convolution (cross-correlation) for the instruction sets with vector kernels (AVX2 +
// FMA, AVX-512): no im2col and no padded copy of the whole input. Each task (a tile of output
// rows of one group) copies the input rows it reads into a small band, padded in the layer's
// mode and split into the column phases of the stride, so that every tap reads its outputs'
// inputs as contiguous vectors; a register-tiled row kernel (conv2d_direct_simd.h) then sums
// filters x output vectors over all input channels and taps. The tiling never depends on the
// thread count, so results are bit-identical for any --threads. docs/perf-notes-conv.md has
// the design and the measurements.

#include "kernels/activation.h"
#include "kernels/conv2d_gemm.h"
#include "kernels/isa.h"
#include "kernels/padding.h"
#include "tensor/tensor.h"

#include <atomic>
#include <cstdint>
#include <memory>
#include <vector>

namespace stridelab {

// Whether conv2dDirect runs now: the active instruction set has vector kernels (otherwise
// conv2dGemm is the path). Every geometry (stride, dilation, groups, padding) is supported.
[[nodiscard]] bool conv2dDirectAvailable();

// Whether conv2dDirect applies `activation` itself (ReLU and leaky ReLU, in the same
// arithmetic as applyActivation); the others are left to the caller.
[[nodiscard]] bool conv2dDirectFuses(Activation activation);

struct DirectConvActivation {
    Activation activation = Activation::Linear;  // Linear unless conv2dDirectFuses()
    float negativeSlope = 0.0F;
};

// Weights in the order the row kernels of one instruction set read them, for one layout of
// filters, input channels per group, kernel and groups. Packing is cheap but not free, and the
// conv2d layer keeps them between forwards (its weights never change).
class DirectConvWeights {
public:
    // The weights (PyTorch layout (filters, C_in/groups, kh, kw)) packed for activeIsa(); must
    // only be called when conv2dDirectAvailable().
    [[nodiscard]] static std::shared_ptr<const DirectConvWeights> pack(
        const float* weights, const ConvGeometry& geometry);
    // Whether these are packed for this geometry's weights on the active instruction set.
    [[nodiscard]] bool fits(const ConvGeometry& geometry) const;
    [[nodiscard]] const float* data() const { return values_.data(); }

private:
    Isa isa_ = Isa::Plain;
    std::int64_t filters_ = 0;
    std::int64_t inPerGroup_ = 0;
    std::int64_t groups_ = 0;
    Pair kernel_{0, 0};
    std::vector<float> values_;
};

// Where conv2dDirect stores its output. BySize: around the caches where the output is at least
// the last-level cache (kernels/cache_size.h), in them otherwise; Cached, Streamed: always
// (tests, and outputs read at once). Streamed stores only ever where every output row starts
// on a vector boundary and one band holds all the input channels; elsewhere cached.
enum class DirectConvStores { BySize, Cached, Streamed };

// Whether conv2dDirect, given `stores`, writes `output` of `geometry` around the caches with
// the active instruction set's kernels.
[[nodiscard]] bool conv2dDirectStreams(const Tensor& output, const ConvGeometry& geometry,
                                       DirectConvStores stores);

// `input` unpadded: the geometry's padding is added in `mode` as the bands are copied. With
// stride 1 and zeros, padding may be negative: a crop (conv2d_transpose_direct relies on it).
// bias: `filters` values or nullptr. `cancel`, when set during the call, stops it early with
// an unusable output. Must only be called when conv2dDirectAvailable(), with weights that
// fit() the geometry.
void conv2dDirect(const Tensor& input, const DirectConvWeights& weights, const float* bias,
                  const ConvGeometry& geometry, PaddingMode mode, DirectConvActivation activation,
                  Tensor& output, int threads, const std::atomic<bool>* cancel = nullptr,
                  DirectConvStores stores = DirectConvStores::BySize);

// The same with weights in PyTorch's layout (filters, C_in/groups, kh, kw), packed first.
void conv2dDirect(const Tensor& input, const float* weights, const float* bias,
                  const ConvGeometry& geometry, PaddingMode mode, DirectConvActivation activation,
                  Tensor& output, int threads, const std::atomic<bool>* cancel = nullptr,
                  DirectConvStores stores = DirectConvStores::BySize);

// One of several correlations that conv2dDirectSharingBand computes from one band.
struct SharedBandJob {
    const DirectConvWeights* weights = nullptr;  // fits(geometry)
    ConvGeometry geometry;
    Tensor* output = nullptr;  // geometry.output
};

// Several correlations of the same input, each with its own taps, zero padding (negative: a
// crop) and output, but all with stride 1 and one group: the sub-pixel phases of a transposed
// convolution (conv2d_transpose_direct). The input rows they read are copied into one band per
// block of channels, once for all of them (a conv2dDirect per phase copied them once per phase
// and per tile of one or two rows), on the calling thread. The same arithmetic as conv2dDirect
// otherwise; the bias goes into every output. Must only be called when
// conv2dDirectAvailable() and sharesBand() for every job.
void conv2dDirectSharingBand(const Tensor& input, const std::vector<SharedBandJob>& jobs,
                             const float* bias);
[[nodiscard]] bool sharesBand(const ConvGeometry& geometry);

}  // namespace stridelab
