// How each layer type is written in Keras.

#include "report/spelling_parts.h"

#include "layers/avg_pool2d.h"
#include "layers/conv2d.h"
#include "layers/conv2d_transpose.h"
#include "layers/max_pool2d.h"
#include "layers/max_unpool2d.h"
#include "layers/upsampling2d.h"

namespace stridelab::spelling {

namespace {

// ZeroPadding2D's and Cropping2D's argument: one number, (h, w) or ((top, bottom), (left, right)).
QString kerasSidesArg(std::int64_t top, std::int64_t bottom, std::int64_t left, std::int64_t right,
                      bool compact) {
    if (compact && top == bottom && left == right) {
        return top == left ? QString::number(top) : tuple(top, left);
    }
    return QStringLiteral("((%1, %2), (%3, %4))").arg(top).arg(bottom).arg(left).arg(right);
}

QString kerasActivation(const ConvOptions& o) {
    switch (o.activation) {
        case Activation::Relu:
            return QStringLiteral("\"relu\"");
        case Activation::Sigmoid:
            return QStringLiteral("\"sigmoid\"");
        case Activation::Tanh:
            return QStringLiteral("\"tanh\"");
        case Activation::LeakyRelu:
        case Activation::Linear:
            break;
    }
    return QStringLiteral("None");
}

CodeLine kerasLeakyRelu(const ConvOptions& o) {
    return layerLine(QStringLiteral("layers.LeakyReLU(negative_slope=%1)").arg(o.negativeSlope));
}

// The layer's own name as Keras's `name` argument: scripts name every layer, people do not.
void kerasName(Args& a, const SpellingInput& in, const QString& suffix = {}) {
    if (!a.compact()) {
        a.kw(QStringLiteral("name"),
             quoted(pythonIdentifier(in.layer.name) + suffix, QLatin1Char('"')));
    }
}

CodeLine kerasZeroPadding(const SpellingInput& in, Args a, const QString& what) {
    const LayerShape& s = in.shape;
    a.pos(kerasSidesArg(s.padding[0], s.padding[1], s.padding[2], s.padding[3], a.compact()));
    kerasName(a, in, QStringLiteral("_pad"));
    return layerLine(a.call(QStringLiteral("layers.ZeroPadding2D")),
                     a.compact() ? QString() : what);
}

QString kerasPaddingName(const PaddingSpec& padding) {
    return padding.kind == PaddingKind::Same ? QStringLiteral("\"same\"")
                                             : QStringLiteral("\"valid\"");
}

LayerCode kerasConv(const SpellingInput& in, const Conv2d& conv, Args a) {
    const ConvOptions& o = conv.params().conv;
    LayerCode code;
    if (o.padding.kind == PaddingKind::Explicit) {
        code.push_back(kerasZeroPadding(in, a, QStringLiteral("PyTorch's explicit padding")));
    }
    if (conv.params().paddingMode != PaddingMode::Zeros) {
        code.push_back(comment(
            QStringLiteral(
                "padding_mode '%1' has no Keras layer: the values differ near the border")
                .arg(paddingModeNames().at(static_cast<qsizetype>(conv.params().paddingMode)))));
    }
    a.pos(o.filters).pos(a.pair(o.kernel));
    a.kw(QStringLiteral("strides"), a.pair(o.strides), QStringLiteral("1"));
    a.kw(QStringLiteral("padding"), kerasPaddingName(o.padding), QStringLiteral("\"valid\""));
    a.kw(QStringLiteral("dilation_rate"), a.pair(o.dilation), QStringLiteral("1"));
    a.kw(QStringLiteral("groups"), QString::number(o.groups), QStringLiteral("1"));
    a.kw(QStringLiteral("activation"), kerasActivation(o), QStringLiteral("None"));
    a.kw(QStringLiteral("use_bias"), pyBool(o.useBias), QStringLiteral("True"));
    kerasName(a, in);
    code.push_back(layerLine(a.call(QStringLiteral("layers.Conv2D"))));
    if (o.activation == Activation::LeakyRelu) {
        code.push_back(kerasLeakyRelu(o));
    }
    return code;
}

LayerCode kerasPool(const SpellingInput& in, const PoolOptions& o, bool average, Args a) {
    LayerCode code;
    if (o.padding.kind == PaddingKind::Explicit) {
        code.push_back(kerasZeroPadding(
            in, a,
            average ? QStringLiteral("counted in the average, as count_include_pad=True")
                    : QStringLiteral(
                          "zeros, where PyTorch pads with -inf: maxima of negative maps differ")));
    }
    if (o.ceilMode) {
        code.push_back(
            comment(QStringLiteral("ceil_mode has no Keras equivalent: this layer's "
                                   "output is one row/column smaller here")));
    }
    a.pos(a.pair(o.poolSize));
    a.kw(QStringLiteral("strides"), a.pair(o.effectiveStrides()), a.pair(o.poolSize));
    a.kw(QStringLiteral("padding"), kerasPaddingName(o.padding), QStringLiteral("\"valid\""));
    kerasName(a, in);
    code.push_back(layerLine(a.call(average ? QStringLiteral("layers.AveragePooling2D")
                                            : QStringLiteral("layers.MaxPooling2D"))));
    return code;
}

LayerCode kerasUpsampling(const SpellingInput& in, const Upsampling2d& up, Args a) {
    const auto& p = up.params();
    const LayerShape& s = in.shape;
    static const char* interpolations[] = {"nearest", "nearest", "bilinear", "bicubic"};
    const QString interpolation = quoted(
        QString::fromLatin1(interpolations[static_cast<int>(p.interpolation)]), QLatin1Char('"'));
    LayerCode code;
    if (interpolates(p.interpolation) && p.effectiveMode() == CoordinateMode::AlignCorners) {
        code.push_back(
            comment(QStringLiteral("align_corners: Keras has no switch; "
                                   "tf.compat.v1.image.resize(..., align_corners=True) "
                                   "does it")));
    }
    if (p.outputSize) {
        a.pos(s.output.h).pos(s.output.w);
        a.kw(QStringLiteral("interpolation"), interpolation, QStringLiteral("\"bilinear\""));
        kerasName(a, in);
        code.push_back(layerLine(a.call(QStringLiteral("layers.Resizing"))));
        return code;
    }
    if (a.compact()) {
        a.pos(a.pair(p.size.value_or(Pair{2, 2})));
    } else {
        a.kw(QStringLiteral("size"), a.pair(p.size.value_or(Pair{2, 2})));
    }
    a.kw(QStringLiteral("interpolation"), interpolation, QStringLiteral("\"nearest\""));
    kerasName(a, in);
    code.push_back(layerLine(a.call(QStringLiteral("layers.UpSampling2D"))));
    return code;
}

LayerCode kerasUnpool(const SpellingInput& in, Args a) {
    if (a.compact()) {
        return {
            comment(QStringLiteral("no Keras layer: unpooling needs the pool's indices "
                                   "(tf.nn.max_pool_with_argmax, then tf.scatter_nd)"))};
    }
    a.pos(in.shape.output.h).pos(in.shape.output.w);
    a.kw(QStringLiteral("interpolation"), QStringLiteral("\"nearest\""));
    kerasName(a, in);
    return {comment(QStringLiteral("max_unpool2d has no Keras layer; this stand-in has its shape "
                                   "(values differ: no indices)")),
            layerLine(a.call(QStringLiteral("layers.Resizing")))};
}

LayerCode kerasTransposed(const SpellingInput& in, const Conv2dTranspose& tconv, Args a) {
    const ConvOptions& o = tconv.params().conv;
    const auto op = tconv.params().outputPadding;
    const bool explicitPadding = o.padding.kind == PaddingKind::Explicit;
    LayerCode code;
    if (o.groups != 1) {
        code.push_back(comment(QStringLiteral("groups=%1 has no Conv2DTranspose argument: this "
                                              "layer connects every channel")
                                   .arg(o.groups)));
    }
    a.pos(o.filters).pos(a.pair(o.kernel));
    a.kw(QStringLiteral("strides"), a.pair(o.strides), QStringLiteral("1"));
    // PyTorch's p: Keras "valid" with the output padding, then p cropped from both ends.
    a.kw(QStringLiteral("padding"),
         explicitPadding ? QStringLiteral("\"valid\"") : kerasPaddingName(o.padding),
         QStringLiteral("\"valid\""));
    a.kw(QStringLiteral("output_padding"), op ? a.pair(*op) : QStringLiteral("None"),
         QStringLiteral("None"));
    a.kw(QStringLiteral("dilation_rate"), a.pair(o.dilation), QStringLiteral("1"));
    // The activation commutes with the crop; a script applies it after, as PyTorch does.
    a.kw(QStringLiteral("activation"),
         explicitPadding && !a.compact() ? QStringLiteral("None") : kerasActivation(o),
         QStringLiteral("None"));
    a.kw(QStringLiteral("use_bias"), pyBool(o.useBias), QStringLiteral("True"));
    kerasName(a, in);
    code.push_back(layerLine(a.call(QStringLiteral("layers.Conv2DTranspose"))));
    if (explicitPadding) {
        Args crop = Args(a.compact() ? SpellingStyle::Compact : SpellingStyle::Script);
        const std::int64_t ph = o.padding.before(Axis::Height);
        const std::int64_t pw = o.padding.before(Axis::Width);
        crop.pos(kerasSidesArg(ph, ph, pw, pw, a.compact()));
        kerasName(crop, in, QStringLiteral("_crop"));
        code.push_back(layerLine(crop.call(QStringLiteral("layers.Cropping2D")),
                                 a.compact() ? QString() : QStringLiteral("PyTorch padding")));
        if (!a.compact() && o.activation != Activation::Linear &&
            o.activation != Activation::LeakyRelu) {
            code.push_back(
                layerLine(QStringLiteral("layers.Activation(%1)").arg(kerasActivation(o))));
        }
    }
    if (o.activation == Activation::LeakyRelu) {
        code.push_back(kerasLeakyRelu(o));
    }
    return code;
}

}  // namespace

LayerCode kerasCode(const SpellingInput& in, SpellingStyle style) {
    const Layer* layer = in.layer.layer.get();
    const Args a(style);
    if (const auto* conv = dynamic_cast<const Conv2d*>(layer)) {
        return kerasConv(in, *conv, a);
    }
    if (const auto* pool = dynamic_cast<const MaxPool2d*>(layer)) {
        return kerasPool(in, pool->options(), false, a);
    }
    if (const auto* pool = dynamic_cast<const AvgPool2d*>(layer)) {
        return kerasPool(in, pool->params().pool, true, a);
    }
    if (const auto* up = dynamic_cast<const Upsampling2d*>(layer)) {
        return kerasUpsampling(in, *up, a);
    }
    if (dynamic_cast<const MaxUnpool2d*>(layer) != nullptr) {
        return kerasUnpool(in, a);
    }
    return kerasTransposed(in, *dynamic_cast<const Conv2dTranspose*>(layer), a);
}

}  // namespace stridelab::spelling
