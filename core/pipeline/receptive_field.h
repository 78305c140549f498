#pragma once

#include "layers/layer.h"

#include <optional>
#include <vector>

namespace stridelab {

// One layer of a chain as the receptive-field computation sees it.
struct ChainLink {
    const Layer* layer = nullptr;
    LayerShape shape;
};

// The receptive field on the input, per axis, of the last link's output: the extent of the
// input positions one output element depends on over an unbounded input, largest over the
// actual output positions (cli.md, "receptive_field"). Outputs longer than 1536 are examined
// at their start, middle and end (512 positions each). Nothing when a pathological
// configuration would need more than 2^24 steps to work it out.
[[nodiscard]] std::optional<std::int64_t> receptiveField(const std::vector<ChainLink>& chain,
                                                         Axis axis);

}  // namespace stridelab
