#include "plots/histogram.h"

#include <QLocale>

#include <algorithm>
#include <cmath>

namespace stridelab::ui {

namespace {

std::vector<float> finiteValues(std::span<const float> values) {
    std::vector<float> finite;
    finite.reserve(values.size());
    for (float v : values) {
        if (std::isfinite(v)) {
            finite.push_back(v);
        }
    }
    return finite;
}

// numpy.quantile's default ("linear"): interpolate between the order statistics around
// q * (n - 1). Reorders `values` partially.
double quantile(std::vector<float>& values, double q) {
    const double position = q * static_cast<double>(values.size() - 1);
    const auto lower = static_cast<std::size_t>(std::floor(position));
    std::nth_element(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(lower),
                     values.end());
    const double low = values[lower];
    if (lower + 1 >= values.size()) {
        return low;
    }
    const double high =
        *std::min_element(values.begin() + static_cast<std::ptrdiff_t>(lower) + 1, values.end());
    return low + (position - static_cast<double>(lower)) * (high - low);
}

int autoBinCountOfFinite(std::vector<float> finite) {
    if (finite.empty()) {
        return 0;
    }
    const auto [lowest, highest] = std::minmax_element(finite.begin(), finite.end());
    const double range = static_cast<double>(*highest) - static_cast<double>(*lowest);
    if (range == 0.0) {
        return 1;
    }
    const auto n = static_cast<double>(finite.size());
    const double iqr = quantile(finite, 0.75) - quantile(finite, 0.25);
    double bins = 0.0;
    if (iqr > 0.0) {
        const double width = 2.0 * iqr / std::cbrt(n);
        bins = std::ceil(range / width);
    } else {
        bins = std::ceil(std::log2(n)) + 1.0;
    }
    return static_cast<int>(std::clamp(bins, double{kMinimumAutoBins}, double{kMaximumAutoBins}));
}

}  // namespace

int autoBinCount(std::span<const float> values) {
    return autoBinCountOfFinite(finiteValues(values));
}

Histogram computeHistogram(std::span<const float> values, int bins) {
    Histogram histogram;
    double lowest = 0.0;
    double highest = 0.0;
    for (float v : values) {
        if (std::isnan(v)) {
            ++histogram.nan;
        } else if (std::isinf(v)) {
            ++(v > 0 ? histogram.positiveInfinity : histogram.negativeInfinity);
        } else {
            lowest = histogram.finite == 0 ? v : std::min(lowest, double{v});
            highest = histogram.finite == 0 ? v : std::max(highest, double{v});
            ++histogram.finite;
        }
    }
    if (histogram.finite == 0) {
        return histogram;
    }
    if (lowest == highest) {
        histogram.edges = {lowest - 0.5, lowest + 0.5};
        histogram.counts = {histogram.finite};
        return histogram;
    }
    if (bins <= 0) {
        bins = autoBinCount(values);
    }

    const double width = (highest - lowest) / bins;
    histogram.edges.resize(static_cast<std::size_t>(bins) + 1);
    for (int i = 0; i <= bins; ++i) {
        histogram.edges[static_cast<std::size_t>(i)] = lowest + i * width;
    }
    histogram.edges.back() = highest;
    histogram.counts.assign(static_cast<std::size_t>(bins), 0);

    const auto& edges = histogram.edges;
    for (float f : values) {
        if (!std::isfinite(f)) {
            continue;
        }
        const double v = f;
        auto bin = static_cast<int>(std::floor((v - lowest) / width));
        bin = std::clamp(bin, 0, bins - 1);
        // The division can round across an edge; the edges drawn are the ones that count.
        if (v < edges[static_cast<std::size_t>(bin)] && bin > 0) {
            --bin;
        } else if (bin < bins - 1 && v >= edges[static_cast<std::size_t>(bin) + 1]) {
            ++bin;
        }
        ++histogram.counts[static_cast<std::size_t>(bin)];
    }
    return histogram;
}

QString histogramCountsText(const Histogram& histogram) {
    const QLocale locale(QLocale::English);
    QString text = histogram.finite == 1
                       ? QStringLiteral("1 value")
                       : QStringLiteral("%1 values").arg(locale.toString(histogram.finite));
    const QString separator = QStringLiteral(" \u00B7 ");
    if (histogram.nan > 0) {
        text += separator + QStringLiteral("%1 NaN").arg(locale.toString(histogram.nan));
    }
    if (histogram.positiveInfinity > 0) {
        text +=
            separator + QStringLiteral("%1 +inf").arg(locale.toString(histogram.positiveInfinity));
    }
    if (histogram.negativeInfinity > 0) {
        text += separator +
                QStringLiteral("%1 \u2212inf").arg(locale.toString(histogram.negativeInfinity));
    }
    return text;
}

}  // namespace stridelab::ui
