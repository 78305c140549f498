#include "layers/avg_pool2d.h"

namespace stridelab {

Result<LayerPtr> AvgPool2d::parse(const JsonObjectReader& r, const LayerLoadContext& /*context*/) {
    if (auto s = r.allowOnly({QStringLiteral("type"), QStringLiteral("name"),
                              QStringLiteral("pool_size"), QStringLiteral("strides"),
                              QStringLiteral("padding"), QStringLiteral("ceil_mode"),
                              QStringLiteral("count_include_pad")});
        !s) {
        return s.error();
    }
    auto options = parsePoolOptions(r);
    if (!options) {
        return options.error();
    }
    Params p{std::move(options).value(), std::nullopt};
    if (r.has(QStringLiteral("count_include_pad"))) {
        if (p.pool.padding.kind != PaddingKind::Explicit) {
            return r.errorAt(QStringLiteral("count_include_pad"),
                             QStringLiteral("only with explicit padding, the padding is \"%1\"")
                                 .arg(p.pool.padding.toString()));
        }
        auto count = r.boolean(QStringLiteral("count_include_pad"), true);
        if (!count) {
            return count.error();
        }
        p.countIncludePad = *count;
    }
    return LayerPtr(std::make_shared<AvgPool2d>(std::move(p)));
}

const std::vector<ParameterSpec>& AvgPool2d::parameters() {
    static const std::vector<ParameterSpec> specs = poolParameterSpecs(true);
    return specs;
}

QJsonObject AvgPool2d::toJson() const {
    QJsonObject json;
    writePoolOptions(params_.pool, json);
    if (params_.countIncludePad) {
        json.insert(QStringLiteral("count_include_pad"), *params_.countIncludePad);
    }
    return json;
}

QString AvgPool2d::describe() const {
    QString text = params_.pool.describe();
    if (params_.countIncludePad == false) {
        text += QStringLiteral(" exclude pad");
    }
    return text;
}

Result<LayerShape> AvgPool2d::inferShape(const ShapeQuery& query) const {
    return inferPoolShape(params_.pool, query.input);
}

void AvgPool2d::forward(const ForwardQuery& query, LayerResult& out) const {
    avgPool2d(query.input, poolGeometry(query.shape, query.input.shape()),
              countsPadding() ? AverageDivisor::PaddedWindow : AverageDivisor::RealElements,
              out.values, query.threads);
}

PositionRange AvgPool2d::dependencies(Axis axis, std::int64_t position,
                                      const LayerShape& shape) const {
    return windowDependencies(position, shape.axis(axis));
}

double AvgPool2d::jumpFactor(Axis axis, const LayerShape& shape) const {
    return static_cast<double>(shape.axis(axis).stride);
}

}  // namespace stridelab
