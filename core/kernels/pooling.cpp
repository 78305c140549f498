#include "kernels/pooling.h"

#include "kernels/cache_size.h"
#include "kernels/pool_resize_simd.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <vector>

namespace stridelab {

namespace {

struct Window {
    std::int64_t begin;         // first real index, clipped
    std::int64_t end;           // one past the last real index, clipped
    std::int64_t paddedLength;  // the window's length inside the padded input
};

Window windowAt(std::int64_t o, std::int64_t kernel, std::int64_t stride, std::int64_t before,
                std::int64_t after, std::int64_t n) {
    const std::int64_t start = o * stride - before;
    const std::int64_t stop = std::min(start + kernel, n + after);
    return {std::max<std::int64_t>(start, 0), std::min(stop, n), stop - start};
}

Window columnWindow(const PoolGeometry& g, std::int64_t ox) {
    return windowAt(ox, g.kernel.w, g.stride.w, g.padding.left, g.padding.right, g.input.w);
}

// The outputs along one axis whose windows lie wholly inside the input: [begin, end).
struct Range {
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

Range innerRange(std::int64_t inputLength, std::int64_t before, std::int64_t kernel,
                 std::int64_t stride, std::int64_t outputLength) {
    const std::int64_t last = inputLength + before - kernel;  // largest o*stride
    if (last < 0) {
        return {};
    }
    const std::int64_t begin = (before + stride - 1) / stride;
    const std::int64_t end = std::min(outputLength, last / stride + 1);
    return begin < end ? Range{begin, end} : Range{};
}

Range innerColumns(const PoolGeometry& g) {
    return innerRange(g.input.w, g.padding.left, g.kernel.w, g.stride.w, g.output.w);
}

Range innerRows(const PoolGeometry& g) {
    return innerRange(g.input.h, g.padding.top, g.kernel.h, g.stride.h, g.output.h);
}

// The output rows the vector kernels take in one call from output row oy: the whole run of
// inner rows where it starts, otherwise that row alone.
std::int64_t rowsFrom(std::int64_t oy, const Range& innerRowRange) {
    // No inner rows (a window taller than the input) is the empty range at 0: one row then,
    // never none (found by fuzz_layer_stack: the walk stood still).
    const bool runStarts = oy == innerRowRange.begin && innerRowRange.end > innerRowRange.begin;
    return runStarts ? innerRowRange.end - innerRowRange.begin : 1;
}

// The vectorised rows apply where the horizontal stride is 1 or 2 (every PyTorch and Keras
// default) and some window lies inside the row.
const simd::PoolResizeKernels* rowKernels(const PoolGeometry& g, const Range& inner) {
    const simd::PoolResizeKernels* k = simd::poolResizeKernels();
    return (k != nullptr && (g.stride.w == 1 || g.stride.w == 2) && inner.begin < inner.end)
               ? k
               : nullptr;
}

simd::PoolRow poolRow(const PoolGeometry& g, const float* src, const Window& wy, const Range& inner,
                      std::int64_t rows) {
    simd::PoolRow r;
    r.src = src;
    r.inW = g.input.w;
    r.yBegin = wy.begin;
    r.yEnd = wy.end;
    r.kernelW = g.kernel.w;
    r.strideW = g.stride.w;
    r.left = g.padding.left;
    r.oxBegin = inner.begin;
    r.oxEnd = inner.end;
    r.rows = rows;
    r.strideH = g.stride.h;
    r.dstStep = g.output.w;
    return r;
}

// One output of the max pool; padding never wins, a NaN does (as PyTorch, so it is not
// hidden), ties go to the first in row-major order.
void maxAt(const float* src, std::int64_t inW, const Window& wy, const Window& wx, float& best,
           std::int32_t& index) {
    best = -std::numeric_limits<float>::infinity();
    std::int64_t bestIndex = wy.begin * inW + wx.begin;
    bool found = false;
    for (std::int64_t y = wy.begin; y < wy.end; ++y) {
        for (std::int64_t x = wx.begin; x < wx.end; ++x) {
            const float v = src[y * inW + x];
            if (!found || v > best || std::isnan(v)) {
                best = v;
                bestIndex = y * inW + x;
                found = true;
                if (std::isnan(v)) {
                    index = static_cast<std::int32_t>(bestIndex);
                    return;
                }
            }
        }
    }
    index = static_cast<std::int32_t>(bestIndex);
}

float averageAt(const float* src, std::int64_t inW, const Window& wy, const Window& wx,
                AverageDivisor divisor) {
    float sum = 0.0F;
    for (std::int64_t y = wy.begin; y < wy.end; ++y) {
        for (std::int64_t x = wx.begin; x < wx.end; ++x) {
            sum += src[y * inW + x];
        }
    }
    const std::int64_t count = divisor == AverageDivisor::PaddedWindow
                                   ? wy.paddedLength * wx.paddedLength
                                   : (wy.end - wy.begin) * (wx.end - wx.begin);
    return sum / static_cast<float>(count);
}

Window rowWindow(const PoolGeometry& g, std::int64_t oy) {
    return windowAt(oy, g.kernel.h, g.stride.h, g.padding.top, g.padding.bottom, g.input.h);
}

// One channel's output rows as the vector kernels take them: vectorRows(oy, window, rows) for
// each run of rows from oy that they cover (none without vector kernels), then edge(oy, ox,
// window) for every output those leave: the columns whose windows reach into the padding, and
// whole rows the kernels do not take.
template <typename VectorRows, typename Edge>
void walkRows(const PoolGeometry& g, bool vectors, const Range& inner, const Range& innerRowRange,
              VectorRows vectorRows, Edge edge) {
    for (std::int64_t oy = 0; oy < g.output.h;) {
        const Window first = rowWindow(g, oy);
        const bool vector = vectors && first.begin < first.end;
        const std::int64_t rows = vector ? rowsFrom(oy, innerRowRange) : 1;
        if (vector) {
            vectorRows(oy, first, rows);
        }
        for (const std::int64_t end = oy + rows; oy < end; ++oy) {
            const Window wy = rowWindow(g, oy);
            for (std::int64_t ox = 0; ox < g.output.w; ++ox) {
                if (vector && ox == inner.begin) {
                    ox = inner.end - 1;
                    continue;
                }
                edge(oy, ox, wy);
            }
        }
    }
}

}  // namespace

namespace {

// argmax: out.elements() indices, or nullptr for the values only.
void maxPoolInto(const Tensor& input, const PoolGeometry& g, Tensor& output, std::int32_t* argmax,
                 int threads) {
    const Shape in = g.input;
    const Shape out = g.output;
    const Range inner = innerColumns(g);
    const Range innerRowRange = innerRows(g);
    const simd::PoolResizeKernels* k = rowKernels(g, inner);
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t c = 0; c < out.c; ++c) {
        const float* src = input.channel(c);
        float* dst = output.channel(c);
        std::int32_t* idx = argmax != nullptr ? argmax + c * out.h * out.w : nullptr;
        walkRows(
            g, k != nullptr, inner, innerRowRange,
            [&](std::int64_t oy, const Window& wy, std::int64_t rows) {
                simd::PoolRow r = poolRow(g, src, wy, inner, rows);
                r.dst = dst + oy * out.w;
                r.argmax = idx != nullptr ? idx + oy * out.w : nullptr;
                k->maxPoolRows(r);
            },
            [&](std::int64_t oy, std::int64_t ox, const Window& wy) {
                std::int32_t index = 0;
                maxAt(src, in.w, wy, columnWindow(g, ox), dst[oy * out.w + ox], index);
                if (idx != nullptr) {
                    idx[oy * out.w + ox] = index;
                }
            });
    }
}

}  // namespace

void maxPool2d(const Tensor& input, const PoolGeometry& g, Tensor& output,
               std::vector<std::int32_t>& argmax, int threads) {
    argmax.resize(static_cast<std::size_t>(g.output.elements()));
    maxPoolInto(input, g, output, argmax.data(), threads);
}

void maxPool2d(const Tensor& input, const PoolGeometry& g, Tensor& output, int threads) {
    maxPoolInto(input, g, output, nullptr, threads);
}

void avgPool2d(const Tensor& input, const PoolGeometry& g, AverageDivisor divisor, Tensor& output,
               int threads) {
    const Shape in = g.input;
    const Shape out = g.output;
    const Range inner = innerColumns(g);
    const Range innerRowRange = innerRows(g);
    const simd::PoolResizeKernels* k = rowKernels(g, inner);
#pragma omp parallel num_threads(threads)
    {
        std::vector<float> scratch(
            k != nullptr ? static_cast<std::size_t>(simd::poolScratchFloats(in.w)) : 0);
#pragma omp for schedule(static)
        for (std::int64_t c = 0; c < out.c; ++c) {
            const float* src = input.channel(c);
            float* dst = output.channel(c);
            walkRows(
                g, k != nullptr, inner, innerRowRange,
                [&](std::int64_t oy, const Window& wy, std::int64_t rows) {
                    // Inside the row a window's padded and real widths are both the kernel's;
                    // a run of several rows has whole windows, so one divisor serves them all.
                    simd::PoolRow r = poolRow(g, src, wy, inner, rows);
                    r.dst = dst + oy * out.w;
                    r.scratch = scratch.data();
                    const std::int64_t windowRows = divisor == AverageDivisor::PaddedWindow
                                                        ? wy.paddedLength
                                                        : wy.end - wy.begin;
                    r.divisor = static_cast<float>(windowRows * g.kernel.w);
                    k->avgPoolRows(r);
                },
                [&](std::int64_t oy, std::int64_t ox, const Window& wy) {
                    dst[oy * out.w + ox] = averageAt(src, in.w, wy, columnWindow(g, ox), divisor);
                });
        }
    }
}

void maxUnpool2d(const Tensor& input, const std::vector<std::int32_t>& indices, Tensor& output,
                 int threads) {
    const Shape in = input.shape();
    const std::int64_t plane = in.h * in.w;
    const Shape out = output.shape();
    const auto outPlane = static_cast<std::size_t>(out.h * out.w);
    const simd::PoolResizeKernels* k = simd::poolResizeKernels();
    const bool cells = k != nullptr && out.h == 2 * in.h && out.w == 2 * in.w;
    // Unpooling writes four times what it reads, mostly zeros, usually after a pool that
    // streamed a larger map through the cache: a large output goes around it (one thread,
    // 64x128x128 -> 64x256x256 after its pool: 0.70 -> 0.41 ms).
    const bool streaming = streamingPays(out.elements() * static_cast<std::int64_t>(sizeof(float)));
    // Per channel, so the zeroed plane is still in cache when the scatter writes into it.
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t c = 0; c < in.c; ++c) {
        const float* src = input.channel(c);
        const std::int32_t* idx = indices.data() + c * plane;
        float* dst = output.channel(c);
        if (cells && k->unpoolX2Plane(src, idx, in.h, in.w, dst, streaming)) {
            continue;
        }
        std::memset(dst, 0, outPlane * sizeof(float));
        for (std::int64_t i = 0; i < plane; ++i) {
            dst[idx[i]] = src[i];
        }
    }
}

}  // namespace stridelab
