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

}  // namespace stridelab
