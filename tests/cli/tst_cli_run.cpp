// End-to-end tests of `stridelab run` (cli.md): inputs, --dump with its manifest and .npy
// files, the memory budget, exit statuses and error lines, and threads.

#include "io/npy.h"
#include "support/cli_support.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace stridelab;
using namespace stridelab::test;

namespace {

// A 3x20x30 shape-only pipeline: summary works, run needs --input.
const QByteArray kShapeOnly = R"({
  "format": "stridelab.pipeline", "version": 1, "name": "shape only",
  "input": { "shape": [3, 20, 30] },
  "layers": [ { "type": "conv2d", "filters": 2, "kernel_size": 3, "padding": "same",
                "kernel_initializer": "ones" } ]
})";

QImage testImage(int width, int height) {
    QImage image(width, height, QImage::Format_RGB888);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            image.setPixelColor(x, y, QColor((x * 7) % 256, (y * 11) % 256, (x + y) % 256));
        }
    }
    return image;
}

}  // namespace

class TestCliRun : public QObject {
    Q_OBJECT

private slots:
    void inputNpy();
    void inputPng();
    void runDump();
    void runShapeOnlyNeedsInput();
    void runShapeOnlyWithInput();
    void memoryLimit();
    void oldManifestRemovedBeforeFailedRun();
    void exitStatus_data();
    void exitStatus();
    void threadsByteIdentical_data();
    void threadsByteIdentical();
};

void TestCliRun::inputNpy() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString npy = dir.filePath(QStringLiteral("x.npy"));
    QVERIFY(writeNpy(npy, test::randomTensor(Shape{2, 10, 12}, 3)).ok());
    const Outcome o = runCli(
        {QStringLiteral("summary"), preset("conv_same_upsampling.stridelab.json"),
         QStringLiteral("--input"), npy, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(o.exitCode, 0);
    const QJsonObject j = parseObject(o.out);
    QCOMPARE(numbers(j.value(QStringLiteral("input")).toObject().value(QStringLiteral("shape"))),
             (QList<double>{2, 10, 12}));
    const QJsonObject conv = j.value(QStringLiteral("layers")).toArray().at(0).toObject();
    QCOMPARE(numbers(conv.value(QStringLiteral("output_shape"))), (QList<double>{64, 10, 12}));
    QCOMPARE(conv.value(QStringLiteral("params")).toDouble(), 3.0 * 3 * 2 * 64 + 64);
    QCOMPARE(conv.value(QStringLiteral("formula_h")).toString(),
             QStringLiteral("ceil(10 / 1) = 10"));
    QCOMPARE(conv.value(QStringLiteral("formula_w")).toString(),
             QStringLiteral("ceil(12 / 1) = 12"));
}

void TestCliRun::inputPng() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pipeline = writeText(dir, QStringLiteral("p.json"), kShapeOnly);
    const QString png = dir.filePath(QStringLiteral("in.png"));
    const QImage image = testImage(30, 20);
    QVERIFY(image.save(png));
    const Outcome s = runCli({QStringLiteral("summary"), pipeline, QStringLiteral("--input"), png,
                              QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(s.exitCode, 0);
    const QJsonObject j = parseObject(s.out);
    // An RGB image of width 30 and height 20 is (3, 20, 30).
    QCOMPARE(numbers(j.value(QStringLiteral("input")).toObject().value(QStringLiteral("shape"))),
             (QList<double>{3, 20, 30}));
    // The program keeps a pipeline's declared image colour mode and size for --input (commit
    // 68a4bd5): MNIST's trunk declares grayscale 28x28.
    const Outcome m = runCli({QStringLiteral("summary"), preset("mnist_trunk.stridelab.json"),
                              QStringLiteral("--input"), png, QStringLiteral("--format"),
                              QStringLiteral("json")});
    QCOMPARE(m.exitCode, 0);
    QCOMPARE(numbers(parseObject(m.out)
                         .value(QStringLiteral("input"))
                         .toObject()
                         .value(QStringLiteral("shape"))),
             (QList<double>{1, 28, 28}));

    // Run it too: the dumped input holds the 8-bit values / 255.
    const QString out = dir.filePath(QStringLiteral("dump"));
    const Outcome r = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--input"), png,
                              QStringLiteral("--dump"), out, QStringLiteral("--quiet")});
    QCOMPARE(r.exitCode, 0);
    QVERIFY2(r.out.isEmpty(), r.out.constData());  // --quiet
    auto input = readNpy(out + QStringLiteral("/00_input.npy"));
    QVERIFY(input.ok());
    QCOMPARE(input->dims, (std::vector<std::int64_t>{3, 20, 30}));
    for (const auto& [x, y] : {std::pair{0, 0}, std::pair{29, 19}, std::pair{17, 5}}) {
        const QColor c = image.pixelColor(x, y);
        const auto at = [&](int ch) {
            return input->values[static_cast<std::size_t>((ch * 20 + y) * 30 + x)];
        };
        QCOMPARE(at(0), static_cast<float>(c.red()) / 255.0F);
        QCOMPARE(at(1), static_cast<float>(c.green()) / 255.0F);
        QCOMPARE(at(2), static_cast<float>(c.blue()) / 255.0F);
    }
    // A 3x3 all-ones kernel with same padding: the centre output is the sum of the 27 inputs.
    auto conv = readNpy(out + QStringLiteral("/01_conv2d.npy"));
    QVERIFY(conv.ok());
    QCOMPARE(conv->dims, (std::vector<std::int64_t>{2, 20, 30}));
    double sum = 0.0;
    for (int ch = 0; ch < 3; ++ch) {
        for (int y = 4; y <= 6; ++y) {
            for (int x = 9; x <= 11; ++x) {
                sum += input->values[static_cast<std::size_t>((ch * 20 + y) * 30 + x)];
            }
        }
    }
    QVERIFY(std::abs(conv->values[static_cast<std::size_t>(5 * 30 + 10)] - sum) < 1e-4);
    QVERIFY(std::abs(conv->values[static_cast<std::size_t>(600 + 5 * 30 + 10)] - sum) < 1e-4);
}

void TestCliRun::runDump() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("nested/dump"));  // created if missing
    const Outcome o = runCli({QStringLiteral("run"), preset("conv_same_upsampling.stridelab.json"),
                              QStringLiteral("--dump"), out});
    QCOMPARE(o.exitCode, 0);
    QVERIFY2(o.err.isEmpty(), o.err.constData());
    QFile manifestFile(out + QStringLiteral("/manifest.json"));
    QVERIFY(manifestFile.open(QIODevice::ReadOnly));
    const QJsonObject manifest = parseObject(manifestFile.readAll());
    QCOMPARE(manifest.value(QStringLiteral("pipeline")).toString(),
             QStringLiteral("Conv2D 'same' then UpSampling2D"));
    const QJsonArray layers = manifest.value(QStringLiteral("layers")).toArray();
    QCOMPARE(layers.size(), 3);

    struct Expected {
        int index;
        const char* name;
        const char* type;
        QList<double> shape;
    };
    const std::vector<Expected> expected = {{0, "input", "input", {3, 64, 64}},
                                            {1, "conv2d", "conv2d", {64, 64, 64}},
                                            {2, "upsampling2d", "upsampling2d", {64, 128, 128}}};
    std::vector<NdArray> arrays;
    for (std::size_t i = 0; i < expected.size(); ++i) {
        const QJsonObject e = layers.at(static_cast<qsizetype>(i)).toObject();
        QCOMPARE(e.value(QStringLiteral("index")).toInt(), expected[i].index);
        QCOMPARE(e.value(QStringLiteral("name")).toString(), QLatin1String(expected[i].name));
        QCOMPARE(e.value(QStringLiteral("type")).toString(), QLatin1String(expected[i].type));
        QCOMPARE(numbers(e.value(QStringLiteral("shape"))), expected[i].shape);
        // The input has no compute time; every layer has one.
        if (i == 0) {
            QCOMPARE(e.value(QStringLiteral("file")).toString(), QStringLiteral("00_input.npy"));
        } else {
            QVERIFY2(e.value(QStringLiteral("milliseconds")).isDouble(), expected[i].name);
            QVERIFY(e.value(QStringLiteral("milliseconds")).toDouble() >= 0.0);
        }
        const QString path = out + QLatin1Char('/') + e.value(QStringLiteral("file")).toString();
        QVERIFY2(QFile::exists(path), qPrintable(path));
        QFile raw(path);
        QVERIFY(raw.open(QIODevice::ReadOnly));
        const QByteArray bytes = raw.readAll();
        // NumPy format 1.0, little-endian float32, C order.
        QVERIFY(bytes.startsWith(QByteArray("\x93NUMPY\x01\x00", 8)));
        QVERIFY(bytes.contains("'descr': '<f4'"));
        QVERIFY(bytes.contains("'fortran_order': False"));
        auto array = readNpy(path);
        QVERIFY2(array.ok(), array.ok() ? "" : qPrintable(array.error().message));
        QCOMPARE(array->dims,
                 (std::vector<std::int64_t>{static_cast<std::int64_t>(expected[i].shape[0]),
                                            static_cast<std::int64_t>(expected[i].shape[1]),
                                            static_cast<std::int64_t>(expected[i].shape[2])}));
        QCOMPARE(bytes.size() - static_cast<qsizetype>(array->values.size() * 4),
                 bytes.indexOf('\n') + 1);  // header then exactly the data
        arrays.push_back(std::move(array).value());
    }
    // The numbers are real: relu leaves nothing negative, and nearest x2 repeats each
    // conv output in a 2x2 block.
    const NdArray& conv = arrays[1];
    const NdArray& up = arrays[2];
    QVERIFY(std::all_of(conv.values.begin(), conv.values.end(), [](float v) { return v >= 0.0F; }));
    QVERIFY(std::any_of(conv.values.begin(), conv.values.end(), [](float v) { return v > 0.0F; }));
    for (const auto& [c, y, x] : {std::tuple{0, 0, 0}, std::tuple{5, 127, 127},
                                  std::tuple{63, 31, 96}, std::tuple{17, 77, 3}}) {
        QCOMPARE(up.values[static_cast<std::size_t>((c * 128 + y) * 128 + x)],
                 conv.values[static_cast<std::size_t>((c * 64 + y / 2) * 64 + x / 2)]);
    }
    // The dumped input is the built-in gradient: red rises across, green down.
    const NdArray& input = arrays[0];
    QVERIFY(input.values[63] > input.values[0]);
    QVERIFY(input.values[4096 + 63 * 64] > input.values[4096]);
}

void TestCliRun::runShapeOnlyNeedsInput() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pipeline = writeText(dir, QStringLiteral("shape_only.json"), kShapeOnly);
    const QString out = dir.filePath(QStringLiteral("dump"));
    const Outcome o = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--dump"), out});
    QCOMPARE(o.exitCode, 2);
    QString why;
    QVERIFY2(stderrWellFormed(o.err, &why), qPrintable(why));
    QVERIFY2(o.err.contains("shape_only.json"), o.err.constData());
    QVERIFY2(o.err.contains("--input"), o.err.constData());
    QVERIFY(!QFile::exists(out + QStringLiteral("/manifest.json")));
    // summary works on the same file.
    QCOMPARE(runCli({QStringLiteral("summary"), pipeline}).exitCode, 0);
}

void TestCliRun::runShapeOnlyWithInput() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString pipeline = writeText(dir, QStringLiteral("shape_only.json"), kShapeOnly);
    const QString npy = dir.filePath(QStringLiteral("x.npy"));
    Tensor ones(Shape{3, 4, 5}, 1.0F);
    QVERIFY(writeNpy(npy, ones).ok());
    const QString out = dir.filePath(QStringLiteral("dump"));
    const Outcome o = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--input"), npy,
                              QStringLiteral("--dump"), out});
    QCOMPARE(o.exitCode, 0);
    auto conv = readNpy(out + QStringLiteral("/01_conv2d.npy"));
    QVERIFY(conv.ok());
    QCOMPARE(conv->dims, (std::vector<std::int64_t>{2, 4, 5}));
    // All-ones 3x3x3 kernel on all-ones input with zero padding: 27 inside, 18 on an edge,
    // 12 in a corner.
    QCOMPARE(conv->values[0], 12.0F);
    QCOMPARE(conv->values[1], 18.0F);
    QCOMPARE(conv->values[6], 27.0F);
    QCOMPARE(conv->values[20 + 19], 12.0F);
}

void TestCliRun::memoryLimit() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("dump"));
    const Outcome o = runCli({QStringLiteral("run"), preset("conv_same_upsampling.stridelab.json"),
                              QStringLiteral("--dump"), out, QStringLiteral("--memory-limit"),
                              QStringLiteral("1M")});
    QCOMPARE(o.exitCode, 1);
    QString why;
    QVERIFY2(stderrWellFormed(o.err, &why), qPrintable(why));
    QVERIFY2(o.err.contains("conv_same_upsampling.stridelab.json"), o.err.constData());
    // The feature maps alone: input 3*64*64, conv 64*64*64, upsampled 64*128*128 floats.
    const qint64 floor = 4LL * (3 * 64 * 64 + 64 * 64 * 64 + 64 * 128 * 128);
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("\\((\\d+) bytes\\)")).match(QString::fromUtf8(o.err));
    QVERIFY2(m.hasMatch(), o.err.constData());
    const qint64 needed = m.captured(1).toLongLong();
    QVERIFY2(needed >= floor, qPrintable(QStringLiteral("%1 < %2").arg(needed).arg(floor)));
    QVERIFY(needed < 4 * floor);
    QVERIFY(!QFile::exists(out + QStringLiteral("/manifest.json")));
    QVERIFY(QDir(out).entryList({QStringLiteral("*.npy")}).isEmpty());

    // The number it names is the budget it needs: one byte less fails, exactly that works.
    const QString out2 = dir.filePath(QStringLiteral("dump2"));
    QCOMPARE(runCli({QStringLiteral("run"), preset("conv_same_upsampling.stridelab.json"),
                     QStringLiteral("--dump"), out2, QStringLiteral("--memory-limit"),
                     QString::number(needed - 1)})
                 .exitCode,
             1);
    QVERIFY(!QFile::exists(out2 + QStringLiteral("/manifest.json")));
    QCOMPARE(runCli({QStringLiteral("run"), preset("conv_same_upsampling.stridelab.json"),
                     QStringLiteral("--dump"), out2, QStringLiteral("--memory-limit"),
                     QString::number(needed), QStringLiteral("--quiet")})
                 .exitCode,
             0);
    QVERIFY(QFile::exists(out2 + QStringLiteral("/manifest.json")));
}

void TestCliRun::oldManifestRemovedBeforeFailedRun() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("dump"));
    QVERIFY(QDir().mkpath(out));
    const QString manifest = out + QStringLiteral("/manifest.json");
    {
        QFile f(manifest);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(R"({ "pipeline": "old", "layers": [] })");
    }
    // A directory where the first layer's file must go makes the run fail half-way.
    QVERIFY(QDir().mkpath(out + QStringLiteral("/01_conv2d.npy")));
    const Outcome o = runCli({QStringLiteral("run"), preset("conv_same_upsampling.stridelab.json"),
                              QStringLiteral("--dump"), out});
    QCOMPARE(o.exitCode, 1);
    QString why;
    QVERIFY2(stderrWellFormed(o.err, &why), qPrintable(why));
    QVERIFY2(o.err.contains("01_conv2d.npy"), o.err.constData());
    QVERIFY2(!QFile::exists(manifest),
             "the old manifest still vouches for files this run replaced");
}

void TestCliRun::exitStatus_data() {
    QTest::addColumn<QStringList>("arguments");    // {FILE} / {DIR} / {PNG} / {NPY} are substituted
    QTest::addColumn<QByteArray>("pipelineJson");  // written to FILE when not empty
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("stderrMentions");

    const QString conv = preset("conv_same_upsampling.stridelab.json");
    const QByteArray head =
        R"("format": "stridelab.pipeline", "version": 1, "input": { "shape": [1, 8, 8] })";
    auto pipelineWith = [&](const QByteArray& layers) {
        return "{" + head + R"(, "layers": [)" + layers + "] }";
    };

    QTest::addRow("summary ok") << QStringList{QStringLiteral("summary"), conv} << QByteArray() << 0
                                << QStringList{};
    QTest::addRow("run ok") << QStringList{QStringLiteral("run"), conv, QStringLiteral("--dump"),
                                           QStringLiteral("{DIR}"), QStringLiteral("--quiet")}
                            << QByteArray() << 0 << QStringList{};
    QTest::addRow("unreadable image, missing file")
        << QStringList{QStringLiteral("summary"), conv, QStringLiteral("--input"),
                       QStringLiteral("{DIR}/none.png")}
        << QByteArray() << 1 << QStringList{QStringLiteral("none.png")};
    QTest::addRow("unreadable image, not an image")
        << QStringList{QStringLiteral("run"),     conv,
                       QStringLiteral("--input"), QStringLiteral("{PNG}"),
                       QStringLiteral("--dump"),  QStringLiteral("{DIR}")}
        << QByteArray() << 1 << QStringList{QStringLiteral("garbage.png")};
    QTest::addRow("memory budget")
        << QStringList{QStringLiteral("run"),
                       conv,
                       QStringLiteral("--dump"),
                       QStringLiteral("{DIR}"),
                       QStringLiteral("--memory-limit"),
                       QStringLiteral("4096")}
        << QByteArray() << 1
        << QStringList{QStringLiteral("bytes"), QStringLiteral("conv_same_upsampling")};
    // Derived by hand: input 3*60000*60000*4 = 43,200,000,000; output 8*59998*59998*4 =
    // 115,192,320,128; the largest workspace, conv2d's padded copy (no padding: the input
    // again) 43,200,000,000 plus its kernel 8*3*3*3*4 = 864; one thread's column buffer
    // 27 rows * 59998 columns * 4 = 6,479,784. Sum 201,598,800,776 bytes = 187.75 GiB. The
    // shape comes from the resize, so the budget refuses it before anything is decoded.
    QTest::addRow("memory budget before decoding a huge resize")
        << QStringList{QStringLiteral("run"),       QStringLiteral("{FILE}"),
                       QStringLiteral("--dump"),    QStringLiteral("{DIR}"),
                       QStringLiteral("--threads"), QStringLiteral("1")}
        << QByteArray(R"({ "format": "stridelab.pipeline", "version": 1,
                           "input": { "image": "builtin:zone_plate", "resize": [60000, 60000] },
                           "layers": [ { "type": "conv2d", "filters": 8, "kernel_size": 3 } ] })")
        << 1 << QStringList{QStringLiteral("187.75 GiB"), QStringLiteral("201598800776 bytes")};
    QTest::addRow("option given twice")
        << QStringList{QStringLiteral("run"),    conv,
                       QStringLiteral("--dump"), QStringLiteral("{DIR}"),
                       QStringLiteral("--dump"), QStringLiteral("{DIR}")}
        << QByteArray() << 2 << QStringList{QStringLiteral("option --dump is given twice")};
    QTest::addRow("JSON syntax") << QStringList{QStringLiteral("summary"), QStringLiteral("{FILE}")}
                                 << QByteArray("{ \"format\": ") << 2
                                 << QStringList{QStringLiteral("p.json")};
    QTest::addRow("unknown key")
        << QStringList{QStringLiteral("summary"), QStringLiteral("{FILE}")}
        << pipelineWith(R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "stride": 2 })") << 2
        << QStringList{QStringLiteral("p.json"), QStringLiteral("layers[0].stride"),
                       QStringLiteral("strides")};
    QTest::addRow("kernel 0")
        << QStringList{QStringLiteral("summary"), QStringLiteral("{FILE}")}
        << pipelineWith(
               R"({ "type": "max_pool2d" }, { "type": "conv2d", "filters": 1, "kernel_size": 0 })")
        << 2 << QStringList{QStringLiteral("p.json"), QStringLiteral("layers[1].kernel_size")};
    QTest::addRow("unknown layer type")
        << QStringList{QStringLiteral("summary"), QStringLiteral("{FILE}")}
        << pipelineWith(R"({ "type": "dense", "units": 3 })") << 2
        << QStringList{QStringLiteral("p.json"), QStringLiteral("layers[0]")};
    QTest::addRow("newer version")
        << QStringList{QStringLiteral("summary"), QStringLiteral("{FILE}")}
        << QByteArray(
               R"({ "format": "stridelab.pipeline", "version": 2, "input": { "shape": [1, 8, 8] }, "layers": [] })")
        << 2 << QStringList{QStringLiteral("p.json"), QStringLiteral("version")};
    QTest::addRow("unreadable weights file")
        << QStringList{QStringLiteral("summary"), QStringLiteral("{FILE}")}
        << pipelineWith(
               R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "weights": { "kernel": "missing.npy" } })")
        << 2
        << QStringList{QStringLiteral("p.json"), QStringLiteral("layers[0].weights"),
                       QStringLiteral("missing.npy")};
    QTest::addRow("bias length")
        << QStringList{QStringLiteral("summary"), QStringLiteral("{FILE}")}
        << pipelineWith(
               R"({ "type": "conv2d", "filters": 2, "kernel_size": 3, "weights": { "bias": [1, 2, 3] } })")
        << 2 << QStringList{QStringLiteral("p.json"), QStringLiteral("layers[0].weights")};
    QTest::addRow("invalid layer")
        << QStringList{QStringLiteral("summary"), QStringLiteral("{FILE}")}
        << pipelineWith(R"({ "type": "conv2d", "filters": 1, "kernel_size": [9, 3] })") << 2
        << QStringList{QStringLiteral("p.json"), QStringLiteral("layers[0]"),
                       QStringLiteral("kernel height 9 is larger than the padded input height 8")};
    QTest::addRow("invalid layer on run")
        << QStringList{QStringLiteral("run"),   QStringLiteral("{FILE}"), QStringLiteral("--input"),
                       QStringLiteral("{NPY}"), QStringLiteral("--dump"), QStringLiteral("{DIR}")}
        << pipelineWith(R"({ "type": "conv2d", "filters": 1, "kernel_size": [3, 9] })") << 2
        << QStringList{QStringLiteral("p.json"), QStringLiteral("layers[0]")};
    QTest::addRow("missing pipeline file")
        << QStringList{QStringLiteral("summary"), QStringLiteral("{DIR}/nothing.json")}
        << QByteArray() << 2 << QStringList{QStringLiteral("nothing.json")};
    QTest::addRow("unknown option")
        << QStringList{QStringLiteral("summary"), conv, QStringLiteral("--frobnicate")}
        << QByteArray() << 2 << QStringList{QStringLiteral("--frobnicate")};
    QTest::addRow("misspelt option")
        << QStringList{QStringLiteral("summary"), conv, QStringLiteral("--fromat"),
                       QStringLiteral("json")}
        << QByteArray() << 2 << QStringList{QStringLiteral("--fromat"), QStringLiteral("--format")};
    QTest::addRow("missing --dump") << QStringList{QStringLiteral("run"), conv} << QByteArray() << 2
                                    << QStringList{QStringLiteral("--dump")};
    QTest::addRow("option without value")
        << QStringList{QStringLiteral("run"), conv, QStringLiteral("--dump")} << QByteArray() << 2
        << QStringList{QStringLiteral("--dump")};
    QTest::addRow("unknown format")
        << QStringList{QStringLiteral("summary"), conv, QStringLiteral("--format"),
                       QStringLiteral("xml")}
        << QByteArray() << 2 << QStringList{QStringLiteral("xml")};
    QTest::addRow("bad --input-shape")
        << QStringList{QStringLiteral("summary"), conv, QStringLiteral("--input-shape"),
                       QStringLiteral("3,64")}
        << QByteArray() << 2
        << QStringList{QStringLiteral("--input-shape"), QStringLiteral("3,64")};
    QTest::addRow("threads 0") << QStringList{QStringLiteral("run"),       conv,
                                              QStringLiteral("--dump"),    QStringLiteral("{DIR}"),
                                              QStringLiteral("--threads"), QStringLiteral("0")}
                               << QByteArray() << 2 << QStringList{QStringLiteral("--threads")};
    QTest::addRow("no pipeline") << QStringList{QStringLiteral("summary")} << QByteArray() << 2
                                 << QStringList{};
}

void TestCliRun::exitStatus() {
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, pipelineJson);
    QFETCH(int, status);
    QFETCH(QStringList, stderrMentions);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString file = writeText(dir, QStringLiteral("p.json"), pipelineJson);
    const QString png = writeText(dir, QStringLiteral("garbage.png"), "this is not a PNG");
    const QString npy = dir.filePath(QStringLiteral("x.npy"));
    QVERIFY(writeNpy(npy, Tensor(Shape{1, 8, 8}, 0.5F)).ok());
    const QString dump = dir.filePath(QStringLiteral("dump"));
    for (QString& a : arguments) {
        a.replace(QStringLiteral("{FILE}"), file);
        a.replace(QStringLiteral("{DIR}"), dump);
        a.replace(QStringLiteral("{PNG}"), png);
        a.replace(QStringLiteral("{NPY}"), npy);
    }
    const Outcome o = runCli(arguments);
    QVERIFY2(o.exitCode == status, qPrintable(QStringLiteral("exit %1, expected %2; stderr: %3")
                                                  .arg(o.exitCode)
                                                  .arg(status)
                                                  .arg(QString::fromUtf8(o.err))));
    if (status == 0) {
        QVERIFY2(o.err.isEmpty(), o.err.constData());
        return;
    }
    QVERIFY(!o.err.isEmpty());
    QString why;
    QVERIFY2(stderrWellFormed(o.err, &why), qPrintable(why));
    for (const QString& m : stderrMentions) {
        QVERIFY2(QString::fromUtf8(o.err).contains(m),
                 qPrintable(QStringLiteral("\"%1\" not in: %2").arg(m, QString::fromUtf8(o.err))));
    }
    // A failed run leaves no manifest behind.
    QVERIFY(!QFile::exists(dump + QStringLiteral("/manifest.json")));
}

void TestCliRun::threadsByteIdentical_data() {
    QTest::addColumn<QString>("pipeline");
    QTest::addRow("conv same upsampling") << preset("conv_same_upsampling.stridelab.json");
    QTest::addRow("mnist trunk") << preset("mnist_trunk.stridelab.json");
    QTest::addRow("conv transpose same") << preset("conv_transpose_same.stridelab.json");
    QTest::addRow("stride 2 downsampler") << preset("stride2_downsampler.stridelab.json");
}

void TestCliRun::threadsByteIdentical() {
    QFETCH(QString, pipeline);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString one = dir.filePath(QStringLiteral("one"));
    const QString two = dir.filePath(QStringLiteral("two"));
    QCOMPARE(runCli({QStringLiteral("run"), pipeline, QStringLiteral("--dump"), one,
                     QStringLiteral("--threads"), QStringLiteral("1"), QStringLiteral("--quiet")})
                 .exitCode,
             0);
    QCOMPARE(runCli({QStringLiteral("run"), pipeline, QStringLiteral("--dump"), two,
                     QStringLiteral("--threads=2"), QStringLiteral("--quiet")})
                 .exitCode,
             0);
    const QStringList files =
        QDir(one).entryList({QStringLiteral("*.npy")}, QDir::Files, QDir::Name);
    QVERIFY(files.size() >= 2);
    QCOMPARE(QDir(two).entryList({QStringLiteral("*.npy")}, QDir::Files, QDir::Name), files);
    for (const QString& f : files) {
        QFile a(one + QLatin1Char('/') + f);
        QFile b(two + QLatin1Char('/') + f);
        QVERIFY(a.open(QIODevice::ReadOnly));
        QVERIFY(b.open(QIODevice::ReadOnly));
        QVERIFY2(a.readAll() == b.readAll(), qPrintable(f));
    }
}

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_cli_run.moc"
