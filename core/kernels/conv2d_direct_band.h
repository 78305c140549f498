#pragma once

// What the direct convolution's two band copiers share (conv2d_direct.cpp for one
// correlation tiled over threads, conv2d_direct_shared_band.cpp for the sub-pixel phases of a
// transposed convolution from one band): the band's budget and alignment, the filter blocks of
// the packed weights and each thread's band.

#include <algorithm>
#include <cstdint>
#include <vector>

namespace stridelab::direct_band {

// Floats one thread's band holds at most (384 KiB): well inside a 1 MiB L2 with the
// weights, so that the row kernel's loads come from L2 at worst.
constexpr std::int64_t kBandBudget = std::int64_t{96} * 1024;
// Band rows start on 64-byte boundaries.
constexpr std::int64_t kRowAlign = 16;

inline std::int64_t ceilDiv(std::int64_t a, std::int64_t b) {
    return (a + b - 1) / b;
}

inline std::int64_t roundUp(std::int64_t a, std::int64_t m) {
    return ceilDiv(a, m) * m;
}

// A group's filters split into equal blocks of at most maxFilters: block b is
// [start[b], start[b + 1]).
inline std::vector<std::int64_t> filterBlocks(std::int64_t outPerGroup, std::int64_t maxFilters) {
    const std::int64_t blocks = ceilDiv(outPerGroup, maxFilters);
    std::vector<std::int64_t> start{0};
    for (std::int64_t b = 0; b < blocks; ++b) {
        start.push_back(start.back() + outPerGroup / blocks + (b < outPerGroup % blocks ? 1 : 0));
    }
    return start;
}

// The calling thread's band, kept between calls (it grows to the largest need once).
inline std::vector<float>& threadBand() {
    thread_local std::vector<float> band;
    return band;
}

}  // namespace stridelab::direct_band
