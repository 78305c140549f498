// Every preset in resources/presets/ must summarise to what Keras's model.summary() prints for
// the same model: output shapes as (None, H, W, C) and parameter counts, row by row and in
// total. The numbers below are derived by hand from Keras's definitions, not taken from the
// program.

#include "io/image_input.h"
#include "pipeline/executor.h"
#include "pipeline/pipeline_reader.h"
#include "support/test_support.h"

#include <QDir>
#include <QElapsedTimer>
#include <QTest>

#include <cmath>

using namespace stridelab;

namespace {

QString presetPath(const QString& file) {
    return test::sourceDir() + QStringLiteral("/resources/presets/") + file;
}

}  // namespace

class TestPresets : public QObject {
    Q_OBJECT

private slots:
    void everyPresetIsCovered();
    void kerasSummary_data();
    void kerasSummary();
    void runs_data();
    void runs();
};

// The table below must grow with the folder.
void TestPresets::everyPresetIsCovered() {
    const QStringList files =
        QDir(test::sourceDir() + QStringLiteral("/resources/presets"))
            .entryList({QStringLiteral("*.stridelab.json")}, QDir::Files, QDir::Name);
    QCOMPARE(files, (QStringList{QStringLiteral("conv_same_upsampling.stridelab.json"),
                                 QStringLiteral("conv_transpose_same.stridelab.json"),
                                 QStringLiteral("encoder_decoder_416.stridelab.json"),
                                 QStringLiteral("mnist_trunk.stridelab.json"),
                                 QStringLiteral("stride2_downsampler.stridelab.json")}));
}

void TestPresets::kerasSummary_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("inputShape");  // Keras's Input layer, (None, H, W, C)
    QTest::addColumn<QStringList>("shapes");
    QTest::addColumn<QList<qint64>>("params");
    QTest::addColumn<qint64>("totalParams");

    // Input: builtin:color_gradient, rgb, resized to 64x64 -> (None, 64, 64, 3).
    // Conv2D(64, 3, padding="same"): out = ceil(64 / 1) = 64 -> (None, 64, 64, 64);
    //   params 3*3*3*64 + 64 = 1728 + 64 = 1792.
    // UpSampling2D(2): 64*2 = 128 -> (None, 128, 128, 64), 0 params.
    QTest::addRow("conv_same_upsampling")
        << QStringLiteral("conv_same_upsampling.stridelab.json")
        << QStringLiteral("(None, 64, 64, 3)")
        << QStringList{QStringLiteral("(None, 64, 64, 64)"), QStringLiteral("(None, 128, 128, 64)")}
        << QList<qint64>{1792, 0} << qint64{1792};

    // Input: builtin:checkerboard, rgb, 64x64 -> (None, 64, 64, 3).
    // Conv2DTranspose(64, 3, strides=2, padding="same"): out = n*s = 128 -> (None, 128, 128, 64);
    //   params C_in*filters*kh*kw + filters = 3*64*9 + 64 = 1728 + 64 = 1792.
    QTest::addRow("conv_transpose_same") << QStringLiteral("conv_transpose_same.stridelab.json")
                                         << QStringLiteral("(None, 64, 64, 3)")
                                         << QStringList{QStringLiteral("(None, 128, 128, 64)")}
                                         << QList<qint64>{1792} << qint64{1792};

    // Input: builtin:zone_plate, rgb, 416x416 -> (None, 416, 416, 3).
    // Five blocks of Conv2D(f, 3, "same") (size kept) + MaxPooling2D(2) (size halved):
    //   enc1 f=16:  3*3*3*16   + 16  = 432    + 16  = 448      416 -> pool 208
    //   enc2 f=32:  3*3*16*32  + 32  = 4608   + 32  = 4640     208 -> pool 104
    //   enc3 f=64:  3*3*32*64  + 64  = 18432  + 64  = 18496    104 -> pool 52
    //   enc4 f=128: 3*3*64*128 + 128 = 73728  + 128 = 73856     52 -> pool 26
    //   enc5 f=256: 3*3*128*256+ 256 = 294912 + 256 = 295168    26 -> pool 13
    // Five Conv2DTranspose(f, 3, strides=2, "same"), out = 2n: 13 -> 26 -> 52 -> 104 -> 208 -> 416
    //   dec1 f=128: 256*128*9 + 128 = 294912 + 128 = 295040
    //   dec2 f=64:  128*64*9  + 64  = 73728  + 64  = 73792
    //   dec3 f=32:  64*32*9   + 32  = 18432  + 32  = 18464
    //   dec4 f=16:  32*16*9   + 16  = 4608   + 16  = 4624
    //   dec5 f=3:   16*3*9    + 3   = 432    + 3   = 435
    // Total: encoders 392608 + decoders 392355 = 784963.
    QTest::addRow("encoder_decoder_416")
        << QStringLiteral("encoder_decoder_416.stridelab.json")
        << QStringLiteral("(None, 416, 416, 3)")
        << QStringList{QStringLiteral("(None, 416, 416, 16)"),
                       QStringLiteral("(None, 208, 208, 16)"),
                       QStringLiteral("(None, 208, 208, 32)"),
                       QStringLiteral("(None, 104, 104, 32)"),
                       QStringLiteral("(None, 104, 104, 64)"),
                       QStringLiteral("(None, 52, 52, 64)"),
                       QStringLiteral("(None, 52, 52, 128)"),
                       QStringLiteral("(None, 26, 26, 128)"),
                       QStringLiteral("(None, 26, 26, 256)"),
                       QStringLiteral("(None, 13, 13, 256)"),
                       QStringLiteral("(None, 26, 26, 128)"),
                       QStringLiteral("(None, 52, 52, 64)"),
                       QStringLiteral("(None, 104, 104, 32)"),
                       QStringLiteral("(None, 208, 208, 16)"),
                       QStringLiteral("(None, 416, 416, 3)")}
        << QList<qint64>{448,    0, 4640,   0,     18496, 0,    73856, 0,
                         295168, 0, 295040, 73792, 18464, 4624, 435}
        << qint64{784963};

    // Input: builtin:siemens_star, grayscale, 28x28 -> (None, 28, 28, 1) (Keras's MNIST convnet).
    // Conv2D(32, 3) valid: 28 - 3 + 1 = 26 -> (None, 26, 26, 32); 3*3*1*32 + 32 = 320.
    // MaxPooling2D(2): floor(26 / 2) = 13 -> (None, 13, 13, 32).
    // Conv2D(64, 3): 13 - 2 = 11 -> (None, 11, 11, 64); 3*3*32*64 + 64 = 18496.
    // MaxPooling2D(2): floor(11 / 2) = 5 -> (None, 5, 5, 64).
    // Conv2D(64, 3): 5 - 2 = 3 -> (None, 3, 3, 64); 3*3*64*64 + 64 = 36928.
    // Total 320 + 18496 + 36928 = 55744.
    QTest::addRow("mnist_trunk") << QStringLiteral("mnist_trunk.stridelab.json")
                                 << QStringLiteral("(None, 28, 28, 1)")
                                 << QStringList{QStringLiteral("(None, 26, 26, 32)"),
                                                QStringLiteral("(None, 13, 13, 32)"),
                                                QStringLiteral("(None, 11, 11, 64)"),
                                                QStringLiteral("(None, 5, 5, 64)"),
                                                QStringLiteral("(None, 3, 3, 64)")}
                                 << QList<qint64>{320, 0, 18496, 0, 36928} << qint64{55744};

    // Input: builtin:color_gradient, rgb, 224x224 -> (None, 224, 224, 3).
    // Conv2D(32, 3, strides=2) valid: floor((224 - 3) / 2) + 1 = 110 + 1 = 111;
    //   3*3*3*32 + 32 = 896.
    // Conv2D(64, 3, strides=2) valid: floor((111 - 3) / 2) + 1 = 54 + 1 = 55;
    //   3*3*32*64 + 64 = 18496.
    // Total 896 + 18496 = 19392.
    QTest::addRow("stride2_downsampler")
        << QStringLiteral("stride2_downsampler.stridelab.json")
        << QStringLiteral("(None, 224, 224, 3)")
        << QStringList{QStringLiteral("(None, 111, 111, 32)"), QStringLiteral("(None, 55, 55, 64)")}
        << QList<qint64>{896, 18496} << qint64{19392};
}

void TestPresets::kerasSummary() {
    QFETCH(QString, file);
    QFETCH(QString, inputShape);
    QFETCH(QStringList, shapes);
    QFETCH(QList<qint64>, params);
    QFETCH(qint64, totalParams);

    auto pipeline = loadPipeline(presetPath(file));
    QVERIFY2(pipeline.ok(), pipeline.ok() ? "" : qPrintable(pipeline.error().message));
    QCOMPARE(pipeline->input.kind, InputKind::Image);
    // The built-in image loads and has the declared size.
    auto input = loadInputTensor(pipeline->input, pipeline->baseDir);
    QVERIFY2(input.ok(), input.ok() ? "" : qPrintable(input.error().message));
    QCOMPARE(input->shape().toKerasString(), inputShape);

    const PipelineReport report = analyzePipeline(*pipeline, input->shape());
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.firstBroken()->error->message));
    QCOMPARE(report.layers.size(), std::size_t(shapes.size()));
    QStringList actualShapes;
    QList<qint64> actualParams;
    for (const LayerReport& r : report.layers) {
        actualShapes << r.shape->output.toKerasString();
        actualParams << r.shape->params;
    }
    QCOMPARE(actualShapes, shapes);
    QCOMPARE(actualParams, params);
    QCOMPARE(report.totalParams, totalParams);
    // Images become values in [0, 1] (pipeline-format.md), after the resize too.
    for (const float v : input->values()) {
        QVERIFY2(v >= 0.0F && v <= 1.0F, qPrintable(QString::number(v, 'g', 10)));
    }
}

void TestPresets::runs_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("maxMilliseconds");  // 0: no limit
    QTest::addRow("conv_same_upsampling")
        << QStringLiteral("conv_same_upsampling.stridelab.json") << 0;
    QTest::addRow("conv_transpose_same")
        << QStringLiteral("conv_transpose_same.stridelab.json") << 0;
    QTest::addRow("mnist_trunk") << QStringLiteral("mnist_trunk.stridelab.json") << 0;
    QTest::addRow("stride2_downsampler")
        << QStringLiteral("stride2_downsampler.stridelab.json") << 0;
    // The 416x416 encoder-decoder: about 0.8 GMAC; it should run in well under 10 s even on a
    // shared two-core machine.
    QTest::addRow("encoder_decoder_416")
        << QStringLiteral("encoder_decoder_416.stridelab.json") << 10000;
}

void TestPresets::runs() {
    QFETCH(QString, file);
    QFETCH(int, maxMilliseconds);
    auto pipeline = loadPipeline(presetPath(file));
    QVERIFY(pipeline.ok());
    auto input = loadInputTensor(pipeline->input, pipeline->baseDir);
    QVERIFY(input.ok());
    const PipelineReport report = analyzePipeline(*pipeline, input->shape());
    QVERIFY(report.ok());
    QElapsedTimer timer;
    timer.start();
    auto run = runPipeline(*pipeline, report, *input, RunOptions{});
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error().message));
    if (maxMilliseconds > 0) {
        QVERIFY2(elapsed < maxMilliseconds, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
    }
    QCOMPARE(run->layers.size(), pipeline->layers.size());
    QCOMPARE(run->milliseconds.size(), pipeline->layers.size());
    for (std::size_t i = 0; i < run->layers.size(); ++i) {
        const Tensor& t = run->layers[i]->values;
        QCOMPARE(t.shape(), report.layers[i].shape->output);
        // Real numbers, not an untouched buffer: finite everywhere and not all zero.
        bool nonZero = false;
        for (const float v : t.values()) {
            QVERIFY2(std::isfinite(v), qPrintable(report.layers[i].name));
            nonZero = nonZero || v != 0.0F;
        }
        QVERIFY2(nonZero, qPrintable(report.layers[i].name));
    }
}

QTEST_GUILESS_MAIN(TestPresets)
#include "tst_presets.moc"
