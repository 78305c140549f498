#include "teaching/step_demo.h"

#include "layers/avg_pool2d.h"
#include "layers/conv2d.h"
#include "layers/conv2d_transpose.h"
#include "layers/max_pool2d.h"
#include "layers/max_unpool2d.h"
#include "layers/upsampling2d.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace stridelab {

namespace {

// Window layers keep their real input up to this extent (at most 12x12 = 144 frames).
constexpr std::int64_t kWindowRealLimit = 12;
// A smaller stand-in is at least this large, so the window visibly slides.
constexpr std::int64_t kWindowMinimum = 5;
constexpr std::int64_t kWindowMinimumOutputs = 3;
// Transposed convolutions: frames are input elements, each writing a kernel-sized patch.
constexpr std::int64_t kScatterRealLimit = 5;
constexpr std::int64_t kScatterMinimum = 4;
// Resizing: frames are output elements.
constexpr std::int64_t kResizeOutputLimit = 8;
constexpr std::int64_t kResizeRealLimit = 12;

Shape withExtent(Shape shape, Axis axis, std::int64_t n) {
    (axis == Axis::Height ? shape.h : shape.w) = n;
    return shape;
}

Result<LayerShape> shapeOn(const Layer& layer, const Shape& input) {
    return layer.inferShape(ShapeQuery{input, nullptr});
}

// The window-layer rule of step_frames.h on one axis; `in` holds the other axis.
std::int64_t windowExtent(const Layer& layer, const Shape& in, Axis axis, const AxisShape& real) {
    const std::int64_t n = real.in;
    if (n <= kWindowRealLimit) {
        return n;
    }
    const std::int64_t s = std::max<std::int64_t>(real.stride, 1);
    // Three outputs where a small input gives them; with a stride too large for that, one.
    for (const std::int64_t wanted : {std::min(kWindowMinimumOutputs, real.out), std::int64_t{1}}) {
        for (std::int64_t m = n % s == 0 ? s : n % s; m < n && m <= kMaxDemoExtent; m += s) {
            if (m < kWindowMinimum) {
                continue;
            }
            auto shape = shapeOn(layer, withExtent(in, axis, m));
            if (shape && shape->axis(axis).out >= wanted) {
                return m;
            }
        }
    }
    return n;
}

std::int64_t scatterExtent(const Layer& layer, const Shape& in, Axis axis, std::int64_t n) {
    if (n <= kScatterRealLimit) {
        return n;
    }
    for (std::int64_t m = kScatterMinimum; m < n; ++m) {
        if (shapeOn(layer, withExtent(in, axis, m))) {
            return m;
        }
    }
    return n;
}

// Input and output extents of a resize on one axis (`factor` 0: a fixed output size `out`).
std::pair<std::int64_t, std::int64_t> resizeExtents(std::int64_t n, std::int64_t factor,
                                                    std::int64_t out) {
    if (factor > 0) {
        const std::int64_t m =
            n * factor <= kResizeOutputLimit
                ? n
                : std::min(n, std::max<std::int64_t>(2, kResizeOutputLimit / factor));
        return {m, m * factor};
    }
    if (n <= kResizeRealLimit && out <= kResizeRealLimit) {
        return {n, out};
    }
    const double ratio = static_cast<double>(out) / static_cast<double>(n);
    const std::int64_t m =
        ratio >= 1.0 ? std::min(n, std::max<std::int64_t>(
                                       2, static_cast<std::int64_t>(std::floor(
                                              static_cast<double>(kResizeOutputLimit) / ratio))))
                     : std::min(n, kResizeOutputLimit);
    return {m, std::max<std::int64_t>(1, std::llround(static_cast<double>(m) * ratio))};
}

Result<StepDemo> resizeDemo(const StepSubject& subject, const Upsampling2d& layer) {
    Upsampling2d::Params params = layer.params();
    const Shape real = subject.input;
    StepDemo demo;
    demo.input = Shape{1, 0, 0};
    if (params.outputSize) {
        const auto [h, outH] = resizeExtents(real.h, 0, params.outputSize->h);
        const auto [w, outW] = resizeExtents(real.w, 0, params.outputSize->w);
        demo.input.h = h;
        demo.input.w = w;
        params.outputSize = Pair{outH, outW};
        demo.layer = std::make_shared<Upsampling2d>(params);
    } else {
        const Pair f = params.size.value_or(Pair{2, 2});
        demo.input.h = resizeExtents(real.h, f.h, 0).first;
        demo.input.w = resizeExtents(real.w, f.w, 0).first;
        demo.layer = subject.layer;
    }
    auto shape = shapeOn(*demo.layer, demo.input);
    if (!shape) {
        return shape.error();
    }
    demo.shape = *shape;
    return demo;
}

Result<StepDemo> unpoolDemo(const StepSubject& subject) {
    if (!subject.pool) {
        return Error::invalid(
            QStringLiteral("the max_pool2d \"%1\" has no valid output").arg(subject.poolName));
    }
    auto real = shapeOn(*subject.pool, subject.poolInput);
    if (!real) {
        return real.error();
    }
    StepDemo demo;
    demo.layer = subject.layer;
    demo.pool = subject.pool;
    demo.poolInput = Shape{1, subject.poolInput.h, subject.poolInput.w};
    demo.poolInput.h = windowExtent(*subject.pool, demo.poolInput, Axis::Height, real->height);
    demo.poolInput.w = windowExtent(*subject.pool, demo.poolInput, Axis::Width, real->width);
    auto poolShape = shapeOn(*subject.pool, demo.poolInput);
    if (!poolShape) {
        return poolShape.error();
    }
    demo.poolShape = *poolShape;
    demo.input = poolShape->output;
    const std::vector<EarlierLayer> earlier = {
        {subject.poolName, subject.pool.get(), demo.poolInput, demo.poolShape}};
    auto shape = subject.layer->inferShape(ShapeQuery{demo.input, &earlier});
    if (!shape) {
        return shape.error();
    }
    demo.shape = *shape;
    return demo;
}

}  // namespace

Result<StepRule> stepRuleFor(const Layer& layer) {
    StepRule rule;
    if (const auto* conv = dynamic_cast<const Conv2d*>(&layer)) {
        rule.marginFill = conv->params().paddingMode;
        return rule;
    }
    if (dynamic_cast<const Conv2dTranspose*>(&layer) != nullptr) {
        rule.kind = StepKind::Scatter;
        return rule;
    }
    if (dynamic_cast<const MaxPool2d*>(&layer) != nullptr) {
        rule.window = WindowRule::Max;  // padding never wins: it is not read
        rule.shuffledValues = true;
        return rule;
    }
    if (const auto* avg = dynamic_cast<const AvgPool2d*>(&layer)) {
        rule.window = WindowRule::Average;
        rule.averageCountsPadding = avg->countsPadding();
        if (rule.averageCountsPadding) {
            rule.marginFill = PaddingMode::Zeros;
        }
        return rule;
    }
    if (dynamic_cast<const MaxUnpool2d*>(&layer) != nullptr) {
        rule.kind = StepKind::Unpool;
        rule.shuffledValues = true;
        return rule;
    }
    if (const auto* resize = dynamic_cast<const Upsampling2d*>(&layer)) {
        rule.kind = StepKind::Resize;
        rule.resize = resize;
        rule.marginFill = PaddingMode::Replicate;  // taps past the border read the edge
        return rule;
    }
    return Error::invalid(
        QStringLiteral("no step-through for the layer type \"%1\" yet").arg(layer.type()));
}

Status checkDemoSize(const StepDemo& demo, const StepRule& rule) {
    const Shape& shown = rule.kind == StepKind::Unpool ? demo.poolInput : demo.input;
    if (shown.h > kMaxDemoExtent || shown.w > kMaxDemoExtent) {
        return Error::invalid(QStringLiteral("no small input shows this layer: it would need "
                                             "%1x%2, and a step-through shows at most %3 per side")
                                  .arg(shown.h)
                                  .arg(shown.w)
                                  .arg(kMaxDemoExtent));
    }
    const bool perOutput = rule.kind == StepKind::Window || rule.kind == StepKind::Resize;
    const std::int64_t frames =
        perOutput ? demo.shape.output.h * demo.shape.output.w : demo.input.h * demo.input.w;
    if (frames > kMaxFrames) {
        return Error::invalid(
            QStringLiteral("the step-through would need %1 frames (%2x%3 %4 on the %5x%6 "
                           "input); it shows at most %7")
                .arg(frames)
                .arg(perOutput ? demo.shape.output.h : demo.input.h)
                .arg(perOutput ? demo.shape.output.w : demo.input.w)
                .arg(perOutput ? QStringLiteral("outputs") : QStringLiteral("inputs"))
                .arg(demo.input.h)
                .arg(demo.input.w)
                .arg(kMaxFrames));
    }
    return success();
}

Result<StepDemo> chooseDemo(const StepSubject& subject, const StepRule& rule) {
    if (rule.kind == StepKind::Resize) {
        return resizeDemo(subject, *rule.resize);
    }
    if (rule.kind == StepKind::Unpool) {
        return unpoolDemo(subject);
    }
    const Layer& layer = *subject.layer;
    const Shape real = subject.input;
    // One channel where the layer takes it; explicit weights or groups need the real count.
    Shape in{1, real.h, real.w};
    if (!shapeOn(layer, in)) {
        in.c = real.c;
    }
    auto realShape = shapeOn(layer, Shape{in.c, real.h, real.w});
    if (!realShape) {
        return realShape.error();
    }
    if (rule.kind == StepKind::Window) {
        in.h = windowExtent(layer, in, Axis::Height, realShape->height);
        in.w = windowExtent(layer, in, Axis::Width, realShape->width);
    } else {
        in.h = scatterExtent(layer, in, Axis::Height, real.h);
        in.w = scatterExtent(layer, in, Axis::Width, real.w);
    }
    auto shape = shapeOn(layer, in);
    if (!shape) {
        return shape.error();
    }
    return StepDemo{subject.layer, in, *shape, nullptr, {}, {}};
}

Tensor demoValues(const Shape& shape, bool shuffled) {
    Tensor t(shape, 0.0F);
    const std::int64_t n = shape.h * shape.w;
    // i -> i*a mod n with a coprime to n is a permutation; a near n times the golden ratio's
    // fractional part spreads neighbours apart.
    std::int64_t a = 1;
    if (shuffled && n > 2) {
        a = std::max<std::int64_t>(2, std::llround(0.618 * static_cast<double>(n)));
        while (std::gcd(a, n) != 1) {
            ++a;
        }
    }
    for (std::int64_t i = 0; i < n; ++i) {
        t.data()[i] = static_cast<float>((i * a) % n + 1);
    }
    return t;
}

}  // namespace stridelab
