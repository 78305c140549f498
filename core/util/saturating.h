#pragma once

// Size arithmetic that cannot overflow: counts of elements, parameters, MACs and bytes
// saturate at the largest int64 instead of wrapping, so an absurd configuration reads as
// "too large" (and fails the memory budget) rather than as a small wrong number.

#include <cstdint>
#include <initializer_list>
#include <limits>

namespace stridelab {

constexpr std::int64_t kSaturated = std::numeric_limits<std::int64_t>::max();

[[nodiscard]] constexpr std::int64_t saturatingMul(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    return __builtin_mul_overflow(a, b, &r) ? kSaturated : r;
}

[[nodiscard]] constexpr std::int64_t saturatingAdd(std::int64_t a, std::int64_t b) {
    std::int64_t r = 0;
    return __builtin_add_overflow(a, b, &r) ? kSaturated : r;
}

[[nodiscard]] constexpr std::int64_t saturatingProduct(
    std::initializer_list<std::int64_t> factors) {
    std::int64_t r = 1;
    for (const std::int64_t f : factors) {
        r = saturatingMul(r, f);
    }
    return r;
}

}  // namespace stridelab
