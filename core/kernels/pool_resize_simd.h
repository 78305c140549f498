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

// One output row of a pool whose horizontal stride is 1 or 2, over the output columns
// [oxBegin, oxEnd) whose windows lie inside the input row (no padding on the sides).
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
};

// The scratch an average row needs: the column sums of one input row, plus a vector of slack.
inline std::int64_t poolScratchFloats(std::int64_t inW) {
    return inW + 64;
}

// Horizontal x2 linear resize of one row: for i in [0, n),
//   dst[2i] = evenLeft*s[i-1] + evenCentre*s[i],  dst[2i+1] = oddCentre*s[i] + oddRight*s[i+1]
// s[-1] and s[n] must be readable (the caller replicates the edges there).
struct LinearX2Weights {
    float evenLeft;
    float evenCentre;
    float oddCentre;
    float oddRight;
};

struct PoolResizeKernels {
    // Max with argmax, ties to the first in row-major order, a NaN wins (as PyTorch).
    void (*maxPoolRow)(const PoolRow& row);
    // The window's rows summed per column, then its columns; divided by row.divisor.
    void (*avgPoolRow)(const PoolRow& row);
    // dst[2i] = dst[2i+1] = src[i], i in [0, n).
    void (*repeatX2Row)(const float* src, std::int64_t n, float* dst);
    void (*linearX2Row)(const float* s, std::int64_t n, LinearX2Weights w, float* dst);
    // dst[i] = wa*a[i] + wb*b[i], i in [0, n).
    void (*blendRows)(const float* a, float wa, const float* b, float wb, std::int64_t n,
                      float* dst);
};

#if defined(STRIDELAB_X86_SIMD)
extern const PoolResizeKernels kAvx2PoolResize;
extern const PoolResizeKernels kAvx512PoolResize;
#endif

#if !defined(STRIDELAB_SIMD_NS)
// The table for activeIsa(), or nullptr on the plain path.
inline const PoolResizeKernels* poolResizeKernels() {
#if defined(STRIDELAB_X86_SIMD)
    switch (activeIsa()) {
        case Isa::Avx512:
            return &kAvx512PoolResize;
        case Isa::Avx2:
            return &kAvx2PoolResize;
        case Isa::Plain:
            break;
    }
#endif
    return nullptr;
}
#endif

}  // namespace stridelab::simd
