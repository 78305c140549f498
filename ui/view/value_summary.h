#pragma once

#include <cstdint>
#include <limits>
#include <span>

namespace stridelab::ui {

// The finite values' range and count and the non-finite counts of a map, in one pass: what
// the colour ranges and the histogram both start from.
struct ValueSummary {
    float lowest = std::numeric_limits<float>::infinity();  // +inf when nothing is finite
    float highest = -std::numeric_limits<float>::infinity();
    std::int64_t finite = 0;
    std::int64_t nan = 0;
    std::int64_t positiveInfinity = 0;
    std::int64_t negativeInfinity = 0;
};

[[nodiscard]] ValueSummary summarise(std::span<const float> values);

}  // namespace stridelab::ui
