#include "layers/upsampling2d.h"

#include "io/json_values.h"

#include <algorithm>

namespace stridelab {

const QStringList& interpolationNames() {
    static const QStringList names = {QStringLiteral("nearest"), QStringLiteral("nearest_exact"),
                                      QStringLiteral("bilinear"), QStringLiteral("bicubic")};
    return names;
}

const QStringList& coordinateModeNames() {
    static const QStringList names = {QStringLiteral("half_pixel"), QStringLiteral("align_corners"),
                                      QStringLiteral("asymmetric")};
    return names;
}

Result<LayerPtr> Upsampling2d::parse(const JsonObjectReader& r,
                                     const LayerLoadContext& /*context*/) {
    if (auto s = r.allowOnly({QStringLiteral("type"), QStringLiteral("name"),
                              QStringLiteral("size"), QStringLiteral("output_size"),
                              QStringLiteral("interpolation"), QStringLiteral("coordinate_mode")});
        !s) {
        return s.error();
    }
    Params p;
    if (r.has(QStringLiteral("size")) && r.has(QStringLiteral("output_size"))) {
        return r.errorAt(QStringLiteral("output_size"),
                         QStringLiteral("give either size (factors) or output_size, not both"));
    }
    auto size = r.optionalPair(QStringLiteral("size"), 1);
    if (!size) {
        return size.error();
    }
    p.size = *size;
    auto outputSize = r.optionalPair(QStringLiteral("output_size"), 1);
    if (!outputSize) {
        return outputSize.error();
    }
    p.outputSize = *outputSize;
    auto interpolation =
        r.choice(QStringLiteral("interpolation"), interpolationNames(), QStringLiteral("nearest"));
    if (!interpolation) {
        return interpolation.error();
    }
    p.interpolation = static_cast<Interpolation>(interpolationNames().indexOf(*interpolation));
    if (r.has(QStringLiteral("coordinate_mode"))) {
        if (p.interpolation == Interpolation::Nearest ||
            p.interpolation == Interpolation::NearestExact) {
            return r.errorAt(
                QStringLiteral("coordinate_mode"),
                QStringLiteral("only for bilinear and bicubic, the interpolation is \"%1\"")
                    .arg(*interpolation));
        }
        auto mode = r.choice(QStringLiteral("coordinate_mode"), coordinateModeNames(),
                             QStringLiteral("half_pixel"));
        if (!mode) {
            return mode.error();
        }
        p.coordinateMode = static_cast<CoordinateMode>(coordinateModeNames().indexOf(*mode));
    }
    return LayerPtr(std::make_shared<Upsampling2d>(std::move(p)));
}

namespace {

bool interpolates(const QJsonObject& layer) {
    const QString i = layer.value(QStringLiteral("interpolation")).toString();
    return i == QStringLiteral("bilinear") || i == QStringLiteral("bicubic");
}

}  // namespace

const std::vector<ParameterSpec>& Upsampling2d::parameters() {
    using K = ParameterKind;
    static const std::vector<ParameterSpec> specs = {
        {QStringLiteral("size"),
         K::OptionalPair,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Factors")),
         2,
         QStringLiteral("UpSampling2D(size=(2, 2))"),
         QStringLiteral("nn.Upsample(scale_factor=2)"),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Integer factors per axis.")),
         1,
         {},
         true,
         {QStringLiteral("output_size")}},
        {QStringLiteral("output_size"),
         K::OptionalPair,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Output size")),
         QJsonValue(),
         QStringLiteral("layers.Resizing(H, W)"),
         QStringLiteral("nn.Upsample(size=(H, W))"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "ParameterSpec",
             "A fixed [H, W] instead of factors; smaller than the input downsamples "
             "without antialiasing.")),
         1,
         {},
         true,
         {QStringLiteral("size")}},
        {QStringLiteral("interpolation"), K::Choice,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Interpolation")),
         QStringLiteral("nearest"), QStringLiteral("UpSampling2D(interpolation='bilinear')"),
         QStringLiteral("nn.Upsample(mode='bilinear')"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "ParameterSpec",
             "nearest_exact is PyTorch's \"nearest-exact\"; bicubic uses PyTorch's a = -0.75.")),
         0, interpolationNames()},
        {QStringLiteral("coordinate_mode"),
         K::Choice,
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "Coordinates")),
         QStringLiteral("half_pixel"),
         QStringLiteral(QT_TRANSLATE_NOOP("ParameterSpec", "(TF2 and Keras: half_pixel)")),
         QStringLiteral("F.interpolate(align_corners=True)"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "ParameterSpec",
             "Where output pixels sample the input: half_pixel (align_corners=False), "
             "align_corners, asymmetric (TF1).")),
         0,
         coordinateModeNames(),
         true,
         {},
         &interpolates},
    };
    return specs;
}

QJsonObject Upsampling2d::toJson() const {
    QJsonObject json;
    if (params_.size) {
        json.insert(QStringLiteral("size"), pairToJson(*params_.size));
    }
    if (params_.outputSize) {
        json.insert(QStringLiteral("output_size"),
                    QJsonArray{static_cast<double>(params_.outputSize->h),
                               static_cast<double>(params_.outputSize->w)});
    }
    if (params_.interpolation != Interpolation::Nearest) {
        json.insert(QStringLiteral("interpolation"),
                    interpolationNames().at(static_cast<qsizetype>(params_.interpolation)));
    }
    if (params_.coordinateMode) {
        json.insert(QStringLiteral("coordinate_mode"),
                    coordinateModeNames().at(static_cast<qsizetype>(*params_.coordinateMode)));
    }
    return json;
}

QString Upsampling2d::describe() const {
    QString text;
    if (params_.outputSize) {
        text = QStringLiteral("to %1x%2").arg(params_.outputSize->h).arg(params_.outputSize->w);
    } else {
        const Pair f = params_.size.value_or(Pair{2, 2});
        text = QStringLiteral("x%1").arg(f.h) +
               (f.h == f.w ? QString() : QStringLiteral("x%1").arg(f.w));
    }
    text +=
        QLatin1Char(' ') + interpolationNames().at(static_cast<qsizetype>(params_.interpolation));
    if (params_.coordinateMode && *params_.coordinateMode != CoordinateMode::HalfPixel) {
        text += QLatin1Char(' ') +
                coordinateModeNames().at(static_cast<qsizetype>(*params_.coordinateMode));
    }
    return text;
}

Result<LayerShape> Upsampling2d::inferShape(const ShapeQuery& query) const {
    const Shape in = query.input;
    LayerShape s;
    if (params_.outputSize) {
        s.height = resizeToSize(in.h, params_.outputSize->h);
        s.width = resizeToSize(in.w, params_.outputSize->w);
    } else {
        const Pair f = params_.size.value_or(Pair{2, 2});
        s.height = resizeByFactor(in.h, f.h);
        s.width = resizeByFactor(in.w, f.w);
    }
    s.output = {in.c, s.height.out, s.width.out};
    return s;
}

void Upsampling2d::forward(const ForwardQuery& query, LayerResult& out) const {
    resize2d(query.input, params_.interpolation, params_.effectiveMode(), out.values,
             query.threads);
}

PositionRange Upsampling2d::dependencies(Axis axis, std::int64_t position,
                                         const LayerShape& shape) const {
    const AxisShape& a = shape.axis(axis);
    const ResizeTaps taps = resizeTaps(position, a.in, a.out, params_.interpolation,
                                       params_.effectiveMode(), TapDomain::Unbounded);
    return {taps.index[0], taps.count, 1};
}

std::vector<std::int64_t> Upsampling2d::positionsRead(Axis axis, std::int64_t position,
                                                      const LayerShape& shape) const {
    // The kernel clamps taps to the image (edge replication), and a tap of weight 0 is not read.
    const AxisShape& a = shape.axis(axis);
    const ResizeTaps taps = resizeTaps(position, a.in, a.out, params_.interpolation,
                                       params_.effectiveMode(), TapDomain::Image);
    std::vector<std::int64_t> positions;
    for (int t = 0; t < taps.count; ++t) {
        if (taps.weight[static_cast<std::size_t>(t)] != 0.0F) {
            positions.push_back(
                std::clamp<std::int64_t>(taps.index[static_cast<std::size_t>(t)], 0, a.in - 1));
        }
    }
    std::sort(positions.begin(), positions.end());
    positions.erase(std::unique(positions.begin(), positions.end()), positions.end());
    return positions;
}

double Upsampling2d::jumpFactor(Axis axis, const LayerShape& shape) const {
    const AxisShape& a = shape.axis(axis);
    return static_cast<double>(a.in) / static_cast<double>(a.out);
}

}  // namespace stridelab
