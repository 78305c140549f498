#include "pipeline/memory_fit.h"

#include "pipeline/pipeline_analysis.h"
#include "util/threads.h"

#include <algorithm>
#include <cmath>

namespace stridelab {

Pair scaledToLongSide(const Shape& input, std::int64_t longSide) {
    const std::int64_t longer = std::max(input.h, input.w);
    auto scaled = [&](std::int64_t extent) {
        if (extent == longer) {
            return longSide;
        }
        const double exact = static_cast<double>(extent) * static_cast<double>(longSide) /
                             static_cast<double>(longer);
        return std::max<std::int64_t>(1, std::llround(exact));
    };
    return {scaled(input.h), scaled(input.w)};
}

std::optional<Pair> largestInputWithin(const Pipeline& pipeline, const Shape& input,
                                       std::int64_t limit, int threads) {
    const int resolved = resolveThreads(threads);
    auto fits = [&](std::int64_t longSide) {
        const Pair size = scaledToLongSide(input, longSide);
        return analyzePipeline(pipeline, Shape{input.c, size.h, size.w}).memoryBytesFor(resolved) <=
               limit;
    };
    // Memory grows with the input, so the sizes that fit are the ones up to some long side:
    // bisect for it (at most 17 analyses for a 65536-pixel side; analysis computes no pixel).
    std::int64_t low = 0;                            // fits (or 0: nothing does)
    std::int64_t high = std::max(input.h, input.w);  // the current size, which does not fit
    while (high - low > 1) {
        const std::int64_t middle = low + (high - low) / 2;
        (fits(middle) ? low : high) = middle;
    }
    if (low == 0) {
        return std::nullopt;
    }
    return scaledToLongSide(input, low);
}

}  // namespace stridelab
