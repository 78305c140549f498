#pragma once

// The settings of one axis of a layer (stride, dilation, padding, ceil_mode, output_padding,
// resize factor) that give a wanted output size there: the first half of an inverse
// question (inverse_questions.h), before the two axes are combined into one layer.

#include "layers/layer.h"

#include <array>
#include <optional>
#include <vector>

namespace stridelab::teaching {

inline constexpr std::int64_t kMaxExtent = 65536;

enum class Family { Conv, Pool, Transposed, Resize, Unpool };
enum class Pad { Valid, Same, Explicit };

// One axis of a layer, as values the search may change.
struct AxisSetting {
    std::int64_t stride = 1;
    std::int64_t dilation = 1;
    Pad pad = Pad::Valid;
    std::int64_t before = 0;  // explicit padding (a transposed convolution's p on both sides)
    std::int64_t after = 0;
    bool ceil = false;
    std::optional<std::int64_t> outputPadding;
    std::int64_t factor = 0;  // upsampling: an integer factor, or 0 for an output size
    std::int64_t cost = 0;    // how far from the layer's own setting
};

struct LayerFacts {
    Family family = Family::Conv;
    Pair kernel{1, 1};
    std::array<AxisSetting, 2> current;
    bool fourSided = true;  // explicit padding may be [top, bottom, left, right]
};

// The layer's family and its own settings per axis.
[[nodiscard]] LayerFacts factsOf(const Layer& layer);

// The range of outputs the search met on one axis, for the reason of an empty answer.
struct Reach {
    std::int64_t low = kMaxExtent + 1;
    std::int64_t high = 0;
    void add(std::int64_t out) {
        if (out >= 1) {
            low = std::min(low, out);
            high = std::max(high, out);
        }
    }
};

// The settings of axis `axis` with input n that give output t, cheapest first (closest to
// the layer's own setting), at most a handful; `reach` gathers every output met on the way.
[[nodiscard]] std::vector<AxisSetting> axisOptions(const LayerFacts& f, Axis axis, std::int64_t n,
                                                   std::int64_t t, Reach& reach);

}  // namespace stridelab::teaching
