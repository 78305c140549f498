#include "support/reference_kernels.h"

#include <cmath>
#include <limits>

namespace stridelab::test {

namespace {

std::int64_t floorDiv(std::int64_t a, std::int64_t b) {
    std::int64_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        --q;
    }
    return q;
}

std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return -floorDiv(-a, b);
}

std::int64_t effectiveKernel(std::int64_t k, std::int64_t d) {
    return d * (k - 1) + 1;
}

std::int64_t clampIndex(std::int64_t i, std::int64_t n) {
    if (i < 0) {
        return 0;
    }
    if (i > n - 1) {
        return n - 1;
    }
    return i;
}

// One pool axis: out = floor-or-ceil((n + before + after - k) / s) + 1, minus the last
// window if it would start inside the after padding (PyTorch's ceil_mode rule).
std::int64_t poolExtent(std::int64_t n, std::int64_t k, std::int64_t s, std::int64_t before,
                        std::int64_t after, bool ceilMode) {
    const std::int64_t span = n + before + after - k;
    std::int64_t out = (ceilMode ? ceilDiv(span, s) : floorDiv(span, s)) + 1;
    if (ceilMode && (out - 1) * s >= n + before) {
        --out;
    }
    return out;
}

// PyTorch's cubic convolution kernel (a = -0.75) at distance d from the sample.
double cubicWeight(double d) {
    constexpr double a = -0.75;
    d = std::abs(d);
    if (d <= 1.0) {
        return (a + 2.0) * d * d * d - (a + 3.0) * d * d + 1.0;
    }
    if (d < 2.0) {
        return a * d * d * d - 5.0 * a * d * d + 8.0 * a * d - 4.0 * a;
    }
    return 0.0;
}

double sourceCoordinate(std::int64_t x, std::int64_t nIn, std::int64_t nOut,
                        Interpolation interpolation, CoordinateMode mode) {
    const double scale = static_cast<double>(nIn) / static_cast<double>(nOut);
    const auto dx = static_cast<double>(x);
    switch (mode) {
        case CoordinateMode::HalfPixel: {
            const double src = (dx + 0.5) * scale - 0.5;
            // PyTorch clamps at 0 for linear modes only; bicubic keeps the negative value.
            if (interpolation == Interpolation::Bilinear && src < 0.0) {
                return 0.0;
            }
            return src;
        }
        case CoordinateMode::AlignCorners:
            if (nOut == 1) {
                return 0.0;
            }
            return dx * static_cast<double>(nIn - 1) / static_cast<double>(nOut - 1);
        case CoordinateMode::Asymmetric:
            return dx * scale;
    }
    return 0.0;
}

struct Tap {
    std::int64_t index;  // unclamped
    double weight;
};

std::vector<Tap> axisTaps(std::int64_t x, std::int64_t nIn, std::int64_t nOut,
                          Interpolation interpolation, CoordinateMode mode) {
    switch (interpolation) {
        case Interpolation::Nearest: {
            std::int64_t i = (x * nIn) / nOut;
            if (i > nIn - 1) {
                i = nIn - 1;
            }
            return {{i, 1.0}};
        }
        case Interpolation::NearestExact: {
            std::int64_t i = ((2 * x + 1) * nIn) / (2 * nOut);
            if (i > nIn - 1) {
                i = nIn - 1;
            }
            return {{i, 1.0}};
        }
        case Interpolation::Bilinear: {
            const double src = sourceCoordinate(x, nIn, nOut, interpolation, mode);
            const auto i0 = static_cast<std::int64_t>(std::floor(src));
            std::vector<Tap> taps;
            for (std::int64_t i = i0; i <= i0 + 1; ++i) {
                taps.push_back({i, 1.0 - std::abs(src - static_cast<double>(i))});
            }
            return taps;
        }
        case Interpolation::Bicubic: {
            const double src = sourceCoordinate(x, nIn, nOut, interpolation, mode);
            const auto i0 = static_cast<std::int64_t>(std::floor(src));
            std::vector<Tap> taps;
            for (std::int64_t i = i0 - 1; i <= i0 + 2; ++i) {
                taps.push_back({i, cubicWeight(src - static_cast<double>(i))});
            }
            return taps;
        }
    }
    return {};
}

}  // namespace

std::int64_t referenceSourceIndex(std::int64_t i, std::int64_t n, PaddingMode mode) {
    switch (mode) {
        case PaddingMode::Zeros:
            return (i >= 0 && i < n) ? i : -1;
        case PaddingMode::Replicate:
            return clampIndex(i, n);
        case PaddingMode::Reflect:
            // Mirror about the first and last elements, which are not repeated:
            // -1 -> 1, n -> n - 2.
            if (n == 1) {
                return 0;
            }
            while (i < 0 || i >= n) {
                i = i < 0 ? -i : 2 * (n - 1) - i;
            }
            return i;
        case PaddingMode::Circular:
            while (i < 0) {
                i += n;
            }
            while (i >= n) {
                i -= n;
            }
            return i;
    }
    return -1;
}

Tensor referencePad(const Tensor& input, const Padding2d& padding, PaddingMode mode, float fill) {
    const Shape in = input.shape();
    const Shape out{in.c, in.h + padding.top + padding.bottom, in.w + padding.left + padding.right};
    Tensor result(out);
    for (std::int64_t c = 0; c < out.c; ++c) {
        for (std::int64_t y = 0; y < out.h; ++y) {
            for (std::int64_t x = 0; x < out.w; ++x) {
                const std::int64_t sy = referenceSourceIndex(y - padding.top, in.h, mode);
                const std::int64_t sx = referenceSourceIndex(x - padding.left, in.w, mode);
                result.at(c, y, x) = (sy < 0 || sx < 0) ? fill : input.at(c, sy, sx);
            }
        }
    }
    return result;
}

Shape referenceConvShape(const Shape& input, const ConvParams& p) {
    const std::int64_t keh = effectiveKernel(p.kernel.h, p.dilation.h);
    const std::int64_t kew = effectiveKernel(p.kernel.w, p.dilation.w);
    return {p.filters, floorDiv(input.h + p.padding.top + p.padding.bottom - keh, p.stride.h) + 1,
            floorDiv(input.w + p.padding.left + p.padding.right - kew, p.stride.w) + 1};
}

Tensor referenceConv2d(const Tensor& input, const std::vector<float>& weights,
                       const std::vector<float>& bias, const ConvParams& p) {
    const Shape in = input.shape();
    const Shape out = referenceConvShape(in, p);
    const std::int64_t inPerGroup = in.c / p.groups;
    const std::int64_t outPerGroup = p.filters / p.groups;
    auto w = [&](std::int64_t f, std::int64_t ci, std::int64_t ky, std::int64_t kx) {
        return static_cast<double>(weights[static_cast<std::size_t>(
            ((f * inPerGroup + ci) * p.kernel.h + ky) * p.kernel.w + kx)]);
    };
    Tensor result(out);
    for (std::int64_t f = 0; f < out.c; ++f) {
        const std::int64_t group = f / outPerGroup;
        for (std::int64_t oy = 0; oy < out.h; ++oy) {
            for (std::int64_t ox = 0; ox < out.w; ++ox) {
                double sum =
                    bias.empty() ? 0.0 : static_cast<double>(bias[static_cast<std::size_t>(f)]);
                for (std::int64_t ci = 0; ci < inPerGroup; ++ci) {
                    const std::int64_t c = group * inPerGroup + ci;
                    for (std::int64_t ky = 0; ky < p.kernel.h; ++ky) {
                        for (std::int64_t kx = 0; kx < p.kernel.w; ++kx) {
                            // Position in unpadded coordinates, then the mode's mapping.
                            const std::int64_t y =
                                oy * p.stride.h + ky * p.dilation.h - p.padding.top;
                            const std::int64_t x =
                                ox * p.stride.w + kx * p.dilation.w - p.padding.left;
                            const std::int64_t sy = referenceSourceIndex(y, in.h, p.mode);
                            const std::int64_t sx = referenceSourceIndex(x, in.w, p.mode);
                            if (sy < 0 || sx < 0) {
                                continue;
                            }
                            sum += w(f, ci, ky, kx) * static_cast<double>(input.at(c, sy, sx));
                        }
                    }
                }
                result.at(f, oy, ox) = static_cast<float>(sum);
            }
        }
    }
    return result;
}

Tensor referenceConv2dTranspose(const Tensor& input, const std::vector<float>& weights,
                                const std::vector<float>& bias, const TransposedConvParams& p) {
    const Shape in = input.shape();
    const std::int64_t inPerGroup = in.c / p.groups;
    const std::int64_t outPerGroup = p.filters / p.groups;
    const std::int64_t fullH = (in.h - 1) * p.stride.h + effectiveKernel(p.kernel.h, p.dilation.h);
    const std::int64_t fullW = (in.w - 1) * p.stride.w + effectiveKernel(p.kernel.w, p.dilation.w);
    std::vector<double> full(static_cast<std::size_t>(p.filters * fullH * fullW), 0.0);
    auto at = [&](std::int64_t f, std::int64_t y, std::int64_t x) -> double& {
        return full[static_cast<std::size_t>((f * fullH + y) * fullW + x)];
    };
    for (std::int64_t c = 0; c < in.c; ++c) {
        const std::int64_t group = c / inPerGroup;
        for (std::int64_t fo = 0; fo < outPerGroup; ++fo) {
            const std::int64_t f = group * outPerGroup + fo;
            for (std::int64_t ky = 0; ky < p.kernel.h; ++ky) {
                for (std::int64_t kx = 0; kx < p.kernel.w; ++kx) {
                    const auto w = static_cast<double>(weights[static_cast<std::size_t>(
                        ((c * outPerGroup + fo) * p.kernel.h + ky) * p.kernel.w + kx)]);
                    for (std::int64_t iy = 0; iy < in.h; ++iy) {
                        for (std::int64_t ix = 0; ix < in.w; ++ix) {
                            at(f, iy * p.stride.h + ky * p.dilation.h,
                               ix * p.stride.w + kx * p.dilation.w) +=
                                w * static_cast<double>(input.at(c, iy, ix));
                        }
                    }
                }
            }
        }
    }
    Tensor result(Shape{p.filters, p.output.h, p.output.w});
    for (std::int64_t f = 0; f < p.filters; ++f) {
        const double b =
            bias.empty() ? 0.0 : static_cast<double>(bias[static_cast<std::size_t>(f)]);
        for (std::int64_t oy = 0; oy < p.output.h; ++oy) {
            for (std::int64_t ox = 0; ox < p.output.w; ++ox) {
                const std::int64_t y = oy + p.offset.h;
                const std::int64_t x = ox + p.offset.w;
                const double v = (y < fullH && x < fullW) ? at(f, y, x) : 0.0;
                result.at(f, oy, ox) = static_cast<float>(v + b);
            }
        }
    }
    return result;
}

Shape referencePoolShape(const Shape& input, const PoolParams& p) {
    return {
        input.c,
        poolExtent(input.h, p.kernel.h, p.stride.h, p.padding.top, p.padding.bottom, p.ceilMode),
        poolExtent(input.w, p.kernel.w, p.stride.w, p.padding.left, p.padding.right, p.ceilMode)};
}

Tensor referenceMaxPool2d(const Tensor& input, const PoolParams& p,
                          std::vector<std::int32_t>* argmax) {
    const Shape in = input.shape();
    const Shape out = referencePoolShape(in, p);
    Tensor result(out);
    if (argmax != nullptr) {
        argmax->assign(static_cast<std::size_t>(out.elements()), -1);
    }
    for (std::int64_t c = 0; c < out.c; ++c) {
        for (std::int64_t oy = 0; oy < out.h; ++oy) {
            for (std::int64_t ox = 0; ox < out.w; ++ox) {
                float best = -std::numeric_limits<float>::infinity();
                std::int64_t bestIndex = -1;
                for (std::int64_t ky = 0; ky < p.kernel.h; ++ky) {
                    for (std::int64_t kx = 0; kx < p.kernel.w; ++kx) {
                        const std::int64_t y = oy * p.stride.h - p.padding.top + ky;
                        const std::int64_t x = ox * p.stride.w - p.padding.left + kx;
                        if (y < 0 || y >= in.h || x < 0 || x >= in.w) {
                            continue;  // padding or ceil_mode overhang: minus infinity
                        }
                        const float v = input.at(c, y, x);
                        // Strictly greater: on a tie the first in row-major order stays.
                        if (bestIndex < 0 || v > best) {
                            best = v;
                            bestIndex = y * in.w + x;
                        }
                    }
                }
                result.at(c, oy, ox) = best;
                if (argmax != nullptr) {
                    (*argmax)[static_cast<std::size_t>((c * out.h + oy) * out.w + ox)] =
                        static_cast<std::int32_t>(bestIndex);
                }
            }
        }
    }
    return result;
}

Tensor referenceAvgPool2d(const Tensor& input, const PoolParams& p, bool countIncludePad) {
    const Shape in = input.shape();
    const Shape out = referencePoolShape(in, p);
    Tensor result(out);
    for (std::int64_t c = 0; c < out.c; ++c) {
        for (std::int64_t oy = 0; oy < out.h; ++oy) {
            for (std::int64_t ox = 0; ox < out.w; ++ox) {
                double sum = 0.0;
                std::int64_t real = 0;
                std::int64_t insidePadded = 0;
                for (std::int64_t ky = 0; ky < p.kernel.h; ++ky) {
                    for (std::int64_t kx = 0; kx < p.kernel.w; ++kx) {
                        const std::int64_t y = oy * p.stride.h - p.padding.top + ky;
                        const std::int64_t x = ox * p.stride.w - p.padding.left + kx;
                        const bool inPaddedY = y >= -p.padding.top && y < in.h + p.padding.bottom;
                        const bool inPaddedX = x >= -p.padding.left && x < in.w + p.padding.right;
                        if (inPaddedY && inPaddedX) {
                            ++insidePadded;  // a ceil_mode overhang past the padding is not counted
                        }
                        if (y >= 0 && y < in.h && x >= 0 && x < in.w) {
                            sum += static_cast<double>(input.at(c, y, x));
                            ++real;
                        }
                    }
                }
                const std::int64_t divisor = countIncludePad ? insidePadded : real;
                result.at(c, oy, ox) = static_cast<float>(sum / static_cast<double>(divisor));
            }
        }
    }
    return result;
}

Tensor referenceResize(const Tensor& input, std::int64_t height, std::int64_t width,
                       Interpolation interpolation, CoordinateMode mode) {
    const Shape in = input.shape();
    Tensor result(Shape{in.c, height, width});
    for (std::int64_t c = 0; c < in.c; ++c) {
        for (std::int64_t y = 0; y < height; ++y) {
            const std::vector<Tap> ty = axisTaps(y, in.h, height, interpolation, mode);
            for (std::int64_t x = 0; x < width; ++x) {
                const std::vector<Tap> tx = axisTaps(x, in.w, width, interpolation, mode);
                double sum = 0.0;
                for (const Tap& a : ty) {
                    for (const Tap& b : tx) {
                        // Taps past the border read the border element.
                        sum += a.weight * b.weight *
                               static_cast<double>(input.at(c, clampIndex(a.index, in.h),
                                                            clampIndex(b.index, in.w)));
                    }
                }
                result.at(c, y, x) = static_cast<float>(sum);
            }
        }
    }
    return result;
}

Tensor referenceMaxUnpool2d(const Tensor& input, const std::vector<std::int32_t>& indices,
                            const Shape& output) {
    const Shape in = input.shape();
    Tensor result(output, 0.0F);
    for (std::int64_t c = 0; c < in.c; ++c) {
        for (std::int64_t y = 0; y < in.h; ++y) {
            for (std::int64_t x = 0; x < in.w; ++x) {
                const std::int32_t target =
                    indices[static_cast<std::size_t>((c * in.h + y) * in.w + x)];
                result.at(c, target / output.w, target % output.w) = input.at(c, y, x);
            }
        }
    }
    return result;
}

Tensor referenceAntialiasedResize(const Tensor& input, std::int64_t height, std::int64_t width) {
    const Shape in = input.shape();
    // Weight of input index i for output index o on an axis of nIn -> nOut.
    auto weight = [](std::int64_t o, std::int64_t i, std::int64_t nIn, std::int64_t nOut) {
        const double scale = static_cast<double>(nIn) / static_cast<double>(nOut);
        const double support = scale > 1.0 ? scale : 1.0;
        const double centre = (static_cast<double>(o) + 0.5) * scale;
        const double d = std::abs(static_cast<double>(i) + 0.5 - centre) / support;
        return d < 1.0 ? 1.0 - d : 0.0;
    };
    Tensor result(Shape{in.c, height, width});
    for (std::int64_t c = 0; c < in.c; ++c) {
        for (std::int64_t y = 0; y < height; ++y) {
            for (std::int64_t x = 0; x < width; ++x) {
                double sum = 0.0;
                double norm = 0.0;
                for (std::int64_t i = 0; i < in.h; ++i) {
                    for (std::int64_t j = 0; j < in.w; ++j) {
                        const double w = weight(y, i, in.h, height) * weight(x, j, in.w, width);
                        sum += w * static_cast<double>(input.at(c, i, j));
                        norm += w;
                    }
                }
                result.at(c, y, x) = static_cast<float>(sum / norm);
            }
        }
    }
    return result;
}

Tensor referenceActivation(const Tensor& input, Activation activation, float negativeSlope) {
    Tensor result = input;
    for (float& v : result.values()) {
        const auto x = static_cast<double>(v);
        double y = x;
        switch (activation) {
            case Activation::Linear:
                break;
            case Activation::Relu:
                y = x < 0.0 ? 0.0 : x;  // PyTorch: NaN and -0 pass through
                break;
            case Activation::LeakyRelu:
                y = x > 0.0 ? x : static_cast<double>(negativeSlope) * x;
                break;
            case Activation::Sigmoid:
                y = 1.0 / (1.0 + std::exp(-x));
                break;
            case Activation::Tanh:
                y = std::tanh(x);
                break;
        }
        v = static_cast<float>(y);
    }
    return result;
}

}  // namespace stridelab::test
