#pragma once

// The receptive-field explorer's geometry: which elements of every map one element depends on
// (upstream) or influences (downstream). Every layer type is separable, so the elements are
// the product of a set of rows and a set of columns on each map.

#include "pipeline/pipeline_analysis.h"
#include "pipeline/receptive_field.h"
#include "util/result.h"

#include <cstdint>
#include <vector>

namespace stridelab {

enum class TraceDirection { Upstream, Downstream };

// Positions on one axis of one map, sorted and unique. Upstream, positions outside
// [0, extent) are padding the next layer reads; downstream there are none.
struct AxisPositions {
    std::vector<std::int64_t> positions;

    [[nodiscard]] bool contains(std::int64_t p) const;
    [[nodiscard]] bool empty() const { return positions.empty(); }
};

// The traced elements of one map: rows x columns. A cell is padding when its row or its
// column lies outside the map.
struct MapTrace {
    AxisPositions rows;
    AxisPositions cols;
    Shape shape;

    [[nodiscard]] bool empty() const { return rows.empty() || cols.empty(); }
    [[nodiscard]] bool involves(std::int64_t y, std::int64_t x) const;
    [[nodiscard]] bool isPadding(std::int64_t y, std::int64_t x) const;
    // How many inside elements (per channel) and padding cells are traced.
    [[nodiscard]] std::int64_t insideCount() const;
    [[nodiscard]] std::int64_t paddingCount() const;
};

// The layers of `pipeline` that have a shape in `report` (switched-off and broken ones are
// left out), and the 1-based report index of each: map k of a trace is the output of layer
// layerIndices[k - 1].
struct TraceChain {
    std::vector<ChainLink> links;
    std::vector<int> layerIndices;
};
[[nodiscard]] TraceChain traceChainOf(const Pipeline& pipeline, const PipelineReport& report);

// The element (y, x) of map `map` (0: the chain's input, k: the output of chain[k-1]) traced
// through the chain: one MapTrace per map, the element's own map holding just the element;
// maps the direction does not reach (downstream maps when tracing upstream) are empty.
// An element outside its map, or a trace needing more than 2^24 steps, is an error.
[[nodiscard]] Result<std::vector<MapTrace>> traceElement(const std::vector<ChainLink>& chain,
                                                         const Shape& input, int map,
                                                         std::int64_t y, std::int64_t x,
                                                         TraceDirection direction);

// Both ways at once: upstream traces on the maps up to `map`, downstream ones after it (what
// the explorer shows).
[[nodiscard]] Result<std::vector<MapTrace>> traceBothWays(const std::vector<ChainLink>& chain,
                                                          const Shape& input, int map,
                                                          std::int64_t y, std::int64_t x);

}  // namespace stridelab
