#pragma once

// What to offer when an input is too large for the memory budget: the largest smaller input,
// of the same aspect ratio, whose feature maps fit.

#include "pipeline/pipeline.h"

#include <optional>

namespace stridelab {

// The input size (H, W) that scales `input` to `longSide` on its longer axis, keeping the
// aspect ratio (rounded, at least 1).
[[nodiscard]] Pair scaledToLongSide(const Shape& input, std::int64_t longSide);

// The largest input smaller than `input`, with its aspect ratio, whose feature maps through
// `pipeline` need at most `limit` bytes with `threads` threads (0: every core); nothing when
// not even a 1-pixel-long input fits.
[[nodiscard]] std::optional<Pair> largestInputWithin(const Pipeline& pipeline, const Shape& input,
                                                     std::int64_t limit, int threads);

}  // namespace stridelab
