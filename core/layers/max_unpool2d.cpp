#include "layers/max_unpool2d.h"

#include "kernels/pooling.h"

namespace stridelab {

Result<LayerPtr> MaxUnpool2d::parse(const JsonObjectReader& r,
                                    const LayerLoadContext& /*context*/) {
    if (auto s = r.allowOnly(
            {QStringLiteral("type"), QStringLiteral("name"), QStringLiteral("indices_from")});
        !s) {
        return s.error();
    }
    auto from = r.requiredString(QStringLiteral("indices_from"));
    if (!from) {
        return from.error();
    }
    return LayerPtr(std::make_shared<MaxUnpool2d>(*from));
}

const std::vector<ParameterSpec>& MaxUnpool2d::parameters() {
    static const std::vector<ParameterSpec> specs = {
        {QStringLiteral("indices_from"), ParameterKind::LayerName,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Indices from")), QJsonValue(),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "(none in Keras)")),
         QStringLiteral("nn.MaxUnpool2d(2)(y, indices)"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "ParameterSpec",
             "The earlier max_pool2d whose recorded positions this layer scatters back to.")),
         0},
    };
    return specs;
}

QJsonObject MaxUnpool2d::toJson() const {
    return QJsonObject{{QStringLiteral("indices_from"), indicesFrom_}};
}

Result<LayerShape> MaxUnpool2d::inferShape(const ShapeQuery& query) const {
    const EarlierLayer* pool = query.find(indicesFrom_);
    if (pool == nullptr) {
        return Error::invalid(
            QStringLiteral("the max_pool2d \"%1\" has no valid output").arg(indicesFrom_));
    }
    if (query.input != pool->shape.output) {
        return Error::invalid(
            QStringLiteral("input %1 does not match the output %2 of max_pool2d \"%3\"")
                .arg(query.input.toString(), pool->shape.output.toString(), indicesFrom_));
    }
    LayerShape s;
    s.output = pool->input;
    // Geometrically the unpool is a transposed convolution with the pool's window: output
    // position o is reached by the inputs whose window covers it.
    for (const Axis axis : {Axis::Height, Axis::Width}) {
        const AxisShape& p = pool->shape.axis(axis);
        AxisShape a;
        a.in = p.out;
        a.out = p.in;
        a.kernel = p.kernel;
        a.effectiveKernel = p.kernel;
        a.stride = p.stride;
        a.before = p.before;
        a.paddedExtent = p.out;
        a.formula =
            QStringLiteral("%1 input %2 of \"%3\" = %2")
                .arg(axis == Axis::Height ? QStringLiteral("height") : QStringLiteral("width"))
                .arg(p.in)
                .arg(indicesFrom_);
        (axis == Axis::Height ? s.height : s.width) = a;
    }
    return s;
}

void MaxUnpool2d::forward(const ForwardQuery& query, LayerResult& out) const {
    const LayerResult* pool = query.earlierResult(indicesFrom_);
    maxUnpool2d(query.input, pool->argmax, out.values, query.threads);
}

PositionRange MaxUnpool2d::dependencies(Axis axis, std::int64_t position,
                                        const LayerShape& shape) const {
    return scatterDependencies(position, shape.axis(axis));
}

double MaxUnpool2d::jumpFactor(Axis axis, const LayerShape& shape) const {
    return 1.0 / static_cast<double>(shape.axis(axis).stride);
}

}  // namespace stridelab
