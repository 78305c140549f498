// `stridelab export --steps`: the step-through of one layer as an animated GIF (read back with
// giflib) or as numbered PNG frames, and the errors of --steps-layer.

#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <gif_lib.h>

namespace {

struct Outcome {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Outcome runStridelab(const QStringList& arguments) {
    QProcess p;
    p.start(QStringLiteral(STRIDELAB_EXECUTABLE), arguments);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

QString preset(const QString& name) {
    return stridelab::test::sourceDir() + QStringLiteral("/resources/presets/") + name;
}

const QString kMnist = QStringLiteral("mnist_trunk.stridelab.json");

QStringList framesIn(const QString& dir) {
    return QDir(dir).entryList(QDir::Files, QDir::Name);
}

QStringList numberedFrames(int count) {
    QStringList names;
    for (int i = 0; i < count; ++i) {
        names << QStringLiteral("frame_%1.png").arg(i, 3, 10, QLatin1Char('0'));
    }
    return names;
}

}  // namespace

class TestExportSteps : public QObject {
    Q_OBJECT

private slots:
    void gifOfTheFirstLayer();
    void pngFramesOfALayer_data();
    void pngFramesOfALayer();
    void shapeOnlyPipelineNeedsNoData();
    void errors_data();
    void errors();
    void unwritableGifIsARuntimeFailure();
};

// The MNIST trunk's first layer, conv 3x3 on 28x28, is shown on 5x5 -> 3x3: 9 frames.
void TestExportSteps::gifOfTheFirstLayer() {
    QTemporaryDir dir;
    const QString gif = dir.filePath(QStringLiteral("conv.gif"));
    const Outcome o =
        runStridelab({QStringLiteral("export"), preset(kMnist), QStringLiteral("--steps"), gif});
    QCOMPARE(o.exitCode, 0);
    QCOMPARE(o.err, QByteArray());
    QFile file(gif);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.read(6), QByteArray("GIF89a"));

    int error = 0;
    GifFileType* decoded = DGifOpenFileName(QFile::encodeName(gif).constData(), &error);
    QVERIFY(decoded != nullptr);
    QCOMPARE(DGifSlurp(decoded), GIF_OK);
    const int count = decoded->ImageCount;
    const QSize size(decoded->SWidth, decoded->SHeight);
    DGifCloseFile(decoded, &error);
    QCOMPARE(count, 9);

    // The PNG frames of the same layer have the GIF's size.
    const QString frames = dir.filePath(QStringLiteral("frames"));
    QCOMPARE(runStridelab({QStringLiteral("export"), preset(kMnist), QStringLiteral("--steps"),
                           frames, QStringLiteral("--steps-layer"), QStringLiteral("1")})
                 .exitCode,
             0);
    QCOMPARE(framesIn(frames), numberedFrames(9));
    QCOMPARE(QImage(frames + QStringLiteral("/frame_004.png")).size(), size);
}

void TestExportSteps::pngFramesOfALayer_data() {
    QTest::addColumn<QString>("pipeline");
    QTest::addColumn<QString>("layer");
    QTest::addColumn<int>("frames");
    // max_pool2d 2 on 26: 6 -> 3x3.
    QTest::addRow("by index") << kMnist << QStringLiteral("2") << 9;
    // conv2d_1 3x3 on 13: 5 -> 3x3.
    QTest::addRow("by name") << kMnist << QStringLiteral("conv2d_1") << 9;
    // Conv2DTranspose 3x3 /2 on 32: 4x4 inputs and the closing overlap-count frame.
    QTest::addRow("transposed") << QStringLiteral(
                                       "demos/checkerboard_1_conv_transpose.stridelab.json")
                                << QStringLiteral("tconv_up1") << 17;
    // max_unpool2d of a 2x2 pool on 64: the pool on 6x6 gives 3x3 values to put back.
    QTest::addRow("unpool") << QStringLiteral("demos/unpooling_segnet.stridelab.json")
                            << QStringLiteral("unpool") << 9;
    // UpSampling2D x2 on 64: 4 -> 8, one frame per output element.
    QTest::addRow("resize") << QStringLiteral("conv_same_upsampling.stridelab.json")
                            << QStringLiteral("upsampling2d") << 64;
}

void TestExportSteps::pngFramesOfALayer() {
    QFETCH(QString, pipeline);
    QFETCH(QString, layer);
    QFETCH(int, frames);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("out"));
    const Outcome o =
        runStridelab({QStringLiteral("export"), preset(pipeline), QStringLiteral("--steps"), out,
                      QStringLiteral("--steps-layer"), layer});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(framesIn(out), numberedFrames(frames));
    const QImage first(out + QStringLiteral("/frame_000.png"));
    QVERIFY(!first.isNull());
    QCOMPARE(QImage(out + QStringLiteral("/") + numberedFrames(frames).last()).size(),
             first.size());
}

// A shape is enough: the step-through runs on its own small input. conv 3x3 on 8x8 keeps the
// real input: 6x6 frames.
void TestExportSteps::shapeOnlyPipelineNeedsNoData() {
    QTemporaryDir dir;
    const QString pipeline = dir.filePath(QStringLiteral("p.json"));
    QFile f(pipeline);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({ "format": "stridelab.pipeline", "version": 1, "input": { "shape": [1, 8, 8] },
                 "layers": [ { "type": "conv2d", "filters": 1, "kernel_size": 3 } ] })");
    f.close();
    const QString out = dir.filePath(QStringLiteral("out"));
    const Outcome o =
        runStridelab({QStringLiteral("export"), pipeline, QStringLiteral("--steps"), out});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(framesIn(out).size(), 36);
}

void TestExportSteps::errors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString p = preset(kMnist);
    const QString layers =
        QStringLiteral("(layers: conv2d, max_pool2d, conv2d_1, max_pool2d_1, conv2d_2)");
    QTest::addRow("unknown name")
        << QStringList{QStringLiteral("--steps-layer"), QStringLiteral("conv2d_9")}
        << QStringLiteral(
               "--steps-layer: %1 has no layer named \"conv2d_9\"; did you mean "
               "\"conv2d_1\"? %2")
               .arg(p, layers);
    QTest::addRow("index 0") << QStringList{QStringLiteral("--steps-layer"), QStringLiteral("0")}
                             << QStringLiteral(
                                    "--steps-layer: expected a layer name or an index "
                                    "from 1 to 5, got 0");
    QTest::addRow("index 6") << QStringList{QStringLiteral("--steps-layer"), QStringLiteral("6")}
                             << QStringLiteral(
                                    "--steps-layer: expected a layer name or an index "
                                    "from 1 to 5, got 6");
    QTest::addRow("a layer that does not fit")
        << QStringList{QStringLiteral("--input-shape"), QStringLiteral("1,6,6"),
                       QStringLiteral("--steps-layer"), QStringLiteral("conv2d_2")}
        << QStringLiteral(
               "%1: layers[2] (conv2d_1): kernel 3x3 is larger than the padded input "
               "2x2 on both axes")
               .arg(p);
}

void TestExportSteps::errors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    QTemporaryDir dir;
    const QString out = dir.filePath(QStringLiteral("x.gif"));
    const Outcome o = runStridelab(
        QStringList{QStringLiteral("export"), preset(kMnist), QStringLiteral("--steps"), out} +
        arguments);
    QCOMPARE(o.exitCode, 2);
    QCOMPARE(QString::fromUtf8(o.err).trimmed(), QStringLiteral("stridelab: error: ") + message);
    QVERIFY(!QFile::exists(out));

    const Outcome alone = runStridelab({QStringLiteral("export"), preset(kMnist),
                                        QStringLiteral("--steps-layer"), QStringLiteral("1")});
    QCOMPARE(alone.exitCode, 2);
    QCOMPARE(QString::fromUtf8(alone.err).trimmed(),
             QStringLiteral("stridelab: error: --steps-layer needs --steps FILE.gif|DIR"));
}

void TestExportSteps::unwritableGifIsARuntimeFailure() {
    const Outcome o =
        runStridelab({QStringLiteral("export"), preset(kMnist), QStringLiteral("--steps"),
                      QStringLiteral("/nonexistent-dir/steps.gif")});
    QCOMPARE(o.exitCode, 1);
    QVERIFY2(o.err.startsWith("stridelab: error: /nonexistent-dir/steps.gif"), o.err.constData());
    QCOMPARE(o.err.count('\n'), 1);
}

QTEST_GUILESS_MAIN(TestExportSteps)
#include "tst_export_steps.moc"
