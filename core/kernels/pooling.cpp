#include "kernels/pooling.h"

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

// The output columns whose windows lie wholly inside the input row: [begin, end).
struct Columns {
    std::int64_t begin = 0;
    std::int64_t end = 0;
};

Columns innerColumns(const PoolGeometry& g) {
    const std::int64_t s = g.stride.w;
    const std::int64_t last = g.input.w + g.padding.left - g.kernel.w;  // largest ox*s
    if (last < 0) {
        return {};
    }
    const std::int64_t begin = (g.padding.left + s - 1) / s;
    const std::int64_t end = std::min(g.output.w, last / s + 1);
    return begin < end ? Columns{begin, end} : Columns{};
}

// The vectorised rows apply where the horizontal stride is 1 or 2 (every PyTorch and Keras
// default) and some window lies inside the row.
const simd::PoolResizeKernels* rowKernels(const PoolGeometry& g, const Columns& inner) {
    const simd::PoolResizeKernels* k = simd::poolResizeKernels();
    return (k != nullptr && (g.stride.w == 1 || g.stride.w == 2) && inner.begin < inner.end)
               ? k
               : nullptr;
}

simd::PoolRow poolRow(const PoolGeometry& g, const float* src, const Window& wy,
                      const Columns& inner) {
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

}  // namespace

namespace {

// argmax: out.elements() indices, or nullptr for the values only.
void maxPoolInto(const Tensor& input, const PoolGeometry& g, Tensor& output, std::int32_t* argmax,
                 int threads) {
    const Shape in = g.input;
    const Shape out = g.output;
    const Columns inner = innerColumns(g);
    const simd::PoolResizeKernels* k = rowKernels(g, inner);
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t c = 0; c < out.c; ++c) {
        const float* src = input.channel(c);
        float* dst = output.channel(c);
        std::int32_t* idx = argmax != nullptr ? argmax + c * out.h * out.w : nullptr;
        for (std::int64_t oy = 0; oy < out.h; ++oy) {
            const Window wy =
                windowAt(oy, g.kernel.h, g.stride.h, g.padding.top, g.padding.bottom, in.h);
            float* dstRow = dst + oy * out.w;
            std::int32_t* idxRow = idx != nullptr ? idx + oy * out.w : nullptr;
            const bool vector = k != nullptr && wy.begin < wy.end;
            if (vector) {
                simd::PoolRow r = poolRow(g, src, wy, inner);
                r.dst = dstRow;
                r.argmax = idxRow;
                k->maxPoolRow(r);
            }
            for (std::int64_t ox = 0; ox < out.w; ++ox) {
                if (vector && ox == inner.begin) {
                    ox = inner.end - 1;
                    continue;
                }
                std::int32_t index = 0;
                maxAt(src, in.w, wy, columnWindow(g, ox), dstRow[ox], index);
                if (idxRow != nullptr) {
                    idxRow[ox] = index;
                }
            }
        }
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
    const Columns inner = innerColumns(g);
    const simd::PoolResizeKernels* k = rowKernels(g, inner);
#pragma omp parallel num_threads(threads)
    {
        std::vector<float> scratch(
            k != nullptr ? static_cast<std::size_t>(simd::poolScratchFloats(in.w)) : 0);
#pragma omp for schedule(static)
        for (std::int64_t c = 0; c < out.c; ++c) {
            const float* src = input.channel(c);
            float* dst = output.channel(c);
            for (std::int64_t oy = 0; oy < out.h; ++oy) {
                const Window wy =
                    windowAt(oy, g.kernel.h, g.stride.h, g.padding.top, g.padding.bottom, in.h);
                float* dstRow = dst + oy * out.w;
                const bool vector = k != nullptr && wy.begin < wy.end;
                if (vector) {
                    // Inside the row a window's padded and real widths are both the kernel's.
                    simd::PoolRow r = poolRow(g, src, wy, inner);
                    r.dst = dstRow;
                    r.scratch = scratch.data();
                    const std::int64_t rows = divisor == AverageDivisor::PaddedWindow
                                                  ? wy.paddedLength
                                                  : wy.end - wy.begin;
                    r.divisor = static_cast<float>(rows * g.kernel.w);
                    k->avgPoolRow(r);
                }
                for (std::int64_t ox = 0; ox < out.w; ++ox) {
                    if (vector && ox == inner.begin) {
                        ox = inner.end - 1;
                        continue;
                    }
                    dstRow[ox] = averageAt(src, in.w, wy, columnWindow(g, ox), divisor);
                }
            }
        }
    }
}

void maxUnpool2d(const Tensor& input, const std::vector<std::int32_t>& indices, Tensor& output,
                 int threads) {
    const Shape in = input.shape();
    const std::int64_t plane = in.h * in.w;
    const Shape out = output.shape();
    const auto outPlane = static_cast<std::size_t>(out.h * out.w);
    // Per channel, so the zeroed plane is still in cache when the scatter writes into it.
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t c = 0; c < in.c; ++c) {
        const float* src = input.channel(c);
        const std::int32_t* idx = indices.data() + c * plane;
        float* dst = output.channel(c);
        std::memset(dst, 0, outPlane * sizeof(float));
        for (std::int64_t i = 0; i < plane; ++i) {
            dst[idx[i]] = src[i];
        }
    }
}

}  // namespace stridelab
