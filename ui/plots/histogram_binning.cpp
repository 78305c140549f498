#include "plots/histogram_binning.h"

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstring>
#include <limits>

namespace stridelab::ui {

namespace {

// Four floats and four lanes of 32-bit integers (SSE2 on x86-64, NEON on ARM).
using Floats4 = float __attribute__((vector_size(16)));
using Ints4 = std::int32_t __attribute__((vector_size(16)));

Floats4 splat(float v) {
    return Floats4{v, v, v, v};
}

Ints4 splat(std::int32_t v) {
    return Ints4{v, v, v, v};
}

struct Bins {
    std::span<const double> edges;
    double lowest;
    double highest;
    double perUnit;  // bins per unit of value: a multiply, not a divide, per value
    int count;

    explicit Bins(std::span<const double> e)
        : edges(e),
          lowest(e.front()),
          highest(e.back()),
          perUnit(static_cast<double>(e.size() - 1) / (e.back() - e.front())),
          count(static_cast<int>(e.size() - 1)) {}

    // The bin of a finite value in [lowest, highest]. x >= lowest, so truncation floors; the
    // estimate can round across an edge, and the edges drawn are the ones that count.
    [[nodiscard]] int of(double x) const {
        int bin = std::min(static_cast<int>((x - lowest) * perUnit), count - 1);
        if (x < edges[static_cast<std::size_t>(bin)]) {
            --bin;
        } else if (bin < count - 1 && x >= edges[static_cast<std::size_t>(bin) + 1]) {
            ++bin;
        }
        return bin;
    }
};

// Four partial counts (each with a slot at `count` for what is not counted), summed at the
// end: a map of ReLU outputs is half zeros, and one counter incremented back to back waits for
// its own previous store every time.
class PartialCounts {
public:
    explicit PartialCounts(int bins)
        : slots_(static_cast<std::size_t>(bins) + 1), counts_(kLanes * slots_, 0) {}
    void add(std::size_t lane, std::int32_t slot) {
        ++counts_[lane * slots_ + static_cast<std::size_t>(slot)];
    }
    [[nodiscard]] std::vector<std::int64_t> summed() const {
        std::vector<std::int64_t> sums(slots_ - 1, 0);
        for (std::size_t b = 0; b < sums.size(); ++b) {
            for (std::size_t lane = 0; lane < kLanes; ++lane) {
                sums[b] += counts_[lane * slots_ + b];
            }
        }
        return sums;
    }
    static constexpr std::size_t kLanes = 4;

private:
    std::size_t slots_;
    std::vector<std::int64_t> counts_;
};

void countOneByOne(std::span<const float> values, const Bins& bins, PartialCounts& counts) {
    std::size_t lane = 0;
    for (const float f : values) {
        const double v = f;
        if (v >= bins.lowest && v <= bins.highest) {  // NaN and the infinities fail this
            counts.add(lane, bins.of(v));
            lane = (lane + 1) % PartialCounts::kLanes;
        }
    }
}

// Whether the float estimate below finds the same bins. Its three roundings (x - lowest, the
// bins per unit as a float, their product) put t within 3 * 2^-24 * t of the exact value: under
// 10^-3 of a bin for at most 4096 bins (the edges, rounded in double, are closer still). The
// range and the bins per unit must be finite floats: a range of 2e-38 in 10 bins is 5e38 bins
// per unit, infinite as a float, and 0 * inf is NaN.
bool floatEstimateHolds(const Bins& bins) {
    constexpr double kLargestFloat = std::numeric_limits<float>::max();
    return bins.count <= 4096 && bins.highest - bins.lowest < kLargestFloat &&
           bins.perUnit < kLargestFloat;
}

// Four values at a time in float: the bin is the estimate's floor unless the estimate lies
// within 10^-3 of a bin edge, where the double arithmetic of Bins::of decides (rarely). The
// lowest value itself is never near: it starts bin 0. (One at a time in double, the ReLU map
// of 16 x 416 x 416 took about 5 ms, see docs/performance.md.)
void countFourByFour(std::span<const float> values, const Bins& bins, PartialCounts& counts) {
    constexpr float kNear = 1e-3F;
    const auto lowest = static_cast<float>(bins.lowest);
    const auto highest = static_cast<float>(bins.highest);
    const Floats4 perUnit = splat(static_cast<float>(bins.perUnit));
    const Ints4 lastBin = splat(bins.count - 1);
    const Ints4 notCounted = splat(bins.count);
    const std::size_t whole = values.size() - values.size() % 4;
    for (std::size_t i = 0; i < whole; i += 4) {
        Floats4 x;
        std::memcpy(&x, values.data() + i, sizeof x);
        const Ints4 counted = (x >= splat(lowest)) & (x <= splat(highest));  // NaN: false
        const Floats4 t = counted ? (x - splat(lowest)) * perUnit : splat(0.0F);
        Ints4 bin = __builtin_convertvector(t, Ints4);
        const Floats4 fraction = t - __builtin_convertvector(bin, Floats4);
        const Ints4 near = counted & (x != splat(lowest)) &
                           ((fraction < splat(kNear)) | (fraction > splat(1.0F - kNear)));
        bin = bin > lastBin ? lastBin : bin;
        bin = counted ? bin : notCounted;
        if ((near[0] | near[1] | near[2] | near[3]) != 0) {
            for (int lane = 0; lane < 4; ++lane) {
                if (near[lane] != 0) {
                    bin[lane] = bins.of(values[i + static_cast<std::size_t>(lane)]);
                }
            }
        }
        for (int lane = 0; lane < 4; ++lane) {
            counts.add(static_cast<std::size_t>(lane), bin[lane]);
        }
    }
    countOneByOne(values.subspan(whole), bins, counts);
}

}  // namespace

bool binsEstimatedInFloat(std::span<const double> edges) {
    return floatEstimateHolds(Bins(edges));
}

std::vector<std::int64_t> countIntoBins(std::span<const float> values,
                                        std::span<const double> edges) {
    const Bins bins(edges);
    PartialCounts counts(bins.count);
    if (floatEstimateHolds(bins)) {
        countFourByFour(values, bins, counts);
    } else {
        countOneByOne(values, bins, counts);
    }
    return counts.summed();
}

}  // namespace stridelab::ui
