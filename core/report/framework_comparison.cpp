#include "report/framework_comparison.h"

#include "layers/avg_pool2d.h"
#include "layers/conv2d.h"
#include "layers/conv2d_transpose.h"
#include "layers/layer_patch.h"
#include "layers/max_pool2d.h"
#include "layers/max_unpool2d.h"
#include "layers/upsampling2d.h"

#include <QJsonArray>

#include <algorithm>

namespace stridelab {

namespace {

using K = DifferenceKind;

QString pairText(Pair p) {
    return p.h == p.w ? QString::number(p.h) : QStringLiteral("(%1, %2)").arg(p.h).arg(p.w);
}
QJsonValue pairJson(Pair p) {
    return p.h == p.w ? QJsonValue(static_cast<double>(p.h))
                      : QJsonValue(QJsonArray{static_cast<double>(p.h), static_cast<double>(p.w)});
}
QString axisName(Axis a) {
    return a == Axis::Height ? QStringLiteral("height") : QStringLiteral("width");
}
QString pixels(std::int64_t n) {
    return n == 1 ? QStringLiteral("1 pixel") : QStringLiteral("%1 pixels").arg(n);
}

struct Context {
    const Pipeline& pipeline;
    const PipelineLayer& layer;
    Shape input;
    const LayerShape& shape;
    FrameworkComparison& result;
};

// The layer with some keys changed, its shape on the same input, or why it has none.
struct Variant {
    LayerPtr layer;
    std::optional<LayerShape> shape;
    QString error;
};

Variant variant(const Context& c, const QJsonObject& patch) {
    Variant v;
    auto parsed = patchedLayer(*c.layer.layer, patch, LayerLoadContext{c.pipeline.baseDir});
    if (!parsed) {
        v.error = parsed.error().message;
        return v;
    }
    v.layer = *parsed;
    if (auto s = v.layer->inferShape(ShapeQuery{c.input, nullptr})) {
        v.shape = *s;
    } else {
        v.error = s.error().message;
    }
    return v;
}

// A layer's compact code in one framework, without its remarks.
QString codeOf(const Context& c, const LayerPtr& layer, const LayerShape& shape, Framework f) {
    const PipelineLayer pl{c.layer.name, true, layer};
    QStringList lines;
    for (const CodeLine& l :
         layerCode({c.pipeline, pl, c.input, shape}, f, SpellingStyle::Compact)) {
        if (l.kind != CodeLine::Kind::Comment) {
            lines << displayLines({l});
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QString ownCode(const Context& c, Framework f) {
    return codeOf(c, c.layer.layer, c.shape, f);
}

void add(Context& c, Framework f, QString code, K kind, QString why,
         std::optional<Shape> lookAlikeShape) {
    LookAlike l;
    l.framework = f;
    l.code = std::move(code);
    l.kind = kind;
    l.explanation = std::move(why);
    // The layer's own spelling gives its shape in the other framework.
    (f == Framework::Keras ? l.kerasShape : l.torchShape) = lookAlikeShape;
    (f == Framework::Keras ? l.torchShape : l.kerasShape) = c.shape.output;
    c.result.lookAlikes.push_back(std::move(l));
}

// How two layers with windows (or crops) on the same input compare: another size, windows
// at other places, or the same.
K geometryKind(const LayerShape& a, const LayerShape& b) {
    if (a.output != b.output) {
        return K::Shape;
    }
    if (a.height.before != b.height.before || a.width.before != b.width.before) {
        return K::Values;
    }
    return K::Identical;
}

Axis firstDifferingAxis(const LayerShape& a, const LayerShape& b) {
    const bool height = a.height.out != b.height.out || a.height.before != b.height.before;
    return height ? Axis::Height : Axis::Width;
}

// "padding=1 pads 1 before and 1 after, "same" pads 0 and 1: ..." on the first axis where
// the two differ. `verb` is what padding does ("pads"; "crops" for a transposed convolution).
QString contrast(const LayerShape& own, const QString& ownName, const LayerShape& other,
                 const QString& otherName, const QString& verb = QStringLiteral("pads")) {
    const Axis axis = firstDifferingAxis(own, other);
    const AxisShape& o = own.axis(axis);
    const AxisShape& t = other.axis(axis);
    if (geometryKind(own, other) == K::Identical) {
        return QStringLiteral("%1 %2 %3 before and %4 after, as %5 does: the same layer")
            .arg(otherName, verb)
            .arg(t.before)
            .arg(t.after)
            .arg(ownName);
    }
    if (o.out != t.out) {
        return QStringLiteral("%1 %2 %3 before and %4 after, %5 %2 %6 and %7: %8 %9 instead of %10")
            .arg(otherName, verb)
            .arg(t.before)
            .arg(t.after)
            .arg(ownName)
            .arg(o.before)
            .arg(o.after)
            .arg(axisName(axis))
            .arg(t.out)
            .arg(o.out);
    }
    return QStringLiteral(
               "both give %1 %2, but %3 %4 %5 before where %6 %4 %7: everything "
               "moves by %8, other values")
        .arg(axisName(axis))
        .arg(o.out)
        .arg(otherName, verb)
        .arg(t.before)
        .arg(ownName)
        .arg(o.before)
        .arg(pixels(std::abs(t.before - o.before)));
}

QString paddingName(const PaddingSpec& p) {
    return p.kind == PaddingKind::Explicit ? QStringLiteral("padding=%1").arg(p.toString())
                                           : QStringLiteral("\"%1\"").arg(p.toString());
}

bool hasPadding(const LayerShape& s) {
    return s.padding != std::array<std::int64_t, 4>{};
}

// A look-alike that is the layer with `patch`, written in framework `f`.
void addVariant(Context& c, Framework f, const QJsonObject& patch, const QString& ownName,
                const QString& otherName, const QString& verb = QStringLiteral("pads")) {
    const Variant v = variant(c, patch);
    if (!v.shape) {
        add(c, f, otherName, K::NotExpressible, v.error, std::nullopt);
        return;
    }
    add(c, f, codeOf(c, v.layer, *v.shape, f), geometryKind(c.shape, *v.shape),
        contrast(c.shape, ownName, *v.shape, otherName, verb), v.shape->output);
}

void leakyReluDefaults(Context& c, const ConvOptions& o) {
    if (o.activation != Activation::LeakyRelu) {
        return;
    }
    add(c, Framework::Keras, QStringLiteral("layers.LeakyReLU()"),
        o.negativeSlope == 0.3 ? K::Identical : K::Values,
        QStringLiteral("Keras's LeakyReLU defaults to negative_slope=0.3 (the function "
                       "keras.activations.leaky_relu to 0.2), PyTorch's to 0.01; this layer uses "
                       "%1")
            .arg(o.negativeSlope),
        c.shape.output);
}

void compareConv(Context& c, const Conv2d& conv) {
    const ConvOptions& o = conv.params().conv;
    if (o.padding.kind == PaddingKind::Same) {
        if (o.strides != Pair{1, 1}) {
            // The compact spelling of the stride-1 layer writes padding='same'; its first
            // line is the convolution.
            const Variant v = variant(c, {{QStringLiteral("strides"), QJsonValue::Null}});
            QString code = v.shape ? codeOf(c, v.layer, *v.shape, Framework::PyTorch)
                                         .section(QLatin1Char('\n'), 0, 0)
                                   : QStringLiteral("nn.Conv2d(..., padding='same')");
            code.replace(QStringLiteral("padding='same'"),
                         QStringLiteral("stride=%1, padding='same'").arg(pairText(o.strides)));
            add(c, Framework::PyTorch, code, K::NotExpressible,
                QStringLiteral("PyTorch raises \"padding='same' is not supported for strided "
                               "convolutions\"; TensorFlow pads %1 before and %2 after here")
                    .arg(c.shape.height.before)
                    .arg(c.shape.height.after),
                std::nullopt);
        }
        const Pair p{c.shape.height.effectiveKernel / 2, c.shape.width.effectiveKernel / 2};
        addVariant(c, Framework::PyTorch, {{QStringLiteral("padding"), pairJson(p)}},
                   QStringLiteral("\"same\""), QStringLiteral("padding=%1").arg(pairText(p)));
    } else if (o.padding.kind == PaddingKind::Explicit && hasPadding(c.shape)) {
        addVariant(c, Framework::Keras, {{QStringLiteral("padding"), QStringLiteral("same")}},
                   paddingName(o.padding), QStringLiteral("\"same\""));
    }
    if (conv.params().paddingMode != PaddingMode::Zeros && hasPadding(c.shape)) {
        c.result.kerasExact = false;
        add(c, Framework::Keras, ownCode(c, Framework::Keras), K::Values,
            QStringLiteral("Keras pads with zeros only; padding_mode='%1' fills the border "
                           "otherwise: the same shape, other values near the border")
                .arg(paddingModeNames().at(static_cast<qsizetype>(conv.params().paddingMode))),
            c.shape.output);
    }
    leakyReluDefaults(c, o);
}

// What each output of an average pool divides by, on one axis.
std::vector<std::int64_t> divisors(const AxisShape& a, bool countPadding) {
    std::vector<std::int64_t> d;
    d.reserve(static_cast<std::size_t>(std::max<std::int64_t>(a.out, 0)));
    for (std::int64_t o = 0; o < a.out; ++o) {
        const std::int64_t start = o * a.stride - a.before;
        const std::int64_t end = start + a.kernel;
        d.push_back(countPadding ? std::min(end, a.in + a.after) - start
                                 : std::min(end, a.in) - std::max(start, std::int64_t{0}));
    }
    return d;
}

bool countsPadding(const Layer& layer) {
    const auto* avg = dynamic_cast<const AvgPool2d*>(&layer);
    return avg != nullptr && avg->params().pool.padding.kind == PaddingKind::Explicit &&
           avg->params().countIncludePad.value_or(true);
}

// A pool look-alike: geometry first, then (average pools) what the windows divide by.
void addPoolVariant(Context& c, Framework f, const QJsonObject& patch, const QString& ownName,
                    const QString& otherName) {
    const Variant v = variant(c, patch);
    if (!v.shape) {
        add(c, f, otherName, K::NotExpressible, v.error, std::nullopt);
        return;
    }
    K kind = geometryKind(c.shape, *v.shape);
    QString why = contrast(c.shape, ownName, *v.shape, otherName);
    const bool average = dynamic_cast<const AvgPool2d*>(c.layer.layer.get()) != nullptr;
    if (average && kind == K::Identical) {
        const bool ownCounts = countsPadding(*c.layer.layer);
        const bool otherCounts = countsPadding(*v.layer);
        for (const Axis axis : {Axis::Height, Axis::Width}) {
            if (divisors(c.shape.axis(axis), ownCounts) !=
                divisors(v.shape->axis(axis), otherCounts)) {
                kind = K::Values;
                const QString counting = ownCounts ? ownName : otherName;
                why = QStringLiteral(
                          "the same windows, but %1 counts the padding zeros in the "
                          "average (count_include_pad=True) and the other divides by "
                          "the real elements only: other values at the border")
                          .arg(counting);
                break;
            }
        }
    }
    add(c, f, codeOf(c, v.layer, *v.shape, f), kind, why, v.shape->output);
}

void comparePool(Context& c, const PoolOptions& o, bool average) {
    const QString module =
        average ? QStringLiteral("nn.AvgPool2d") : QStringLiteral("nn.MaxPool2d");
    if (o.padding.kind == PaddingKind::Same) {
        QString call = QStringLiteral("%1(%2").arg(module, pairText(o.poolSize));
        if (o.effectiveStrides() != o.poolSize) {
            call += QStringLiteral(", stride=%1").arg(pairText(o.effectiveStrides()));
        }
        add(c, Framework::PyTorch, call + QStringLiteral(", padding='same')"), K::NotExpressible,
            QStringLiteral("%1 takes numbers only: padding='same' raises a TypeError").arg(module),
            std::nullopt);
        const Pair p{o.poolSize.h / 2, o.poolSize.w / 2};
        addPoolVariant(c, Framework::PyTorch, {{QStringLiteral("padding"), pairJson(p)}},
                       QStringLiteral("\"same\""), QStringLiteral("padding=%1").arg(pairText(p)));
        return;
    }
    const bool padded = o.padding.kind == PaddingKind::Explicit && hasPadding(c.shape);
    if (padded || o.ceilMode) {
        addPoolVariant(
            c, Framework::Keras,
            {{QStringLiteral("padding"), QStringLiteral("same")},
             {QStringLiteral("ceil_mode"), QJsonValue::Null},
             {QStringLiteral("count_include_pad"), QJsonValue::Null}},
            o.ceilMode && !padded ? QStringLiteral("ceil_mode=True") : paddingName(o.padding),
            QStringLiteral("\"same\""));
    }
    if (o.ceilMode) {
        const Variant v = variant(c, {{QStringLiteral("ceil_mode"), QJsonValue::Null}});
        if (!v.shape) {
            c.result.kerasExact = false;
            add(c, Framework::Keras, QStringLiteral("(no ceil_mode)"), K::NotExpressible,
                QStringLiteral("Keras has no ceil_mode, and without it: %1").arg(v.error),
                std::nullopt);
        } else {
            const bool same = v.shape->output == c.shape.output;
            c.result.kerasExact = c.result.kerasExact && same;
            add(c, Framework::Keras, codeOf(c, v.layer, *v.shape, Framework::Keras),
                same ? K::Identical : K::Shape,
                same ? QStringLiteral("Keras has no ceil_mode, but here it adds no window")
                     : QStringLiteral("Keras has no ceil_mode: rounding down drops the last, "
                                      "partial window: %1 %2 instead of %3")
                           .arg(axisName(firstDifferingAxis(c.shape, *v.shape)))
                           .arg(v.shape->axis(firstDifferingAxis(c.shape, *v.shape)).out)
                           .arg(c.shape.axis(firstDifferingAxis(c.shape, *v.shape)).out),
                v.shape->output);
        }
    }
    if (padded) {
        // ZeroPadding2D is what Keras has; it is not what PyTorch pads with.
        const bool countFalse = average && !countsPadding(*c.layer.layer);
        if (!average || countFalse) {
            c.result.kerasExact = false;
            add(c, Framework::Keras, ownCode(c, Framework::Keras), K::Values,
                average ? QStringLiteral("ZeroPadding2D's zeros count in Keras's average (as "
                                         "count_include_pad=True); count_include_pad=False "
                                         "divides by the real elements: other border values")
                        : QStringLiteral("ZeroPadding2D pads zeros where PyTorch pads -inf: a "
                                         "window whose real values are all negative gives 0 "
                                         "instead of their maximum"),
                c.shape.output);
        }
    }
}

// The source index of output x of an n -> out nearest resize, floor(x*n/out) (PyTorch's
// "nearest") or by the pixel centre (TensorFlow 2's nearest, PyTorch's "nearest-exact").
std::int64_t nearestIndex(std::int64_t x, std::int64_t n, std::int64_t out, bool centre) {
    const std::int64_t i = centre ? (2 * x + 1) * n / (2 * out) : x * n / out;
    return std::min(i, n - 1);
}

bool nearestModesAgree(const AxisShape& a) {
    for (std::int64_t x = 0; x < a.out; ++x) {
        if (nearestIndex(x, a.in, a.out, false) != nearestIndex(x, a.in, a.out, true)) {
            return false;
        }
    }
    return true;
}

void compareUpsampling(Context& c, const Upsampling2d& up) {
    const auto& p = up.params();
    const Shape& out = c.shape.output;
    if (!p.outputSize) {
        // PyTorch's size is an output size: the same number as Keras's factor.
        const Pair f = p.size.value_or(Pair{2, 2});
        const Variant v = variant(c, {{QStringLiteral("size"), QJsonValue::Null},
                                      {QStringLiteral("output_size"), pairJson(f)}});
        add(c, Framework::PyTorch, codeOf(c, v.layer, *v.shape, Framework::PyTorch),
            v.shape->output == out ? K::Identical : K::Shape,
            QStringLiteral("PyTorch's size is the output size, Keras's size a factor: %1 x %2 "
                           "instead of %3 x %4 (PyTorch's factor is scale_factor)")
                .arg(f.h)
                .arg(f.w)
                .arg(out.h)
                .arg(out.w),
            v.shape->output);
    }
    const bool nearest =
        p.interpolation == Interpolation::Nearest || p.interpolation == Interpolation::NearestExact;
    if (nearest) {
        // TensorFlow 2's nearest samples under the pixel centres: PyTorch's nearest-exact.
        if (p.interpolation == Interpolation::NearestExact) {
            add(c, Framework::Keras, ownCode(c, Framework::Keras), K::Identical,
                QStringLiteral("Keras has no nearest-exact, but TensorFlow's nearest takes the "
                               "pixel under each output pixel's centre, as nearest-exact does"),
                out);
        } else if (p.outputSize) {
            const bool agree =
                nearestModesAgree(c.shape.height) && nearestModesAgree(c.shape.width);
            c.result.kerasExact = agree;
            add(c, Framework::Keras, ownCode(c, Framework::Keras), agree ? K::Identical : K::Values,
                agree ? QStringLiteral("TensorFlow's nearest takes the pixel under each output "
                                       "pixel's centre, PyTorch's nearest the one under its left "
                                       "edge; for these sizes they are the same pixels")
                      : QStringLiteral("TensorFlow's nearest takes the pixel under each output "
                                       "pixel's centre (PyTorch's nearest-exact), PyTorch's "
                                       "nearest the one under its left edge: other values"),
                out);
        }
        return;
    }
    const CoordinateMode mode = p.effectiveMode();
    const bool resized = out.h != c.input.h || out.w != c.input.w;
    if (mode == CoordinateMode::HalfPixel) {
        const Variant v =
            variant(c, {{QStringLiteral("coordinate_mode"), QStringLiteral("align_corners")}});
        add(c, Framework::PyTorch, codeOf(c, v.layer, *v.shape, Framework::PyTorch),
            resized ? K::Values : K::Identical,
            QStringLiteral("align_corners=True maps the corner pixels' centres onto each other, "
                           "Keras (and PyTorch's default) samples at half-pixel centres: the same "
                           "shape, other values"),
            out);
    } else {
        const Variant v =
            variant(c, {{QStringLiteral("coordinate_mode"), QStringLiteral("half_pixel")}});
        const Framework f =
            mode == CoordinateMode::AlignCorners ? Framework::Keras : Framework::PyTorch;
        (f == Framework::Keras ? c.result.kerasExact : c.result.torchExact) = !resized;
        add(c, f, codeOf(c, v.layer, *v.shape, f), resized ? K::Values : K::Identical,
            mode == CoordinateMode::AlignCorners
                ? QStringLiteral("Keras's UpSampling2D has no align_corners: it samples at "
                                 "half-pixel centres (tf.compat.v1.image.resize(..., "
                                 "align_corners=True) would not): other values")
                : QStringLiteral("PyTorch has no asymmetric (TensorFlow 1) coordinates: "
                                 "align_corners=False samples at half-pixel centres, a quarter "
                                 "input pixel away for x2: other values"),
            out);
    }
    if (p.interpolation == Interpolation::Bicubic) {
        c.result.kerasExact = false;
        add(c, Framework::Keras, ownCode(c, Framework::Keras), K::Values,
            QStringLiteral("TensorFlow's bicubic uses a = -0.5, PyTorch's a = -0.75 (StrideLab "
                           "computes PyTorch's): the same shape, other values"),
            out);
    }
}

void compareUnpool(Context& c, const MaxUnpool2d& unpool) {
    c.result.kerasExact = false;
    add(c, Framework::Keras, QStringLiteral("(no layer)"), K::NotExpressible,
        QStringLiteral("Keras has no unpooling layer; tf.nn.max_pool_with_argmax and "
                       "tf.scatter_nd can do it by hand"),
        std::nullopt);
    const auto* pool =
        dynamic_cast<const MaxPool2d*>(c.pipeline.find(*unpool.indicesFrom())->layer.get());
    const PoolOptions& o = pool->options();
    const bool symmetric = o.padding.kind == PaddingKind::Explicit && o.padding.isSymmetric();
    const Pair p = symmetric ? Pair{o.padding.before(Axis::Height), o.padding.before(Axis::Width)}
                             : Pair{0, 0};
    const Pair s = o.effectiveStrides();
    const Shape own{c.input.c, (c.input.h - 1) * s.h - 2 * p.h + o.poolSize.h,
                    (c.input.w - 1) * s.w - 2 * p.w + o.poolSize.w};
    QString call = QStringLiteral("nn.MaxUnpool2d(%1").arg(pairText(o.poolSize));
    if (s != o.poolSize) {
        call += QStringLiteral(", stride=%1").arg(pairText(s));
    }
    if (p != Pair{0, 0}) {
        call += QStringLiteral(", padding=%1").arg(pairText(p));
    }
    call += QStringLiteral(")(x, indices)");
    const bool same = own == c.shape.output;
    const Axis axis = own.h != c.shape.output.h ? Axis::Height : Axis::Width;
    const int i = static_cast<int>(axis);
    add(c, Framework::PyTorch, call, same ? K::Identical : K::Shape,
        QStringLiteral("without output_size MaxUnpool2d gives (n - 1)*s - 2p + k = (%1 - 1)*%2 - "
                       "2*%3 + %4 = %5 on the %6, %7 the pool's input %8%9")
            .arg(c.input.extent(axis))
            .arg(s[i])
            .arg(p[i])
            .arg(o.poolSize[i])
            .arg(own.extent(axis))
            .arg(axisName(axis), same ? QStringLiteral("as") : QStringLiteral("not"))
            .arg(c.shape.output.extent(axis))
            .arg(same ? QString()
                      : QStringLiteral(" (an index past it raises \"Found an invalid max "
                                       "index\"): pass output_size")),
        own);
    c.result.lookAlikes.back().kerasShape.reset();  // Keras has no unpooling to compare with
}

void compareTransposed(Context& c, const Conv2dTranspose& tconv) {
    const ConvOptions& o = tconv.params().conv;
    const QString crops = QStringLiteral("crops");
    if (o.padding.kind != PaddingKind::Explicit) {
        const bool same = o.padding.kind == PaddingKind::Same;
        const Pair p = same ? Pair{(c.shape.height.effectiveKernel - 1) / 2,
                                   (c.shape.width.effectiveKernel - 1) / 2}
                            : Pair{0, 0};
        const QString own = QStringLiteral("Keras's \"%1\"").arg(o.padding.toString());
        const QString name = QStringLiteral("padding=%1").arg(pairText(p));
        const Variant v = variant(c, {{QStringLiteral("padding"), pairJson(p)},
                                      {QStringLiteral("output_padding"), QJsonValue::Null}});
        addVariant(c, Framework::PyTorch,
                   {{QStringLiteral("padding"), pairJson(p)},
                    {QStringLiteral("output_padding"), QJsonValue::Null}},
                   own, name, crops);
        if (v.shape && v.shape->output != c.shape.output) {
            const Pair op{c.shape.height.out - v.shape->height.out,
                          c.shape.width.out - v.shape->width.out};
            auto allowed = [&](Axis a) {
                const AxisShape& x = c.shape.axis(a);
                return op[static_cast<int>(a)] >= 0 &&
                       op[static_cast<int>(a)] < std::max(x.stride, x.dilation);
            };
            if (allowed(Axis::Height) && allowed(Axis::Width)) {
                addVariant(
                    c, Framework::PyTorch,
                    {{QStringLiteral("padding"), pairJson(p)},
                     {QStringLiteral("output_padding"), pairJson(op)}},
                    own,
                    QStringLiteral("padding=%1, output_padding=%2").arg(pairText(p), pairText(op)),
                    crops);
            }
        }
    } else {
        addVariant(c, Framework::Keras,
                   {{QStringLiteral("padding"), QStringLiteral("same")},
                    {QStringLiteral("output_padding"), QJsonValue::Null}},
                   paddingName(o.padding), QStringLiteral("Keras's \"same\""), crops);
        const Pair op = tconv.params().outputPadding.value_or(Pair{0, 0});
        if (op.h >= o.strides.h || op.w >= o.strides.w) {
            c.result.kerasExact = false;
            add(c, Framework::Keras, ownCode(c, Framework::Keras), K::NotExpressible,
                QStringLiteral("Keras needs output_padding < strides (%1 < %2), PyTorch only < "
                               "max(stride, dilation)")
                    .arg(pairText(op), pairText(o.strides)),
                std::nullopt);
        }
    }
    if (o.groups != 1) {
        c.result.kerasExact = false;
        add(c, Framework::Keras,
            QStringLiteral("layers.Conv2DTranspose(..., groups=%1)").arg(o.groups),
            K::NotExpressible, QStringLiteral("Keras's Conv2DTranspose has no groups argument"),
            std::nullopt);
    }
    leakyReluDefaults(c, o);
}

}  // namespace

QString differenceKindName(DifferenceKind kind) {
    switch (kind) {
        case K::Identical:
            return QStringLiteral("same");
        case K::Values:
            return QStringLiteral("values");
        case K::Shape:
            return QStringLiteral("shape");
        case K::NotExpressible:
            break;
    }
    return QStringLiteral("not expressible");
}

DifferenceKind FrameworkComparison::worst() const {
    // Severity: another shape, cannot be written, other values, the same.
    static constexpr std::array<int, 4> rank = {0, 1, 3, 2};
    K worst = K::Identical;
    for (const LookAlike& l : lookAlikes) {
        if (rank[static_cast<std::size_t>(l.kind)] > rank[static_cast<std::size_t>(worst)]) {
            worst = l.kind;
        }
    }
    return worst;
}

Result<FrameworkComparison> compareFrameworks(const Pipeline& pipeline,
                                              const PipelineReport& report, std::size_t index) {
    if (index >= pipeline.layers.size() || index >= report.layers.size()) {
        return Error::invalid(QStringLiteral("no layer %1: the pipeline has %2")
                                  .arg(index + 1)
                                  .arg(pipeline.layers.size()));
    }
    const LayerReport& r = report.layers[index];
    if (!r.shape) {
        return Error::invalid(QStringLiteral("layer %1 \"%2\" has no shape: %3")
                                  .arg(r.index)
                                  .arg(r.name, r.error ? r.error->message : QString()));
    }
    FrameworkComparison result;
    result.name = r.name;
    result.type = r.type;
    result.input = r.input;
    result.output = r.shape->output;
    const PipelineLayer& pl = pipeline.layers[index];
    const SpellingInput in{pipeline, pl, r.input, *r.shape};
    result.keras = displayLines(layerCode(in, Framework::Keras, SpellingStyle::Compact));
    result.pytorch = displayLines(layerCode(in, Framework::PyTorch, SpellingStyle::Compact));
    Context c{pipeline, pl, r.input, *r.shape, result};
    const Layer* layer = pl.layer.get();
    if (const auto* conv = dynamic_cast<const Conv2d*>(layer)) {
        compareConv(c, *conv);
    } else if (const auto* maxPool = dynamic_cast<const MaxPool2d*>(layer)) {
        comparePool(c, maxPool->options(), false);
    } else if (const auto* avgPool = dynamic_cast<const AvgPool2d*>(layer)) {
        comparePool(c, avgPool->params().pool, true);
    } else if (const auto* up = dynamic_cast<const Upsampling2d*>(layer)) {
        compareUpsampling(c, *up);
    } else if (const auto* unpool = dynamic_cast<const MaxUnpool2d*>(layer)) {
        compareUnpool(c, *unpool);
    } else if (const auto* tconv = dynamic_cast<const Conv2dTranspose*>(layer)) {
        compareTransposed(c, *tconv);
    }
    return result;
}

}  // namespace stridelab
