// Receptive field and jump of every layer (cli.md, `summary`, "Definitions"), checked against
// values derived by hand from those definitions:
// - receptive field: the extent (max - min + 1) of the input positions one output element
//   structurally depends on, over an unbounded input (padding positions count, nothing is
//   clamped), largest over the layer's actual output positions;
// - jump: the product of s (convolutions, pools), 1/s (transposed convolutions, unpooling) and
//   n_in/n_out (every resize mode).
// Notation in the derivations: "q <- a..b" means output q depends on the previous layer's
// positions a to b; x is an input position.

#include "pipeline/pipeline_analysis.h"
#include "support/test_support.h"

#include <QFile>
#include <QTest>

using namespace stridelab;

namespace {

QByteArray pipelineJson(const QByteArray& layers) {
    return R"({ "format": "stridelab.pipeline", "version": 1, "input": { "shape": [1, 8, 8] },
                "layers": [ )" +
           layers + " ] }";
}

}  // namespace

class TestReceptiveField : public QObject {
    Q_OBJECT

private slots:
    void perLayer_data();
    void perLayer();
    void pathologicalKernelGivesUnknown();
};

void TestReceptiveField::perLayer_data() {
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QList<qint64>>("input");  // C, H, W given to analyzePipeline
    QTest::addColumn<QList<qint64>>("rf");     // per layer, height (and width unless rfW)
    QTest::addColumn<QList<double>>("jump");   // per layer, height (and width unless jumpW)
    QTest::addColumn<qint64>("rfW");           // last layer's width when it differs, else -1
    QTest::addColumn<double>("jumpW");         // last layer's width when it differs, else -1

    // q <- x = q..q+2: 3 positions. Jump 1.
    QTest::addRow("conv k3") << pipelineJson(
                                    R"({ "type": "conv2d", "filters": 1, "kernel_size": 3 })")
                             << QList<qint64>{1, 16, 16} << QList<qint64>{3} << QList<double>{1}
                             << qint64{-1} << -1.0;

    // Layer 1: p <- x = 2p..2p+2. Layer 2: q <- p = q..q+2 <- x = 2q..2(q+2)+2 = 2q..2q+6: 7.
    // Jump 2*1 = 2.
    QTest::addRow("conv k3 s2, conv k3")
        << pipelineJson(R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2 },
                           { "type": "conv2d", "filters": 1, "kernel_size": 3 })")
        << QList<qint64>{1, 16, 16} << QList<qint64>{3, 7} << QList<double>{2, 2} << qint64{-1}
        << -1.0;

    // Taps q, q+2, q+4: extent 5.
    QTest::addRow("conv k3 dilation 2")
        << pipelineJson(
               R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "dilation_rate": 2 })")
        << QList<qint64>{1, 16, 16} << QList<qint64>{5} << QList<double>{1} << qint64{-1} << -1.0;

    // Pool: p <- x = 2p, 2p+1 (2). Conv: q <- p = q..q+2 <- x = 2q..2(q+2)+1 = 2q..2q+5: 6.
    // Jump 2.
    QTest::addRow("max pool 2, conv k3")
        << pipelineJson(R"({ "type": "max_pool2d", "pool_size": 2 },
                           { "type": "conv2d", "filters": 1, "kernel_size": 3 })")
        << QList<qint64>{1, 16, 16} << QList<qint64>{2, 6} << QList<double>{2, 2} << qint64{-1}
        << -1.0;

    // The spec's own example. Nearest x2: u <- x = floor(u/2) (1). Conv 2x2: q <- u = q, q+1
    // <- x = floor(q/2), floor((q+1)/2), two different inputs for odd q: 2 (not 1.5).
    // Jump 8/16 = 0.5.
    QTest::addRow("nearest x2, conv 2x2") << pipelineJson(R"({ "type": "upsampling2d", "size": 2 },
                           { "type": "conv2d", "filters": 1, "kernel_size": 2 })")
                                          << QList<qint64>{1, 8, 8} << QList<qint64>{1, 2}
                                          << QList<double>{0.5, 0.5} << qint64{-1} << -1.0;

    // Bilinear x2 half_pixel: source (u + 0.5)/2 - 0.5 = u/2 - 0.25; u = 2m: m - 0.25 ->
    // taps m-1, m (weights 0.25, 0.75); u = 2m+1: m + 0.25 -> taps m, m+1: 2.
    // Conv 1x1 keeps it: 2. Conv 3x3 valid: q <- u = q..q+2; q = 2m: {m-1,m} {m,m+1} {m,m+1}
    // = m-1..m+1; q = 2m+1: {m,m+1} {m,m+1} {m+1,m+2} = m..m+2: 3. Jump 0.5 throughout.
    QTest::addRow("bilinear x2, conv 1x1, conv 3x3")
        << pipelineJson(R"({ "type": "upsampling2d", "size": 2, "interpolation": "bilinear" },
                           { "type": "conv2d", "filters": 1, "kernel_size": 1 },
                           { "type": "conv2d", "filters": 1, "kernel_size": 3 })")
        << QList<qint64>{1, 8, 8} << QList<qint64>{2, 2, 3} << QList<double>{0.5, 0.5, 0.5}
        << qint64{-1} << -1.0;

    // Bicubic x2 half_pixel: source u/2 - 0.25 is never an integer, so all four taps
    // floor(src)-1 .. floor(src)+2 have non-zero weight: 4. Jump 0.5.
    QTest::addRow("bicubic x2")
        << pipelineJson(R"({ "type": "upsampling2d", "size": 2, "interpolation": "bicubic" })")
        << QList<qint64>{1, 8, 8} << QList<qint64>{4} << QList<double>{0.5} << qint64{-1} << -1.0;

    // Input i adds w[j] to i*2 + j, j = 0..2 ("same": out 16, full 17, offset floor(1/2) = 0).
    // Output o = 2m gets i = m (j=0) and i = m-1 (j=2): 2; o = 2m+1 gets only i = m: 1.
    // Largest 2. Jump 1/2.
    QTest::addRow("conv2d_transpose k3 s2")
        << pipelineJson(R"({ "type": "conv2d_transpose", "filters": 1, "kernel_size": 3,
                             "strides": 2, "padding": "same" })")
        << QList<qint64>{1, 8, 8} << QList<qint64>{2} << QList<double>{0.5} << qint64{-1} << -1.0;

    // PyTorch k4 s2 p1: o + 1 = 2i + j, j = 0..3; two taps of the same parity hit every o, from
    // i and i-1: 2. Jump 0.5.
    QTest::addRow("conv2d_transpose k4 s2 p1")
        << pipelineJson(R"({ "type": "conv2d_transpose", "filters": 1, "kernel_size": 4,
                             "strides": 2, "padding": 1 })")
        << QList<qint64>{1, 8, 8} << QList<qint64>{2} << QList<double>{0.5} << qint64{-1} << -1.0;

    // Stride 1: o = i + j, j = 0..2: inputs o-2..o: 3. Jump 1.
    QTest::addRow("conv2d_transpose k3 s1")
        << pipelineJson(R"({ "type": "conv2d_transpose", "filters": 1, "kernel_size": 3 })")
        << QList<qint64>{1, 8, 8} << QList<qint64>{3} << QList<double>{1} << qint64{-1} << -1.0;

    // Pool: p <- x = 2p, 2p+1 (2, jump 2). Unpool, like a transposed conv k2 s2: o <- p =
    // floor(o/2) only: still 2; jump 2 * 1/2 = 1.
    QTest::addRow("max pool 2, max_unpool2d")
        << pipelineJson(R"({ "type": "max_pool2d", "name": "pool", "pool_size": 2 },
                           { "type": "max_unpool2d", "indices_from": "pool" })")
        << QList<qint64>{1, 8, 8} << QList<qint64>{2, 2} << QList<double>{2, 1} << qint64{-1}
        << -1.0;

    // Pool (2, jump 2). Conv 3 same: q <- p = q-1..q+1 <- x = 2q-2..2q+3: 6. Unpool: o <- q =
    // floor(o/2): 6, jump 1 (SegNet with a layer between pool and unpool).
    QTest::addRow("pool 2, conv 3 same, unpool")
        << pipelineJson(R"({ "type": "max_pool2d", "name": "pool", "pool_size": 2 },
                           { "type": "conv2d", "filters": 1, "kernel_size": 3, "padding": "same" },
                           { "type": "max_unpool2d", "indices_from": "pool" })")
        << QList<qint64>{1, 8, 8} << QList<qint64>{2, 6, 6} << QList<double>{2, 2, 1} << qint64{-1}
        << -1.0;

    // align_corners 5 -> 9: source u*(5-1)/(9-1) = u/2: integer for even u (1 tap, the other
    // weight is exactly 0), m + 0.5 for odd u (2 taps): 2. Jump n_in/n_out = 5/9, not
    // (n_in-1)/(n_out-1) = 0.5.
    QTest::addRow("bilinear align_corners 5 -> 9")
        << pipelineJson(R"({ "type": "upsampling2d", "output_size": [9, 9],
                             "interpolation": "bilinear", "coordinate_mode": "align_corners" })")
        << QList<qint64>{1, 5, 5} << QList<qint64>{2} << QList<double>{5.0 / 9.0} << qint64{-1}
        << -1.0;

    // nearest_exact x3: u <- x = floor((2u+1)/6) (1). Conv 2 valid: q <- u = q, q+1; for q = 2:
    // floor(5/6) = 0, floor(7/6) = 1: 2. Jump 1/3.
    QTest::addRow("nearest_exact x3, conv 2")
        << pipelineJson(R"({ "type": "upsampling2d", "size": 3, "interpolation": "nearest_exact" },
                           { "type": "conv2d", "filters": 1, "kernel_size": 2 })")
        << QList<qint64>{1, 6, 6} << QList<qint64>{1, 2} << QList<double>{1.0 / 3, 1.0 / 3}
        << qint64{-1} << -1.0;

    // Layer 1: 3, jump 2. Layer 2, taps q, q+2, q+4 of layer 1 <- x = 2q..2(q+4)+2 = 2q..2q+10:
    // 11.
    QTest::addRow("conv k3 s2, conv k3 d2")
        << pipelineJson(R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2 },
                           { "type": "conv2d", "filters": 1, "kernel_size": 3, "dilation_rate": 2 })")
        << QList<qint64>{1, 32, 32} << QList<qint64>{3, 11} << QList<double>{2, 2} << qint64{-1}
        << -1.0;

    // Conv k3 s2 same: 3, jump 2. Nearest x2: u <- p = floor(u/2), one position: still 3;
    // jump 2 * 1/2 = 1.
    QTest::addRow("conv k3 s2 same, nearest x2")
        << pipelineJson(R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2,
                             "padding": "same" },
                           { "type": "upsampling2d", "size": 2 })")
        << QList<qint64>{1, 16, 16} << QList<qint64>{3, 3} << QList<double>{2, 1} << qint64{-1}
        << -1.0;

    // avg pool 3 s1 same: p <- x = p-1..p+1 (3). Conv 3 s2 valid: q <- p = 2q..2q+2 <- x =
    // 2q-1..2q+3: 5. Jump 1, then 2.
    QTest::addRow("avg pool 3 s1 same, conv 3 s2")
        << pipelineJson(
               R"({ "type": "avg_pool2d", "pool_size": 3, "strides": 1, "padding": "same" },
                           { "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2 })")
        << QList<qint64>{1, 16, 16} << QList<qint64>{3, 5} << QList<double>{1, 2} << qint64{-1}
        << -1.0;

    // Kernel [3, 5], strides [1, 2]: height 3 and jump 1, width 5 and jump 2.
    QTest::addRow("non-square kernel and stride")
        << pipelineJson(R"({ "type": "conv2d", "filters": 1, "kernel_size": [3, 5],
                             "strides": [1, 2] })")
        << QList<qint64>{1, 16, 16} << QList<qint64>{3} << QList<double>{1} << qint64{5} << 2.0;

    // Nearest x2 of a 1-pixel input, then conv k5 same (pad 2 and 2): the padded positions
    // -2..3 of the upsampled map come from x = floor(u/2) over the unbounded input, nothing
    // clamped. q = 0 <- u = -2..2 <- x = -1, -1, 0, 0, 1: extent 3 (q = 1 likewise).
    // Jump 0.5.
    QTest::addRow("nearest x2 of 1 pixel, conv k5 same")
        << pipelineJson(R"({ "type": "upsampling2d", "size": 2 },
                           { "type": "conv2d", "filters": 1, "kernel_size": 5, "padding": "same" })")
        << QList<qint64>{1, 1, 1} << QList<qint64>{1, 3} << QList<double>{0.5, 0.5} << qint64{-1}
        << -1.0;

    // The same at 2 pixels with k7 same (pad 3 and 3): q <- u = q-3..q+3 <- x = floor(u/2):
    // q = 0: -2..1; q = 1: -1..2; q = 2: -1..2; q = 3: 0..3: 4 at every position.
    QTest::addRow("nearest x2 of 2 pixels, conv k7 same")
        << pipelineJson(R"({ "type": "upsampling2d", "size": 2 },
                           { "type": "conv2d", "filters": 1, "kernel_size": 7, "padding": "same" })")
        << QList<qint64>{1, 2, 2} << QList<qint64>{1, 4} << QList<double>{0.5, 0.5} << qint64{-1}
        << -1.0;

    // The encoder-decoder preset, 416 -> 13 -> 416.
    // Encoder: conv 3 same at jump J adds 2J, pool 2 adds J and doubles J:
    //   enc1 3 (J 1), pool1 4 (J 2), enc2 8, pool2 10 (J 4), enc3 18, pool3 22 (J 8),
    //   enc4 38, pool4 46 (J 16), enc5 78, pool5 94 (J 32).
    // Decoder, conv2d_transpose k3 s2 same (offset 0 at every level since full - out = 1):
    //   dec1 o = 2m <- pool5 m-1, m: 94 + 32 = 126; o = 2m+1 <- m: 94. Any two neighbouring
    //   outputs of a level depend on at most two neighbouring pool5 positions, and each
    //   dec level's output reads at most two neighbouring outputs of the level before, so
    //   every decoder stays at 126. Jumps 16, 8, 4, 2, 1.
    QFile preset(test::sourceDir() +
                 QStringLiteral("/resources/presets/encoder_decoder_416.stridelab.json"));
    if (!preset.open(QIODevice::ReadOnly)) {
        qFatal("cannot read the encoder-decoder preset");
    }
    QTest::addRow("encoder_decoder_416 preset")
        << preset.readAll() << QList<qint64>{3, 416, 416}
        << QList<qint64>{3, 4, 8, 10, 18, 22, 38, 46, 78, 94, 126, 126, 126, 126, 126}
        << QList<double>{1, 2, 2, 4, 4, 8, 8, 16, 16, 32, 16, 8, 4, 2, 1} << qint64{-1} << -1.0;
}

void TestReceptiveField::perLayer() {
    QFETCH(QByteArray, json);
    QFETCH(QList<qint64>, input);
    QFETCH(QList<qint64>, rf);
    QFETCH(QList<double>, jump);
    QFETCH(qint64, rfW);
    QFETCH(double, jumpW);
    const Pipeline pipeline = test::pipelineFromJson(json);
    const PipelineReport report = analyzePipeline(pipeline, Shape{input[0], input[1], input[2]});
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.firstBroken()->error->message));
    QCOMPARE(report.layers.size(), std::size_t(rf.size()));
    QList<qint64> actualRfH;
    QList<double> actualJumpH;
    for (const LayerReport& r : report.layers) {
        actualRfH << r.receptiveField[0].value_or(-1);
        actualJumpH << r.jump[0];
    }
    QCOMPARE(actualRfH, rf);
    QCOMPARE(actualJumpH, jump);
    const LayerReport& last = report.layers.back();
    QCOMPARE(last.receptiveField[1].value_or(-1), rfW < 0 ? rf.back() : rfW);
    QCOMPARE(last.jump[1], jumpW < 0 ? jump.back() : jumpW);
}

// A 65536-tap kernel dilated 65536 times spans 2^32 positions: working out its field would
// take hours, so the analysis says it does not know (JSON null, "?") instead of hanging; a
// layer after it is unknown too. Its output shape is still exact.
void TestReceptiveField::pathologicalKernelGivesUnknown() {
    const Pipeline pipeline = test::pipelineFromJson(pipelineJson(
        R"({ "type": "conv2d", "filters": 1, "kernel_size": 65536, "dilation_rate": 65536,
             "padding": "same" },
           { "type": "conv2d", "filters": 1, "kernel_size": 3 })"));
    const PipelineReport report = analyzePipeline(pipeline, Shape{1, 8, 8});
    QVERIFY(report.ok());
    QCOMPARE(report.layers[0].shape->output, (Shape{1, 8, 8}));
    QCOMPARE(report.layers[0].receptiveField[0], std::optional<std::int64_t>{});
    QCOMPARE(report.layers[1].receptiveField[1], std::optional<std::int64_t>{});
    QCOMPARE(report.layers[1].shape->output, (Shape{1, 6, 6}));
}

QTEST_GUILESS_MAIN(TestReceptiveField)
#include "tst_receptive_field.moc"
