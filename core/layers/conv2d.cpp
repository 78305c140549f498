#include "layers/conv2d.h"

#include "kernels/conv2d_direct.h"
#include "kernels/conv2d_gemm.h"

#include <algorithm>
#include <mutex>

namespace stridelab {

// Packing the kernel for the vector kernels costs a few percent of a forward (as generating it
// does; ConvOptions::sharedKernel caches that): done once per geometry and instruction set.
struct Conv2dWeightCache {
    std::mutex mutex;
    std::shared_ptr<const DirectConvWeights> packed;
};

Conv2d::Conv2d(Params params)
    : params_(std::move(params)), cache_(std::make_shared<Conv2dWeightCache>()) {}

const QStringList& paddingModeNames() {
    static const QStringList names = {QStringLiteral("zeros"), QStringLiteral("reflect"),
                                      QStringLiteral("replicate"), QStringLiteral("circular")};
    return names;
}

Result<LayerPtr> Conv2d::parse(const JsonObjectReader& r, const LayerLoadContext& context) {
    if (auto s = r.allowOnly(convOptionKeys() << QStringLiteral("padding_mode")); !s) {
        return s.error();
    }
    auto conv = parseConvOptions(r, context, false);
    if (!conv) {
        return conv.error();
    }
    auto mode =
        r.choice(QStringLiteral("padding_mode"), paddingModeNames(), QStringLiteral("zeros"));
    if (!mode) {
        return mode.error();
    }
    Params p{std::move(conv).value(), static_cast<PaddingMode>(paddingModeNames().indexOf(*mode))};
    return LayerPtr(std::make_shared<Conv2d>(std::move(p)));
}

const std::vector<ParameterSpec>& Conv2d::parameters() {
    static const std::vector<ParameterSpec> specs = [] {
        std::vector<ParameterSpec> s = convParameterSpecs(false);
        const auto padding = std::find_if(s.begin(), s.end(), [](const ParameterSpec& p) {
            return p.key == QStringLiteral("padding");
        });
        s.insert(padding + 1,
                 ParameterSpec{QStringLiteral("padding_mode"), ParameterKind::Choice,
                               QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Padding mode")),
                               QStringLiteral("zeros"),
                               QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec",
                                                                "(none: Keras pads with zeros)")),
                               QStringLiteral("nn.Conv2d(padding_mode='reflect')"),
                               QStringLiteral(QT_TRANSLATE_NOOP(
                                   "ParameterSpec", "What fills the padding (PyTorch's modes).")),
                               0, paddingModeNames()});
        return s;
    }();
    return specs;
}

QJsonObject Conv2d::toJson() const {
    QJsonObject json;
    writeConvOptions(params_.conv, json);
    if (params_.paddingMode != PaddingMode::Zeros) {
        json.insert(QStringLiteral("padding_mode"),
                    paddingModeNames().at(static_cast<qsizetype>(params_.paddingMode)));
    }
    return json;
}

Result<LayerShape> Conv2d::inferShape(const ShapeQuery& query) const {
    const ConvOptions& o = params_.conv;
    const Shape in = query.input;
    if (auto e = o.checkKernelFor(in.c, false)) {
        return *e;
    }
    LayerShape s;
    s.height = convAxis(in.h, o.kernel.h, o.strides.h, o.dilation.h, o.padding, Axis::Height);
    s.width = convAxis(in.w, o.kernel.w, o.strides.w, o.dilation.w, o.padding, Axis::Width);
    if (auto e = windowFitError(QStringLiteral("kernel"), s.height, s.width)) {
        return *e;
    }
    for (const AxisShape* a : {&s.height, &s.width}) {
        const QString axisName =
            a == &s.height ? QStringLiteral("height") : QStringLiteral("width");
        const std::int64_t pad = std::max(a->before, a->after);
        if (params_.paddingMode == PaddingMode::Reflect && pad >= a->in) {
            return Error::invalid(
                QStringLiteral("reflect padding %1 must be smaller than the input %2 %3")
                    .arg(pad)
                    .arg(axisName)
                    .arg(a->in));
        }
        if (params_.paddingMode == PaddingMode::Circular && pad > a->in) {
            return Error::invalid(
                QStringLiteral("circular padding %1 must be at most the input %2 %3")
                    .arg(pad)
                    .arg(axisName)
                    .arg(a->in));
        }
    }
    s.output = {o.filters, s.height.out, s.width.out};
    s.params = o.parameterCount(in.c);
    s.macs = saturatingProduct({s.output.elements(), in.c / o.groups, o.kernel.h, o.kernel.w});
    s.padding = {s.height.before, s.height.after, s.width.before, s.width.after};
    return s;
}

void Conv2d::forward(const ForwardQuery& query, LayerResult& out) const {
    const ConvOptions& o = params_.conv;
    const LayerShape& s = query.shape;
    const Padding2d padding{s.height.before, s.height.after, s.width.before, s.width.after};
    const ConvGeometry geometry{query.input.shape(), s.output, o.kernel, o.strides,
                                o.dilation,          padding,  o.groups};
    const std::shared_ptr<const NdArray> kernel = o.sharedKernel(query.input.shape().c, false);
    const std::vector<float> bias = o.bias();
    if (conv2dDirectAvailable()) {
        std::shared_ptr<const DirectConvWeights> packed;
        {
            const std::lock_guard lock(cache_->mutex);
            if (cache_->packed == nullptr || !cache_->packed->fits(geometry)) {
                cache_->packed = DirectConvWeights::pack(kernel->values.data(), geometry);
            }
            packed = cache_->packed;
        }
        // The vector kernels pad as they copy each tile's rows, and apply ReLU and leaky ReLU
        // as they store.
        const bool fused = conv2dDirectFuses(o.activation);
        const DirectConvActivation activation{fused ? o.activation : Activation::Linear,
                                              static_cast<float>(o.negativeSlope)};
        conv2dDirect(query.input, *packed, bias.empty() ? nullptr : bias.data(), geometry,
                     params_.paddingMode, activation, out.values, query.threads, query.cancel);
        if (!fused) {
            finishConvOutput(o, out.values, query.threads);
        }
        return;
    }
    if (padding.none()) {
        conv2dGemm(query.input, kernel->values.data(), bias.empty() ? nullptr : bias.data(),
                   geometry, out.values, query.threads, query.cancel);
    } else {
        Tensor local;
        Tensor& padded = query.scratch(0, local);
        padTensor(query.input, padding, params_.paddingMode, padded);
        conv2dGemm(padded, kernel->values.data(), bias.empty() ? nullptr : bias.data(), geometry,
                   out.values, query.threads, query.cancel);
    }
    finishConvOutput(o, out.values, query.threads);
}

PositionRange Conv2d::dependencies(Axis axis, std::int64_t position,
                                   const LayerShape& shape) const {
    return windowDependencies(position, shape.axis(axis));
}

double Conv2d::jumpFactor(Axis axis, const LayerShape& shape) const {
    return static_cast<double>(shape.axis(axis).stride);
}

std::int64_t Conv2d::workspaceBytes(const Shape& input, const LayerShape& shape) const {
    // The padded copy of the input and the kernel.
    const ConvOptions& o = params_.conv;
    const std::int64_t padded =
        saturatingProduct({input.c, shape.height.paddedExtent, shape.width.paddedExtent});
    const std::int64_t kernel =
        saturatingProduct({o.filters, input.c / o.groups, o.kernel.h, o.kernel.w});
    return saturatingMul(sizeof(float), saturatingAdd(padded, kernel));
}

std::int64_t Conv2d::perThreadWorkspaceBytes(const Shape& input, const LayerShape& shape) const {
    const ConvOptions& o = params_.conv;
    return saturatingMul(
        sizeof(float),
        conv2dColumnBufferFloats(input.c / o.groups * o.kernel.h * o.kernel.w, shape.output.w));
}

}  // namespace stridelab
