#pragma once

// The demonstration a step-through runs on: what each layer type does (the one place that
// knows layer types) and the small input it is shown on (the rule in step_frames.h).

#include "kernels/padding.h"
#include "teaching/step_frames.h"

namespace stridelab {

class Upsampling2d;

// How the step-through treats a layer type.
struct StepRule {
    StepKind kind = StepKind::Window;
    WindowRule window = WindowRule::WeightedSum;
    bool averageCountsPadding = false;
    bool shuffledValues = false;
    // What the input's margin holds as the layer reads it; nothing: the margin is not read.
    std::optional<PaddingMode> marginFill;
    const Upsampling2d* resize = nullptr;  // Resize only
};

[[nodiscard]] Result<StepRule> stepRuleFor(const Layer& layer);

struct StepDemo {
    LayerPtr layer;  // the subject's layer, or a stand-in with a smaller output_size (resize)
    Shape input;
    LayerShape shape;
    // Unpool: the max_pool2d on the demonstration input, and its shape.
    LayerPtr pool;
    Shape poolInput;
    LayerShape poolShape;
};

[[nodiscard]] Result<StepDemo> chooseDemo(const StepSubject& subject, const StepRule& rule);

// Limits that keep a step-through light to build, draw and export: the input shown per side
// and the number of frames.
constexpr std::int64_t kMaxDemoExtent = 64;
constexpr std::int64_t kMaxFrames = 1024;
// An error when the demonstration exceeds them (a huge stride or resize factor).
[[nodiscard]] Status checkDemoSize(const StepDemo& demo, const StepRule& rule);

// Channel 0 holds 1..N in reading order, or a permutation of it; other channels are zero.
[[nodiscard]] Tensor demoValues(const Shape& shape, bool shuffled);

}  // namespace stridelab
