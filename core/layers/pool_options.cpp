#include "layers/pool_options.h"

#include "io/json_values.h"

namespace stridelab {

namespace {

bool notSame(const QJsonObject& layer) {
    return layer.value(QStringLiteral("padding")).toString() != QStringLiteral("same");
}
bool explicitPadding(const QJsonObject& layer) {
    const QJsonValue p = layer.value(QStringLiteral("padding"));
    return p.isDouble() || p.isArray();
}

}  // namespace

std::vector<ParameterSpec> poolParameterSpecs(bool average) {
    using K = ParameterKind;
    const QString keras =
        average ? QStringLiteral("AveragePooling2D") : QStringLiteral("MaxPooling2D");
    const QString torch = average ? QStringLiteral("nn.AvgPool2d") : QStringLiteral("nn.MaxPool2d");
    auto k = [&](const QString& arg) { return QStringLiteral("%1(%2)").arg(keras, arg); };
    auto t = [&](const QString& arg) { return QStringLiteral("%1(%2)").arg(torch, arg); };
    std::vector<ParameterSpec> specs = {
        {QStringLiteral("pool_size"), K::Pair,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Pool size")), 2,
         k(QStringLiteral("pool_size=(2, 2)")), t(QStringLiteral("kernel_size=2")),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Window height and width.")), 1},
        {QStringLiteral("strides"), K::OptionalPair,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Strides")), QJsonValue(),
         k(QStringLiteral("strides=(2, 2)")), t(QStringLiteral("stride=2")),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec",
                                          "Step between windows; the pool size when not set.")),
         1},
        {QStringLiteral("padding"), K::Padding,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Padding")), QStringLiteral("valid"),
         k(QStringLiteral("padding='same'")), t(QStringLiteral("padding=1")),
         average ? QStringLiteral(
                       QT_TRANSLATE_NOOP("ParameterSpec",
                                         "\"same\" divides by the real elements only (TensorFlow); "
                                         "numbers pad as PyTorch."))
                 : QStringLiteral(
                       QT_TRANSLATE_NOOP("ParameterSpec", "Padded positions never win the max.")),
         0},
        {QStringLiteral("ceil_mode"),
         K::Boolean,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Ceil mode")),
         false,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "(none in Keras)")),
         t(QStringLiteral("ceil_mode=True")),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "ParameterSpec",
             "Round the output size up; a last window starting in the padding is dropped.")),
         0,
         {},
         true,
         {},
         &notSame},
    };
    if (average) {
        specs.push_back(
            {QStringLiteral("count_include_pad"),
             K::Boolean,
             QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Count padding")),
             true,
             QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "(none in Keras)")),
             t(QStringLiteral("count_include_pad=False")),
             QStringLiteral(QT_TRANSLATE_NOOP(
                 "ParameterSpec", "Divide by the whole window (true) or by its real elements.")),
             0,
             {},
             true,
             {},
             &explicitPadding});
    }
    return specs;
}

Result<PoolOptions> parsePoolOptions(const JsonObjectReader& r) {
    PoolOptions o;
    auto size = r.pair(QStringLiteral("pool_size"), 1, Pair{2, 2});
    if (!size) {
        return size.error();
    }
    o.poolSize = *size;
    auto strides = r.optionalPair(QStringLiteral("strides"), 1);
    if (!strides) {
        return strides.error();
    }
    o.strides = *strides;
    auto padding = r.padding(QStringLiteral("padding"), true);
    if (!padding) {
        return padding.error();
    }
    o.padding = *padding;
    auto ceil = r.boolean(QStringLiteral("ceil_mode"), false);
    if (!ceil) {
        return ceil.error();
    }
    o.ceilMode = *ceil;
    if (o.ceilMode && o.padding.kind == PaddingKind::Same) {
        return r.errorAt(
            QStringLiteral("ceil_mode"),
            QStringLiteral("only with \"valid\" or explicit padding, the padding is \"same\""));
    }
    if (o.padding.kind == PaddingKind::Explicit) {
        // PyTorch: padding should be at most half of the kernel size.
        for (const Axis axis : {Axis::Height, Axis::Width}) {
            const std::int64_t k = o.poolSize[static_cast<int>(axis)];
            const std::int64_t p = std::max(o.padding.before(axis), o.padding.after(axis));
            if (p > k / 2) {
                return r.errorAt(QStringLiteral("padding"),
                                 QStringLiteral("%1 padding %2 is more than half the pool size %3 "
                                                "(at most %4, as in PyTorch)")
                                     .arg(axis == Axis::Height ? QStringLiteral("height")
                                                               : QStringLiteral("width"))
                                     .arg(p)
                                     .arg(k)
                                     .arg(k / 2));
            }
        }
    }
    return o;
}

void writePoolOptions(const PoolOptions& o, QJsonObject& json) {
    if (o.poolSize != Pair{2, 2}) {
        json.insert(QStringLiteral("pool_size"), pairToJson(o.poolSize));
    }
    if (o.strides) {
        json.insert(QStringLiteral("strides"), pairToJson(*o.strides));
    }
    if (o.padding.kind != PaddingKind::Valid) {
        json.insert(QStringLiteral("padding"), paddingToJson(o.padding));
    }
    if (o.ceilMode) {
        json.insert(QStringLiteral("ceil_mode"), true);
    }
}

QString PoolOptions::describe() const {
    const Pair s = effectiveStrides();
    QString text = QStringLiteral("%1x%2").arg(poolSize.h).arg(poolSize.w);
    if (s != poolSize) {
        text += s.h == s.w ? QStringLiteral(" /%1").arg(s.h)
                           : QStringLiteral(" /%1x%2").arg(s.h).arg(s.w);
    }
    if (padding.kind != PaddingKind::Valid) {
        text += QLatin1Char(' ') + padding.toString();
    }
    if (ceilMode) {
        text += QStringLiteral(" ceil");
    }
    return text;
}

Result<LayerShape> inferPoolShape(const PoolOptions& o, const Shape& in) {
    const Pair s = o.effectiveStrides();
    LayerShape shape;
    shape.height = poolAxis(in.h, o.poolSize.h, s.h, o.padding, o.ceilMode, Axis::Height);
    shape.width = poolAxis(in.w, o.poolSize.w, s.w, o.padding, o.ceilMode, Axis::Width);
    if (auto e = windowFitError(QStringLiteral("pool"), shape.height, shape.width)) {
        return *e;
    }
    shape.output = {in.c, shape.height.out, shape.width.out};
    shape.padding = {shape.height.before, shape.height.after, shape.width.before,
                     shape.width.after};
    return shape;
}

PoolGeometry poolGeometry(const LayerShape& shape, const Shape& input) {
    return {
        input, shape.output, Pair{shape.height.kernel, shape.width.kernel},
        Pair{shape.height.stride, shape.width.stride},
        Padding2d{shape.height.before, shape.height.after, shape.width.before, shape.width.after}};
}

}  // namespace stridelab
