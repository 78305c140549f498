// The pool and resize loops for AVX-512 (16 floats a vector); compiled with -mavx512f
// -mavx512bw -mavx512vl -mavx512dq and only called when activeIsa() allows (kernels/isa.h).
#define STRIDELAB_SIMD_NS avx512
#define STRIDELAB_SIMD_LANES 16
#define STRIDELAB_SIMD_TABLE kAvx512PoolResize
#include "kernels/pool_resize_simd_impl.h"
