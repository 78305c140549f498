#include "layers/conv2d_transpose.h"

#include "io/json_values.h"
#include "kernels/conv2d_transpose_direct.h"
#include "kernels/conv2d_transpose_subpixel.h"

#include <mutex>

namespace stridelab {

// The kernel's phases packed for the vector kernels, kept between forwards (the layer's
// weights never change). Re-made when the input channel count, the instruction set or the
// taps change.
struct Conv2dTransposeCache {
    std::mutex mutex;
    std::shared_ptr<const TransposedDirectWeights> packed;
};

Conv2dTranspose::Conv2dTranspose(Params params)
    : params_(std::move(params)), cache_(std::make_shared<Conv2dTransposeCache>()) {}

namespace {

std::optional<std::int64_t> outputPaddingOn(const std::optional<Pair>& op, Axis axis) {
    if (!op) {
        return std::nullopt;
    }
    return (*op)[static_cast<int>(axis)];
}

}  // namespace

Result<LayerPtr> Conv2dTranspose::parse(const JsonObjectReader& r,
                                        const LayerLoadContext& context) {
    if (auto s = r.allowOnly(convOptionKeys() << QStringLiteral("output_padding")); !s) {
        return s.error();
    }
    auto conv = parseConvOptions(r, context, true);
    if (!conv) {
        return conv.error();
    }
    auto op = r.optionalPair(QStringLiteral("output_padding"), 0);
    if (!op) {
        return op.error();
    }
    Params p{std::move(conv).value(), *op};
    const ConvOptions& o = p.conv;
    if (p.outputPadding) {
        const Pair v = *p.outputPadding;
        const QString key = QStringLiteral("output_padding");
        if (o.padding.kind == PaddingKind::Explicit) {
            // PyTorch: output padding must be smaller than either stride or dilation.
            const Pair limit{std::max(o.strides.h, o.dilation.h),
                             std::max(o.strides.w, o.dilation.w)};
            if (v.h >= limit.h || v.w >= limit.w) {
                return r.errorAt(key, QStringLiteral("[%1, %2] must be smaller than max(stride, "
                                                     "dilation) = [%3, %4] on each axis (PyTorch)")
                                          .arg(v.h)
                                          .arg(v.w)
                                          .arg(limit.h)
                                          .arg(limit.w));
            }
        } else if (v.h >= o.strides.h || v.w >= o.strides.w) {
            return r.errorAt(
                key, QStringLiteral(
                         "[%1, %2] must be smaller than the strides [%3, %4] on each axis (Keras)")
                         .arg(v.h)
                         .arg(v.w)
                         .arg(o.strides.h)
                         .arg(o.strides.w));
        }
    }
    return LayerPtr(std::make_shared<Conv2dTranspose>(std::move(p)));
}

const std::vector<ParameterSpec>& Conv2dTranspose::parameters() {
    static const std::vector<ParameterSpec> specs = [] {
        std::vector<ParameterSpec> s = convParameterSpecs(true);
        s.insert(
            s.begin() + 4,
            ParameterSpec{QStringLiteral("output_padding"), ParameterKind::OptionalPair,
                          QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Output padding")),
                          QJsonValue(), QStringLiteral("Conv2DTranspose(output_padding=1)"),
                          QStringLiteral("nn.ConvTranspose2d(output_padding=1)"),
                          QStringLiteral(QT_TRANSLATE_NOOP(
                              "ParameterSpec",
                              "Extra rows/columns at the bottom/right, to pick one of the sizes a "
                              "strided convolution maps to the same input size.")),
                          0});
        return s;
    }();
    return specs;
}

QJsonObject Conv2dTranspose::toJson() const {
    QJsonObject json;
    writeConvOptions(params_.conv, json);
    if (params_.outputPadding) {
        json.insert(QStringLiteral("output_padding"), pairToJson(*params_.outputPadding));
    }
    return json;
}

QString Conv2dTranspose::describe() const {
    QString text = params_.conv.describe();
    if (params_.outputPadding) {
        text +=
            QStringLiteral(" op %1x%2").arg(params_.outputPadding->h).arg(params_.outputPadding->w);
    }
    return text;
}

Result<LayerShape> Conv2dTranspose::inferShape(const ShapeQuery& query) const {
    const ConvOptions& o = params_.conv;
    const Shape in = query.input;
    if (auto e = o.checkKernelFor(in.c, true)) {
        return *e;
    }
    LayerShape s;
    s.height =
        transposedConvAxis(in.h, o.kernel.h, o.strides.h, o.dilation.h, o.padding,
                           outputPaddingOn(params_.outputPadding, Axis::Height), Axis::Height);
    s.width = transposedConvAxis(in.w, o.kernel.w, o.strides.w, o.dilation.w, o.padding,
                                 outputPaddingOn(params_.outputPadding, Axis::Width), Axis::Width);
    for (const AxisShape* a : {&s.height, &s.width}) {
        const QString axisName =
            a == &s.height ? QStringLiteral("height") : QStringLiteral("width");
        if (a->out < 1) {
            return Error::invalid(
                QStringLiteral("output %1 %2 is smaller than 1").arg(axisName, a->formula));
        }
        // TensorFlow's conv2d_transpose checks that a "same" convolution of the output gives
        // back the input.
        if (o.padding.kind == PaddingKind::Same && params_.outputPadding &&
            ceilDiv(a->out, a->stride) != a->in) {
            return Error::invalid(
                QStringLiteral("output_padding %1 with the effective kernel %2 %3 gives an "
                               "output %2 of %4, but TensorFlow needs ceil(%4 / %5) = %6 to "
                               "equal the input %2 %7 (an even kernel needs output_padding >= 1)")
                    .arg(outputPaddingOn(params_.outputPadding,
                                         a == &s.height ? Axis::Height : Axis::Width)
                             .value_or(0))
                    .arg(axisName)
                    .arg(a->effectiveKernel)
                    .arg(a->out)
                    .arg(a->stride)
                    .arg(ceilDiv(a->out, a->stride))
                    .arg(a->in));
        }
    }
    s.output = {o.filters, s.height.out, s.width.out};
    s.params = o.parameterCount(in.c);  // C_in * (filters/groups) * kh * kw (+ bias), as conv2d
    s.macs = saturatingProduct({in.elements(), o.filters / o.groups, o.kernel.h, o.kernel.w});
    s.padding = {s.height.before, s.height.after, s.width.before, s.width.after};
    return s;
}

void Conv2dTranspose::forward(const ForwardQuery& query, LayerResult& out) const {
    const ConvOptions& o = params_.conv;
    const LayerShape& s = query.shape;
    const TransposedConvGeometry geometry{query.input.shape(),
                                          s.output,
                                          o.kernel,
                                          o.strides,
                                          o.dilation,
                                          Pair{s.height.before, s.width.before},
                                          o.groups};
    const std::shared_ptr<const NdArray> kernel = o.sharedKernel(query.input.shape().c, true);
    const std::vector<float> bias = o.bias();
    const float* biasData = bias.empty() ? nullptr : bias.data();
    if (conv2dDirectAvailable()) {
        // Each sub-pixel phase through the direct convolution's vector kernels.
        std::shared_ptr<const TransposedDirectWeights> packed;
        {
            const std::lock_guard lock(cache_->mutex);
            if (cache_->packed == nullptr || !cache_->packed->fits(geometry)) {
                cache_->packed = TransposedDirectWeights::pack(kernel->values.data(), geometry);
            }
            packed = cache_->packed;
        }
        conv2dTransposeDirect(query.input, *packed, biasData, geometry, out.values, query.threads,
                              query.cancel);
    } else {
        // The sub-pixel decomposition through Eigen's GEMMs covers every geometry (stride,
        // dilation, crop, groups) and writes each output once; conv2dTransposeGemm (col2im)
        // stays as the tested alternative.
        conv2dTransposeSubpixel(query.input, kernel->values.data(), biasData, geometry, out.values,
                                query.threads, query.cancel);
    }
    finishConvOutput(o, out.values, query.threads);
}

PositionRange Conv2dTranspose::dependencies(Axis axis, std::int64_t position,
                                            const LayerShape& shape) const {
    return scatterDependencies(position, shape.axis(axis));
}

double Conv2dTranspose::jumpFactor(Axis axis, const LayerShape& shape) const {
    return 1.0 / static_cast<double>(shape.axis(axis).stride);
}

namespace {

SubpixelWorkspace subpixelWorkspace(const Conv2dTranspose::Params& p, const Shape& input,
                                    const LayerShape& shape) {
    const ConvOptions& o = p.conv;
    return conv2dTransposeSubpixelWorkspace({input, shape.output, o.kernel, o.strides, o.dilation,
                                             Pair{shape.height.before, shape.width.before},
                                             o.groups});
}

}  // namespace

std::int64_t Conv2dTranspose::workspaceBytes(const Shape& input, const LayerShape& shape) const {
    // Sub-pixel through GEMMs: the gathered sub-kernels and the zero-padded input; through the
    // direct kernels: the packed phases. Whichever is larger, so that the estimate does not
    // depend on the instruction set.
    const ConvOptions& o = params_.conv;
    const std::int64_t direct = conv2dTransposeDirectWorkspaceFloats(
        {input, shape.output, o.kernel, o.strides, o.dilation,
         Pair{shape.height.before, shape.width.before}, o.groups});
    return saturatingMul(sizeof(float),
                         std::max(direct, subpixelWorkspace(params_, input, shape).sharedFloats));
}

std::int64_t Conv2dTranspose::perThreadWorkspaceBytes(const Shape& input,
                                                      const LayerShape& shape) const {
    // One task's GEMM results.
    return saturatingMul(sizeof(float), subpixelWorkspace(params_, input, shape).perThreadFloats);
}

}  // namespace stridelab
