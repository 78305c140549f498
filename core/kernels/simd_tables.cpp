// The vector kernel tables for activeIsa(). Defined here, in the library, where
// STRIDELAB_X86_SIMD is set: as inline functions in their headers, a translation unit
// outside the library (a test) would have compiled them to the plain answer.

#include "kernels/conv2d_direct_simd.h"
#include "kernels/pool_resize_simd.h"

namespace stridelab::simd {

const ConvKernels* convKernels() {
#if defined(STRIDELAB_X86_SIMD)
    return tableForActiveIsa(&kAvx2Conv, &kAvx512Conv);
#else
    return nullptr;
#endif
}

const PoolResizeKernels* poolResizeKernels() {
#if defined(STRIDELAB_X86_SIMD)
    return tableForActiveIsa(&kAvx2PoolResize, &kAvx512PoolResize);
#else
    return nullptr;
#endif
}

}  // namespace stridelab::simd
