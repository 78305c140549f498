// The pool and resize loops for AVX2 + FMA (8 floats a vector); compiled with -mavx2 -mfma
// and only called when activeIsa() allows (kernels/isa.h).
#define STRIDELAB_SIMD_NS avx2
#define STRIDELAB_SIMD_LANES 8
#define STRIDELAB_SIMD_TABLE kAvx2PoolResize
#include "kernels/pool_resize_simd_impl.h"
