#pragma once

// Generated kernels kept between forwards: a seeded random kernel of a 512 -> 256 layer is a
// million numbers, and regenerating it on every run (a lecturer dragging a slider, a
// benchmark) costs more than the convolution. Keyed by everything that determines the
// values, so a cached kernel is exactly what makeKernel would return. Thread-safe.

#include "weights/initializer.h"

#include <memory>

namespace stridelab {

// makeKernel(spec, seed, geometry), from the cache when it was made before. The cache keeps
// the most recently used kernels up to a total of kKernelCacheBytes.
[[nodiscard]] std::shared_ptr<const NdArray> cachedKernel(const InitializerSpec& spec,
                                                          std::uint64_t seed,
                                                          const KernelGeometry& geometry);

constexpr std::int64_t kKernelCacheBytes = std::int64_t{64} << 20;

}  // namespace stridelab
