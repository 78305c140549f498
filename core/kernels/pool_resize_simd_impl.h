// The loops of pool_resize_simd.h written once over GCC/Clang vector types of `LANES` floats;
// included only by the per-ISA files, which define STRIDELAB_SIMD_NS and STRIDELAB_SIMD_LANES
// and are compiled with that ISA's flags. Everything here has internal linkage (see isa.h).
// Each loop runs whole vectors, then the same arithmetic one element at a time for the tail.

#include "kernels/pool_resize_simd.h"

#include <immintrin.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <utility>

namespace stridelab::simd::STRIDELAB_SIMD_NS {

namespace {

constexpr int N = STRIDELAB_SIMD_LANES;
using V = float __attribute__((vector_size(N * 4)));
using VI = std::int32_t __attribute__((vector_size(N * 4)));
using Lanes = std::make_index_sequence<N>;

inline V load(const float* p) {
    V v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline void store(float* p, V v) {
    std::memcpy(p, &v, sizeof v);
}
inline void store(std::int32_t* p, VI v) {
    std::memcpy(p, &v, sizeof v);
}
// A store that bypasses the caches (p aligned to the vector).
inline void streamStore(float* p, V v) {
#if STRIDELAB_SIMD_LANES == 16
    _mm512_stream_ps(p, v);
#else
    _mm256_stream_ps(p, v);
#endif
}

inline V splat(float x) {
    return V{} + x;
}

// The first n (0 <= n <= N) floats from p, the other lanes 0; nothing past p + n is read.
inline V loadFirst(const float* p, std::int64_t n) {
#if STRIDELAB_SIMD_LANES == 16
    return _mm512_maskz_loadu_ps(static_cast<__mmask16>((1U << n) - 1U), p);
#else
    VI lane{};
    for (int j = 0; j < N; ++j) {
        lane[j] = j;
    }
    const VI inside = lane < static_cast<std::int32_t>(n);
    return _mm256_maskload_ps(p, reinterpret_cast<__m256i>(inside));
#endif
}

// Lane j of the result is p[2j], read from exactly [p, p + 2N - 1): the first half of the
// lanes from the even elements of p[0..N), the second from the odd ones of p[N-1..2N-1).
constexpr int evenIndex(int j) {
    return j < N / 2 ? 2 * j : 2 * j + 1;
}
template <std::size_t... I>
inline V everySecond(V first, V second, std::index_sequence<I...> /*lanes*/) {
    return __builtin_shufflevector(first, second, evenIndex(I)...);
}
inline V everySecond(const float* p) {
    return everySecond(load(p), load(p + N - 1), Lanes{});
}
// Lane j of the result is element 2j (evenOf) or 2j + 1 (oddOf) of the 2N lanes a then b.
template <std::size_t... I>
inline V evenOf(V a, V b, std::index_sequence<I...> /*lanes*/) {
    return __builtin_shufflevector(a, b, (2 * static_cast<int>(I))...);
}
template <std::size_t... I>
inline V oddOf(V a, V b, std::index_sequence<I...> /*lanes*/) {
    return __builtin_shufflevector(a, b, (2 * static_cast<int>(I) + 1)...);
}

// The lanes of a and b interleaved: a0 b0 a1 b1 ..., the first (half 0) or second N lanes.
constexpr int zipIndex(int m, int half) {
    return (m % 2 == 0 ? 0 : N) + half * N / 2 + m / 2;
}
template <std::size_t... I>
inline V zipLow(V a, V b, std::index_sequence<I...> /*lanes*/) {
    return __builtin_shufflevector(a, b, zipIndex(I, 0)...);
}
template <std::size_t... I>
inline V zipHigh(V a, V b, std::index_sequence<I...> /*lanes*/) {
    return __builtin_shufflevector(a, b, zipIndex(I, 1)...);
}

// The window tap at column offset `kx` of the N outputs starting at ox.
inline V tap(const float* row, std::int64_t stride, std::int64_t ox, std::int64_t left,
             std::int64_t kx) {
    const float* p = row + ox * stride - left + kx;
    return stride == 1 ? load(p) : everySecond(p);
}

// Whether the N outputs starting at ox can be read as whole vectors inside the row.
inline bool fitsVector(const PoolRow& r, std::int64_t ox) {
    // Stride 1 reads [x, x + N) per tap, stride 2 [x, x + 2N - 1): both end at the last
    // output's window end.
    return ox + N <= r.oxEnd && (ox + N - 1) * r.strideW - r.left + r.kernelW <= r.inW;
}

// The first ox from which the rest of the row is left to the scalar tail: after the whole
// vectors, one more vector ending at oxEnd where it fits (it recomputes a few outputs with
// the same arithmetic, so they do not change); the stride-2 reads otherwise end short of it.
template <typename Body>
std::int64_t vectorPart(const PoolRow& r, Body body) {
    std::int64_t ox = r.oxBegin;
    for (; fitsVector(r, ox); ox += N) {
        body(ox);
    }
    if (ox < r.oxEnd && r.oxEnd - N >= r.oxBegin && fitsVector(r, r.oxEnd - N)) {
        body(r.oxEnd - N);
        ox = r.oxEnd;
    }
    return ox;
}

// x86's MAXPS: a if a > b, otherwise b (also when either is a NaN).
inline V maxps(V a, V b) {
#if STRIDELAB_SIMD_LANES == 16
    // The all-lanes masked form: GCC 12's _mm512_max_ps warns of its own undefined source.
    return _mm512_maskz_max_ps(0xFFFF, a, b);
#else
    return _mm256_max_ps(a, b);
#endif
}

// The later value wins if it is greater or a NaN: the maxima of the reference, NaNs
// propagating (of several NaNs a later one may win, which no value shows). One MAXPS, one
// compare and one blend: the values-only pools are bound by these operations, not by memory
// (three compares here made the 2x2 pool 1.6x slower).
inline V laterWins(V best, V v) {
    const VI isNan = v != v;
    return isNan ? v : maxps(v, best);
}

// A window's maximum so far and its flat index.
struct Best {
    V value;
    VI index;
};

// Of a (earlier in row-major order) and b: b if it is greater or a NaN while a is not, else a.
// That is the maximum under one total order (NaN above every value, ties to the earlier), so
// it may reduce a window's taps in any grouping that keeps their order: rows first, then the
// rows, gives the reference's values and indices with half the dependent steps of one chain.
inline Best earlierUnlessBeaten(const Best& a, const Best& b) {
    const VI take = ((b.value > a.value) | (b.value != b.value)) & (a.value == a.value);
    return {take ? b.value : a.value, take ? b.index : a.index};
}

// The hardware prefetchers alone left one thread waiting on the rows each window adds (one
// thread 0.9 -> 0.6 ms for a 3x3 average over 16 MiB): ask for the rows the window after the
// next one adds, at the 2N columns from p (p in the window's first row). At most a few: a
// stride of thousands of rows asked for thousands per call (a 20 s hang fuzz_layer_stack found,
// kept as crash-pool-prefetch-huge-stride).
// Always inlined: GCC counts a prefetch as no side effect, so a call left to a helper that
// only prefetches is pure, unused, and deleted before inlining. None was emitted from the
// day this became a loop until it was marked so (the 2x2 pool with indices of 64x256x256,
// one thread, 3.2 -> 0.67 ms); the test pool_prefetches checks the object code.
[[gnu::always_inline]] inline void prefetchRowsAhead(const PoolRow& r, const float* p) {
    constexpr std::int64_t kMostRows = 4;
    const std::int64_t rows = r.yEnd - r.yBegin;
    // Relative to the current window's first row: the window after the next starts at
    // 2 * strideH; the rows before max(rows + strideH, 2 * strideH) are in or before the next.
    const std::int64_t first = std::max(rows + r.strideH, 2 * r.strideH);
    const std::int64_t end = std::min(2 * r.strideH + rows, first + kMostRows);
    for (std::int64_t y = first; y < end; ++y) {
        __builtin_prefetch(p + y * r.inW);
        __builtin_prefetch(p + y * r.inW + N);
    }
}

// Outputs [ox, r.oxEnd) of a row that whole-vector reads do not reach (a map narrower than a
// vector, the end of a row): each tap read with a masked load, then the vector loops'
// arithmetic (with indices where r.argmax is set). One output at a time, the comparisons were
// branches that random values mispredicted every other tap: 2x2 pool of 256x26x26 (13 outputs
// a row, the default example's pool5), one thread, 0.80 -> 0.08 ms.
void maxPoolTail(const PoolRow& r, std::int64_t ox) {
    VI lane{};
    for (int j = 0; j < N; ++j) {
        lane[j] = static_cast<std::int32_t>(j * r.strideW);
    }
    for (; ox < r.oxEnd; ox += N) {
        const std::int64_t count = std::min<std::int64_t>(N, r.oxEnd - ox);
        const std::int64_t x0 = ox * r.strideW - r.left;
        // Tap kx of the `count` outputs (the lanes past them are 0 and never stored).
        const std::int64_t span = (count - 1) * r.strideW + 1;
        auto gathered = [&](std::int64_t y, std::int64_t kx) {
            const float* p = r.src + y * r.inW + x0 + kx;
            if (r.strideW == 1) {
                return loadFirst(p, count);
            }
            const V first = loadFirst(p, std::min<std::int64_t>(span, N));
            const V second = loadFirst(p + N, std::max<std::int64_t>(span - N, 0));
            return evenOf(first, second, Lanes{});
        };
        Best best{};
        for (std::int64_t y = r.yBegin; y < r.yEnd; ++y) {
            const VI at = lane + static_cast<std::int32_t>(y * r.inW + x0);
            Best rowBest{gathered(y, 0), at};
            for (std::int64_t kx = 1; kx < r.kernelW; ++kx) {
                rowBest = earlierUnlessBeaten(
                    rowBest, {gathered(y, kx), at + static_cast<std::int32_t>(kx)});
            }
            best = y == r.yBegin ? rowBest : earlierUnlessBeaten(best, rowBest);
        }
        for (std::int64_t j = 0; j < count; ++j) {
            r.dst[ox + j] = best.value[j];
            if (r.argmax != nullptr) {
                r.argmax[ox + j] = best.index[j];
            }
        }
    }
}

// 2-wide windows at stride 2 (the usual 2x2 pool): each input vector is loaded once, the rows
// reduced first and the column pairs after (the same maxima; of several NaNs possibly another
// one wins, which no value shows).
std::int64_t maxPoolPairsRow(const PoolRow& r) {
    const float* first = r.src + r.yBegin * r.inW - r.left;
    std::int64_t ox = r.oxBegin;
    if (r.yEnd - r.yBegin == 2) {
        const float* second = first + r.inW;
        for (; fitsVector(r, ox); ox += N) {
            prefetchRowsAhead(r, first + 2 * ox);
            const V a = laterWins(load(first + 2 * ox), load(second + 2 * ox));
            const V b = laterWins(load(first + 2 * ox + N), load(second + 2 * ox + N));
            store(r.dst + ox, laterWins(evenOf(a, b, Lanes{}), oddOf(a, b, Lanes{})));
        }
        return ox;
    }
    for (; fitsVector(r, ox); ox += N) {
        V a = load(first + 2 * ox);
        V b = load(first + 2 * ox + N);
        for (std::int64_t y = r.yBegin + 1; y < r.yEnd; ++y) {
            const float* row = r.src + y * r.inW - r.left + 2 * ox;
            a = laterWins(a, load(row));
            b = laterWins(b, load(row + N));
        }
        store(r.dst + ox, laterWins(evenOf(a, b, Lanes{}), oddOf(a, b, Lanes{})));
    }
    return ox;
}

// The maxima alone, in the same arithmetic as with indices.
void maxPoolValuesRow(const PoolRow& r) {
    const bool pairs = r.strideW == 2 && r.kernelW == 2;
    const std::int64_t tail = pairs ? maxPoolPairsRow(r) : vectorPart(r, [&](std::int64_t ox) {
        prefetchRowsAhead(r, r.src + r.yBegin * r.inW + ox * r.strideW - r.left);
        V best = tap(r.src + r.yBegin * r.inW, r.strideW, ox, r.left, 0);
        for (std::int64_t y = r.yBegin; y < r.yEnd; ++y) {
            const float* row = r.src + y * r.inW;
            for (std::int64_t kx = (y == r.yBegin ? 1 : 0); kx < r.kernelW; ++kx) {
                best = laterWins(best, tap(row, r.strideW, ox, r.left, kx));
            }
        }
        store(r.dst + ox, best);
    });
    maxPoolTail(r, tail);
}

// 2-wide windows at stride 2 with their argmax: each row's 2N columns are loaded once, on
// whole vectors, and split into the windows' left and right columns, then the taps are taken
// in the reference's order (row by row, left before right). The general loop below loads
// every tap with everySecond, two loads across cache lines and a shuffle: the 2x2 pool with
// indices of 64x256x256 took 3.5 ms on one thread with it, 8x the values-only pool.
std::int64_t maxPoolPairsArgmaxRow(const PoolRow& r, VI lane) {
    std::int64_t ox = r.oxBegin;
    for (; fitsVector(r, ox); ox += N) {
        const std::int64_t x0 = 2 * ox - r.left;
        prefetchRowsAhead(r, r.src + r.yBegin * r.inW + x0);
        Best best{};
        for (std::int64_t y = r.yBegin; y < r.yEnd; ++y) {
            const float* p = r.src + y * r.inW + x0;
            const V a = load(p);
            const V b = load(p + N);
            const VI at = lane + static_cast<std::int32_t>(y * r.inW + x0);
            const Best row =
                earlierUnlessBeaten({evenOf(a, b, Lanes{}), at}, {oddOf(a, b, Lanes{}), at + 1});
            best = y == r.yBegin ? row : earlierUnlessBeaten(best, row);
        }
        store(r.dst + ox, best.value);
        store(r.argmax + ox, best.index);
    }
    return ox;
}

void maxPoolRow(const PoolRow& r) {
    if (r.argmax == nullptr) {
        maxPoolValuesRow(r);
        return;
    }
    VI lane{};
    for (int j = 0; j < N; ++j) {
        lane[j] = static_cast<std::int32_t>(j * r.strideW);
    }
    const bool pairs = r.strideW == 2 && r.kernelW == 2;
    const std::int64_t tail =
        pairs ? maxPoolPairsArgmaxRow(r, lane) : vectorPart(r, [&](std::int64_t ox) {
            const std::int64_t x0 = ox * r.strideW - r.left;
            prefetchRowsAhead(r, r.src + r.yBegin * r.inW + x0);
            Best best{};
            for (std::int64_t y = r.yBegin; y < r.yEnd; ++y) {
                const float* row = r.src + y * r.inW;
                const VI at = lane + static_cast<std::int32_t>(y * r.inW + x0);
                Best rowBest{tap(row, r.strideW, ox, r.left, 0), at};
                for (std::int64_t kx = 1; kx < r.kernelW; ++kx) {
                    rowBest = earlierUnlessBeaten(rowBest, {tap(row, r.strideW, ox, r.left, kx),
                                                            at + static_cast<std::int32_t>(kx)});
                }
                best = y == r.yBegin ? rowBest : earlierUnlessBeaten(best, rowBest);
            }
            store(r.dst + ox, best.value);
            store(r.argmax + ox, best.index);
        });
    maxPoolTail(r, tail);
}

// The window's rows summed once per input column into r.scratch (at stride 2 split into the
// even and the odd columns), then each output adds kernelW of those sums: a tap no longer
// re-reads and re-adds every row, and the stride-2 shuffle is done once per column instead of
// once per tap. The additions keep their order (rows from zero, then taps from zero).
// Window heights, widths and strides given as template arguments (0: read from r) unroll the
// loops over them: their counting and branching took a third of the time (the 3x3 stride-2
// average of 2x256x256, in the L2: 22 -> 14 us; W5, one thread: 0.83-0.98 -> 0.67-0.82 ms on a
// busy host).
template <int FixedRows, int FixedKernelW, int FixedStrideW>
void avgPoolRow(const PoolRow& r) {
    const std::int64_t rows = FixedRows != 0 ? FixedRows : r.yEnd - r.yBegin;
    const std::int64_t kernelW = FixedKernelW != 0 ? FixedKernelW : r.kernelW;
    const std::int64_t strideW = FixedStrideW != 0 ? FixedStrideW : r.strideW;
    const std::int64_t first = r.oxBegin * strideW - r.left;
    const std::int64_t columns = (r.oxEnd - 1) * strideW - r.left + kernelW - first;
    const float* top = r.src + r.yBegin * r.inW + first;
    float* even = r.scratch;
    float* odd = r.scratch + (columns + 1) / 2 + N;
    // Column sums of `width` (N or 2N) columns from x; a last block that would pass the end
    // starts earlier instead (at an even column, so the even/odd split holds) and recomputes a
    // few sums with the same arithmetic.
    const std::int64_t width = strideW == 1 ? N : 2 * N;
    auto sumBlock = [&](std::int64_t x) {
        V a{};
        V b{};
        for (std::int64_t y = 0; y < rows; ++y) {
            const float* p = top + y * r.inW + x;
            a += load(p);
            if (strideW == 2) {
                b += load(p + N);
            }
        }
        prefetchRowsAhead(r, top + x);
        if (strideW == 1) {
            store(even + x, a);
        } else {
            store(even + x / 2, evenOf(a, b, Lanes{}));
            store(odd + x / 2, oddOf(a, b, Lanes{}));
        }
    };
    std::int64_t x = 0;
    for (; x + width <= columns; x += width) {
        sumBlock(x);
    }
    if (x < columns && columns >= width) {
        const std::int64_t last = (columns - width) / 2 * 2;
        sumBlock(last);
        x = last + width;
    }
    for (; x < columns; ++x) {
        float sum = 0.0F;
        for (std::int64_t y = 0; y < rows; ++y) {
            sum += top[y * r.inW + x];
        }
        (strideW == 1 ? even + x : (x % 2 == 0 ? even : odd) + x / 2)[0] = sum;
    }
    // Tap kx of output j reads column s*j + kx: at stride 2 the even or odd sums from kx / 2.
    auto tapSums = [&](std::int64_t kx) {
        return strideW == 1 ? even + kx : (kx % 2 == 0 ? even : odd) + kx / 2;
    };
    const std::int64_t outputs = r.oxEnd - r.oxBegin;
    const V divisor = splat(r.divisor);
    auto averageBlock = [&](std::int64_t j) {
        V sum{};
        for (std::int64_t kx = 0; kx < kernelW; ++kx) {
            sum += load(tapSums(kx) + j);
        }
        store(r.dst + r.oxBegin + j, sum / divisor);
    };
    std::int64_t j = 0;
    for (; j + N <= outputs; j += N) {
        averageBlock(j);
    }
    if (j < outputs && outputs >= N) {
        averageBlock(outputs - N);
        j = outputs;
    }
    for (; j < outputs; ++j) {
        float sum = 0.0F;
        for (std::int64_t kx = 0; kx < kernelW; ++kx) {
            sum += tapSums(kx)[j];
        }
        r.dst[r.oxBegin + j] = sum / r.divisor;
    }
}

// The kernel for `r.rows` rows, one at a time.
template <void (*OneRow)(const PoolRow&)>
void eachRow(const PoolRow& r) {
    PoolRow row = r;
    for (std::int64_t i = 0; i < r.rows; ++i) {
        OneRow(row);
        row.yBegin += r.strideH;
        row.yEnd += r.strideH;
        row.dst += r.dstStep;
        if (row.argmax != nullptr) {
            row.argmax += r.dstStep;
        }
    }
}

// The common windows with their sizes fixed at compile time, every other one as it comes.
void avgPoolRows(const PoolRow& r) {
    const std::int64_t rows = r.yEnd - r.yBegin;
    if (rows == 3 && r.kernelW == 3 && r.strideW == 2) {
        eachRow<avgPoolRow<3, 3, 2>>(r);
    } else if (rows == 3 && r.kernelW == 3 && r.strideW == 1) {
        eachRow<avgPoolRow<3, 3, 1>>(r);
    } else if (rows == 2 && r.kernelW == 2 && r.strideW == 2) {
        eachRow<avgPoolRow<2, 2, 2>>(r);
    } else {
        eachRow<avgPoolRow<0, 0, 0>>(r);
    }
}

// Streamed, a large output skips the reads that ordinary stores make of each line before
// writing it: W10's transposed convolution (16 MiB out) 2.9-3.2 -> 2.4-2.6 ms on two threads,
// 5.1-6.8 -> 4.5-5.6 ms on one; the whole pipeline on two 6.2-6.9 -> 5.7-6.1 ms (alternating
// runs; the convolution reading that output after it took as long as before).
void interleavePairs(const float* evens, const float* odds, std::int64_t pairs, float* dst,
                     bool streaming) {
    std::int64_t i = 0;
    if (streaming && reinterpret_cast<std::uintptr_t>(dst) % sizeof(V) == 0) {
        for (; i + N <= pairs; i += N) {
            const V e = load(evens + i);
            const V o = load(odds + i);
            streamStore(dst + 2 * i, zipLow(e, o, Lanes{}));
            streamStore(dst + 2 * i + N, zipHigh(e, o, Lanes{}));
        }
    }
    for (; i + N <= pairs; i += N) {
        const V e = load(evens + i);
        const V o = load(odds + i);
        __builtin_prefetch(dst + 2 * i + 8 * N, 1);
        store(dst + 2 * i, zipLow(e, o, Lanes{}));
        store(dst + 2 * i + N, zipHigh(e, o, Lanes{}));
    }
    for (; i < pairs; ++i) {
        dst[2 * i] = evens[i];
        dst[2 * i + 1] = odds[i];
    }
}

// One source row with every element twice, into one output row of 2n. Each output row is
// written in a pass of its own (the source row is re-read from L1 for the second): two rows
// written side by side, with write prefetches, ran slower (64x128x128 -> 64x256x256, one
// thread, 0.41-0.64 -> 0.33-0.48 ms in alternating runs; prefetches ahead of these stores
// made either version slower).
void repeatX2Row(const float* src, std::int64_t n, float* dst) {
    std::int64_t i = 0;
    for (; i + N <= n; i += N) {
        const V v = load(src + i);
        store(dst + 2 * i, zipLow(v, v, Lanes{}));
        store(dst + 2 * i + N, zipHigh(v, v, Lanes{}));
    }
    for (; i < n; ++i) {
        dst[2 * i] = src[i];
        dst[2 * i + 1] = src[i];
    }
}

void repeatX2Plane(const float* src, std::int64_t inW, const SourceRows* rowOf, std::int64_t outH,
                   float* dst) {
    const std::int64_t outW = 2 * inW;
    for (std::int64_t y = 0; y < outH; ++y) {
        repeatX2Row(src + rowOf[y].first * inW, inW, dst + y * outW);
    }
}

inline VI loadIndices(const std::int32_t* p) {
    VI v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

bool unpoolX2Plane(const float* src, const std::int32_t* indices, std::int64_t inH,
                   std::int64_t inW, float* dst, bool streaming) {
    const std::int64_t outW = 2 * inW;
    const auto below = static_cast<std::int32_t>(outW);
    VI evenColumns{};
    for (int j = 0; j < N; ++j) {
        evenColumns[j] = 2 * j;
    }
    const V zero{};
    // Streaming needs every row on a vector boundary.
    const bool stream =
        streaming && outW % N == 0 && reinterpret_cast<std::uintptr_t>(dst) % sizeof(V) == 0;
    auto put = [stream](float* p, V v) {
        if (stream) {
            streamStore(p, v);
        } else {
            store(p, v);
        }
    };
    for (std::int64_t y = 0; y < inH; ++y) {
        const float* s = src + y * inW;
        const std::int32_t* index = indices + y * inW;
        float* top = dst + 2 * y * outW;
        float* bottom = top + outW;
        const auto cellOrigin = static_cast<std::int32_t>(2 * y * outW);
        VI outside{};
        std::int64_t x = 0;
        for (; x + N <= inW; x += N) {
            const V v = load(s + x);
            // Where in its cell each value goes: 0, 1 (top row), outW, outW + 1 (bottom row).
            const VI d = loadIndices(index + x) -
                         (evenColumns + (cellOrigin + static_cast<std::int32_t>(2 * x)));
            const VI topLeft = d == 0;
            const VI topRight = d == 1;
            const VI bottomLeft = d == below;
            const VI bottomRight = d == below + 1;
            outside |= ~(topLeft | topRight | bottomLeft | bottomRight);
            const V left = topLeft ? v : zero;
            const V right = topRight ? v : zero;
            put(top + 2 * x, zipLow(left, right, Lanes{}));
            put(top + 2 * x + N, zipHigh(left, right, Lanes{}));
            const V lowerLeft = bottomLeft ? v : zero;
            const V lowerRight = bottomRight ? v : zero;
            put(bottom + 2 * x, zipLow(lowerLeft, lowerRight, Lanes{}));
            put(bottom + 2 * x + N, zipHigh(lowerLeft, lowerRight, Lanes{}));
        }
        for (int j = 0; j < N; ++j) {
            if (outside[j] != 0) {
                return false;
            }
        }
        for (; x < inW; ++x) {
            const std::int64_t d = index[x] - (cellOrigin + 2 * x);
            if (d != 0 && d != 1 && d != outW && d != outW + 1) {
                return false;
            }
            top[2 * x] = d == 0 ? s[x] : 0.0F;
            top[2 * x + 1] = d == 1 ? s[x] : 0.0F;
            bottom[2 * x] = d == outW ? s[x] : 0.0F;
            bottom[2 * x + 1] = d == outW + 1 ? s[x] : 0.0F;
        }
    }
    if (stream) {
        _mm_sfence();  // the streamed rows visible before whoever reads them next
    }
    return true;
}

// Lanes shifted by one towards the start (by one towards the end) with the edge lane repeated:
// the s[i-1] (s[i+1]) vectors of the first (last) whole vector of a row, whose neighbours
// outside the row are the replicated edge.
constexpr int previousIndex(int j) {
    return j == 0 ? 0 : j - 1;
}
constexpr int nextIndex(int j) {
    return j == N - 1 ? N - 1 : j + 1;
}
template <std::size_t... I>
inline V shiftedBack(V v, std::index_sequence<I...> /*lanes*/) {
    return __builtin_shufflevector(v, v, previousIndex(I)...);
}
template <std::size_t... I>
inline V shiftedForward(V v, std::index_sequence<I...> /*lanes*/) {
    return __builtin_shufflevector(v, v, nextIndex(I)...);
}

// One source row of n widened to 2n (LinearX2Weights), read straight from the source: the
// first and last whole vectors shuffle their edge neighbour in, the tail clamps.
void linearX2Row(const float* s, std::int64_t n, LinearX2Weights w, float* dst) {
    const V evenLeft = splat(w.evenLeft);
    const V evenCentre = splat(w.evenCentre);
    const V oddCentre = splat(w.oddCentre);
    const V oddRight = splat(w.oddRight);
    std::int64_t i = 0;
    for (; i + N <= n; i += N) {
        const V centre = load(s + i);
        const V left = i == 0 ? shiftedBack(centre, Lanes{}) : load(s + i - 1);
        const V right = i + N == n ? shiftedForward(centre, Lanes{}) : load(s + i + 1);
        const V even = evenLeft * left + evenCentre * centre;
        const V odd = oddCentre * centre + oddRight * right;
        store(dst + 2 * i, zipLow(even, odd, Lanes{}));
        store(dst + 2 * i + N, zipHigh(even, odd, Lanes{}));
    }
    for (; i < n; ++i) {
        const float left = s[i == 0 ? 0 : i - 1];
        const float right = s[i + 1 == n ? i : i + 1];
        dst[2 * i] = w.evenLeft * left + w.evenCentre * s[i];
        dst[2 * i + 1] = w.oddCentre * s[i] + w.oddRight * right;
    }
}

// Rows widened first, then blended (the order of PyTorch and of the general path): each
// source row is widened once into one of two slots of scratch and serves every output row
// that reads it; rows that read one source row are widened straight into the output.
void linearX2Plane(const float* src, std::int64_t inW, const SourceRows* rowOf, std::int64_t outH,
                   LinearX2Weights w, float* scratch, float* dst) {
    const std::int64_t outW = 2 * inW;
    std::array<std::int64_t, 2> slotRow = {-1, -1};
    auto widened = [&](std::int64_t sourceRow, std::int64_t keep) {
        for (std::size_t slot = 0; slot < 2; ++slot) {
            if (slotRow[slot] == sourceRow) {
                return scratch + static_cast<std::int64_t>(slot) * outW;
            }
        }
        const std::size_t slot = slotRow[0] == keep ? 1 : 0;
        slotRow[slot] = sourceRow;
        float* row = scratch + static_cast<std::int64_t>(slot) * outW;
        linearX2Row(src + sourceRow * inW, inW, w, row);
        return row;
    };
    for (std::int64_t y = 0; y < outH; ++y) {
        const SourceRows& r = rowOf[y];
        float* out = dst + y * outW;
        if (!r.blended) {
            linearX2Row(src + r.first * inW, inW, w, out);
            continue;
        }
        const float* a = widened(r.first, r.second);
        const float* b = widened(r.second, r.first);
        const V wa = splat(r.firstWeight);
        const V wb = splat(r.secondWeight);
        std::int64_t x = 0;
        for (; x + N <= outW; x += N) {
            store(out + x, wa * load(a + x) + wb * load(b + x));
        }
        for (; x < outW; ++x) {
            out[x] = r.firstWeight * a[x] + r.secondWeight * b[x];
        }
    }
}

}  // namespace

}  // namespace stridelab::simd::STRIDELAB_SIMD_NS

namespace stridelab::simd {
// extern: a namespace-scope const would otherwise have internal linkage.
extern const PoolResizeKernels STRIDELAB_SIMD_TABLE = {
    STRIDELAB_SIMD_NS::eachRow<STRIDELAB_SIMD_NS::maxPoolRow>,
    STRIDELAB_SIMD_NS::avgPoolRows,
    STRIDELAB_SIMD_NS::unpoolX2Plane,
    STRIDELAB_SIMD_NS::interleavePairs,
    STRIDELAB_SIMD_NS::repeatX2Plane,
    STRIDELAB_SIMD_NS::linearX2Plane};
}  // namespace stridelab::simd
