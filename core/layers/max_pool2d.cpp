#include "layers/max_pool2d.h"

#include <limits>

namespace stridelab {

Result<LayerPtr> MaxPool2d::parse(const JsonObjectReader& r, const LayerLoadContext& /*context*/) {
    if (auto s = r.allowOnly({QStringLiteral("type"), QStringLiteral("name"),
                              QStringLiteral("pool_size"), QStringLiteral("strides"),
                              QStringLiteral("padding"), QStringLiteral("ceil_mode"),
                              QStringLiteral("count_include_pad")});
        !s) {
        return s.error();
    }
    if (r.has(QStringLiteral("count_include_pad"))) {
        return r.errorAt(
            QStringLiteral("count_include_pad"),
            QStringLiteral("only avg_pool2d with explicit padding takes count_include_pad"));
    }
    auto options = parsePoolOptions(r);
    if (!options) {
        return options.error();
    }
    return LayerPtr(std::make_shared<MaxPool2d>(std::move(options).value()));
}

const std::vector<ParameterSpec>& MaxPool2d::parameters() {
    static const std::vector<ParameterSpec> specs = poolParameterSpecs(false);
    return specs;
}

QJsonObject MaxPool2d::toJson() const {
    QJsonObject json;
    writePoolOptions(options_, json);
    return json;
}

Result<LayerShape> MaxPool2d::inferShape(const ShapeQuery& query) const {
    // Indices are flat h*W + w positions stored as int32, as a channel plane must fit them.
    const std::int64_t plane = query.input.h * query.input.w;
    if (plane > std::numeric_limits<std::int32_t>::max()) {
        return Error::invalid(
            QStringLiteral("the input plane %1x%2 has %3 positions, more than the "
                           "2147483647 that max_pool2d's indices can address")
                .arg(query.input.h)
                .arg(query.input.w)
                .arg(plane));
    }
    return inferPoolShape(options_, query.input);
}

void MaxPool2d::forward(const ForwardQuery& query, LayerResult& out) const {
    const PoolGeometry geometry = poolGeometry(query.shape, query.input.shape());
    if (query.indicesWanted) {
        maxPool2d(query.input, geometry, out.values, out.argmax, query.threads);
    } else {
        out.argmax.clear();
        maxPool2d(query.input, geometry, out.values, query.threads);
    }
}

PositionRange MaxPool2d::dependencies(Axis axis, std::int64_t position,
                                      const LayerShape& shape) const {
    return windowDependencies(position, shape.axis(axis));
}

double MaxPool2d::jumpFactor(Axis axis, const LayerShape& shape) const {
    return static_cast<double>(shape.axis(axis).stride);
}

std::int64_t MaxPool2d::workspaceBytes(const Shape& /*input*/, const LayerShape& shape) const {
    return saturatingMul(sizeof(std::int32_t), shape.output.elements());
}

}  // namespace stridelab
