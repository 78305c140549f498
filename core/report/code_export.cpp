#include "report/code_export.h"

#include "layers/avg_pool2d.h"
#include "layers/conv2d.h"
#include "layers/conv2d_transpose.h"
#include "layers/max_pool2d.h"
#include "layers/max_unpool2d.h"
#include "layers/upsampling2d.h"

#include <QRegularExpression>

namespace stridelab {

namespace {

QString identifier(const QString& name) {
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9_]"));
    QString id = name;
    id.replace(unsafe, QStringLiteral("_"));
    if (id.isEmpty() || id.front().isDigit()) {
        id.prepend(QStringLiteral("layer_"));
    }
    return id;
}

QString tuple(std::int64_t h, std::int64_t w) {
    return QStringLiteral("(%1, %2)").arg(h).arg(w);
}
QString tuple(Pair p) {
    return tuple(p.h, p.w);
}
QString pyBool(bool b) {
    return b ? QStringLiteral("True") : QStringLiteral("False");
}

// The four padding amounts of a layer's analysis, in F.pad's order (left, right, top, bottom).
QString padArgs(const LayerShape& s) {
    return QStringLiteral("(%1, %2, %3, %4)")
        .arg(s.padding[2])
        .arg(s.padding[3])
        .arg(s.padding[0])
        .arg(s.padding[1]);
}

bool symmetricPadding(const LayerShape& s) {
    return s.padding[0] == s.padding[1] && s.padding[2] == s.padding[3];
}

QString torchActivation(const ConvOptions& o) {
    switch (o.activation) {
        case Activation::Relu:
            return QStringLiteral("        x = F.relu(x)\n");
        case Activation::LeakyRelu:
            return QStringLiteral("        x = F.leaky_relu(x, %1)\n").arg(o.negativeSlope);
        case Activation::Sigmoid:
            return QStringLiteral("        x = torch.sigmoid(x)\n");
        case Activation::Tanh:
            return QStringLiteral("        x = torch.tanh(x)\n");
        case Activation::Linear:
            break;
    }
    return {};
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

struct Emitted {
    QString members;
    QString forward;
};

Emitted torchLayer(const Pipeline& pipeline, const PipelineReport& report, std::size_t index) {
    const PipelineLayer& pl = pipeline.layers[index];
    const LayerReport& r = report.layers[index];
    const LayerShape& s = *r.shape;
    const QString id = identifier(pl.name);
    Emitted e;
    const Layer* layer = pl.layer.get();
    if (const auto* conv = dynamic_cast<const Conv2d*>(layer)) {
        const ConvOptions& o = conv->params().conv;
        const bool inModule = symmetricPadding(s);
        e.members =
            QStringLiteral(
                "        self.%1 = nn.Conv2d(%2, %3, %4, stride=%5, padding=%6, dilation=%7, "
                "groups=%8, bias=%9, padding_mode='%10')\n")
                .arg(id)
                .arg(r.input.c)
                .arg(o.filters)
                .arg(tuple(o.kernel), tuple(o.strides),
                     inModule ? tuple(s.padding[0], s.padding[2]) : QStringLiteral("0"),
                     tuple(o.dilation))
                .arg(o.groups)
                .arg(pyBool(o.useBias),
                     inModule
                         ? paddingModeNames().at(static_cast<qsizetype>(conv->params().paddingMode))
                         : QStringLiteral("zeros"));
        if (!inModule) {
            e.forward += QStringLiteral(
                             "        # %1 padding as applied (TensorFlow 'same' puts the odd "
                             "pixel bottom/right)\n"
                             "        x = F.pad(x, %2, mode='%3')\n")
                             .arg(o.padding.toString(), padArgs(s),
                                  QString::fromLatin1(torchPadMode(conv->params().paddingMode)));
        }
        e.forward += QStringLiteral("        x = self.%1(x)\n").arg(id) + torchActivation(o);
        return e;
    }
    if (const auto* pool = dynamic_cast<const MaxPool2d*>(layer)) {
        const PoolOptions& o = pool->options();
        const bool inModule = symmetricPadding(s);
        e.members = QStringLiteral(
                        "        self.%1 = nn.MaxPool2d(%2, stride=%3, padding=%4, ceil_mode=%5, "
                        "return_indices=True)\n")
                        .arg(id, tuple(o.poolSize), tuple(o.effectiveStrides()),
                             inModule ? tuple(s.padding[0], s.padding[2]) : QStringLiteral("0"),
                             pyBool(o.ceilMode));
        if (!inModule) {
            // Padding never wins a max; the indices are brought back to unpadded positions.
            e.forward += QStringLiteral(
                             "        x = F.pad(x, %1, value=float('-inf'))\n"
                             "        padded_width = x.shape[3]\n"
                             "        x, indices_%2 = self.%2(x)\n"
                             "        indices_%2 = (indices_%2 // padded_width - %3) * "
                             "(padded_width - %4) + indices_%2 % padded_width - %5\n")
                             .arg(padArgs(s), id)
                             .arg(s.padding[0])
                             .arg(s.padding[2] + s.padding[3])
                             .arg(s.padding[2]);
            return e;
        }
        e.forward += QStringLiteral("        x, indices_%1 = self.%1(x)\n").arg(id);
        return e;
    }
    if (const auto* pool = dynamic_cast<const AvgPool2d*>(layer)) {
        const PoolOptions& o = pool->params().pool;
        const bool explicitPadding = o.padding.kind == PaddingKind::Explicit;
        const bool countPad = explicitPadding && pool->params().countIncludePad.value_or(true);
        if (symmetricPadding(s) &&
            (o.padding.kind != PaddingKind::Same || s.padding == std::array<std::int64_t, 4>{})) {
            e.members =
                QStringLiteral(
                    "        self.%1 = nn.AvgPool2d(%2, stride=%3, padding=%4, ceil_mode=%5, "
                    "count_include_pad=%6)\n")
                    .arg(id, tuple(o.poolSize), tuple(o.effectiveStrides()),
                         tuple(s.padding[0], s.padding[2]), pyBool(o.ceilMode), pyBool(countPad));
            e.forward = QStringLiteral("        x = self.%1(x)\n").arg(id);
            return e;
        }
        // TensorFlow "same" (and asymmetric padding without count_include_pad): divide by the
        // real elements of each window, the average of a padded ones-mask.
        e.forward = QStringLiteral(
                        "        # divide by the real (non-padding) elements of each window, as "
                        "TensorFlow does\n"
                        "        ones = F.pad(torch.ones_like(x[:, :1]), %1)\n"
                        "        x = F.avg_pool2d(F.pad(x, %1), %2, stride=%3, ceil_mode=%4)\n")
                        .arg(padArgs(s), tuple(o.poolSize), tuple(o.effectiveStrides()),
                             pyBool(o.ceilMode));
        if (!countPad) {
            e.forward +=
                QStringLiteral("        x = x / F.avg_pool2d(ones, %1, stride=%2, ceil_mode=%3)\n")
                    .arg(tuple(o.poolSize), tuple(o.effectiveStrides()), pyBool(o.ceilMode));
        }
        return e;
    }
    if (const auto* up = dynamic_cast<const Upsampling2d*>(layer)) {
        const auto& p = up->params();
        static const char* modes[] = {"nearest", "nearest-exact", "bilinear", "bicubic"};
        QString call = QStringLiteral("        x = F.interpolate(x, size=%1, mode='%2'")
                           .arg(tuple(s.output.h, s.output.w),
                                QString::fromLatin1(modes[static_cast<int>(p.interpolation)]));
        if (p.interpolation == Interpolation::Bilinear ||
            p.interpolation == Interpolation::Bicubic) {
            call += QStringLiteral(", align_corners=%1")
                        .arg(pyBool(p.effectiveMode() == CoordinateMode::AlignCorners));
            if (p.effectiveMode() == CoordinateMode::Asymmetric) {
                e.forward += QStringLiteral(
                    "        # TensorFlow 1's asymmetric coordinates have no PyTorch mode: values "
                    "differ, shapes agree\n");
            }
        }
        e.forward += call + QStringLiteral(")\n");
        return e;
    }
    if (const auto* unpool = dynamic_cast<const MaxUnpool2d*>(layer)) {
        const QString from = *unpool->indicesFrom();
        const auto* pool = dynamic_cast<const MaxPool2d*>(pipeline.find(from)->layer.get());
        const PoolOptions& o = pool->options();
        // F.max_unpool2d with these arguments, without its limits on output_size.
        e.forward = QStringLiteral(
                        "        x = max_unpool(x, indices_%1, %2)  # F.max_unpool2d(x, "
                        "indices_%1, %3, stride=%4)\n")
                        .arg(identifier(from), tuple(s.output.h, s.output.w), tuple(o.poolSize),
                             tuple(o.effectiveStrides()));
        return e;
    }
    const auto* tconv = dynamic_cast<const Conv2dTranspose*>(layer);
    const ConvOptions& o = tconv->params().conv;
    if (o.padding.kind == PaddingKind::Explicit) {
        const Pair op = tconv->params().outputPadding.value_or(Pair{0, 0});
        e.members = QStringLiteral(
                        "        self.%1 = nn.ConvTranspose2d(%2, %3, %4, stride=%5, padding=%6, "
                        "output_padding=%7, groups=%8, bias=%9, dilation=%10)\n")
                        .arg(id)
                        .arg(r.input.c)
                        .arg(o.filters)
                        .arg(tuple(o.kernel), tuple(o.strides),
                             tuple(o.padding.before(Axis::Height), o.padding.before(Axis::Width)),
                             tuple(op))
                        .arg(o.groups)
                        .arg(pyBool(o.useBias), tuple(o.dilation));
        e.forward = QStringLiteral("        x = self.%1(x)\n").arg(id) + torchActivation(o);
        return e;
    }
    // Keras "valid"/"same": the full transposed convolution, then TensorFlow's crop (and zeros
    // past its end, before the bias).
    e.members = QStringLiteral(
                    "        self.%1 = nn.ConvTranspose2d(%2, %3, %4, stride=%5, groups=%6, "
                    "bias=False, dilation=%7)\n")
                    .arg(id)
                    .arg(r.input.c)
                    .arg(o.filters)
                    .arg(tuple(o.kernel), tuple(o.strides))
                    .arg(o.groups)
                    .arg(tuple(o.dilation));
    if (o.useBias) {
        e.members += QStringLiteral("        self.%1_bias = nn.Parameter(torch.zeros(%2))\n")
                         .arg(id)
                         .arg(o.filters);
    }
    e.forward =
        QStringLiteral(
            "        x = self.%1(x)  # the full (n - 1)*s + ke\n"
            "        # Keras '%2': keep rows %3.. and columns %4.. (%5 x %6), zeros past the end\n"
            "        x = x[:, :, %3:%3 + %5, %4:%4 + %6]\n"
            "        x = F.pad(x, (0, %6 - x.shape[3], 0, %5 - x.shape[2]))\n")
            .arg(id, o.padding.toString())
            .arg(s.padding[0])
            .arg(s.padding[2])
            .arg(s.output.h)
            .arg(s.output.w);
    if (o.useBias) {
        e.forward += QStringLiteral("        x = x + self.%1_bias.view(1, -1, 1, 1)\n").arg(id);
    }
    e.forward += torchActivation(o);
    return e;
}

QString exportTorch(const Pipeline& pipeline, const PipelineReport& report) {
    QString members;
    QString forward;
    for (std::size_t i = 0; i < pipeline.layers.size(); ++i) {
        const Emitted e = torchLayer(pipeline, report, i);
        members += e.members;
        forward +=
            QStringLiteral("        # %1: %2 %3 -> %4\n")
                .arg(pipeline.layers[i].name, report.layers[i].type, report.layers[i].description,
                     report.layers[i].shape->output.toString());
        forward += e.forward;
        forward += QStringLiteral("        shapes.append((\"%1\", tuple(x.shape[1:])))\n")
                       .arg(pipeline.layers[i].name);
    }
    if (members.isEmpty()) {
        members = QStringLiteral("        pass\n");
    }
    const Shape in = report.input;
    return QStringLiteral(
               "# PyTorch code for the StrideLab pipeline \"%1\" on an input of shape (%2, %3, "
               "%4).\n"
               "# Generated by `stridelab export --code`; the weights are PyTorch's defaults, not "
               "StrideLab's.\n"
               "import torch\n"
               "import torch.nn as nn\n"
               "import torch.nn.functional as F\n\n\n"
               "def max_unpool(x, indices, size):\n"
               "    \"\"\"F.max_unpool2d to any output size: each value goes to its recorded h*W + "
               "w.\"\"\"\n"
               "    n, c = x.shape[:2]\n"
               "    out = torch.zeros(n, c, size[0] * size[1], dtype=x.dtype)\n"
               "    out.scatter_(2, indices.flatten(2), x.flatten(2))\n"
               "    return out.view(n, c, size[0], size[1])\n\n\n"
               "class StrideLabModel(nn.Module):\n"
               "    def __init__(self):\n"
               "        super().__init__()\n"
               "%5\n"
               "    def forward(self, x):\n"
               "        shapes = []\n"
               "%6"
               "        return x, shapes\n\n\n"
               "if __name__ == \"__main__\":\n"
               "    model = StrideLabModel().eval()\n"
               "    with torch.no_grad():\n"
               "        _, shapes = model(torch.rand(1, %2, %3, %4))\n"
               "    for name, (c, h, w) in shapes:\n"
               "        print(name, c, h, w)\n")
        .arg(pipeline.name)
        .arg(in.c)
        .arg(in.h)
        .arg(in.w)
        .arg(members, forward);
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

QString kerasLayer(const Pipeline& pipeline, const PipelineReport& report, std::size_t index) {
    const PipelineLayer& pl = pipeline.layers[index];
    const LayerShape& s = *report.layers[index].shape;
    const QString name = identifier(pl.name);
    const Layer* layer = pl.layer.get();
    auto cropping = [&](const QString& what) {
        return QStringLiteral(
                   "x = layers.ZeroPadding2D(((%1, %2), (%3, %4)), name=\"%5_pad\")(x)  # %6\n")
            .arg(s.padding[0])
            .arg(s.padding[1])
            .arg(s.padding[2])
            .arg(s.padding[3])
            .arg(name, what);
    };
    if (const auto* conv = dynamic_cast<const Conv2d*>(layer)) {
        const ConvOptions& o = conv->params().conv;
        QString code;
        QString padding =
            o.padding.kind == PaddingKind::Same ? QStringLiteral("same") : QStringLiteral("valid");
        if (o.padding.kind == PaddingKind::Explicit) {
            code += cropping(QStringLiteral("PyTorch's explicit padding"));
        }
        if (conv->params().paddingMode != PaddingMode::Zeros) {
            code +=
                QStringLiteral(
                    "# padding_mode '%1' has no Keras layer: the values differ near the border\n")
                    .arg(paddingModeNames().at(static_cast<qsizetype>(conv->params().paddingMode)));
        }
        code += QStringLiteral(
                    "x = layers.Conv2D(%1, %2, strides=%3, padding=\"%4\", dilation_rate=%5, "
                    "groups=%6, activation=%7, use_bias=%8, name=\"%9\")(x)\n")
                    .arg(o.filters)
                    .arg(tuple(o.kernel), tuple(o.strides), padding, tuple(o.dilation))
                    .arg(o.groups)
                    .arg(kerasActivation(o), pyBool(o.useBias), name);
        if (o.activation == Activation::LeakyRelu) {
            code +=
                QStringLiteral("x = layers.LeakyReLU(negative_slope=%1)(x)\n").arg(o.negativeSlope);
        }
        return code;
    }
    const bool average = dynamic_cast<const AvgPool2d*>(layer) != nullptr;
    if (const auto* pool = dynamic_cast<const MaxPool2d*>(layer); pool != nullptr || average) {
        const PoolOptions& o = pool != nullptr
                                   ? pool->options()
                                   : dynamic_cast<const AvgPool2d*>(layer)->params().pool;
        QString code;
        if (o.padding.kind == PaddingKind::Explicit) {
            code += cropping(
                average
                    ? QStringLiteral("counted in the average, as count_include_pad=True")
                    : QStringLiteral(
                          "zeros, where PyTorch pads with -inf: maxima of negative maps differ"));
        }
        if (o.ceilMode) {
            code += QStringLiteral(
                "# ceil_mode has no Keras equivalent: this layer's output is one row/column "
                "smaller here\n");
        }
        code +=
            QStringLiteral("x = layers.%1(%2, strides=%3, padding=\"%4\", name=\"%5\")(x)\n")
                .arg(average ? QStringLiteral("AveragePooling2D") : QStringLiteral("MaxPooling2D"),
                     tuple(o.poolSize), tuple(o.effectiveStrides()),
                     o.padding.kind == PaddingKind::Same ? QStringLiteral("same")
                                                         : QStringLiteral("valid"),
                     name);
        return code;
    }
    if (const auto* up = dynamic_cast<const Upsampling2d*>(layer)) {
        const auto& p = up->params();
        static const char* interpolations[] = {"nearest", "nearest", "bilinear", "bicubic"};
        const QString interpolation =
            QString::fromLatin1(interpolations[static_cast<int>(p.interpolation)]);
        QString code;
        if (p.effectiveMode() == CoordinateMode::AlignCorners &&
            p.interpolation != Interpolation::Nearest) {
            code += QStringLiteral(
                "# align_corners: Keras has no switch; tf.compat.v1.image.resize(..., "
                "align_corners=True) does it\n");
        }
        if (p.outputSize) {
            return code + QStringLiteral(
                              "x = layers.Resizing(%1, %2, interpolation=\"%3\", name=\"%4\")(x)\n")
                              .arg(s.output.h)
                              .arg(s.output.w)
                              .arg(interpolation, name);
        }
        return code +
               QStringLiteral(
                   "x = layers.UpSampling2D(size=%1, interpolation=\"%2\", name=\"%3\")(x)\n")
                   .arg(tuple(p.size.value_or(Pair{2, 2})), interpolation, name);
    }
    if (dynamic_cast<const MaxUnpool2d*>(layer) != nullptr) {
        return QStringLiteral(
                   "# max_unpool2d has no Keras layer; this stand-in has its shape (values differ: "
                   "no indices)\n"
                   "x = layers.Resizing(%1, %2, interpolation=\"nearest\", name=\"%3\")(x)\n")
            .arg(s.output.h)
            .arg(s.output.w)
            .arg(name);
    }
    const auto* tconv = dynamic_cast<const Conv2dTranspose*>(layer);
    const ConvOptions& o = tconv->params().conv;
    QString code;
    const auto op = tconv->params().outputPadding;
    if (o.padding.kind == PaddingKind::Explicit) {
        // PyTorch's p: Keras "valid" with the output padding, then p cropped from both ends.
        code +=
            QStringLiteral(
                "x = layers.Conv2DTranspose(%1, %2, strides=%3, padding=\"valid\", "
                "output_padding=%4, dilation_rate=%5, activation=None, use_bias=%6, "
                "name=\"%7\")(x)\n")
                .arg(o.filters)
                .arg(tuple(o.kernel), tuple(o.strides), op ? tuple(*op) : QStringLiteral("None"),
                     tuple(o.dilation), pyBool(o.useBias), name);
        code += QStringLiteral(
                    "x = layers.Cropping2D(((%1, %1), (%2, %2)), name=\"%3_crop\")(x)  # PyTorch "
                    "padding\n")
                    .arg(o.padding.before(Axis::Height))
                    .arg(o.padding.before(Axis::Width))
                    .arg(name);
        if (o.activation != Activation::Linear) {
            code += QStringLiteral("x = layers.Activation(%1)(x)\n").arg(kerasActivation(o));
        }
        return code;
    }
    return QStringLiteral(
               "x = layers.Conv2DTranspose(%1, %2, strides=%3, padding=\"%4\", output_padding=%5, "
               "dilation_rate=%6, activation=%7, use_bias=%8, name=\"%9\")(x)\n")
        .arg(o.filters)
        .arg(tuple(o.kernel), tuple(o.strides), o.padding.toString(),
             op ? tuple(*op) : QStringLiteral("None"), tuple(o.dilation), kerasActivation(o),
             pyBool(o.useBias), name);
}

QString exportKeras(const Pipeline& pipeline, const PipelineReport& report) {
    QString body;
    for (std::size_t i = 0; i < pipeline.layers.size(); ++i) {
        body += QStringLiteral("# %1: %2 -> %3\n")
                    .arg(pipeline.layers[i].name, report.layers[i].description,
                         report.layers[i].shape->output.toKerasString());
        body += kerasLayer(pipeline, report, i);
        body += QStringLiteral("outputs.append((\"%1\", x))\n").arg(pipeline.layers[i].name);
    }
    const Shape in = report.input;
    return QStringLiteral(
               "# Keras code for the StrideLab pipeline \"%1\" on an input of shape (None, %3, %4, "
               "%2).\n"
               "# Generated by `stridelab export --code --framework keras`; weights are Keras's "
               "defaults.\n"
               "import numpy as np\n"
               "from tensorflow import keras\n"
               "from tensorflow.keras import layers\n\n"
               "inputs = keras.Input(shape=(%3, %4, %2))\n"
               "x = inputs\n"
               "outputs = []\n"
               "%5\n"
               "model = keras.Model(inputs, [t for _, t in outputs], name=\"stridelab\")\n\n"
               "if __name__ == \"__main__\":\n"
               "    model.summary()\n"
               "    results = model(np.random.rand(1, %3, %4, %2).astype(\"float32\"))\n"
               "    results = results if isinstance(results, list) else [results]\n"
               "    for (name, _), y in zip(outputs, results):\n"
               "        _, h, w, c = y.shape\n"
               "        print(name, c, h, w)\n")
        .arg(pipeline.name)
        .arg(in.c)
        .arg(in.h)
        .arg(in.w)
        .arg(body);
}

}  // namespace

const QStringList& frameworkNames() {
    static const QStringList names = {QStringLiteral("keras"), QStringLiteral("pytorch")};
    return names;
}

Result<QString> exportCode(const Pipeline& pipeline, const PipelineReport& report,
                           Framework framework) {
    if (!report.ok()) {
        return Error::invalid(
            QStringLiteral("layer %1 \"%2\" is invalid: %3")
                .arg(report.firstBroken()->index)
                .arg(report.firstBroken()->name, report.firstBroken()->error->message));
    }
    return framework == Framework::PyTorch ? exportTorch(pipeline, report)
                                           : exportKeras(pipeline, report);
}

}  // namespace stridelab
