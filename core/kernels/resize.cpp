#include "kernels/resize.h"

#include "kernels/pool_resize_simd.h"
#include "shape/axis_math.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace stridelab {

namespace {

constexpr float kCubicA = -0.75F;  // PyTorch's bicubic coefficient

float cubicNear(float x) {
    return ((kCubicA + 2.0F) * x - (kCubicA + 3.0F)) * x * x + 1.0F;
}
float cubicFar(float x) {
    return ((kCubicA * x - 5.0F * kCubicA) * x + 8.0F * kCubicA) * x - 4.0F * kCubicA;
}

// PyTorch's area_pixel_compute_source_index, in float like its CPU kernel.
float sourceCoordinate(std::int64_t x, std::int64_t nIn, std::int64_t nOut, CoordinateMode mode,
                       bool clampAtZero) {
    const auto fx = static_cast<float>(x);
    switch (mode) {
        case CoordinateMode::AlignCorners:
            // PyTorch: scale = (n_in - 1) / (n_out - 1) in float first, then scale * x.
            return nOut > 1 ? (static_cast<float>(nIn - 1) / static_cast<float>(nOut - 1)) * fx
                            : 0.0F;
        case CoordinateMode::Asymmetric:
            return fx * (static_cast<float>(nIn) / static_cast<float>(nOut));
        case CoordinateMode::HalfPixel: {
            const float src =
                (fx + 0.5F) * (static_cast<float>(nIn) / static_cast<float>(nOut)) - 0.5F;
            return (clampAtZero && src < 0.0F) ? 0.0F : src;
        }
    }
    return 0.0F;
}

// Widths doubled by nearest (both rules take source column x / 2) or by bilinear with
// half-pixel or asymmetric coordinates (fixed weights per output column parity, edges
// replicated): vectorised rows. The rows' taps are those of the general path; bilinear
// widens the source rows, then blends them, as the general path. False where this does not
// apply.
bool resizeWidthX2(const Tensor& input, Interpolation interpolation, CoordinateMode mode,
                   const std::vector<ResizeTaps>& rows, Tensor& output, int threads) {
    const simd::PoolResizeKernels* k = simd::poolResizeKernels();
    const Shape in = input.shape();
    const Shape out = output.shape();
    if (k == nullptr || in.w == 0 || out.w != 2 * in.w) {
        return false;
    }
    const bool nearest =
        interpolation == Interpolation::Nearest || interpolation == Interpolation::NearestExact;
    const bool linear = interpolation == Interpolation::Bilinear &&
                        (mode == CoordinateMode::HalfPixel || mode == CoordinateMode::Asymmetric);
    if (!nearest && !linear) {
        return false;
    }
    std::vector<simd::SourceRows> rowOf(rows.size());
    for (std::size_t y = 0; y < rows.size(); ++y) {
        const ResizeTaps& t = rows[y];
        rowOf[y] = {t.index[0], t.index[1], t.weight[0], t.weight[1], t.count == 2};
    }
    if (nearest) {
#pragma omp parallel for num_threads(threads) schedule(static)
        for (std::int64_t c = 0; c < out.c; ++c) {
            k->repeatX2Plane(input.channel(c), in.w, rowOf.data(), out.h, output.channel(c));
        }
        return true;
    }
    // Half-pixel: x = 2i samples i - 1/4, x = 2i + 1 samples i + 1/4 (clamped at 0; the
    // replicated edges give the clamp at the end). Asymmetric: i and i + 1/2.
    const simd::LinearX2Weights weights = mode == CoordinateMode::HalfPixel
                                              ? simd::LinearX2Weights{0.25F, 0.75F, 0.75F, 0.25F}
                                              : simd::LinearX2Weights{0.0F, 1.0F, 0.5F, 0.5F};
#pragma omp parallel num_threads(threads)
    {
        std::vector<float> scratch(static_cast<std::size_t>(simd::linearX2ScratchFloats(in.w)));
#pragma omp for schedule(static)
        for (std::int64_t c = 0; c < out.c; ++c) {
            k->linearX2Plane(input.channel(c), in.w, rowOf.data(), out.h, weights, scratch.data(),
                             output.channel(c));
        }
    }
    return true;
}

}  // namespace

float resizeSourceCoordinate(std::int64_t x, std::int64_t nIn, std::int64_t nOut,
                             Interpolation interpolation, CoordinateMode mode, TapDomain domain) {
    const float scale = static_cast<float>(nIn) / static_cast<float>(nOut);
    switch (interpolation) {
        case Interpolation::Nearest:
            return static_cast<float>(x) * scale - 0.5F;
        case Interpolation::NearestExact:
            return (static_cast<float>(x) + 0.5F) * scale - 0.5F;
        case Interpolation::Bilinear:
            return sourceCoordinate(x, nIn, nOut, mode, domain == TapDomain::Image);
        case Interpolation::Bicubic:
            return sourceCoordinate(x, nIn, nOut, mode, false);
    }
    return 0.0F;
}

ResizeTaps resizeTaps(std::int64_t x, std::int64_t nIn, std::int64_t nOut,
                      Interpolation interpolation, CoordinateMode mode, TapDomain domain) {
    ResizeTaps taps;
    // Within the image these equal PyTorch's min(..., n_in - 1) forms; floor division also
    // maps positions outside it (a later layer's padding) for the receptive field.
    switch (interpolation) {
        case Interpolation::Nearest:
            taps.index[0] = floorDiv(x * nIn, nOut);
            taps.weight[0] = 1.0F;
            taps.count = 1;
            return taps;
        case Interpolation::NearestExact:
            taps.index[0] = floorDiv((2 * x + 1) * nIn, 2 * nOut);
            taps.weight[0] = 1.0F;
            taps.count = 1;
            return taps;
        case Interpolation::Bilinear: {
            const float src = resizeSourceCoordinate(x, nIn, nOut, interpolation, mode, domain);
            const auto i0 = static_cast<std::int64_t>(std::floor(src));
            const float t = src - static_cast<float>(i0);
            taps.index = {i0, i0 + 1, 0, 0};
            taps.weight = {1.0F - t, t, 0.0F, 0.0F};
            taps.count = t == 0.0F ? 1 : 2;
            return taps;
        }
        case Interpolation::Bicubic: {
            const float src = resizeSourceCoordinate(x, nIn, nOut, interpolation, mode, domain);
            const auto i0 = static_cast<std::int64_t>(std::floor(src));
            const float t = src - static_cast<float>(i0);
            if (t == 0.0F) {  // the outer weights are exactly 0: no dependency
                taps.index[0] = i0;
                taps.weight[0] = 1.0F;
                taps.count = 1;
                return taps;
            }
            taps.index = {i0 - 1, i0, i0 + 1, i0 + 2};
            taps.weight = {cubicFar(t + 1.0F), cubicNear(t), cubicNear(1.0F - t),
                           cubicFar(2.0F - t)};
            taps.count = 4;
            return taps;
        }
    }
    return taps;
}

void resize2d(const Tensor& input, Interpolation interpolation, CoordinateMode mode, Tensor& output,
              int threads) {
    const Shape in = input.shape();
    const Shape out = output.shape();
    std::vector<ResizeTaps> rows(static_cast<std::size_t>(out.h));
    std::vector<ResizeTaps> cols(static_cast<std::size_t>(out.w));
    auto clampAll = [](ResizeTaps& taps, std::int64_t n) {
        for (int i = 0; i < taps.count; ++i) {
            taps.index[static_cast<std::size_t>(i)] =
                std::clamp<std::int64_t>(taps.index[static_cast<std::size_t>(i)], 0, n - 1);
        }
    };
    for (std::int64_t y = 0; y < out.h; ++y) {
        rows[static_cast<std::size_t>(y)] = resizeTaps(y, in.h, out.h, interpolation, mode);
        clampAll(rows[static_cast<std::size_t>(y)], in.h);
    }
    if (resizeWidthX2(input, interpolation, mode, rows, output, threads)) {
        return;
    }
    for (std::int64_t x = 0; x < out.w; ++x) {
        cols[static_cast<std::size_t>(x)] = resizeTaps(x, in.w, out.w, interpolation, mode);
        clampAll(cols[static_cast<std::size_t>(x)], in.w);
    }
#pragma omp parallel for num_threads(threads) schedule(static)
    for (std::int64_t c = 0; c < out.c; ++c) {
        const float* src = input.channel(c);
        float* dst = output.channel(c);
        for (std::int64_t y = 0; y < out.h; ++y) {
            const ResizeTaps& ty = rows[static_cast<std::size_t>(y)];
            for (std::int64_t x = 0; x < out.w; ++x) {
                const ResizeTaps& tx = cols[static_cast<std::size_t>(x)];
                float sum = 0.0F;
                for (int i = 0; i < ty.count; ++i) {
                    const float* row = src + ty.index[static_cast<std::size_t>(i)] * in.w;
                    float rowSum = 0.0F;
                    for (int j = 0; j < tx.count; ++j) {
                        rowSum += tx.weight[static_cast<std::size_t>(j)] *
                                  row[tx.index[static_cast<std::size_t>(j)]];
                    }
                    sum += ty.weight[static_cast<std::size_t>(i)] * rowSum;
                }
                dst[y * out.w + x] = sum;
            }
        }
    }
}

}  // namespace stridelab
