#pragma once

// The vectorised inner loops of pooling.cpp and resize.cpp, compiled once per instruction set
// (pool_resize_avx2.cpp, pool_resize_avx512.cpp from pool_resize_simd_impl.h). Each works on
// one output row of one channel, with raw pointers only (see kernels/isa.h for why); the
// callers keep the threads, the windows that touch padding and the rare cases.

#include <cstdint>

// The per-ISA files (which define STRIDELAB_SIMD_NS) see only the plain declarations.
#if !defined(STRIDELAB_SIMD_NS)
#include "kernels/isa.h"
#endif

namespace stridelab::simd {

// Output rows of a pool whose horizontal stride is 1 or 2, over the output columns
// [oxBegin, oxEnd) whose windows lie inside the input row (no padding on the sides): the row
// described, then `rows - 1` more below it, each window strideH input rows lower and each
// output dstStep floats further. A call covers a whole run of rows because a call per row
// cost more than the row itself (the switch between these AVX loops and the callers'
// baseline code, 0.32 -> 0.83 ms for a 2x2 pool over 16 MiB).
struct PoolRow {
    const float* src = nullptr;  // the channel, inW floats per row
    std::int64_t inW = 0;
    std::int64_t yBegin = 0;  // the window's rows, clipped to the input
    std::int64_t yEnd = 0;
    std::int64_t kernelW = 0;
    std::int64_t strideW = 0;  // 1 or 2
    std::int64_t left = 0;     // padding before column 0
    std::int64_t oxBegin = 0;
    std::int64_t oxEnd = 0;
    float* dst = nullptr;            // the output row
    std::int32_t* argmax = nullptr;  // max: the argmax row (flat y*inW + x), or none
    float divisor = 1.0F;            // average: the window's count
    float* scratch = nullptr;        // average: poolScratchFloats(inW) floats of the thread's
    std::int64_t rows = 1;
    std::int64_t strideH = 0;
    std::int64_t dstStep = 0;  // also for argmax
};

// The scratch an average row needs: the column sums of one input row, plus a vector of slack.
inline std::int64_t poolScratchFloats(std::int64_t inW) {
    return inW + 64;
}

// Horizontal x2 linear resize of a row: for i in [0, n),
//   dst[2i] = evenLeft*s[i-1] + evenCentre*s[i],  dst[2i+1] = oddCentre*s[i] + oddRight*s[i+1]
// with the edges replicated (s[-1] = s[0], s[n] = s[n-1]).
struct LinearX2Weights {
    float evenLeft;
    float evenCentre;
    float oddCentre;
    float oddRight;
};

// Where an output row of a resize comes from: source row `first`, or the blend
// firstWeight*first + secondWeight*second when `blended`.
struct SourceRows {
    std::int64_t first = 0;
    std::int64_t second = 0;
    float firstWeight = 1.0F;
    float secondWeight = 0.0F;
    bool blended = false;
};

// The resize kernels take a whole channel per call, for the reason PoolRow gives.
inline std::int64_t linearX2ScratchFloats(std::int64_t inW) {
    return 4 * inW;  // two widened rows
}
struct PoolResizeKernels {
    // Max with argmax, ties to the first in row-major order, a NaN wins (as PyTorch).
    void (*maxPoolRows)(const PoolRow& rows);
    // The window's rows summed per column, then its columns; divided by row.divisor.
    void (*avgPoolRows)(const PoolRow& rows);
    // max_unpool2d of a channel to twice its height and width when every index lies in its
    // own 2x2 cell (the indices of a 2x2 stride-2 max pool): each output row written whole,
    // with no zeroing pass and no scatter; `streaming` writes around the caches where the
    // rows allow. False, with dst partly written, where an index lies elsewhere (the caller
    // then zeroes and scatters).
    bool (*unpoolX2Plane)(const float* src, const std::int32_t* indices, std::int64_t inH,
                          std::int64_t inW, float* dst, bool streaming);
    // dst[2i] = evens[i], dst[2i + 1] = odds[i], i in [0, pairs): the two column phases of a
    // stride-2 transposed convolution's output row. `streaming` writes around the caches where
    // dst is aligned to a vector; the caller then calls fenceStreamedStores
    // (kernels/streamed_stores.h) before the row is read on another thread.
    void (*interleavePairs)(const float* evens, const float* odds, std::int64_t pairs, float* dst,
                            bool streaming);
    // Width doubled by repetition: output row y (of outH, 2*inW wide) is source row
    // rowOf[y].first with every element twice.
    void (*repeatX2Plane)(const float* src, std::int64_t inW, const SourceRows* rowOf,
                          std::int64_t outH, float* dst);
    // Width doubled by linear interpolation (LinearX2Weights), then the widened source rows
    // blended as rowOf[y] says; scratch holds linearX2ScratchFloats(inW) floats.
    void (*linearX2Plane)(const float* src, std::int64_t inW, const SourceRows* rowOf,
                          std::int64_t outH, LinearX2Weights w, float* scratch, float* dst);
};

#if defined(STRIDELAB_X86_SIMD)
extern const PoolResizeKernels kAvx2PoolResize;
extern const PoolResizeKernels kAvx512PoolResize;
#endif

#if !defined(STRIDELAB_SIMD_NS)
// The table for activeIsa(), or nullptr on the plain path (kernels/simd_tables.cpp).
[[nodiscard]] const PoolResizeKernels* poolResizeKernels();
#endif

}  // namespace stridelab::simd
