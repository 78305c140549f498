// How each layer type is written in PyTorch.

#include "report/spelling_parts.h"

#include "layers/avg_pool2d.h"
#include "layers/conv2d.h"
#include "layers/conv2d_transpose.h"
#include "layers/max_pool2d.h"
#include "layers/max_unpool2d.h"
#include "layers/upsampling2d.h"

namespace stridelab::spelling {

namespace {

void torchActivation(const ConvOptions& o, bool compact, LayerCode& code) {
    static const char* modules[] = {nullptr, "nn.ReLU()", nullptr, "nn.Sigmoid()", "nn.Tanh()"};
    static const char* functions[] = {nullptr, "x = F.relu(x)", nullptr, "x = torch.sigmoid(x)",
                                      "x = torch.tanh(x)"};
    if (o.activation == Activation::Linear) {
        return;
    }
    if (o.activation == Activation::LeakyRelu) {
        code.push_back(
            compact ? layerLine(QStringLiteral("nn.LeakyReLU(%1)").arg(o.negativeSlope))
                    : statement(QStringLiteral("x = F.leaky_relu(x, %1)").arg(o.negativeSlope)));
        return;
    }
    const auto i = static_cast<std::size_t>(o.activation);
    code.push_back(compact ? layerLine(QString::fromLatin1(modules[i]))
                           : statement(QString::fromLatin1(functions[i])));
}

// F.pad's name of a padding mode (nn.Conv2d's padding_mode uses paddingModeNames()).
const char* torchPadMode(PaddingMode mode) {
    switch (mode) {
        case PaddingMode::Reflect:
            return "reflect";
        case PaddingMode::Replicate:
            return "replicate";
        case PaddingMode::Circular:
            return "circular";
        case PaddingMode::Zeros:
            break;
    }
    return "constant";
}

LayerCode torchConv(const SpellingInput& in, const Conv2d& conv, Args a) {
    const ConvOptions& o = conv.params().conv;
    const LayerShape& s = in.shape;
    const PaddingMode mode = conv.params().paddingMode;
    const QString modeName = paddingModeNames().at(static_cast<qsizetype>(mode));
    // PyTorch's own padding='same' exists for stride 1 and pads as TensorFlow does.
    const bool torchSame =
        a.compact() && o.padding.kind == PaddingKind::Same && o.strides == Pair{1, 1};
    const bool inModule = torchSame || symmetricPadding(s);
    LayerCode code;
    if (!inModule) {
        if (a.compact()) {
            code.push_back(
                statement(mode == PaddingMode::Zeros
                              ? QStringLiteral("x = F.pad(x, %1)").arg(padArgs(s))
                              : QStringLiteral("x = F.pad(x, %1, mode='%2')")
                                    .arg(padArgs(s), QString::fromLatin1(torchPadMode(mode))),
                          o.padding.kind == PaddingKind::Same ? samePaddingNote() : QString()));
        } else {
            code.push_back(comment(QStringLiteral("%1 padding as applied (TensorFlow 'same' puts "
                                                  "the odd pixel bottom/right)")
                                       .arg(o.padding.toString())));
            code.push_back(
                statement(QStringLiteral("x = F.pad(x, %1, mode='%2')")
                              .arg(padArgs(s), QString::fromLatin1(torchPadMode(mode)))));
        }
    }
    a.pos(in.input.c).pos(o.filters).pos(a.pair(o.kernel));
    a.kw(QStringLiteral("stride"), a.pair(o.strides), QStringLiteral("1"));
    a.kw(QStringLiteral("padding"),
         torchSame  ? QStringLiteral("'same'")
         : inModule ? a.pair({s.padding[0], s.padding[2]})
                    : QStringLiteral("0"),
         QStringLiteral("0"));
    a.kw(QStringLiteral("dilation"), a.pair(o.dilation), QStringLiteral("1"));
    a.kw(QStringLiteral("groups"), QString::number(o.groups), QStringLiteral("1"));
    a.kw(QStringLiteral("bias"), pyBool(o.useBias), QStringLiteral("True"));
    a.kw(QStringLiteral("padding_mode"),
         quoted(inModule ? modeName : QStringLiteral("zeros"), QLatin1Char('\'')),
         QStringLiteral("'zeros'"));
    code.push_back(layerLine(a.call(QStringLiteral("nn.Conv2d"))));
    torchActivation(o, a.compact(), code);
    return code;
}

// Whether a later max_unpool2d takes this pool's indices.
bool indicesUsed(const SpellingInput& in) {
    for (const PipelineLayer& l : in.pipeline.layers) {
        if (l.layer->indicesFrom() == in.layer.name) {
            return true;
        }
    }
    return false;
}

LayerCode torchMaxPool(const SpellingInput& in, const PoolOptions& o, Args a) {
    const LayerShape& s = in.shape;
    const bool inModule = symmetricPadding(s);
    const bool indices = !a.compact() || indicesUsed(in);
    LayerCode code;
    if (!inModule) {
        code.push_back(statement(
            QStringLiteral("x = F.pad(x, %1, value=float('-inf'))").arg(padArgs(s)),
            a.compact() && o.padding.kind == PaddingKind::Same ? samePaddingNote() : QString()));
        if (indices) {
            code.push_back(statement(QStringLiteral("padded_width = x.shape[3]")));
        }
    }
    a.pos(a.pair(o.poolSize));
    a.kw(QStringLiteral("stride"), a.pair(o.effectiveStrides()), a.pair(o.poolSize));
    a.kw(QStringLiteral("padding"),
         inModule ? a.pair({s.padding[0], s.padding[2]}) : QStringLiteral("0"),
         QStringLiteral("0"));
    a.kw(QStringLiteral("ceil_mode"), pyBool(o.ceilMode), QStringLiteral("False"));
    a.kw(QStringLiteral("return_indices"), pyBool(indices), QStringLiteral("False"));
    CodeLine pool = layerLine(a.call(QStringLiteral("nn.MaxPool2d")));
    if (indices) {
        pool.call = QStringLiteral("x, indices_{id} = {m}(x)");
    }
    code.push_back(pool);
    if (!inModule && indices) {
        // Padding never wins a max; the indices are brought back to unpadded positions.
        code.push_back(statement(QStringLiteral("indices_{id} = (indices_{id} // padded_width - "
                                                "%1) * (padded_width - %2) + indices_{id} % "
                                                "padded_width - %3")
                                     .arg(s.padding[0])
                                     .arg(s.padding[2] + s.padding[3])
                                     .arg(s.padding[2])));
    }
    return code;
}

LayerCode torchAvgPool(const SpellingInput& in, const AvgPool2d& pool, Args a) {
    const PoolOptions& o = pool.params().pool;
    const LayerShape& s = in.shape;
    const bool explicitPadding = o.padding.kind == PaddingKind::Explicit;
    const bool countPad = explicitPadding && pool.params().countIncludePad.value_or(true);
    LayerCode code;
    // A script keeps TensorFlow's "same" on the ones-mask below; a person writes
    // count_include_pad=False, which divides alike when the padding is symmetric.
    const bool inModule =
        symmetricPadding(s) && (o.padding.kind != PaddingKind::Same || noPadding(s) || a.compact());
    if (inModule) {
        a.pos(a.pair(o.poolSize));
        a.kw(QStringLiteral("stride"), a.pair(o.effectiveStrides()), a.pair(o.poolSize));
        a.kw(QStringLiteral("padding"), a.pair({s.padding[0], s.padding[2]}), QStringLiteral("0"));
        a.kw(QStringLiteral("ceil_mode"), pyBool(o.ceilMode), QStringLiteral("False"));
        // With no padding the divisor is the same either way.
        a.kw(QStringLiteral("count_include_pad"), pyBool(countPad),
             noPadding(s) ? pyBool(countPad) : QStringLiteral("True"));
        code.push_back(layerLine(a.call(QStringLiteral("nn.AvgPool2d"))));
        return code;
    }
    Args f = a;
    f.pos(QStringLiteral("F.pad(x, %1)").arg(padArgs(s))).pos(a.pair(o.poolSize));
    f.kw(QStringLiteral("stride"), a.pair(o.effectiveStrides()), a.pair(o.poolSize));
    f.kw(QStringLiteral("ceil_mode"), pyBool(o.ceilMode), QStringLiteral("False"));
    Args ones = a;
    ones.pos(QStringLiteral("ones")).pos(a.pair(o.poolSize));
    ones.kw(QStringLiteral("stride"), a.pair(o.effectiveStrides()), a.pair(o.poolSize));
    ones.kw(QStringLiteral("ceil_mode"), pyBool(o.ceilMode), QStringLiteral("False"));
    if (a.compact() && countPad) {
        code.push_back(
            statement(QStringLiteral("x = %1").arg(f.call(QStringLiteral("F.avg_pool2d"))),
                      QStringLiteral("the padding zeros count in the average")));
        return code;
    }
    // TensorFlow "same" (and asymmetric padding without count_include_pad): divide by the real
    // elements of each window, the average of a padded ones-mask.
    code.push_back(comment(QStringLiteral(
        "divide by the real (non-padding) elements of each window, as TensorFlow does")));
    code.push_back(
        statement(QStringLiteral("ones = F.pad(torch.ones_like(x[:, :1]), %1)").arg(padArgs(s))));
    code.push_back(statement(QStringLiteral("x = %1").arg(f.call(QStringLiteral("F.avg_pool2d")))));
    if (!countPad) {
        code.push_back(
            statement(QStringLiteral("x = x / %1").arg(ones.call(QStringLiteral("F.avg_pool2d")))));
    }
    return code;
}

LayerCode torchUpsampling(const SpellingInput& in, const Upsampling2d& up, Args a) {
    const auto& p = up.params();
    const LayerShape& s = in.shape;
    LayerCode code;
    if (interpolates(p.interpolation) && p.effectiveMode() == CoordinateMode::Asymmetric) {
        code.push_back(
            comment(QStringLiteral("TensorFlow 1's asymmetric coordinates have no "
                                   "PyTorch mode: values differ, shapes agree")));
    }
    const QString mode = quoted(QString::fromLatin1(torchModeName(p.interpolation)), u'\'');
    const QString alignCorners = pyBool(p.effectiveMode() == CoordinateMode::AlignCorners);
    if (a.compact()) {
        if (p.outputSize) {
            a.kw(QStringLiteral("size"), a.pair(*p.outputSize));
        } else {
            a.kw(QStringLiteral("scale_factor"), a.pair(p.size.value_or(Pair{2, 2})));
        }
        a.kw(QStringLiteral("mode"), mode, QStringLiteral("'nearest'"));
        if (interpolates(p.interpolation)) {
            a.kw(QStringLiteral("align_corners"), alignCorners, QStringLiteral("False"));
        }
        code.push_back(layerLine(a.call(QStringLiteral("nn.Upsample"))));
        return code;
    }
    a.pos(QStringLiteral("x"));
    a.kw(QStringLiteral("size"), tuple(s.output.h, s.output.w));
    a.kw(QStringLiteral("mode"), mode);
    if (interpolates(p.interpolation)) {
        a.kw(QStringLiteral("align_corners"), alignCorners);
    }
    code.push_back(statement(QStringLiteral("x = ") + a.call(QStringLiteral("F.interpolate"))));
    return code;
}

LayerCode torchUnpool(const SpellingInput& in, const MaxUnpool2d& unpool, Args a) {
    const QString from = *unpool.indicesFrom();
    const PipelineLayer* poolLayer = in.pipeline.find(from);
    const auto* pool = dynamic_cast<const MaxPool2d*>(poolLayer->layer.get());
    const PoolOptions& o = pool->options();
    const LayerShape& s = in.shape;
    const QString indices = QStringLiteral("indices_") + pythonIdentifier(from);
    if (a.compact()) {
        // F.max_unpool2d takes an output_size only within a stride of its own size
        // (n - 1)*s - 2p + k; the pool's padding, when symmetric, is what its module holds.
        const bool symmetric = o.padding.kind != PaddingKind::Valid && o.padding.isSymmetric() &&
                               o.padding.kind == PaddingKind::Explicit;
        const Pair pad = symmetric
                             ? Pair{o.padding.before(Axis::Height), o.padding.before(Axis::Width)}
                             : Pair{0, 0};
        const Pair st = o.effectiveStrides();
        auto fits = [&](Axis axis, std::int64_t n, std::int64_t out) {
            const int i = static_cast<int>(axis);
            const std::int64_t own = (n - 1) * st[i] - 2 * pad[i] + o.poolSize[i];
            return out > own - st[i] && out < own + st[i];
        };
        if (fits(Axis::Height, in.input.h, s.output.h) &&
            fits(Axis::Width, in.input.w, s.output.w)) {
            a.pos(QStringLiteral("x")).pos(indices).pos(a.pair(o.poolSize));
            a.kw(QStringLiteral("stride"), a.pair(st), a.pair(o.poolSize));
            a.kw(QStringLiteral("padding"), a.pair(pad), QStringLiteral("0"));
            a.kw(QStringLiteral("output_size"), tuple(s.output.h, s.output.w));
            return {statement(QStringLiteral("x = ") + a.call(QStringLiteral("F.max_unpool2d")))};
        }
        return {comment(QStringLiteral("F.max_unpool2d refuses output_size %1 here: scatter "
                                       "every value to its recorded h*W + w")
                            .arg(tuple(s.output.h, s.output.w))),
                statement(QStringLiteral("x = max_unpool(x, %1, %2)")
                              .arg(indices, tuple(s.output.h, s.output.w)))};
    }
    // F.max_unpool2d with these arguments, without its limits on output_size.
    return {statement(
        QStringLiteral("x = max_unpool(x, %1, %2)").arg(indices, tuple(s.output.h, s.output.w)),
        QStringLiteral("F.max_unpool2d(x, %1, %2, stride=%3)")
            .arg(indices, tuple(o.poolSize), tuple(o.effectiveStrides())))};
}

// PyTorch's padding and output_padding that crop a Keras transposed convolution's window
// exactly (the same start and length), if there are any.
std::optional<std::pair<Pair, Pair>> torchCropOf(const LayerShape& s) {
    std::int64_t p[2];
    std::int64_t op[2];
    for (const Axis axis : {Axis::Height, Axis::Width}) {
        const AxisShape& a = s.axis(axis);
        const int i = static_cast<int>(axis);
        p[i] = a.before;
        op[i] = a.out - ((a.in - 1) * a.stride - 2 * p[i] + a.effectiveKernel);
        if (op[i] < 0 || op[i] >= std::max(a.stride, a.dilation)) {
            return std::nullopt;
        }
    }
    return std::pair{Pair{p[0], p[1]}, Pair{op[0], op[1]}};
}

LayerCode torchTransposed(const SpellingInput& in, const Conv2dTranspose& tconv, Args a) {
    const ConvOptions& o = tconv.params().conv;
    const LayerShape& s = in.shape;
    LayerCode code;
    std::optional<std::pair<Pair, Pair>> crop;
    if (o.padding.kind == PaddingKind::Explicit) {
        crop = std::pair{Pair{o.padding.before(Axis::Height), o.padding.before(Axis::Width)},
                         tconv.params().outputPadding.value_or(Pair{0, 0})};
    } else if (a.compact()) {
        crop = torchCropOf(s);
    }
    a.pos(in.input.c).pos(o.filters).pos(a.pair(o.kernel));
    a.kw(QStringLiteral("stride"), a.pair(o.strides), QStringLiteral("1"));
    if (crop) {
        a.kw(QStringLiteral("padding"), a.pair(crop->first), QStringLiteral("0"));
        a.kw(QStringLiteral("output_padding"), a.pair(crop->second), QStringLiteral("0"));
        a.kw(QStringLiteral("groups"), QString::number(o.groups), QStringLiteral("1"));
        a.kw(QStringLiteral("bias"), pyBool(o.useBias), QStringLiteral("True"));
        a.kw(QStringLiteral("dilation"), a.pair(o.dilation), QStringLiteral("1"));
        code.push_back(layerLine(a.call(QStringLiteral("nn.ConvTranspose2d"))));
        torchActivation(o, a.compact(), code);
        return code;
    }
    // Keras "valid"/"same": the full transposed convolution, then TensorFlow's crop (and zeros
    // past its end, before the bias). A compact spelling only needs this where no padding and
    // output_padding crop alike, which leaves no zeros past the end: the bias stays inside.
    const bool separateBias = !a.compact() && o.useBias;
    a.kw(QStringLiteral("groups"), QString::number(o.groups), QStringLiteral("1"));
    a.kw(QStringLiteral("bias"), pyBool(o.useBias && !separateBias), QStringLiteral("True"));
    a.kw(QStringLiteral("dilation"), a.pair(o.dilation), QStringLiteral("1"));
    code.push_back(layerLine(a.call(QStringLiteral("nn.ConvTranspose2d")),
                             QStringLiteral("the full (n - 1)*s + ke")));
    if (separateBias) {
        CodeLine bias = layerLine(QStringLiteral("nn.Parameter(torch.zeros(%1))").arg(o.filters));
        bias.suffix = QStringLiteral("_bias");
        bias.called = false;
        code.push_back(bias);
    }
    code.push_back(
        comment(QStringLiteral("Keras '%1': keep rows %2.. and columns %3.. (%4 x %5)%6")
                    .arg(o.padding.toString())
                    .arg(s.padding[0])
                    .arg(s.padding[2])
                    .arg(s.output.h)
                    .arg(s.output.w)
                    .arg(a.compact() ? QString() : QStringLiteral(", zeros past the end"))));
    code.push_back(statement(QStringLiteral("x = x[:, :, %1:%1 + %3, %2:%2 + %4]")
                                 .arg(s.padding[0])
                                 .arg(s.padding[2])
                                 .arg(s.output.h)
                                 .arg(s.output.w)));
    if (!a.compact()) {
        code.push_back(
            statement(QStringLiteral("x = F.pad(x, (0, %2 - x.shape[3], 0, %1 - x.shape[2]))")
                          .arg(s.output.h)
                          .arg(s.output.w)));
    }
    if (separateBias) {
        code.push_back(statement(QStringLiteral("x = x + {m}_bias.view(1, -1, 1, 1)")));
    }
    torchActivation(o, a.compact(), code);
    return code;
}

}  // namespace

LayerCode torchCode(const SpellingInput& in, SpellingStyle style) {
    const Layer* layer = in.layer.layer.get();
    const Args a(style);
    if (const auto* conv = dynamic_cast<const Conv2d*>(layer)) {
        return torchConv(in, *conv, a);
    }
    if (const auto* pool = dynamic_cast<const MaxPool2d*>(layer)) {
        return torchMaxPool(in, pool->options(), a);
    }
    if (const auto* pool = dynamic_cast<const AvgPool2d*>(layer)) {
        return torchAvgPool(in, *pool, a);
    }
    if (const auto* up = dynamic_cast<const Upsampling2d*>(layer)) {
        return torchUpsampling(in, *up, a);
    }
    if (const auto* unpool = dynamic_cast<const MaxUnpool2d*>(layer)) {
        return torchUnpool(in, *unpool, a);
    }
    return torchTransposed(in, *dynamic_cast<const Conv2dTranspose*>(layer), a);
}

}  // namespace stridelab::spelling
