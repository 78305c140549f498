#pragma once

// The register-tiled inner loop of conv2d_direct.cpp, compiled once per instruction set
// (conv2d_direct_avx2.cpp, conv2d_direct_avx512.cpp from conv2d_direct_simd_impl.h), with raw
// pointers and integers only (see kernels/isa.h for why). One call computes one output row of
// a block of filters from a band of input rows that the caller has already padded and split
// into column phases, so that every tap reads its outputs' inputs contiguously.

#include <cstdint>

// The per-ISA files (which define STRIDELAB_SIMD_NS) see only the plain declarations.
#if !defined(STRIDELAB_SIMD_NS)
#include "kernels/isa.h"
#endif

namespace stridelab::simd {

// What happens to each sum before it is stored (the activations that cost one instruction).
enum class ConvEpilogue : std::int32_t { None = 0, Relu = 1, LeakyRelu = 2 };

struct ConvRow {
    // For each tap (ky, kx), row-major: where the input of output x = 0 is, for input channel
    // 0; output x reads tap[t][x] (+ channel * channelPitch). Whole vectors are read, so each
    // tap row must be readable up to the output width rounded up to `lanes` (the caller's
    // slack holds anything finite there).
    const float* const* taps = nullptr;
    std::int64_t tapCount = 0;
    std::int64_t channels = 0;
    std::int64_t channelPitch = 0;
    // Packed as [channel][tap][filter] with `filters` floats innermost.
    const float* weights = nullptr;
    std::int64_t filters = 0;  // 1..ConvKernels::maxFilters
    // Filter f's output row is out + f * outPlane, `width` floats written.
    float* out = nullptr;
    std::int64_t outPlane = 0;
    std::int64_t width = 0;
    const float* bias = nullptr;  // `filters` values, or nullptr for zero
    bool accumulate = false;      // add to what `out` holds instead of the bias
    ConvEpilogue epilogue = ConvEpilogue::None;
    float negativeSlope = 0.0F;
    // Cache lines [prefetch, prefetch + 16 * prefetchLines) to request into L2 while
    // computing (the input of a later task), or none.
    const float* prefetch = nullptr;
    std::int64_t prefetchLines = 0;
    // Whole vectors stored around the caches (every row on a vector boundary; not with
    // `accumulate`); the caller calls fenceStreamedStores (kernels/streamed_stores.h) once its rows
    // are done.
    bool stream = false;
};

struct ConvKernels {
    std::int32_t lanes;       // floats a vector
    std::int32_t maxFilters;  // the most filters one call takes
    void (*convRow)(const ConvRow& row);
    // dst0[j] = src[2j], dst1[j] = src[2j + 1], j in [0, n): the column phases of stride 2.
    void (*splitPhases2)(const float* src, std::int64_t n, float* dst0, float* dst1);
};

#if defined(STRIDELAB_X86_SIMD)
extern const ConvKernels kAvx2Conv;
extern const ConvKernels kAvx512Conv;
#endif

#if !defined(STRIDELAB_SIMD_NS)
// The table for activeIsa(), or nullptr on the plain path (kernels/simd_tables.cpp).
[[nodiscard]] const ConvKernels* convKernels();
#endif

}  // namespace stridelab::simd
