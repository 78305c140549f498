#pragma once

#include <cstdint>
#include <span>
#include <vector>

namespace stridelab::ui {

// How many finite values fall into each bin between `edges` (ascending, at least two;
// edges.front() and edges.back() the lowest and highest finite value, the inner edges evenly
// spaced between): bins are [edges[b], edges[b + 1]), the last closed, as numpy.histogram's.
// A value lands in the bin of the edges drawn, even where dividing by the width rounds it
// across one. NaN and the infinities are not counted.
[[nodiscard]] std::vector<std::int64_t> countIntoBins(std::span<const float> values,
                                                      std::span<const double> edges);

// Whether countIntoBins estimates these bins in float, four values at a time (the double
// arithmetic alone near an edge), or counts one value at a time in double: the ranges and bin
// counts where the float estimate could land in another bin take the second way.
[[nodiscard]] bool binsEstimatedInFloat(std::span<const double> edges);

}  // namespace stridelab::ui
