#pragma once

#include <QString>

#include <cstdint>
#include <span>
#include <vector>

namespace stridelab::ui {

// Counts of a set of float values in equal-width bins over the finite values. Bins are
// half-open [edges[i], edges[i + 1]) except the last, which also holds the maximum (numpy's
// convention). Non-finite values are counted apart, never binned.
struct Histogram {
    std::vector<double> edges;         // bins + 1 ascending edges; empty when nothing is finite
    std::vector<std::int64_t> counts;  // one per bin
    std::int64_t finite = 0;           // values binned (the sum of counts)
    std::int64_t nan = 0;
    std::int64_t positiveInfinity = 0;
    std::int64_t negativeInfinity = 0;

    [[nodiscard]] int binCount() const { return static_cast<int>(counts.size()); }
    [[nodiscard]] std::int64_t nonFinite() const {
        return nan + positiveInfinity + negativeInfinity;
    }
};

inline constexpr int kMinimumAutoBins = 10;
inline constexpr int kMaximumAutoBins = 128;

// The automatic number of bins for the finite values: the Freedman-Diaconis rule
// ceil(range / (2 * IQR / n^(1/3))) with numpy's linear quantiles, falling back to Sturges'
// ceil(log2 n) + 1 when the IQR is zero (a ReLU output that is mostly zeros), clamped to
// [kMinimumAutoBins, kMaximumAutoBins]. 1 when all finite values are equal, 0 when none are.
[[nodiscard]] int autoBinCount(std::span<const float> values);

// Bins the finite values in `bins` equal bins between their minimum and maximum (bins <= 0:
// autoBinCount). When all finite values are equal to v there is one bin [v - 0.5, v + 0.5].
[[nodiscard]] Histogram computeHistogram(std::span<const float> values, int bins = 0);

// The line under a histogram's title: "1,234 values · 3 NaN · 2 +inf · 1 −inf"; the
// non-finite parts appear only when present.
[[nodiscard]] QString histogramCountsText(const Histogram& histogram);

}  // namespace stridelab::ui
