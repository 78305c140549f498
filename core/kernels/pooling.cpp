#include "kernels/pooling.h"

#include <algorithm>
#include <cmath>
#include <limits>

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

}  // namespace

void maxPool2d(const Tensor& input, const PoolGeometry& g, Tensor& output,
               std::vector<std::int32_t>& argmax, int threads) {
    const Shape in = g.input;
    const Shape out = g.output;
    argmax.resize(static_cast<std::size_t>(out.elements()));
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t c = 0; c < out.c; ++c) {
        const float* src = input.channel(c);
        float* dst = output.channel(c);
        std::int32_t* idx = argmax.data() + c * out.h * out.w;
        for (std::int64_t oy = 0; oy < out.h; ++oy) {
            const Window wy =
                windowAt(oy, g.kernel.h, g.stride.h, g.padding.top, g.padding.bottom, in.h);
            for (std::int64_t ox = 0; ox < out.w; ++ox) {
                const Window wx =
                    windowAt(ox, g.kernel.w, g.stride.w, g.padding.left, g.padding.right, in.w);
                float best = -std::numeric_limits<float>::infinity();
                std::int64_t bestIndex = wy.begin * in.w + wx.begin;
                bool found = false;
                for (std::int64_t y = wy.begin; y < wy.end; ++y) {
                    for (std::int64_t x = wx.begin; x < wx.end; ++x) {
                        const float v = src[y * in.w + x];
                        // NaN wins, as in PyTorch, so it is not hidden.
                        if (!found || v > best || std::isnan(v)) {
                            best = v;
                            bestIndex = y * in.w + x;
                            found = true;
                            if (std::isnan(v)) {
                                y = wy.end;
                                break;
                            }
                        }
                    }
                }
                dst[oy * out.w + ox] = best;
                idx[oy * out.w + ox] = static_cast<std::int32_t>(bestIndex);
            }
        }
    }
}

void avgPool2d(const Tensor& input, const PoolGeometry& g, AverageDivisor divisor, Tensor& output,
               int threads) {
    const Shape in = g.input;
    const Shape out = g.output;
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t c = 0; c < out.c; ++c) {
        const float* src = input.channel(c);
        float* dst = output.channel(c);
        for (std::int64_t oy = 0; oy < out.h; ++oy) {
            const Window wy =
                windowAt(oy, g.kernel.h, g.stride.h, g.padding.top, g.padding.bottom, in.h);
            for (std::int64_t ox = 0; ox < out.w; ++ox) {
                const Window wx =
                    windowAt(ox, g.kernel.w, g.stride.w, g.padding.left, g.padding.right, in.w);
                float sum = 0.0F;
                for (std::int64_t y = wy.begin; y < wy.end; ++y) {
                    for (std::int64_t x = wx.begin; x < wx.end; ++x) {
                        sum += src[y * in.w + x];
                    }
                }
                const std::int64_t count = divisor == AverageDivisor::PaddedWindow
                                               ? wy.paddedLength * wx.paddedLength
                                               : (wy.end - wy.begin) * (wx.end - wx.begin);
                dst[oy * out.w + ox] = sum / static_cast<float>(count);
            }
        }
    }
}

void maxUnpool2d(const Tensor& input, const std::vector<std::int32_t>& indices, Tensor& output) {
    output.fill(0.0F);
    const Shape in = input.shape();
    const std::int64_t plane = in.h * in.w;
    for (std::int64_t c = 0; c < in.c; ++c) {
        const float* src = input.channel(c);
        const std::int32_t* idx = indices.data() + c * plane;
        float* dst = output.channel(c);
        for (std::int64_t i = 0; i < plane; ++i) {
            dst[idx[i]] = src[i];
        }
    }
}

}  // namespace stridelab
