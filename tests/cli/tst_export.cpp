// `stridelab export`: summary tables as Markdown, CSV and LaTeX, Keras/PyTorch code, maps and
// diagrams. The PyTorch code of every preset, demo and golden pipeline is run with real
// PyTorch where python3-torch is installed, and must print the shapes `stridelab summary`
// gives. Diagrams must parse (SVG), start as a PDF, and record the resolution asked for (PNG).

#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

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
    void diagramInEveryFormat();
    void diagramPngDpi();
    void diagramMapsStyle();
    void diagramMapsStyleNeedsData();
    void diagramColors();
    void diagramTrace();
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

namespace {

QString preset(const QString& name) {
    return stridelab::test::sourceDir() + QStringLiteral("/resources/presets/") + name;
}

}  // namespace

// SVG that parses with the layer names as texts, a PDF, a PNG; nothing on standard error.
void TestExport::diagramInEveryFormat() {
    QTemporaryDir dir;
    const QString p = preset(QStringLiteral("encoder_decoder_416.stridelab.json"));
    for (const QString& suffix : {QStringLiteral("svg"), QStringLiteral("SVG"),
                                  QStringLiteral("pdf"), QStringLiteral("png")}) {
        const QString path = dir.filePath(QStringLiteral("d.") + suffix);
        const Outcome o =
            runStridelab({QStringLiteral("export"), p, QStringLiteral("--diagram"), path});
        QVERIFY2(o.exitCode == 0, o.err.constData());
        QCOMPARE(o.err, QByteArray());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        if (suffix.toLower() == QStringLiteral("svg")) {
            QXmlStreamReader xml(bytes);
            QStringList texts;
            while (!xml.atEnd()) {
                if (xml.readNext() == QXmlStreamReader::StartElement &&
                    xml.name() == QStringLiteral("text")) {
                    texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
                }
            }
            QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
            for (const QString& name : {QStringLiteral("enc1"), QStringLiteral("pool5"),
                                        QStringLiteral("dec5"), QStringLiteral("(256, 13, 13)")}) {
                QVERIFY2(texts.contains(name), qPrintable(name));
            }
        } else if (suffix == QStringLiteral("pdf")) {
            QVERIFY(bytes.startsWith("%PDF-"));
        } else {
            QVERIFY(!QImage::fromData(bytes, "PNG").isNull());
        }
    }
    // No temporary file left beside them.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 4);
}

void TestExport::diagramPngDpi() {
    QTemporaryDir dir;
    const QString p = preset(QStringLiteral("mnist_trunk.stridelab.json"));
    const QString at96 = dir.filePath(QStringLiteral("96.png"));
    const QString at300 = dir.filePath(QStringLiteral("300.png"));
    QCOMPARE(
        runStridelab({QStringLiteral("export"), p, QStringLiteral("--diagram"), at96}).exitCode, 0);
    QCOMPARE(runStridelab({QStringLiteral("export"), p, QStringLiteral("--diagram"), at300,
                           QStringLiteral("--dpi"), QStringLiteral("300")})
                 .exitCode,
             0);
    const QImage small(at96);
    const QImage large(at300);
    QVERIFY(!small.isNull() && !large.isNull());
    QVERIFY2(std::abs(large.width() - small.width() * 300.0 / 96.0) <= 1.0,
             qPrintable(QStringLiteral("%1 and %2").arg(small.width()).arg(large.width())));
    QVERIFY(std::abs(large.height() - small.height() * 300.0 / 96.0) <= 1.0);
    // Dots per metre: 96 / 0.0254 = 3779.5 and 300 / 0.0254 = 11811.02.
    QCOMPARE(small.dotsPerMeterX(), 3780);
    QCOMPARE(large.dotsPerMeterX(), 11811);
    QCOMPARE(large.dotsPerMeterY(), 11811);
}

void TestExport::diagramMapsStyle() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("maps.svg"));
    const Outcome o = runStridelab(
        {QStringLiteral("export"), preset(QStringLiteral("mnist_trunk.stridelab.json")),
         QStringLiteral("--diagram"), path, QStringLiteral("--diagram-style"),
         QStringLiteral("maps"), QStringLiteral("--colormap"), QStringLiteral("viridis")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QFile f(path);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const QByteArray svg = f.readAll();
    // Six maps, each with at least its front card embedded; the parameters as text.
    QVERIFY(svg.count("<image") >= 6);
    QVERIFY(svg.contains(">64 3x3 valid relu</text>"));
    // The legend names the colour map (its lines joined: it wraps).
    QXmlStreamReader xml(svg);
    QStringList texts;
    while (!xml.atEnd()) {
        if (xml.readNext() == QXmlStreamReader::StartElement &&
            xml.name() == QStringLiteral("text")) {
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        }
    }
    QVERIFY2(texts.join(QLatin1Char(' '))
                 .contains(QStringLiteral("Values: Viridis colour map, normalised per channel.")),
             qPrintable(texts.join(QLatin1Char('|'))));
}

void TestExport::diagramMapsStyleNeedsData() {
    QTemporaryDir dir;
    const QString pipeline = dir.filePath(QStringLiteral("shape.json"));
    QFile f(pipeline);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"format": "stridelab.pipeline", "version": 1, "name": "shape only",
               "input": {"shape": [1, 28, 28]},
               "layers": [{"type": "max_pool2d", "pool_size": 2}]})");
    f.close();
    const QString svg = dir.filePath(QStringLiteral("d.svg"));
    // The blocks need shapes only...
    QCOMPARE(runStridelab({QStringLiteral("export"), pipeline, QStringLiteral("--diagram"), svg})
                 .exitCode,
             0);
    // ...the maps need data.
    const Outcome o =
        runStridelab({QStringLiteral("export"), pipeline, QStringLiteral("--diagram"), svg,
                      QStringLiteral("--diagram-style"), QStringLiteral("maps")});
    QCOMPARE(o.exitCode, 2);
    QCOMPARE(QString::fromUtf8(o.err).trimmed(),
             QStringLiteral("stridelab: error: %1: the input is a shape only; give data with "
                            "--input")
                 .arg(pipeline));
    const Outcome withInput =
        runStridelab({QStringLiteral("export"), pipeline, QStringLiteral("--diagram"), svg,
                      QStringLiteral("--diagram-style"), QStringLiteral("maps"),
                      QStringLiteral("--input"), QStringLiteral("builtin:zone_plate")});
    QVERIFY2(withInput.exitCode == 0, withInput.err.constData());
}

void TestExport::diagramColors() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.png"));
    const Outcome o = runStridelab(
        {QStringLiteral("export"), preset(QStringLiteral("conv_same_upsampling.stridelab.json")),
         QStringLiteral("--diagram"), path, QStringLiteral("--diagram-colors"),
         QStringLiteral("background=#102030, text=#fff")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QImage image(path);
    QCOMPARE(image.pixelColor(0, 0), QColor(0x10, 0x20, 0x30));
    QCOMPARE(image.pixelColor(image.width() - 1, image.height() - 1), QColor(0x10, 0x20, 0x30));
}

namespace {
int pixelsOfColour(const QImage& image, QRgb colour) {
    int count = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            count += (image.pixel(x, y) & 0xffffff) == (colour & 0xffffff) ? 1 : 0;
        }
    }
    return count;
}
}  // namespace

// --trace draws the explorer's receptive field on the maps style: the element's outline in
// the origin colour (#00e5ff) on its map, the traced elements outlined in #ff6d00 on the
// others; without --trace neither colour appears.
void TestExport::diagramTrace() {
    QTemporaryDir dir;
    const QString traced = dir.filePath(QStringLiteral("traced.png"));
    const QString plain = dir.filePath(QStringLiteral("plain.png"));
    const QStringList base{
        QStringLiteral("export"), preset(QStringLiteral("mnist_trunk.stridelab.json")),
        QStringLiteral("--diagram-style"), QStringLiteral("maps"), QStringLiteral("--diagram")};
    Outcome o = runStridelab(
        base + QStringList{traced, QStringLiteral("--trace"), QStringLiteral("conv2d_2:1,1")});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    QVERIFY(o.err.isEmpty());
    o = runStridelab(base + QStringList{plain});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QImage withTrace(traced);
    const QImage without(plain);
    QVERIFY(!withTrace.isNull() && !without.isNull());
    QVERIFY(pixelsOfColour(withTrace, qRgb(0xff, 0x6d, 0x00)) > 100);
    QVERIFY(pixelsOfColour(withTrace, qRgb(0x00, 0xe5, 0xff)) > 10);
    QCOMPARE(pixelsOfColour(without, qRgb(0xff, 0x6d, 0x00)), 0);
    QCOMPARE(pixelsOfColour(without, qRgb(0x00, 0xe5, 0xff)), 0);
}

void TestExport::errors_data() {
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString p = stridelab::test::sourceDir() +
                      QStringLiteral("/resources/presets/mnist_trunk.stridelab.json");
    QTest::addRow("nothing to export")
        << QStringList{QStringLiteral("export"), p}
        << QStringLiteral(
               "export needs at least one of --table FILE, --code FILE, --maps DIR, "
               "--diagram FILE or --steps FILE.gif|DIR");
    QTest::addRow("code without framework")
        << QStringList{QStringLiteral("export"), p, QStringLiteral("--code"),
                       QStringLiteral("/tmp/x.py")}
        << QStringLiteral("--code needs --framework keras or --framework pytorch, got \"\"");
    QTest::addRow("table of unknown format")
        << QStringList{QStringLiteral("export"), p, QStringLiteral("--table"),
                       QStringLiteral("/tmp/x.txt")}
        << QStringLiteral("--table: /tmp/x.txt: expected a .md, .csv or .tex file");
    const auto diagram = [&p](const QString& file, const QStringList& more) {
        return QStringList{QStringLiteral("export"), p, QStringLiteral("--diagram"), file} + more;
    };
    QTest::addRow("diagram of unknown format")
        << diagram(QStringLiteral("/tmp/d.jpg"), {})
        << QStringLiteral("--diagram: /tmp/d.jpg: expected a .svg, .pdf or .png file");
    QTest::addRow("diagram without suffix")
        << diagram(QStringLiteral("/tmp/d"), {})
        << QStringLiteral("--diagram: /tmp/d: expected a .svg, .pdf or .png file");
    QTest::addRow("unknown diagram style")
        << diagram(QStringLiteral("/tmp/d.svg"),
                   {QStringLiteral("--diagram-style"), QStringLiteral("boxes")})
        << QStringLiteral("--diagram-style: expected blocks or maps, got \"boxes\"");
    QTest::addRow("unknown diagram scale")
        << diagram(QStringLiteral("/tmp/d.svg"),
                   {QStringLiteral("--diagram-scale"), QStringLiteral("cubic")})
        << QStringLiteral("--diagram-scale: expected auto, linear, sqrt or log, got \"cubic\"");
    QTest::addRow("unknown colour name")
        << diagram(QStringLiteral("/tmp/d.svg"),
                   {QStringLiteral("--diagram-colors"), QStringLiteral("downsample=#ff0000")})
        << QStringLiteral(
               "--diagram-colors: unknown colour \"downsample\"; did you mean "
               "\"downsampling\"?; the colours are background, text, input, "
               "downsampling, upsampling");
    QTest::addRow("colour not hex")
        << diagram(QStringLiteral("/tmp/d.svg"),
                   {QStringLiteral("--diagram-colors"), QStringLiteral("text=#000,input=blue")})
        << QStringLiteral("--diagram-colors: input: expected #RRGGBB or #RGB, got \"blue\"");
    QTest::addRow("colour of five digits")
        << diagram(QStringLiteral("/tmp/d.svg"),
                   {QStringLiteral("--diagram-colors"), QStringLiteral("text=#12345")})
        << QStringLiteral("--diagram-colors: text: expected #RRGGBB or #RGB, got \"#12345\"");
    QTest::addRow("colour without name")
        << diagram(QStringLiteral("/tmp/d.svg"),
                   {QStringLiteral("--diagram-colors"), QStringLiteral("#ff0000")})
        << QStringLiteral("--diagram-colors: expected NAME=#RRGGBB, got \"#ff0000\"");
    QTest::addRow("dpi of an svg")
        << diagram(QStringLiteral("/tmp/d.svg"), {QStringLiteral("--dpi"), QStringLiteral("300")})
        << QStringLiteral("--dpi applies to a .png diagram only, not to /tmp/d.svg");
    QTest::addRow("dpi of zero") << diagram(QStringLiteral("/tmp/d.png"),
                                            {QStringLiteral("--dpi"), QStringLiteral("0")})
                                 << QStringLiteral("--dpi: expected an integer >= 1, got \"0\"");
    QTest::addRow("dpi too large")
        << diagram(QStringLiteral("/tmp/d.png"),
                   {QStringLiteral("--dpi"), QStringLiteral("200000")})
        << QStringLiteral(
               "/tmp/d.png: a %1 image at 200000 dpi is too large (at most 250 "
               "million pixels); choose a lower resolution")
               .arg(QStringLiteral("*"));
    QTest::addRow("diagram style without diagram")
        << QStringList{QStringLiteral("export"),          p,
                       QStringLiteral("--table"),         QStringLiteral("/tmp/x.md"),
                       QStringLiteral("--diagram-style"), QStringLiteral("maps")}
        << QStringLiteral("--diagram-style needs --diagram FILE.svg|FILE.pdf|FILE.png");
    QTest::addRow("trace on blocks")
        << QStringList{QStringLiteral("export"),    p,
                       QStringLiteral("--diagram"), QStringLiteral("/tmp/d.svg"),
                       QStringLiteral("--trace"),   QStringLiteral("conv2d:1,1")}
        << QStringLiteral("--trace draws on the feature maps: it needs --diagram-style maps");
    const QStringList mapsDiagram{QStringLiteral("export"),          p,
                                  QStringLiteral("--diagram"),       QStringLiteral("/tmp/d.svg"),
                                  QStringLiteral("--diagram-style"), QStringLiteral("maps"),
                                  QStringLiteral("--trace")};
    QTest::addRow("trace without position")
        << mapsDiagram + QStringList{QStringLiteral("conv2d")}
        << QStringLiteral("--trace: expected LAYER:ROW,COL (for example enc1:3,4), got \"conv2d\"");
    QTest::addRow("trace of an unknown layer")
        << mapsDiagram + QStringList{QStringLiteral("conv2d_9:0,0")}
        << QStringLiteral("--trace: no layer is named \"conv2d_9\"; did you mean \"conv2d_1\"?");
    QTest::addRow("trace outside the map")
        << mapsDiagram + QStringList{QStringLiteral("conv2d_2:5,1")}
        << QStringLiteral("--trace conv2d_2:5,1: element (5, 1) is outside map 5 of 3x3");
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
    const QString expected = QStringLiteral("stridelab: error: ") + message;
    const QString actual = QString::fromUtf8(o.err).trimmed();
    if (expected.contains(QLatin1Char('*'))) {
        // The pixel size depends on the fonts' widths: matched as a pattern.
        const QString pattern = QRegularExpression::escape(expected).replace(QStringLiteral("\\*"),
                                                                             QStringLiteral(".*"));
        QVERIFY2(QRegularExpression(QLatin1Char('^') + pattern + QLatin1Char('$'))
                     .match(actual)
                     .hasMatch(),
                 qPrintable(actual));
        return;
    }
    QCOMPARE(actual, expected);
}

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
