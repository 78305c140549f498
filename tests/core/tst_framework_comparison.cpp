// The framework view: each layer as Keras and PyTorch write it, and the look-alike settings
// with the shape each framework gives. Expected shapes are derived by hand in the comments:
// TensorFlow's from its documented formulas ("same": out = ceil(n/s), total padding
// max((out - 1)*s + ke - n, 0) with the odd pixel after; Conv2DTranspose "same": n*s), PyTorch's
// from its formulas, and every PyTorch shape and error asserted here was also checked with real
// torch 1.13 by tests/data/frameworks/check_torch_shapes.py.

#include "report/framework_comparison.h"
#include "support/test_support.h"

#include <QTest>

using namespace stridelab;

namespace {

QString shapeText(const std::optional<Shape>& s) {
    return s ? s->toString() : QStringLiteral("-");
}

// "pytorch values | nn.Conv2d(...) | keras (64, 4, 4) | torch (64, 4, 4)"
QString rowOf(const LookAlike& l) {
    return QStringLiteral("%1 %2 | %3 | keras %4 | torch %5")
        .arg(l.framework == Framework::Keras ? QStringLiteral("keras") : QStringLiteral("pytorch"),
             differenceKindName(l.kind), l.code, shapeText(l.kerasShape), shapeText(l.torchShape));
}

QByteArray operator""_b(const char* text, std::size_t size) {
    return QByteArray(text, static_cast<qsizetype>(size));
}

QStringList L(std::initializer_list<const char*> items) {
    QStringList list;
    for (const char* item : items) {
        list << QString::fromUtf8(item);
    }
    return list;
}

// Layer `index` of a pipeline on an input of `shape` made of `layers` (JSON array items).
FrameworkComparison compare(const QByteArray& shape, const QByteArray& layers, int index) {
    const QByteArray json =
        R"({ "format": "stridelab.pipeline", "version": 1, "input": { "shape": [)" + shape +
        R"(] }, "layers": [)" + layers + "] }";
    const Pipeline p = test::pipelineFromJson(json);
    const PipelineReport report = analyzePipeline(p, p.input.shape);
    auto c = compareFrameworks(p, report, static_cast<std::size_t>(index));
    if (!c) {
        qFatal("no comparison: %s", qPrintable(c.error().message));
    }
    return *c;
}

QString dump(const FrameworkComparison& c) {
    QStringList rows;
    for (const LookAlike& l : c.lookAlikes) {
        rows << rowOf(l) + QStringLiteral("\n      ") + l.explanation;
    }
    return QStringLiteral("keras:\n  %1\npytorch:\n  %2\nlook-alikes:\n  %3")
        .arg(c.keras.join(QStringLiteral("\n  ")), c.pytorch.join(QStringLiteral("\n  ")),
             rows.join(QStringLiteral("\n  ")));
}

}  // namespace

class TestFrameworkComparison : public QObject {
    Q_OBJECT

private slots:
    void lookAlikes_data();
    void lookAlikes();
    void explanations_data();
    void explanations();
    void invalidLayerIsAnError();
};

void TestFrameworkComparison::lookAlikes_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("layers");
    QTest::addColumn<int>("index");
    QTest::addColumn<QStringList>("keras");
    QTest::addColumn<QStringList>("pytorch");
    QTest::addColumn<QStringList>("lookAlikes");
    QTest::addColumn<bool>("kerasExact");
    QTest::addColumn<bool>("torchExact");

    // TF "same" 3x3 /2 on 8: out = ceil(8/2) = 4, total = max(3*2 + 3 - 8, 0) = 1: 0 before,
    // 1 after. PyTorch padding=1: floor((8 + 2 - 3)/2) + 1 = 4, 1 before: shifted.
    QTest::addRow("conv same k3 s2 on 8")
        << "32, 8, 8"_b
        << R"({"type": "conv2d", "filters": 64, "kernel_size": 3, "strides": 2,
                             "padding": "same"})"_b
        << 0 << L({R"(layers.Conv2D(64, 3, strides=2, padding="same"))"})
        << L({R"(x = F.pad(x, (0, 1, 0, 1))  # TensorFlow "same": the odd pixel bottom/right)",
              "nn.Conv2d(32, 64, 3, stride=2)"})
        << L({"pytorch not expressible | nn.Conv2d(32, 64, 3, stride=2, padding='same') | keras "
              "(64, 4, 4) | torch -",
              "pytorch values | nn.Conv2d(32, 64, 3, stride=2, padding=1) | keras (64, 4, 4) | "
              "torch (64, 4, 4)"})
        << true << true;
    // TF "same" 3x3 /2 on 7: total = max(3*2 + 3 - 7, 0) = 2: 1 and 1, as padding=1.
    QTest::addRow("conv same k3 s2 on 7")
        << "3, 7, 7"_b
        << R"({"type": "conv2d", "filters": 8, "kernel_size": 3, "strides": 2,
                            "padding": "same", "activation": "relu"})"_b
        << 0 << L({R"(layers.Conv2D(8, 3, strides=2, padding="same", activation="relu"))"})
        << L({"nn.Conv2d(3, 8, 3, stride=2, padding=1)", "nn.ReLU()"})
        << L({"pytorch not expressible | nn.Conv2d(3, 8, 3, stride=2, padding='same') | keras (8, "
              "4, 4) | torch -",
              "pytorch same | nn.Conv2d(3, 8, 3, stride=2, padding=1)\nnn.ReLU() | keras (8, 4, 4) "
              "| torch (8, 4, 4)"})
        << true << true;
    // Stride 1, 4x4: PyTorch's padding='same' pads 1 and 2 as TF does; padding=4//2 = 2 gives
    // floor((8 + 4 - 4)/1) + 1 = 9.
    QTest::addRow("conv same k4 s1")
        << "3, 8, 8"_b
        << R"({"type": "conv2d", "filters": 8, "kernel_size": 4, "padding": "same"})"_b << 0
        << L({R"(layers.Conv2D(8, 4, padding="same"))"})
        << L({"nn.Conv2d(3, 8, 4, padding='same')"})
        << L({"pytorch shape | nn.Conv2d(3, 8, 4, padding=2) | keras (8, 8, 8) | torch (8, 9, 9)"})
        << true << true;
    // Dilation 2 widens the kernel to ke = 5: padding=5//2 = 2 agrees with "same" at stride 1.
    QTest::addRow("conv same k3 d2")
        << "1, 9, 9"_b
        << R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "dilation_rate": 2,
               "padding": "same"})"_b
        << 0 << L({R"(layers.Conv2D(1, 3, padding="same", dilation_rate=2))"})
        << L({"nn.Conv2d(1, 1, 3, padding='same', dilation=2)"})
        << L({"pytorch same | nn.Conv2d(1, 1, 3, padding=2, dilation=2) | keras (1, 9, 9) | torch "
              "(1, 9, 9)"})
        << true << true;
    // PyTorch padding=1 on 8, /2: 4 outputs, 1 before; Keras "same" pads 0 before: shifted.
    QTest::addRow("conv padding 1 s2")
        << "16, 8, 8"_b
        << R"({"type": "conv2d", "filters": 16, "kernel_size": 3, "strides": 2,
                             "padding": 1, "use_bias": false})"_b
        << 0 << L({"layers.ZeroPadding2D(1)", "layers.Conv2D(16, 3, strides=2, use_bias=False)"})
        << L({"nn.Conv2d(16, 16, 3, stride=2, padding=1, bias=False)"})
        << L({R"(keras values | layers.Conv2D(16, 3, strides=2, padding="same", use_bias=False) | )"
              "keras (16, 4, 4) | torch (16, 4, 4)"})
        << true << true;
    // [0, 1, 0, 1] is exactly TF's "same" padding for 3x3 /2 on 8.
    QTest::addRow("conv tf padding written out")
        << "1, 8, 8"_b
        << R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2,
                            "padding": [0, 1, 0, 1]})"_b
        << 0 << L({"layers.ZeroPadding2D(((0, 1), (0, 1)))", "layers.Conv2D(1, 3, strides=2)"})
        << L({"x = F.pad(x, (0, 1, 0, 1))", "nn.Conv2d(1, 1, 3, stride=2)"})
        << L({R"(keras same | layers.Conv2D(1, 3, strides=2, padding="same") | keras (1, 4, 4) | )"
              "torch (1, 4, 4)"})
        << true << true;
    // Reflect padding: Keras pads zeros only.
    QTest::addRow("conv reflect")
        << "1, 6, 6"_b
        << R"({"type": "conv2d", "filters": 2, "kernel_size": 3, "padding": 1,
                            "padding_mode": "reflect"})"_b
        << 0
        << L({"layers.ZeroPadding2D(1)",
              "# padding_mode 'reflect' has no Keras layer: the values differ near the border",
              "layers.Conv2D(2, 3)"})
        << L({"nn.Conv2d(1, 2, 3, padding=1, padding_mode='reflect')"})
        << L({R"(keras same | layers.Conv2D(2, 3, padding="same") | keras (2, 6, 6) | torch (2, 6, 6))",
              "keras values | layers.ZeroPadding2D(1)\nlayers.Conv2D(2, 3) | keras (2, 6, 6) | "
              "torch (2, 6, 6)"})
        << false << true;
    // Keras's LeakyReLU() defaults to 0.3.
    QTest::addRow("conv leaky relu")
        << "1, 5, 5"_b
        << R"({"type": "conv2d", "filters": 1, "kernel_size": 3,
                            "activation": "leaky_relu"})"_b
        << 0 << L({"layers.Conv2D(1, 3)", "layers.LeakyReLU(negative_slope=0.01)"})
        << L({"nn.Conv2d(1, 1, 3)", "nn.LeakyReLU(0.01)"})
        << L({"keras values | layers.LeakyReLU() | keras (1, 3, 3) | torch (1, 3, 3)"}) << true
        << true;
    // Max pool 3 /2 "same" on 8: 4, pads 0 and 1. padding=1: floor((8 + 2 - 3)/2) + 1 = 4,
    // 1 before: shifted.
    QTest::addRow("maxpool same k3 s2")
        << "4, 8, 8"_b
        << R"({"type": "max_pool2d", "pool_size": 3, "strides": 2,
                            "padding": "same"})"_b
        << 0 << L({R"(layers.MaxPooling2D(3, strides=2, padding="same"))"})
        << L({R"(x = F.pad(x, (0, 1, 0, 1), value=float('-inf'))  # TensorFlow "same": the odd )"
              "pixel bottom/right",
              "nn.MaxPool2d(3, stride=2)"})
        << L({"pytorch not expressible | nn.MaxPool2d(3, stride=2, padding='same') | keras (4, "
              "4, 4) | torch -",
              "pytorch values | nn.MaxPool2d(3, stride=2, padding=1) | keras (4, 4, 4) | torch "
              "(4, 4, 4)"})
        << true << true;
    // Max pool 2 /2 "same" on 8: total max(3*2 + 2 - 8, 0) = 0. padding=1:
    // floor((8 + 2 - 2)/2) + 1 = 5.
    QTest::addRow("maxpool same k2")
        << "1, 8, 8"_b
        << R"({"type": "max_pool2d", "padding": "same"})"_b << 0
        << L({R"(layers.MaxPooling2D(2, padding="same"))"}) << L({"nn.MaxPool2d(2)"})
        << L({"pytorch not expressible | nn.MaxPool2d(2, padding='same') | keras (1, 4, 4) | "
              "torch -",
              "pytorch shape | nn.MaxPool2d(2, padding=1) | keras (1, 4, 4) | torch (1, 5, 5)"})
        << true << true;
    // Average 3 /1 "same" on 4: pads 1 and 1; PyTorch's padding=1 counts the zeros (4/9 in
    // the corner of ones), TensorFlow does not (4/4).
    QTest::addRow("avgpool same k3 s1")
        << "1, 4, 4"_b
        << R"({"type": "avg_pool2d", "pool_size": 3, "strides": 1,
                            "padding": "same"})"_b
        << 0 << L({R"(layers.AveragePooling2D(3, strides=1, padding="same"))"})
        << L({"nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)"})
        << L({"pytorch not expressible | nn.AvgPool2d(3, stride=1, padding='same') | keras (1, "
              "4, 4) | torch -",
              "pytorch values | nn.AvgPool2d(3, stride=1, padding=1) | keras (1, 4, 4) | torch (1, "
              "4, 4)"})
        << true << true;
    // PyTorch's padding=1 (count_include_pad) against Keras "same": the same windows,
    // another divisor.
    QTest::addRow("avgpool padding 1")
        << "1, 4, 4"_b
        << R"({"type": "avg_pool2d", "pool_size": 3, "strides": 1, "padding": 1})"_b << 0
        << L({"layers.ZeroPadding2D(1)", "layers.AveragePooling2D(3, strides=1)"})
        << L({"nn.AvgPool2d(3, stride=1, padding=1)"})
        << L({R"(keras values | layers.AveragePooling2D(3, strides=1, padding="same") | keras (1, )"
              "4, 4) | torch (1, 4, 4)"})
        << true << true;
    // count_include_pad=False divides as TensorFlow does; Keras's ZeroPadding2D zeros count.
    QTest::addRow("avgpool padding 1 no count")
        << "1, 4, 4"_b
        << R"({"type": "avg_pool2d", "pool_size": 3, "strides": 1, "padding": 1,
                            "count_include_pad": false})"_b
        << 0 << L({"layers.ZeroPadding2D(1)", "layers.AveragePooling2D(3, strides=1)"})
        << L({"nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)"})
        << L({R"(keras same | layers.AveragePooling2D(3, strides=1, padding="same") | keras (1, 4, )"
              "4) | torch (1, 4, 4)",
              "keras values | layers.ZeroPadding2D(1)\nlayers.AveragePooling2D(3, strides=1) | "
              "keras (1, 4, 4) | torch (1, 4, 4)"})
        << false << true;
    // 2 /2 ceil_mode on 5: ceil(3/2) + 1 = 3, the last window covers row 4 only. TF "same":
    // ceil(5/2) = 3, total max(2*2 + 2 - 5, 0) = 1: 0 before: the same windows. Without
    // ceil_mode: floor(3/2) + 1 = 2.
    QTest::addRow("maxpool ceil_mode")
        << "1, 5, 5"_b
        << R"({"type": "max_pool2d", "ceil_mode": true})"_b << 0
        << L({"# ceil_mode has no Keras equivalent: this layer's output is one row/column smaller "
              "here",
              "layers.MaxPooling2D(2)"})
        << L({"nn.MaxPool2d(2, ceil_mode=True)"})
        << L({R"(keras same | layers.MaxPooling2D(2, padding="same") | keras (1, 3, 3) | torch (1, )"
              "3, 3)",
              "keras shape | layers.MaxPooling2D(2) | keras (1, 2, 2) | torch (1, 3, 3)"})
        << false << true;
    // Keras's size is a factor, PyTorch's an output size.
    QTest::addRow("upsampling bilinear x2")
        << "3, 4, 4"_b
        << R"({"type": "upsampling2d", "interpolation": "bilinear"})"_b << 0
        << L({R"(layers.UpSampling2D(2, interpolation="bilinear"))"})
        << L({"nn.Upsample(scale_factor=2, mode='bilinear')"})
        << L({"pytorch shape | nn.Upsample(size=2, mode='bilinear') | keras (3, 8, 8) | torch (3, "
              "2, 2)",
              "pytorch values | nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True) | "
              "keras (3, 8, 8) | torch (3, 8, 8)"})
        << true << true;
    QTest::addRow("upsampling align_corners")
        << "1, 4, 6"_b
        << R"({"type": "upsampling2d", "size": [2, 3], "interpolation": "bilinear",
               "coordinate_mode": "align_corners"})"_b
        << 0
        << L({"# align_corners: Keras has no switch; tf.compat.v1.image.resize(..., "
              "align_corners=True) does it",
              R"(layers.UpSampling2D((2, 3), interpolation="bilinear"))"})
        << L({"nn.Upsample(scale_factor=(2, 3), mode='bilinear', align_corners=True)"})
        << L({"pytorch shape | nn.Upsample(size=(2, 3), mode='bilinear', align_corners=True) | "
              "keras (1, 8, 18) | torch (1, 2, 3)",
              R"(keras values | layers.UpSampling2D((2, 3), interpolation="bilinear") | keras (1, )"
              "8, 18) | torch (1, 8, 18)"})
        << false << true;
    QTest::addRow("upsampling bicubic")
        << "1, 4, 4"_b
        << R"({"type": "upsampling2d", "interpolation": "bicubic"})"_b << 0
        << L({R"(layers.UpSampling2D(2, interpolation="bicubic"))"})
        << L({"nn.Upsample(scale_factor=2, mode='bicubic')"})
        << L({"pytorch shape | nn.Upsample(size=2, mode='bicubic') | keras (1, 8, 8) | torch (1, "
              "2, 2)",
              "pytorch values | nn.Upsample(scale_factor=2, mode='bicubic', align_corners=True) | "
              "keras (1, 8, 8) | torch (1, 8, 8)",
              R"(keras values | layers.UpSampling2D(2, interpolation="bicubic") | keras (1, 8, 8) )"
              "| torch (1, 8, 8)"})
        << false << true;
    // 3 -> 5 nearest: floor(3x/5) = 0 0 1 1 2; by the centres floor((2x + 1)*3/10) = 0 0 1 2 2.
    QTest::addRow("resize nearest 3 to 5")
        << "1, 3, 3"_b
        << R"({"type": "upsampling2d", "output_size": 5})"_b << 0
        << L({R"(layers.Resizing(5, 5, interpolation="nearest"))"}) << L({"nn.Upsample(size=5)"})
        << L({R"(keras values | layers.Resizing(5, 5, interpolation="nearest") | keras (1, 5, 5) | )"
              "torch (1, 5, 5)"})
        << false << true;
    // 2 /2 pool on 5 gives 2; MaxUnpool2d's own size (2 - 1)*2 - 0 + 2 = 4, not 5.
    QTest::addRow("unpool after odd pool")
        << "1, 5, 5"_b
        << R"({"type": "max_pool2d", "name": "p"}, {"type": "max_unpool2d", "indices_from": "p"})"_b
        << 1
        << L({"# no Keras layer: unpooling needs the pool's indices "
              "(tf.nn.max_pool_with_argmax, then tf.scatter_nd)"})
        << L({"x = F.max_unpool2d(x, indices_p, 2, output_size=(5, 5))"})
        << L({"keras not expressible | (no layer) | keras - | torch (1, 5, 5)",
              "pytorch shape | nn.MaxUnpool2d(2)(x, indices) | keras - | torch (1, 4, 4)"})
        << false << true;
    // Conv2DTranspose "same" 3x3 /2 on 5: 10, full (5 - 1)*2 + 3 = 11, offset 0. PyTorch
    // padding=(3 - 1)//2 = 1: (5 - 1)*2 - 2 + 3 = 9; with output_padding=1: 10 from offset 1.
    QTest::addRow("tconv same k3 s2")
        << "8, 5, 5"_b
        << R"({"type": "conv2d_transpose", "filters": 4, "kernel_size": 3,
                            "strides": 2, "padding": "same"})"_b
        << 0 << L({R"(layers.Conv2DTranspose(4, 3, strides=2, padding="same"))"})
        << L({"nn.ConvTranspose2d(8, 4, 3, stride=2)  # the full (n - 1)*s + ke",
              "# Keras 'same': keep rows 0.. and columns 0.. (10 x 10)",
              "x = x[:, :, 0:0 + 10, 0:0 + 10]"})
        << L({"pytorch shape | nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1) | keras (4, 10, "
              "10) "
              "| torch (4, 9, 9)",
              "pytorch values | nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1) "
              "| keras (4, 10, 10) | torch (4, 10, 10)"})
        << true << true;
    // 4x4 /2 "same" on 5: 10, full 12, offset 1 = PyTorch's padding=1: the same layer.
    QTest::addRow("tconv same k4 s2")
        << "1, 5, 5"_b
        << R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 4,
                            "strides": 2, "padding": "same"})"_b
        << 0 << L({R"(layers.Conv2DTranspose(1, 4, strides=2, padding="same"))"})
        << L({"nn.ConvTranspose2d(1, 1, 4, stride=2, padding=1)"})
        << L({"pytorch same | nn.ConvTranspose2d(1, 1, 4, stride=2, padding=1) | keras (1, 10, 10) "
              "| torch (1, 10, 10)"})
        << true << true;
    // 1x1 /2 "valid" on 4: Keras 4*2 + max(1 - 2, 0) = 8; PyTorch (4 - 1)*2 + 1 = 7, and
    // output_padding=1 adds the zero row Keras has.
    QTest::addRow("tconv valid k1 s2")
        << "1, 4, 4"_b
        << R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 1,
                            "strides": 2})"_b
        << 0 << L({"layers.Conv2DTranspose(1, 1, strides=2)"})
        << L({"nn.ConvTranspose2d(1, 1, 1, stride=2, output_padding=1)"})
        << L({"pytorch shape | nn.ConvTranspose2d(1, 1, 1, stride=2) | keras (1, 8, 8) | torch (1, "
              "7, 7)",
              "pytorch same | nn.ConvTranspose2d(1, 1, 1, stride=2, output_padding=1) | keras (1, "
              "8, 8) | torch (1, 8, 8)"})
        << true << true;
    // PyTorch padding=1, output_padding=1 on 5: (5 - 1)*2 - 2 + 3 + 1 = 10 from offset 1;
    // Keras "same" gives 10 from offset 0.
    QTest::addRow("tconv padding 1 output_padding 1")
        << "2, 5, 5"_b
        << R"({"type": "conv2d_transpose", "filters": 2, "kernel_size": 3,
                            "strides": 2, "padding": 1, "output_padding": 1})"_b
        << 0
        << L({"layers.Conv2DTranspose(2, 3, strides=2, output_padding=1)", "layers.Cropping2D(1)"})
        << L({"nn.ConvTranspose2d(2, 2, 3, stride=2, padding=1, output_padding=1)"})
        << L({R"(keras values | layers.Conv2DTranspose(2, 3, strides=2, padding="same") | keras )"
              "(2, 10, 10) | torch (2, 10, 10)"})
        << true << true;
    // Dilation 3 allows output_padding 2 at stride 1 in PyTorch (< max(1, 3)), not in Keras
    // (< 1): (4 - 1)*1 - 0 + 7 + 2 = 12. Keras "same": 4*1 = 4.
    QTest::addRow("tconv output_padding from dilation")
        << "1, 4, 4"_b
        << R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "dilation_rate": 3,
               "padding": 0, "output_padding": 2})"_b
        << 0
        << L({"layers.Conv2DTranspose(1, 3, output_padding=2, dilation_rate=3)",
              "layers.Cropping2D(0)"})
        << L({"nn.ConvTranspose2d(1, 1, 3, output_padding=2, dilation=3)"})
        << L({R"(keras shape | layers.Conv2DTranspose(1, 3, padding="same", dilation_rate=3) | )"
              "keras (1, 4, 4) | torch (1, 12, 12)",
              "keras not expressible | layers.Conv2DTranspose(1, 3, output_padding=2, "
              "dilation_rate=3)\nlayers.Cropping2D(0) | keras - | torch (1, 12, 12)"})
        << false << true;
}

void TestFrameworkComparison::lookAlikes() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, layers);
    QFETCH(int, index);
    QFETCH(QStringList, keras);
    QFETCH(QStringList, pytorch);
    QFETCH(QStringList, lookAlikes);
    QFETCH(bool, kerasExact);
    QFETCH(bool, torchExact);
    const FrameworkComparison c = compare(input, layers, index);
    QStringList rows;
    for (const LookAlike& l : c.lookAlikes) {
        rows << rowOf(l);
    }
    const QString got = dump(c);
    QVERIFY2(c.keras == keras, qPrintable(got));
    QVERIFY2(c.pytorch == pytorch, qPrintable(got));
    QVERIFY2(rows == lookAlikes, qPrintable(got));
    QCOMPARE(c.kerasExact, kerasExact);
    QCOMPARE(c.torchExact, torchExact);
}

void TestFrameworkComparison::explanations_data() {
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("layer");
    QTest::addColumn<QStringList>("explanations");
    QTest::addRow("conv same k3 s2 on 8")
        << "1, 8, 8"_b
        << R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2, "padding": "same"})"_b
        << L({"PyTorch raises \"padding='same' is not supported for strided convolutions\"; "
              "TensorFlow pads 0 before and 1 after here",
              "both give height 4, but padding=1 pads 1 before where \"same\" pads 0: everything "
              "moves by 1 pixel, other values"});
    QTest::addRow("conv same k4 s1")
        << "1, 8, 8"_b
        << R"({"type": "conv2d", "filters": 1, "kernel_size": 4, "padding": "same"})"_b
        << L({"padding=2 pads 2 before and 2 after, \"same\" pads 1 and 2: height 9 instead of 8"});
    QTest::addRow("avgpool same k3 s1")
        << "1, 4, 4"_b
        << R"({"type": "avg_pool2d", "pool_size": 3, "strides": 1, "padding": "same"})"_b
        << L({"nn.AvgPool2d takes numbers only: padding='same' raises a TypeError",
              "the same windows, but padding=1 counts the padding zeros in the average "
              "(count_include_pad=True) and the other divides by the real elements only: other "
              "values at the border"});
    QTest::addRow("maxpool ceil_mode")
        << "1, 5, 5"_b
        << R"({"type": "max_pool2d", "ceil_mode": true})"_b
        << L({"\"same\" pads 0 before and 1 after, as ceil_mode=True does: the same layer",
              "Keras has no ceil_mode: rounding down drops the last, partial window: height 2 "
              "instead of 3"});
    QTest::addRow("tconv same k3 s2")
        << "1, 5, 5"_b
        << R"({"type": "conv2d_transpose", "filters": 1, "kernel_size": 3,
                            "strides": 2, "padding": "same"})"_b
        << L({"padding=1 crops 1 before and 1 after, Keras's \"same\" crops 0 and 1: height 9 "
              "instead of 10",
              "both give height 10, but padding=1, output_padding=1 crops 1 before where Keras's "
              "\"same\" crops 0: everything moves by 1 pixel, other values"});
    QTest::addRow("unpool")
        << "1, 5, 5"_b
        << R"({"type": "max_pool2d", "name": "p"}, {"type": "max_unpool2d", "indices_from": "p"})"_b
        << L({"Keras has no unpooling layer; tf.nn.max_pool_with_argmax and tf.scatter_nd can do "
              "it by hand",
              "without output_size MaxUnpool2d gives (n - 1)*s - 2p + k = (2 - 1)*2 - 2*0 + 2 = 4 "
              "on the height, not the pool's input 5 (an index past it raises \"Found an invalid "
              "max index\"): pass output_size"});
}

void TestFrameworkComparison::explanations() {
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, layer);
    QFETCH(QStringList, explanations);
    const FrameworkComparison c = compare(input, layer, layer.contains("unpool") ? 1 : 0);
    QStringList got;
    for (const LookAlike& l : c.lookAlikes) {
        got << l.explanation;
    }
    QCOMPARE(got, explanations);
}

void TestFrameworkComparison::invalidLayerIsAnError() {
    // 5x5 on 3x3 does not fit.
    const Pipeline p = test::pipelineFromJson(R"({ "format": "stridelab.pipeline", "version": 1,
        "input": { "shape": [1, 3, 3] },
        "layers": [ { "type": "conv2d", "filters": 1, "kernel_size": 5 } ] })");
    const auto c = compareFrameworks(p, analyzePipeline(p, p.input.shape), 0);
    QVERIFY(!c);
    QCOMPARE(c.error().message,
             QStringLiteral("layer 1 \"conv2d\" has no shape: kernel 5x5 is larger than the padded "
                            "input 3x3 on both axes"));
    QVERIFY(!compareFrameworks(p, analyzePipeline(p, p.input.shape), 1));
}

QTEST_GUILESS_MAIN(TestFrameworkComparison)
#include "tst_framework_comparison.moc"
