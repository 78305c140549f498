#include "kernels/antialiased_resize.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace stridelab {

namespace {

struct Taps {
    std::int64_t first = 0;
    std::vector<double> weights;
};

std::vector<Taps> axisTaps(std::int64_t nIn, std::int64_t nOut) {
    const double scale = static_cast<double>(nIn) / static_cast<double>(nOut);
    const double support = std::max(scale, 1.0);  // triangle half-width in input pixels
    std::vector<Taps> taps(static_cast<std::size_t>(nOut));
    for (std::int64_t x = 0; x < nOut; ++x) {
        const double centre = (static_cast<double>(x) + 0.5) * scale;
        const auto lo =
            std::max<std::int64_t>(0, static_cast<std::int64_t>(std::floor(centre - support)));
        const auto hi =
            std::min<std::int64_t>(nIn - 1, static_cast<std::int64_t>(std::ceil(centre + support)));
        Taps& t = taps[static_cast<std::size_t>(x)];
        t.first = lo;
        double sum = 0.0;
        std::vector<double> w;
        for (std::int64_t i = lo; i <= hi; ++i) {
            const double d = std::abs((static_cast<double>(i) + 0.5 - centre) / support);
            w.push_back(std::max(0.0, 1.0 - d));
            sum += w.back();
        }
        for (const double v : w) {
            t.weights.push_back(sum > 0.0 ? v / sum : 0.0);
        }
    }
    return taps;
}

}  // namespace

Tensor antialiasedResize(const Tensor& input, std::int64_t height, std::int64_t width) {
    const Shape in = input.shape();
    const auto rows = axisTaps(in.h, height);
    const auto cols = axisTaps(in.w, width);
    Tensor horizontal(Shape{in.c, in.h, width});
    for (std::int64_t c = 0; c < in.c; ++c) {
        for (std::int64_t y = 0; y < in.h; ++y) {
            const float* src = input.channel(c) + y * in.w;
            float* dst = horizontal.channel(c) + y * width;
            for (std::int64_t x = 0; x < width; ++x) {
                const Taps& t = cols[static_cast<std::size_t>(x)];
                double sum = 0.0;
                for (std::size_t k = 0; k < t.weights.size(); ++k) {
                    sum += t.weights[k] * src[t.first + static_cast<std::int64_t>(k)];
                }
                dst[x] = static_cast<float>(sum);
            }
        }
    }
    // Accumulated in double: weights sum to 1, so a [0, 1] image stays within [0, 1].
    Tensor output(Shape{in.c, height, width});
    std::vector<double> row(static_cast<std::size_t>(width));
    for (std::int64_t c = 0; c < in.c; ++c) {
        for (std::int64_t y = 0; y < height; ++y) {
            const Taps& t = rows[static_cast<std::size_t>(y)];
            std::fill(row.begin(), row.end(), 0.0);
            for (std::size_t k = 0; k < t.weights.size(); ++k) {
                const float* src =
                    horizontal.channel(c) + (t.first + static_cast<std::int64_t>(k)) * width;
                for (std::int64_t x = 0; x < width; ++x) {
                    row[static_cast<std::size_t>(x)] += t.weights[k] * src[x];
                }
            }
            float* dst = output.channel(c) + y * width;
            for (std::int64_t x = 0; x < width; ++x) {
                dst[x] = static_cast<float>(row[static_cast<std::size_t>(x)]);
            }
        }
    }
    return output;
}

}  // namespace stridelab
