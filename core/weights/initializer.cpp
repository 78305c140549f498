#include "weights/initializer.h"

#include <QJsonObject>

#include <array>
#include <cmath>
#include <numbers>
#include <random>

namespace stridelab {

namespace {

using Kernel2d = std::vector<double>;  // kh * kw, row-major

// Keras's truncated normal has the wanted variance after cutting at two standard deviations.
constexpr double kTruncatedNormalStddevFix = 0.87962566103423978;

// Uniform and normal draws from the raw bits of a 64-bit Mersenne twister, so the numbers
// are the same with every standard library (std::*_distribution are not specified exactly).
class SeededGenerator {
public:
    explicit SeededGenerator(std::uint64_t seed) : engine_(seed) {}
    double uniform01() { return static_cast<double>(engine_() >> 11) * 0x1.0p-53; }
    double uniform(double low, double high) { return low + (high - low) * uniform01(); }
    double standardNormal() {
        double u1 = 0;
        do {
            u1 = uniform01();
        } while (u1 <= 0.0);
        const double u2 = uniform01();
        return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
    }
    double truncatedNormal(double stddev) {
        double z = 0;
        do {
            z = standardNormal();
        } while (std::abs(z) > 2.0);
        return z * stddev;
    }

private:
    std::mt19937_64 engine_;
};

Kernel2d gaussianKernel(std::int64_t kh, std::int64_t kw, std::optional<double> sigma) {
    auto axis = [&](std::int64_t k) {
        const double s = sigma.value_or(0.3 * ((static_cast<double>(k) - 1.0) * 0.5 - 1.0) + 0.8);
        std::vector<double> v(static_cast<std::size_t>(k));
        double sum = 0;
        // Relative to the largest sample (t closest to 0), so a tiny sigma cannot underflow
        // every sample to 0 and normalise 0/0; the normalised kernel is the same.
        const double nearest = (k % 2 == 0) ? 0.25 : 0.0;  // smallest t^2
        for (std::int64_t i = 0; i < k; ++i) {
            const double t = static_cast<double>(i) - (static_cast<double>(k) - 1.0) / 2.0;
            v[static_cast<std::size_t>(i)] = std::exp(-(t * t - nearest) / (2.0 * s * s));
            sum += v[static_cast<std::size_t>(i)];
        }
        for (double& x : v) {
            x /= sum;
        }
        return v;
    };
    const auto gy = axis(kh);
    const auto gx = axis(kw);
    Kernel2d k(static_cast<std::size_t>(kh * kw));
    for (std::int64_t y = 0; y < kh; ++y) {
        for (std::int64_t x = 0; x < kw; ++x) {
            k[static_cast<std::size_t>(y * kw + x)] =
                gy[static_cast<std::size_t>(y)] * gx[static_cast<std::size_t>(x)];
        }
    }
    return k;
}

// The 2-D kernel of an image filter, or nothing for the non-filter initializers.
std::optional<Kernel2d> imageFilter(const InitializerSpec& spec, std::int64_t kh, std::int64_t kw) {
    const QString& n = spec.name;
    if (n == QStringLiteral("box")) {
        return Kernel2d(static_cast<std::size_t>(kh * kw), 1.0 / static_cast<double>(kh * kw));
    }
    if (n == QStringLiteral("gaussian")) {
        return gaussianKernel(kh, kw, spec.sigma);
    }
    if (n == QStringLiteral("sobel_x")) {
        return Kernel2d{-1, 0, 1, -2, 0, 2, -1, 0, 1};
    }
    if (n == QStringLiteral("sobel_y")) {
        return Kernel2d{-1, -2, -1, 0, 0, 0, 1, 2, 1};
    }
    if (n == QStringLiteral("laplacian")) {
        return Kernel2d{0, 1, 0, 1, -4, 1, 0, 1, 0};
    }
    if (n == QStringLiteral("sharpen")) {
        return Kernel2d{0, -1, 0, -1, 5, -1, 0, -1, 0};
    }
    return std::nullopt;
}

}  // namespace

const QStringList& initializerNames() {
    static const QStringList names = {
        QStringLiteral("glorot_uniform"), QStringLiteral("glorot_normal"),
        QStringLiteral("he_uniform"),     QStringLiteral("he_normal"),
        QStringLiteral("zeros"),          QStringLiteral("ones"),
        QStringLiteral("identity"),       QStringLiteral("box"),
        QStringLiteral("gaussian"),       QStringLiteral("sobel_x"),
        QStringLiteral("sobel_y"),        QStringLiteral("laplacian"),
        QStringLiteral("sharpen")};
    return names;
}

bool initializerIs3x3Only(const QString& name) {
    return name == QStringLiteral("sobel_x") || name == QStringLiteral("sobel_y") ||
           name == QStringLiteral("laplacian") || name == QStringLiteral("sharpen");
}

bool InitializerSpec::isRandom() const {
    return name == QStringLiteral("glorot_uniform") || name == QStringLiteral("glorot_normal") ||
           name == QStringLiteral("he_uniform") || name == QStringLiteral("he_normal");
}

QJsonValue InitializerSpec::toJson() const {
    if (!sigma) {
        return name;
    }
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("sigma"), *sigma}};
}

std::vector<std::int64_t> KernelGeometry::dims() const {
    if (transposed) {
        return {inputChannels, filters / groups, kh, kw};
    }
    return {filters, inputChannels / groups, kh, kw};
}

NdArray makeKernel(const InitializerSpec& spec, std::uint64_t seed, const KernelGeometry& g) {
    NdArray kernel;
    kernel.dims = g.dims();
    const std::int64_t taps = g.kh * g.kw;
    const std::int64_t count = kernel.dims[0] * kernel.dims[1] * taps;
    kernel.values.assign(static_cast<std::size_t>(count), 0.0F);
    const std::int64_t inPerGroup = g.inputChannels / g.groups;
    const std::int64_t outPerGroup = g.filters / g.groups;
    // Index of tap (y, x) between input channel i (global) and output channel o (global).
    auto index = [&](std::int64_t i, std::int64_t o, std::int64_t y, std::int64_t x) {
        const std::int64_t pair =
            g.transposed ? i * outPerGroup + (o % outPerGroup) : o * inPerGroup + (i % inPerGroup);
        return static_cast<std::size_t>((pair * g.kh + y) * g.kw + x);
    };

    if (spec.isRandom()) {
        // Keras's kernel is (kh, kw, in, out) for Conv2D and (kh, kw, out, in) for
        // Conv2DTranspose; its fans are the receptive field times the last two axes.
        const double fanIn = static_cast<double>(taps * (g.transposed ? outPerGroup : inPerGroup));
        const double fanOut =
            static_cast<double>(taps * (g.transposed ? g.inputChannels : g.filters));
        const bool glorot = spec.name.startsWith(QStringLiteral("glorot"));
        const double scale =
            glorot ? 2.0 / (fanIn + fanOut) : 2.0 / fanIn;  // variance * 1 (glorot: 1/avg)
        SeededGenerator random(seed);
        for (float& v : kernel.values) {
            if (spec.name.endsWith(QStringLiteral("uniform"))) {
                const double limit = std::sqrt(3.0 * scale);
                v = static_cast<float>(random.uniform(-limit, limit));
            } else {
                v = static_cast<float>(
                    random.truncatedNormal(std::sqrt(scale) / kTruncatedNormalStddevFix));
            }
        }
        return kernel;
    }
    if (spec.name == QStringLiteral("ones")) {
        std::fill(kernel.values.begin(), kernel.values.end(), 1.0F);
        return kernel;
    }
    if (spec.name == QStringLiteral("identity")) {
        const std::int64_t cy = (g.kh - 1) / 2;
        const std::int64_t cx = (g.kw - 1) / 2;
        for (std::int64_t o = 0; o < g.filters; ++o) {
            const std::int64_t group = o / outPerGroup;
            const std::int64_t i = group * inPerGroup + (o % inPerGroup);
            kernel.values[index(i, o, cy, cx)] = 1.0F;
        }
        return kernel;
    }
    if (const auto filter = imageFilter(spec, g.kh, g.kw)) {
        for (std::int64_t o = 0; o < g.filters; ++o) {
            const std::int64_t group = o / outPerGroup;
            for (std::int64_t il = 0; il < inPerGroup; ++il) {
                const std::int64_t i = group * inPerGroup + il;
                for (std::int64_t t = 0; t < taps; ++t) {
                    kernel.values[index(i, o, t / g.kw, t % g.kw)] = static_cast<float>(
                        (*filter)[static_cast<std::size_t>(t)] / static_cast<double>(inPerGroup));
                }
            }
        }
    }
    return kernel;  // zeros
}

}  // namespace stridelab
