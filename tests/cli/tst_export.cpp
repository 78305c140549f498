// `stridelab export`: summary tables as Markdown, CSV and LaTeX, and Keras/PyTorch code. The
// PyTorch code of every preset, demo and golden pipeline is run with real PyTorch where
// python3-torch is installed, and must print the shapes `stridelab summary` gives.

#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Outcome {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

Outcome runProcess(const QString& program, const QStringList& arguments) {
    QProcess p;
    p.start(program, arguments);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardOutput(),
            p.readAllStandardError()};
}

Outcome runStridelab(const QStringList& arguments) {
    return runProcess(QStringLiteral(STRIDELAB_EXECUTABLE), arguments);
}

// A Python that has torch: $STRIDELAB_PYTHON, Debian's /usr/bin/python3 (python3-torch), or
// the first python3 on PATH; empty when none has it.
QString torchPython() {
    static const QString found = [] {
        for (const QString& candidate :
             {qEnvironmentVariable("STRIDELAB_PYTHON"), QStringLiteral("/usr/bin/python3"),
              QStringLiteral("python3")}) {
            if (!candidate.isEmpty() &&
                runProcess(candidate, {QStringLiteral("-c"), QStringLiteral("import torch")})
                        .exitCode == 0) {
                return candidate;
            }
        }
        return QString();
    }();
    return found;
}

QStringList pipelinesToCheck() {
    QStringList paths;
    const QString presets = stridelab::test::sourceDir() + QStringLiteral("/resources/presets");
    for (const QString& f : QDir(presets).entryList({QStringLiteral("*.json")})) {
        paths << presets + QLatin1Char('/') + f;
    }
    for (const QString& f :
         QDir(presets + QStringLiteral("/demos")).entryList({QStringLiteral("*.json")})) {
        paths << presets + QStringLiteral("/demos/") + f;
    }
    const QDir golden(stridelab::test::dataDir() + QStringLiteral("/golden"));
    for (const QString& c : golden.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        paths << golden.filePath(c + QStringLiteral("/pipeline.json"));
    }
    return paths;
}

}  // namespace

class TestExport : public QObject {
    Q_OBJECT

private slots:
    void tables();
    void pytorchCodeGivesTheSummaryShapes_data();
    void pytorchCodeGivesTheSummaryShapes();
    void kerasCodeNamesEveryLayer();
    void mapsOnePngPerLayer();
    void errors_data();
    void errors();
};

void TestExport::tables() {
    QTemporaryDir dir;
    const QString mnist = stridelab::test::sourceDir() +
                          QStringLiteral("/resources/presets/mnist_trunk.stridelab.json");
    for (const QString& suffix :
         {QStringLiteral("md"), QStringLiteral("csv"), QStringLiteral("tex")}) {
        const QString path = dir.filePath(QStringLiteral("t.") + suffix);
        const Outcome o =
            runStridelab({QStringLiteral("export"), mnist, QStringLiteral("--table"), path});
        QCOMPARE(o.exitCode, 0);
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString text = QString::fromUtf8(f.readAll());
        // 18,496 = 3*3*32*64 + 64: the second convolution, in every format.
        QVERIFY2(text.contains(QStringLiteral("18496")) || text.contains(QStringLiteral("18,496")),
                 qPrintable(text));
        if (suffix == QStringLiteral("tex")) {
            QVERIFY(text.contains(QStringLiteral("\\begin{tabular}")));
            QVERIFY(text.contains(QStringLiteral("conv2d\\_1 & conv2d & (64, 11, 11)")));
            QVERIFY(text.contains(QStringLiteral("Total & & & & 55,744")));
        }
        if (suffix == QStringLiteral("csv")) {
            QVERIFY(text.startsWith(QStringLiteral("index,name,type,output_shape")));
        }
    }
}

void TestExport::pytorchCodeGivesTheSummaryShapes_data() {
    QTest::addColumn<QString>("pipeline");
    for (const QString& p : pipelinesToCheck()) {
        QTest::addRow("%s", qPrintable(QFileInfo(p).dir().dirName() + QLatin1Char('/') +
                                       QFileInfo(p).fileName()))
            << p;
    }
}

// Every pipeline's generated code, run in one Python process (importing torch once costs a
// second): path -> what its script printed.
const QHash<QString, QString>& torchOutputs(QTemporaryDir& dir) {
    static QHash<QString, QString> outputs;
    static bool done = false;
    if (done) {
        return outputs;
    }
    done = true;
    QJsonArray scripts;
    QHash<QString, QString> pipelineOf;
    int n = 0;
    for (const QString& pipeline : pipelinesToCheck()) {
        const QString code = dir.filePath(QStringLiteral("model_%1.py").arg(n++));
        const Outcome exported =
            runStridelab({QStringLiteral("export"), pipeline, QStringLiteral("--code"), code,
                          QStringLiteral("--framework"), QStringLiteral("pytorch")});
        if (exported.exitCode != 0) {
            outputs.insert(pipeline,
                           QStringLiteral("export failed: ") + QString::fromUtf8(exported.err));
            continue;
        }
        scripts.append(code);
        pipelineOf.insert(code, pipeline);
    }
    const QString driver = dir.filePath(QStringLiteral("driver.py"));
    QFile f(driver);
    f.open(QIODevice::WriteOnly);
    f.write(
        "import contextlib, io, json, runpy, sys, traceback\n"
        "results = {}\n"
        "for path in json.loads(sys.argv[1]):\n"
        "    out = io.StringIO()\n"
        "    try:\n"
        "        with contextlib.redirect_stdout(out):\n"
        "            runpy.run_path(path, run_name='__main__')\n"
        "        results[path] = out.getvalue()\n"
        "    except Exception:\n"
        "        results[path] = 'error: ' + traceback.format_exc()\n"
        "print(json.dumps(results))\n");
    f.close();
    const Outcome ran = runProcess(
        torchPython(),
        {driver, QString::fromUtf8(QJsonDocument(scripts).toJson(QJsonDocument::Compact))});
    const QJsonObject results = QJsonDocument::fromJson(ran.out).object();
    for (auto it = results.begin(); it != results.end(); ++it) {
        outputs.insert(pipelineOf.value(it.key()), it.value().toString());
    }
    return outputs;
}

void TestExport::pytorchCodeGivesTheSummaryShapes() {
    QFETCH(QString, pipeline);
    if (torchPython().isEmpty()) {
        QSKIP("python3-torch is not installed: the generated PyTorch code is not run here");
    }
    static QTemporaryDir dir;
    const QString printed = torchOutputs(dir).value(pipeline, QStringLiteral("not run"));
    const Outcome summary = runStridelab(
        {QStringLiteral("summary"), pipeline, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(summary.exitCode, 0);
    QStringList expected;
    for (const QJsonValue& l :
         QJsonDocument::fromJson(summary.out).object().value(QStringLiteral("layers")).toArray()) {
        const QJsonArray shape = l.toObject().value(QStringLiteral("output_shape")).toArray();
        expected << QStringLiteral("%1 %2 %3 %4")
                        .arg(l.toObject().value(QStringLiteral("name")).toString())
                        .arg(shape[0].toInt())
                        .arg(shape[1].toInt())
                        .arg(shape[2].toInt());
    }
    QCOMPARE(printed.trimmed().split(QLatin1Char('\n')), expected);
}

void TestExport::kerasCodeNamesEveryLayer() {
    QTemporaryDir dir;
    const QString code = dir.filePath(QStringLiteral("model.py"));
    const QString pipeline =
        stridelab::test::sourceDir() +
        QStringLiteral("/resources/presets/encoder_decoder_416.stridelab.json");
    QCOMPARE(runStridelab({QStringLiteral("export"), pipeline, QStringLiteral("--code"), code,
                           QStringLiteral("--framework"), QStringLiteral("keras")})
                 .exitCode,
             0);
    QFile f(code);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(f.readAll());
    QVERIFY(text.contains(QStringLiteral("inputs = keras.Input(shape=(416, 416, 3))")));
    QVERIFY(text.contains(
        QStringLiteral("x = layers.Conv2D(16, (3, 3), strides=(1, 1), padding=\"same\"")));
    QVERIFY(
        text.contains(QStringLiteral("x = layers.Conv2DTranspose(3, (3, 3), strides=(2, 2), "
                                     "padding=\"same\", output_padding=None")));
    QCOMPARE(text.count(QStringLiteral("outputs.append(")), 15);
}

// MNIST trunk: the input 1x28x28 at 4x (128 / 28) is 112 px; conv2d's 32 channels of 26x26 at
// 4x in a 6x6 grid with 2-px gaps: 6*104 + 5*2 = 634; conv2d_2's 64 channels of 3x3 at 42x in
// an 8x8 grid: 8*126 + 7*2 = 1022.
void TestExport::mapsOnePngPerLayer() {
    QTemporaryDir dir;
    const QString p = stridelab::test::sourceDir() +
                      QStringLiteral("/resources/presets/mnist_trunk.stridelab.json");
    const Outcome o =
        runStridelab({QStringLiteral("export"), p, QStringLiteral("--maps"), dir.path(),
                      QStringLiteral("--colormap"), QStringLiteral("viridis")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QCOMPARE(QDir(dir.path()).entryList({QStringLiteral("*.png")}).size(), 6);
    QCOMPARE(QImage(dir.filePath(QStringLiteral("00_input.png"))).size(), QSize(112, 112));
    QCOMPARE(QImage(dir.filePath(QStringLiteral("01_conv2d.png"))).size(), QSize(634, 634));
    QCOMPARE(QImage(dir.filePath(QStringLiteral("05_conv2d_2.png"))).size(), QSize(1022, 1022));
    // The gap between tiles is white; element pixels are viridis colours, never grey.
    const QImage conv = QImage(dir.filePath(QStringLiteral("01_conv2d.png")));
    QCOMPARE(conv.pixel(104, 10), qRgb(255, 255, 255));
    const QColor element = conv.pixelColor(10, 10);
    QVERIFY(!(element.red() == element.green() && element.green() == element.blue()));
}

void TestExport::errors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString p = stridelab::test::sourceDir() +
                      QStringLiteral("/resources/presets/mnist_trunk.stridelab.json");
    QTest::addRow("nothing to export")
        << QStringList{QStringLiteral("export"), p}
        << QStringLiteral("export needs at least one of --table FILE, --code FILE, --maps DIR or "
                          "--steps FILE.gif|DIR");
    QTest::addRow("code without framework")
        << QStringList{QStringLiteral("export"), p, QStringLiteral("--code"),
                       QStringLiteral("/tmp/x.py")}
        << QStringLiteral("--code needs --framework keras or --framework pytorch, got \"\"");
    QTest::addRow("table of unknown format")
        << QStringList{QStringLiteral("export"), p, QStringLiteral("--table"),
                       QStringLiteral("/tmp/x.txt")}
        << QStringLiteral("--table: /tmp/x.txt: expected a .md, .csv or .tex file");
    QTest::addRow("diagram not yet")
        << QStringList{QStringLiteral("export"), p, QStringLiteral("--diagram"),
                       QStringLiteral("/tmp/d.svg")}
        << QStringLiteral(
               "--diagram is not available in this version yet; --table, --code and --maps are");
    QTest::addRow("unknown colormap")
        << QStringList{QStringLiteral("export"),     p,
                       QStringLiteral("--maps"),     QStringLiteral("/tmp/m"),
                       QStringLiteral("--colormap"), QStringLiteral("jet")}
        << QStringLiteral("--colormap: expected grey, viridis or diverging, got \"jet\"");
}

void TestExport::errors() {
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Outcome o = runStridelab(arguments);
    QCOMPARE(o.exitCode, 2);
    QCOMPARE(QString::fromUtf8(o.err).trimmed(), QStringLiteral("stridelab: error: ") + message);
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
