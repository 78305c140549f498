// The direct-convolution row for AVX-512 (16 floats a vector); compiled with -mavx512f
// -mavx512bw -mavx512vl -mavx512dq and only called when activeIsa() allows (kernels/isa.h).
#define STRIDELAB_SIMD_NS avx512
#define STRIDELAB_SIMD_LANES 16
#define STRIDELAB_SIMD_TABLE kAvx512Conv
#include "kernels/conv2d_direct_simd_impl.h"
