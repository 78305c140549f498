// The direct-convolution row of conv2d_direct_simd.h, written once over a few intrinsics per
// instruction set; included only by the per-ISA files, which define STRIDELAB_SIMD_NS and
// STRIDELAB_SIMD_LANES (8: AVX2 + FMA, 16: AVX-512) and are compiled with that ISA's flags.
// Everything here has internal linkage (see isa.h); <immintrin.h> defines its intrinsics as
// always-inline gnu_inline functions, which never leave an out-of-line copy for the linker.
//
// The register tile: `OC` filters x `NV` vectors of consecutive outputs of one row. For every
// input channel and tap, NV input vectors are loaded once and each filter's weight is
// broadcast once, then OC x NV FMAs; the sums stay in registers over all channels and taps
// and are stored once. The tile sizes keep sums + inputs + one weight within the registers
// (32 zmm, 16 ymm).

#include "kernels/conv2d_direct_simd.h"

#include <immintrin.h>

#include <array>
#include <cstdint>
#include <utility>

namespace stridelab::simd::STRIDELAB_SIMD_NS {

namespace {

constexpr int L = STRIDELAB_SIMD_LANES;

#if STRIDELAB_SIMD_LANES == 16
using V = __m512;
using Mask = __mmask16;
constexpr int kMaxFilters = 6;
// Vectors a tile for `oc` filters: oc * nv sums + nv inputs + 1 weight <= 32 registers.
constexpr int maxVectors(int oc) {
    return oc <= 2 ? 8 : (oc == 3 ? 6 : (oc == 4 ? 5 : 4));
}
inline V zero() {
    return _mm512_setzero_ps();
}
inline V splat(float x) {
    return _mm512_set1_ps(x);
}
inline V load(const float* p) {
    return _mm512_loadu_ps(p);
}
inline V fma(V a, V b, V c) {
    return _mm512_fmadd_ps(a, b, c);
}
// MAXPS(0, v) returns v unless 0 > v: a NaN and -0 pass through, as PyTorch's ReLU.
inline V maxZero(V v) {
    // The all-lanes masked form: GCC 12's _mm512_max_ps warns of its own undefined source.
    return _mm512_maskz_max_ps(0xFFFF, _mm512_setzero_ps(), v);
}
inline V leaky(V v, V slope) {
    const Mask positive = _mm512_cmp_ps_mask(v, _mm512_setzero_ps(), _CMP_GT_OQ);
    return _mm512_mask_blend_ps(positive, _mm512_mul_ps(v, slope), v);
}
inline Mask firstLanes(int n) {
    return static_cast<Mask>((1U << static_cast<unsigned>(n)) - 1U);
}
// The even (odd) elements of the 32 floats a, b.
inline V evenLanes(V a, V b) {
    return _mm512_permutex2var_ps(
        a, _mm512_setr_epi32(0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30), b);
}
inline V oddLanes(V a, V b) {
    return _mm512_permutex2var_ps(
        a, _mm512_setr_epi32(1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31), b);
}
inline V loadMasked(const float* p, Mask m) {
    return _mm512_maskz_loadu_ps(m, p);
}
inline void store(float* p, V v) {
    _mm512_storeu_ps(p, v);
}
inline void streamStore(float* p, V v) {
    _mm512_stream_ps(p, v);
}
inline void storeMasked(float* p, V v, Mask m) {
    _mm512_mask_storeu_ps(p, m, v);
}
#else
using V = __m256;
using Mask = __m256i;
constexpr int kMaxFilters = 4;
// oc * nv sums + nv inputs + 1 weight <= 16 registers.
constexpr int maxVectors(int oc) {
    return oc == 1 ? 6 : (oc == 2 ? 5 : 3);
}
inline V zero() {
    return _mm256_setzero_ps();
}
inline V splat(float x) {
    return _mm256_set1_ps(x);
}
inline V load(const float* p) {
    return _mm256_loadu_ps(p);
}
inline V fma(V a, V b, V c) {
    return _mm256_fmadd_ps(a, b, c);
}
inline V maxZero(V v) {
    return _mm256_max_ps(_mm256_setzero_ps(), v);  // see the AVX-512 one
}
inline V leaky(V v, V slope) {
    const V positive = _mm256_cmp_ps(v, _mm256_setzero_ps(), _CMP_GT_OQ);
    return _mm256_blendv_ps(_mm256_mul_ps(v, slope), v, positive);
}
inline Mask firstLanes(int n) {
    return _mm256_cmpgt_epi32(_mm256_set1_epi32(n), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7));
}
// The even (odd) elements of the 16 floats a, b: shuffled within 128-bit halves, then the
// 64-bit pairs put in order.
inline V evenLanes(V a, V b) {
    const V mixed = _mm256_shuffle_ps(a, b, _MM_SHUFFLE(2, 0, 2, 0));
    return _mm256_castpd_ps(
        _mm256_permute4x64_pd(_mm256_castps_pd(mixed), _MM_SHUFFLE(3, 1, 2, 0)));
}
inline V oddLanes(V a, V b) {
    const V mixed = _mm256_shuffle_ps(a, b, _MM_SHUFFLE(3, 1, 3, 1));
    return _mm256_castpd_ps(
        _mm256_permute4x64_pd(_mm256_castps_pd(mixed), _MM_SHUFFLE(3, 1, 2, 0)));
}
inline V loadMasked(const float* p, Mask m) {
    return _mm256_maskload_ps(p, m);
}
inline void store(float* p, V v) {
    _mm256_storeu_ps(p, v);
}
inline void streamStore(float* p, V v) {
    _mm256_stream_ps(p, v);
}
inline void storeMasked(float* p, V v, Mask m) {
    _mm256_maskstore_ps(p, m, v);
}
#endif

// The lines a row call requests into L2, a few per input channel of each tile.
struct Prefetch {
    const char* next;
    const char* end;
    std::int64_t perChannel;
};

// One tile: outputs [x0, x0 + NV*L) of OC filters, the last vector cut to `lastLanes`.
// Stream: the whole vectors stored around the caches (r.stream), a template argument so that
// the cached rows keep their code as it was (a run-time test per store cost the transposed
// convolution of W10 5 %).
template <int OC, int NV, bool Stream>
void tile(const ConvRow& r, std::int64_t x0, int lastLanes, Prefetch& prefetch) {
    const Mask last = firstLanes(lastLanes);
    V acc[OC][NV];
#pragma GCC unroll 8
    for (int o = 0; o < OC; ++o) {
        float* out = r.out + o * r.outPlane + x0;
#pragma GCC unroll 8
        for (int v = 0; v < NV; ++v) {
            if (r.accumulate) {
                acc[o][v] = v + 1 < NV ? load(out + v * L) : loadMasked(out + v * L, last);
            } else {
                acc[o][v] = r.bias != nullptr ? splat(r.bias[o]) : zero();
            }
        }
    }
    const float* w = r.weights;
    for (std::int64_t c = 0; c < r.channels; ++c) {
        for (std::int64_t i = 0; i < prefetch.perChannel && prefetch.next < prefetch.end; ++i) {
            _mm_prefetch(prefetch.next, _MM_HINT_T1);
            prefetch.next += 64;
        }
        const std::int64_t offset = c * r.channelPitch + x0;
        for (std::int64_t t = 0; t < r.tapCount; ++t) {
            const float* in = r.taps[t] + offset;
            V x[NV];
#pragma GCC unroll 8
            for (int v = 0; v < NV; ++v) {
                x[v] = load(in + v * L);
            }
#pragma GCC unroll 8
            for (int o = 0; o < OC; ++o) {
                const V wo = splat(w[o]);
#pragma GCC unroll 8
                for (int v = 0; v < NV; ++v) {
                    acc[o][v] = fma(wo, x[v], acc[o][v]);
                }
            }
            w += OC;
        }
    }
    const V slope = splat(r.negativeSlope);
#pragma GCC unroll 8
    for (int o = 0; o < OC; ++o) {
        float* out = r.out + o * r.outPlane + x0;
#pragma GCC unroll 8
        for (int v = 0; v < NV; ++v) {
            V s = acc[o][v];
            if (r.epilogue == ConvEpilogue::Relu) {
                s = maxZero(s);
            } else if (r.epilogue == ConvEpilogue::LeakyRelu) {
                s = leaky(s, slope);
            }
            if (v + 1 < NV || lastLanes == L) {
                if constexpr (Stream) {
                    streamStore(out + v * L, s);
                } else {
                    store(out + v * L, s);
                }
            } else {
                storeMasked(out + v * L, s, last);
            }
        }
    }
}

using TileFn = void (*)(const ConvRow&, std::int64_t, int, Prefetch&);

template <int OC, bool Stream, std::size_t... I>
constexpr std::array<TileFn, sizeof...(I)> tilesFor(std::index_sequence<I...> /*nv - 1*/) {
    return {&tile<OC, static_cast<int>(I) + 1, Stream>...};
}

// Whole tiles of the widest kind along the row, then one narrower tile for the rest.
template <int OC, bool Stream>
void rowFor(const ConvRow& r) {
    constexpr int kVectors = maxVectors(OC);
    static constexpr std::array<TileFn, kVectors> kTiles =
        tilesFor<OC, Stream>(std::make_index_sequence<kVectors>{});
    constexpr std::int64_t kWidth = std::int64_t{kVectors} * L;
    const std::int64_t tiles = (r.width + kWidth - 1) / kWidth;
    const auto* first = reinterpret_cast<const char*>(r.prefetch);
    Prefetch prefetch{
        first, first + (r.prefetch != nullptr ? 64 * r.prefetchLines : 0),
        (r.prefetchLines + tiles * r.channels - 1) / std::max<std::int64_t>(tiles * r.channels, 1)};
    std::int64_t x0 = 0;
    for (; x0 + kWidth <= r.width; x0 += kWidth) {
        tile<OC, kVectors, Stream>(r, x0, L, prefetch);
    }
    const std::int64_t rest = r.width - x0;
    if (rest > 0) {
        const std::int64_t vectors = (rest + L - 1) / L;
        kTiles[static_cast<std::size_t>(vectors - 1)](
            r, x0, static_cast<int>(rest - (vectors - 1) * L), prefetch);
    }
}

template <bool Stream, std::size_t... I>
constexpr std::array<void (*)(const ConvRow&), sizeof...(I)> rowsFor(
    std::index_sequence<I...> /*oc - 1*/) {
    return {&rowFor<static_cast<int>(I) + 1, Stream>...};
}

// The two phases of stride 2, a vector of each from two vectors of the row.
void splitPhases2(const float* src, std::int64_t n, float* dst0, float* dst1) {
    std::int64_t j = 0;
    for (; j + L <= n; j += L) {
        const V a = load(src + 2 * j);
        const V b = load(src + 2 * j + L);
        store(dst0 + j, evenLanes(a, b));
        store(dst1 + j, oddLanes(a, b));
    }
    for (; j < n; ++j) {
        dst0[j] = src[2 * j];
        dst1[j] = src[2 * j + 1];
    }
}

void convRow(const ConvRow& r) {
    static constexpr auto kRows = rowsFor<false>(std::make_index_sequence<kMaxFilters>{});
    static constexpr auto kStreamedRows = rowsFor<true>(std::make_index_sequence<kMaxFilters>{});
    (r.stream ? kStreamedRows : kRows)[static_cast<std::size_t>(r.filters - 1)](r);
}

}  // namespace

}  // namespace stridelab::simd::STRIDELAB_SIMD_NS

namespace stridelab::simd {
// extern: a namespace-scope const would otherwise have internal linkage.
extern const ConvKernels STRIDELAB_SIMD_TABLE = {
    STRIDELAB_SIMD_NS::L, STRIDELAB_SIMD_NS::kMaxFilters, STRIDELAB_SIMD_NS::convRow,
    STRIDELAB_SIMD_NS::splitPhases2};
}  // namespace stridelab::simd
