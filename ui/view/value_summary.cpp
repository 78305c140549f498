#include "view/value_summary.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>

namespace stridelab::ui {

namespace {

// Four floats (SSE2 on x86-64, NEON on ARM; the compiler's generic vectors elsewhere).
using Floats4 = float __attribute__((vector_size(16)));
using Mask4 = std::int32_t __attribute__((vector_size(16)));

constexpr float kInfinity = std::numeric_limits<float>::infinity();
constexpr float kLargest = std::numeric_limits<float>::max();

Floats4 splat(float v) {
    return Floats4{v, v, v, v};
}

Floats4 load4(const float* p) {
    Floats4 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}

void countNonFinite(float v, ValueSummary& summary) {
    if (std::isnan(v)) {
        ++summary.nan;
    } else if (std::isinf(v)) {
        ++(v > 0 ? summary.positiveInfinity : summary.negativeInfinity);
    }
}

}  // namespace

// Range and count of the finite values four at a time in four independent accumulators,
// without a branch per value; the NaN and infinity counts in a second pass only where there
// are any. (One value at a time with a branch for each: 2.8 million values 6 ms, a tenth of
// the background threads' time per edit of the default example.)
ValueSummary summarise(std::span<const float> values) {
    constexpr std::size_t kWays = 4;
    constexpr std::size_t kStep = 4 * kWays;
    // Finite counts per lane in 32 bits: flushed before they could overflow.
    constexpr std::size_t kFlushEvery = std::size_t{1} << 28;
    std::array<Floats4, kWays> lowest{};
    std::array<Floats4, kWays> highest{};
    lowest.fill(splat(kInfinity));
    highest.fill(splat(-kInfinity));
    ValueSummary summary;
    const float* p = values.data();
    const std::size_t n = values.size();
    std::size_t i = 0;
    while (i + kStep <= n) {
        std::array<Mask4, kWays> finite{};
        const std::size_t end = std::min(n - n % kStep, i + kFlushEvery);
        for (; i < end; i += kStep) {
            for (std::size_t way = 0; way < kWays; ++way) {
                const Floats4 v = load4(p + i + 4 * way);
                const Mask4 isFinite = (v >= -kLargest) & (v <= kLargest);  // NaN: false
                const Floats4 low = isFinite ? v : splat(kInfinity);
                const Floats4 high = isFinite ? v : splat(-kInfinity);
                lowest[way] = low < lowest[way] ? low : lowest[way];
                highest[way] = high > highest[way] ? high : highest[way];
                finite[way] -= isFinite;  // true is -1
            }
        }
        for (const Mask4& counts : finite) {
            for (int lane = 0; lane < 4; ++lane) {
                summary.finite += counts[lane];
            }
        }
    }
    for (std::size_t way = 0; way < kWays; ++way) {
        for (int lane = 0; lane < 4; ++lane) {
            summary.lowest = std::min(summary.lowest, lowest[way][lane]);
            summary.highest = std::max(summary.highest, highest[way][lane]);
        }
    }
    for (; i < n; ++i) {
        if (std::isfinite(p[i])) {
            summary.lowest = std::min(summary.lowest, p[i]);
            summary.highest = std::max(summary.highest, p[i]);
            ++summary.finite;
        }
    }
    if (summary.finite != static_cast<std::int64_t>(n)) {
        for (const float v : values) {
            countNonFinite(v, summary);
        }
    }
    return summary;
}

}  // namespace stridelab::ui
