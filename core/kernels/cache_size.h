#pragma once

#include <cstdint>

namespace stridelab {

// The last-level cache of this machine in bytes (32 MiB where the system does not say).
std::int64_t lastLevelCacheBytes();

// Whether a kernel writing `bytes` of output that nothing reads at once should write around
// the caches: from half the last-level cache, the output would evict its own input and the
// write-allocate reads cost as much as the writes (measured in docs/performance.md).
inline bool streamingPays(std::int64_t bytes) {
    return bytes >= lastLevelCacheBytes() / 2;
}

// Whether an output that the next layer reads should be written around the caches: only from
// the whole last-level cache, when the reader would find little of it there anyway (a
// convolution's 32 MiB, W1: 2.5-3.6 -> 2.3-3.1 ms on one thread, 1.4-1.9 -> 1.3-1.4 ms on two;
// its 16 MiB, W10's first layer: the pool that read it lost what the convolution gained).
inline bool outgrowsLastLevelCache(std::int64_t bytes) {
    return bytes >= lastLevelCacheBytes();
}

}  // namespace stridelab
