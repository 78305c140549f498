#include "report/map_comparison.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace stridelab {

Result<MapComparison> compareMaps(const Tensor& a, const Tensor& reference) {
    if (a.shape() != reference.shape()) {
        return Error::invalid(QStringLiteral("shapes differ: %1 and %2")
                                  .arg(a.shape().toString(), reference.shape().toString()));
    }
    MapComparison c;
    c.difference = Tensor(a.shape());
    const auto av = a.values();
    const auto rv = reference.values();
    auto dv = c.difference.values();
    double sumSquares = 0.0;
    float low = std::numeric_limits<float>::infinity();
    float high = -std::numeric_limits<float>::infinity();
    for (std::size_t i = 0; i < av.size(); ++i) {
        const double d = static_cast<double>(av[i]) - static_cast<double>(rv[i]);
        dv[i] = static_cast<float>(d);
        sumSquares += d * d;
        c.maxAbsDifference = std::max(c.maxAbsDifference, std::abs(d));
        low = std::min(low, rv[i]);
        high = std::max(high, rv[i]);
    }
    if (av.empty()) {
        c.psnr = std::numeric_limits<double>::infinity();
        return c;
    }
    c.mse = sumSquares / static_cast<double>(av.size());
    c.peak = static_cast<double>(high) - static_cast<double>(low);
    if (c.mse == 0.0) {
        c.psnr = std::numeric_limits<double>::infinity();
    } else if (c.peak > 0.0) {
        c.psnr = 10.0 * std::log10(c.peak * c.peak / c.mse);
    }
    return c;
}

}  // namespace stridelab
