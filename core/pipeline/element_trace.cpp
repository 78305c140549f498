#include "pipeline/element_trace.h"

#include <algorithm>

namespace stridelab {

namespace {

// Enough for any map an image fills; a pathological kernel gives up instead of hanging.
constexpr std::int64_t kWorkBudget = std::int64_t{1} << 24;

std::int64_t extent(const Shape& shape, Axis axis) {
    return axis == Axis::Height ? shape.h : shape.w;
}

void sortUnique(std::vector<std::int64_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

// The positions of the input of `link` read by its outputs in `outputs` (inside ones only:
// padding reads nothing).
std::vector<std::int64_t> readBy(const ChainLink& link, Axis axis, const AxisPositions& outputs,
                                 std::int64_t outputExtent, std::int64_t& budget) {
    std::vector<std::int64_t> read;
    for (const std::int64_t p : outputs.positions) {
        if (p < 0 || p >= outputExtent) {
            continue;
        }
        const auto positions = link.layer->positionsRead(axis, p, link.shape);
        budget -= static_cast<std::int64_t>(positions.size()) + 1;
        read.insert(read.end(), positions.begin(), positions.end());
    }
    sortUnique(read);
    return read;
}

// The outputs of `link` that read any of `inputs`.
std::vector<std::int64_t> readersOf(const ChainLink& link, Axis axis, const AxisPositions& inputs,
                                    std::int64_t outputExtent, std::int64_t& budget) {
    std::vector<std::int64_t> readers;
    for (std::int64_t o = 0; o < outputExtent && budget >= 0; ++o) {
        const auto positions = link.layer->positionsRead(axis, o, link.shape);
        budget -= static_cast<std::int64_t>(positions.size()) + 1;
        if (std::any_of(positions.begin(), positions.end(),
                        [&](std::int64_t i) { return inputs.contains(i); })) {
            readers.push_back(o);
        }
    }
    return readers;
}

}  // namespace

bool AxisPositions::contains(std::int64_t p) const {
    return std::binary_search(positions.begin(), positions.end(), p);
}

bool MapTrace::involves(std::int64_t y, std::int64_t x) const {
    return rows.contains(y) && cols.contains(x);
}

bool MapTrace::isPadding(std::int64_t y, std::int64_t x) const {
    return involves(y, x) && (y < 0 || y >= shape.h || x < 0 || x >= shape.w);
}

namespace {
std::int64_t countInside(const AxisPositions& a, std::int64_t n) {
    return std::count_if(a.positions.begin(), a.positions.end(),
                         [n](std::int64_t p) { return p >= 0 && p < n; });
}
}  // namespace

std::int64_t MapTrace::insideCount() const {
    return countInside(rows, shape.h) * countInside(cols, shape.w);
}

std::int64_t MapTrace::paddingCount() const {
    return static_cast<std::int64_t>(rows.positions.size() * cols.positions.size()) - insideCount();
}

TraceChain traceChainOf(const Pipeline& pipeline, const PipelineReport& report) {
    TraceChain chain;
    for (const LayerReport& r : report.layers) {
        const auto i = static_cast<std::size_t>(r.index - 1);
        if (r.shape && i < pipeline.layers.size()) {
            chain.links.push_back({pipeline.layers[i].layer.get(), *r.shape});
            chain.layerIndices.push_back(r.index);
        }
    }
    return chain;
}

Result<std::vector<MapTrace>> traceElement(const std::vector<ChainLink>& chain, const Shape& input,
                                           int map, std::int64_t y, std::int64_t x,
                                           TraceDirection direction) {
    const int maps = static_cast<int>(chain.size()) + 1;
    if (map < 0 || map >= maps) {
        return Error::invalid(
            QStringLiteral("map %1 does not exist (there are %2)").arg(map).arg(maps));
    }
    std::vector<MapTrace> traces(static_cast<std::size_t>(maps));
    for (int m = 0; m < maps; ++m) {
        traces[static_cast<std::size_t>(m)].shape =
            m == 0 ? input : chain[static_cast<std::size_t>(m - 1)].shape.output;
    }
    MapTrace& own = traces[static_cast<std::size_t>(map)];
    if (y < 0 || y >= own.shape.h || x < 0 || x >= own.shape.w) {
        return Error::invalid(QStringLiteral("element (%1, %2) is outside map %3 of %4x%5")
                                  .arg(y)
                                  .arg(x)
                                  .arg(map)
                                  .arg(own.shape.h)
                                  .arg(own.shape.w));
    }
    own.rows.positions = {y};
    own.cols.positions = {x};

    std::int64_t budget = kWorkBudget;
    for (const Axis axis : {Axis::Height, Axis::Width}) {
        auto positionsOf = [axis](MapTrace& t) -> AxisPositions& {
            return axis == Axis::Height ? t.rows : t.cols;
        };
        if (direction == TraceDirection::Upstream) {
            for (int m = map; m > 0; --m) {
                const auto& link = chain[static_cast<std::size_t>(m - 1)];
                MapTrace& out = traces[static_cast<std::size_t>(m)];
                positionsOf(traces[static_cast<std::size_t>(m - 1)]).positions =
                    readBy(link, axis, positionsOf(out), extent(out.shape, axis), budget);
            }
        } else {
            for (int m = map; m + 1 < maps; ++m) {
                const auto& link = chain[static_cast<std::size_t>(m)];
                MapTrace& next = traces[static_cast<std::size_t>(m + 1)];
                positionsOf(next).positions =
                    readersOf(link, axis, positionsOf(traces[static_cast<std::size_t>(m)]),
                              extent(next.shape, axis), budget);
            }
        }
        if (budget < 0) {
            return Error::runtime(
                QStringLiteral("the trace of element (%1, %2) needs more than %3 steps; not traced")
                    .arg(y)
                    .arg(x)
                    .arg(kWorkBudget));
        }
    }
    return traces;
}

Result<std::vector<MapTrace>> traceBothWays(const std::vector<ChainLink>& chain, const Shape& input,
                                            int map, std::int64_t y, std::int64_t x) {
    auto up = traceElement(chain, input, map, y, x, TraceDirection::Upstream);
    if (!up) {
        return up.error();
    }
    auto down = traceElement(chain, input, map, y, x, TraceDirection::Downstream);
    if (!down) {
        return down.error();
    }
    for (std::size_t m = static_cast<std::size_t>(map) + 1; m < up->size(); ++m) {
        (*up)[m] = std::move((*down)[m]);
    }
    return up;
}

}  // namespace stridelab
