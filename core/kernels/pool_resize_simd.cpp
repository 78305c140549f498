#include "kernels/pool_resize_simd.h"

namespace stridelab::simd {

const PoolResizeKernels* poolResizeKernels() {
#if defined(STRIDELAB_X86_SIMD)
    return tableForActiveIsa(&kAvx2PoolResize, &kAvx512PoolResize);
#else
    return nullptr;
#endif
}

}  // namespace stridelab::simd
