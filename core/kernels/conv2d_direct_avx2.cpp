// The direct-convolution row for AVX2 + FMA (8 floats a vector); compiled with -mavx2 -mfma
// and only called when activeIsa() allows (kernels/isa.h).
#define STRIDELAB_SIMD_NS avx2
#define STRIDELAB_SIMD_LANES 8
#define STRIDELAB_SIMD_TABLE kAvx2Conv
#include "kernels/conv2d_direct_simd_impl.h"
