// The diagram of the layer stack: the layout's geometry (blocks to scale under each
// documented scale, exact labels, nothing overlapping for any preset in either style), the
// files (SVG that parses and renders, in Qt and in rsvg-convert; PDF that pdftoppm renders;
// PNG with its resolution recorded and its pixel size following it; the chosen colours in the
// pixels) and the export dialog driven as a user would, from the main window's menu.

#include "diagram/diagram_export_dialog.h"
#include "diagram/diagram_layout.h"
#include "diagram/diagram_writer.h"
#include "files/file_controller.h"
#include "io/image_input.h"
#include "main_window.h"
#include "pipeline/pipeline_reader.h"
#include "support/test_support.h"

#include <QAction>
#include <QApplication>
#include <QColorDialog>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPainterPath>
#include <QPainterPathStroker>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QSvgRenderer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QXmlStreamReader>

#include <cmath>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

QString presetPath(const QString& name) {
    return test::sourceDir() + QStringLiteral("/resources/presets/") + name;
}

QStringList allPresets() {
    QStringList paths;
    const QDir presets(test::sourceDir() + QStringLiteral("/resources/presets"));
    for (const QString& f :
         presets.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        paths << presets.filePath(f);
    }
    const QDir demos(presets.filePath(QStringLiteral("demos")));
    for (const QString& f : demos.entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name)) {
        paths << demos.filePath(f);
    }
    return paths;
}

// The diagram content of a pipeline file, with stand-in cards (min(C, 6) grey images, or
// none) in place of rendered maps.
DiagramContent contentOf(const QString& path, bool cards = false) {
    auto pipeline = loadPipeline(path);
    if (!pipeline) {
        qFatal("%s", qPrintable(pipeline.error().message));
    }
    auto shape = inputShape(pipeline->input, pipeline->baseDir);
    if (!shape) {
        qFatal("%s", qPrintable(shape.error().message));
    }
    auto content = diagramContent(pipeline->name, analyzePipeline(*pipeline, *shape));
    if (!content) {
        qFatal("%s", qPrintable(content.error().message));
    }
    if (cards) {
        for (DiagramMap& map : content->maps) {
            for (std::int64_t c = 0; c < std::min<std::int64_t>(map.shape.c, 6); ++c) {
                QImage image(static_cast<int>(map.shape.w), static_cast<int>(map.shape.h),
                             QImage::Format_RGB32);
                image.fill(QColor(40 * static_cast<int>(c), 128, 200));
                map.cards.push_back(image);
            }
        }
    }
    return std::move(content).value();
}

// Maps of the given (C, H, W) shapes, the first the input, the others made by a conv2d.
DiagramContent contentOfShapes(const std::vector<Shape>& shapes) {
    DiagramContent content;
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        DiagramMap map;
        map.name = i == 0 ? QStringLiteral("input") : QStringLiteral("layer%1").arg(i);
        map.type = i == 0 ? QString() : QStringLiteral("conv2d");
        map.role = i == 0 ? MapRole::Input : MapRole::Downsampling;
        map.shape = shapes[i];
        content.maps.push_back(map);
    }
    return content;
}

QPainterPath blockPath(const DiagramBlock& block, DiagramStyle style) {
    QPainterPath path;
    if (style == DiagramStyle::Blocks) {
        path.addPolygon(block.sideFace());
        path.addPolygon(block.topFace());
        path.addRect(block.front);
    } else {
        for (int i = 0; i < block.cards; ++i) {
            path.addRect(block.card(i));
        }
    }
    path.setFillRule(Qt::WindingFill);
    return path;
}

QPainterPath arrowPath(const DiagramArrow& arrow) {
    QPainterPath line;
    line.addPolygon(arrow.path);
    QPainterPathStroker stroker;
    stroker.setWidth(7.0);  // the arrowhead's width
    stroker.setCapStyle(Qt::FlatCap);
    return stroker.createStroke(line);
}

QString describe(const QRectF& r) {
    return QStringLiteral("(%1, %2, %3 x %4)")
        .arg(r.x(), 0, 'f', 1)
        .arg(r.y(), 0, 'f', 1)
        .arg(r.width(), 0, 'f', 1)
        .arg(r.height(), 0, 'f', 1);
}

struct Outcome {
    int exitCode = -1;
    QByteArray err;
};

Outcome runTool(const QString& program, const QStringList& arguments) {
    QProcess p;
    p.start(program, arguments);
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, p.readAllStandardError()};
}

}  // namespace

class TestDiagram : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void scaleOfAHalving_data();
    void scaleOfAHalving();
    void autoScale_data();
    void autoScale();
    void encoderDecoderBlocks();
    void mapsStyleCaptions();
    void rowsWrap();
    void nothingOverlaps_data();
    void nothingOverlaps();
    void svgIsValid();
    void svgRendersInRsvg();
    void pdfRendersInPdftoppm();
    void pngFollowsTheDpi();
    void colorsAreThePalette();
    void badExtension();
    void dialogExportsWithChosenColour();
    void menuOpensTheDialogWithComputedMaps();
};

void TestDiagram::initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("StrideLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_diagram"));
    QSettings().clear();
}

// A map half as high, next to one of 64: linear 75 of 150 (half), sqrt 150 * sqrt(1/2) =
// 106.07, log 150 * (1 + 5) / (1 + 6) = 128.57.
void TestDiagram::scaleOfAHalving_data() {
    QTest::addColumn<DiagramScale>("scale");
    QTest::addColumn<double>("halfHeight");
    QTest::addRow("linear") << DiagramScale::Linear << 75.0;
    QTest::addRow("sqrt") << DiagramScale::Sqrt << 150.0 * std::sqrt(0.5);
    QTest::addRow("log") << DiagramScale::Log << 150.0 * 6.0 / 7.0;
}

void TestDiagram::scaleOfAHalving() {
    QFETCH(DiagramScale, scale);
    QFETCH(double, halfHeight);
    DiagramOptions options;
    options.scale = scale;
    const DiagramLayout layout =
        layoutDiagram(contentOfShapes({{3, 64, 64}, {16, 32, 64}}), options);
    QCOMPARE(layout.scaling.scale, scale);
    QCOMPARE(layout.blocks.size(), std::size_t{2});
    QCOMPARE(layout.blocks[0].front.height(), 150.0);
    QVERIFY(std::abs(layout.blocks[1].front.height() - halfHeight) < 1e-9);
    // The width did not change: the same depth, W 64 -> 150 * 0.35355 = 53.03 each way.
    QVERIFY(std::abs(layout.blocks[1].depth.x() - 150.0 * kDepthFactor) < 1e-9);
    QCOMPARE(layout.blocks[1].depth.y(), -layout.blocks[1].depth.x());
    // Width from the channels: 4 + 5 log2(3) = 11.92 and 4 + 5 * 4 = 24.
    QVERIFY(std::abs(layout.blocks[0].front.width() - (4.0 + 5.0 * std::log2(3.0))) < 1e-9);
    QCOMPARE(layout.blocks[1].front.width(), 24.0);
}

void TestDiagram::autoScale_data() {
    QTest::addColumn<std::int64_t>("large");
    QTest::addColumn<std::int64_t>("small");
    QTest::addColumn<DiagramScale>("expected");
    QTest::addRow("64 and 8: linear")
        << std::int64_t{64} << std::int64_t{8} << DiagramScale::Linear;
    QTest::addRow("64 and 7: sqrt") << std::int64_t{64} << std::int64_t{7} << DiagramScale::Sqrt;
    QTest::addRow("416 and 13: sqrt")
        << std::int64_t{416} << std::int64_t{13} << DiagramScale::Sqrt;
    QTest::addRow("256 and 1: sqrt") << std::int64_t{256} << std::int64_t{1} << DiagramScale::Sqrt;
    QTest::addRow("1024 and 1: log") << std::int64_t{1024} << std::int64_t{1} << DiagramScale::Log;
}

void TestDiagram::autoScale() {
    QFETCH(std::int64_t, large);
    QFETCH(std::int64_t, small);
    QFETCH(DiagramScale, expected);
    const DiagramContent content = contentOfShapes({{3, large, large}, {1024, small, small}});
    const DiagramScaling s = diagramScaling(content.maps, DiagramScale::Auto);
    QCOMPARE(s.scale, expected);
    QCOMPARE(s.largest, large);
    QCOMPARE(s.length(large), 150.0);
}

// The encoder-decoder preset: 416x416x3 down to 13x13x256 and back, on the sqrt scale.
void TestDiagram::encoderDecoderBlocks() {
    const DiagramContent content =
        contentOf(presetPath(QStringLiteral("encoder_decoder_416.stridelab.json")));
    QCOMPARE(content.maps.size(), std::size_t{16});
    const DiagramLayout layout = layoutDiagram(content, DiagramOptions{});
    QCOMPARE(layout.scaling.scale, DiagramScale::Sqrt);
    QCOMPARE(layout.blocks.size(), std::size_t{16});
    QCOMPARE(layout.arrows.size(), std::size_t{15});
    // input 416: 150 high; pool5 13: 150 * sqrt(13 / 416) = 26.52; enc5's 256 channels:
    // 4 + 5 * 8 = 44 wide; pool1 208 is 1/sqrt(2) of the input.
    QCOMPARE(layout.blocks[0].front.height(), 150.0);
    QVERIFY(std::abs(layout.blocks[10].front.height() - 150.0 * std::sqrt(13.0 / 416.0)) < 1e-9);
    QCOMPARE(layout.blocks[9].front.width(), 44.0);
    QVERIFY(std::abs(layout.blocks[2].front.height() / layout.blocks[0].front.height() -
                     std::sqrt(0.5)) < 1e-12);
    // Colours by family: input, conv2d and max_pool2d down, conv2d_transpose up.
    QCOMPARE(layout.blocks[0].role, MapRole::Input);
    QCOMPARE(layout.blocks[1].role, MapRole::Downsampling);
    QCOMPARE(layout.blocks[10].role, MapRole::Downsampling);
    QCOMPARE(layout.blocks[11].role, MapRole::Upsampling);

    QStringList names;
    QStringList details;
    QStringList dimensions;
    for (const DiagramText& t : layout.textsOf(TextRole::Name)) {
        names << t.text;
    }
    for (const DiagramText& t : layout.textsOf(TextRole::Detail)) {
        details << t.text;
    }
    for (const DiagramText& t : layout.textsOf(TextRole::Dimension)) {
        dimensions << t.text;
    }
    QCOMPARE(names.mid(0, 4), (QStringList{QStringLiteral("input"), QStringLiteral("enc1"),
                                           QStringLiteral("pool1"), QStringLiteral("enc2")}));
    QCOMPARE(names.size(), 16);
    for (const QString& shape :
         {QStringLiteral("(3, 416, 416)"), QStringLiteral("(16, 416, 416)"),
          QStringLiteral("(256, 13, 13)"), QStringLiteral("(128, 26, 26)")}) {
        QVERIFY2(details.contains(shape), qPrintable(shape));
    }
    // The operations on the arrows: type, then Layer::describe().
    QVERIFY(details.contains(QStringLiteral("conv2d_transpose")));
    QVERIFY(details.contains(QStringLiteral("128 3x3 /2 same relu")));
    QVERIFY(details.contains(QStringLiteral("2x2")));
    QVERIFY(details.contains(QStringLiteral("3 3x3 /2 same sigmoid")));
    // C, H and W of every block: 16 blocks, three numbers each.
    QCOMPARE(dimensions.count(QStringLiteral("13")), 2);       // pool5's H and W
    QCOMPARE(dimensions.count(QStringLiteral("256")), 2);      // enc5's and pool5's C
    QCOMPARE(dimensions.count(QStringLiteral("416")), 2 * 3);  // input, enc1, dec5
    // The legend: the three families and the scale.
    QCOMPARE(layout.swatches.size(), std::size_t{3});
    QVERIFY(layout.key.has_value());
    QString legend;
    for (const DiagramText& t : layout.textsOf(TextRole::Legend)) {
        legend += t.text + QLatin1Char(' ');
    }
    QVERIFY2(legend.contains(QStringLiteral("made by a downsampling layer (conv2d, max_pool2d)")),
             qPrintable(legend));
    QVERIFY(legend.contains(QStringLiteral("made by an upsampling layer (conv2d_transpose)")));
    QVERIFY2(legend.contains(QStringLiteral("square-root scale")), qPrintable(legend));
}

void TestDiagram::mapsStyleCaptions() {
    const DiagramContent content =
        contentOf(presetPath(QStringLiteral("mnist_trunk.stridelab.json")), true);
    DiagramOptions options;
    options.style = DiagramStyle::Maps;
    const DiagramLayout layout = layoutDiagram(content, options);
    // 28 and 3: ratio 9.3, sqrt. Cards W x H; 32 channels show 6, the input's 1 shows 1.
    QCOMPARE(layout.scaling.scale, DiagramScale::Sqrt);
    QCOMPARE(layout.blocks[0].cards, 1);
    QCOMPARE(layout.blocks[1].cards, 6);
    QCOMPARE(layout.blocks[0].front.size(), QSizeF(150.0, 150.0));
    QVERIFY(std::abs(layout.blocks[5].front.width() - 150.0 * std::sqrt(3.0 / 28.0)) < 1e-9);
    QStringList details;
    for (const DiagramText& t : layout.textsOf(TextRole::Detail)) {
        details << t.text;
    }
    // Under conv2d_1: its type, parameters and shape.
    QVERIFY(details.contains(QStringLiteral("64 3x3 valid relu")));
    QVERIFY(details.contains(QStringLiteral("(64, 11, 11)")));
    QVERIFY(layout.textsOf(TextRole::Dimension).size() == 2);  // only the colour bar's ends
    QVERIFY(!layout.colorBar.isEmpty());
}

void TestDiagram::rowsWrap() {
    const DiagramContent content =
        contentOf(presetPath(QStringLiteral("encoder_decoder_416.stridelab.json")));
    DiagramOptions options;
    options.rowWidth = 100000.0;
    const DiagramLayout oneRow = layoutDiagram(content, options);
    QCOMPARE(oneRow.rows, 1);
    options.rowWidth = 800.0;
    const DiagramLayout wrapped = layoutDiagram(content, options);
    QVERIFY(wrapped.rows >= 3);
    QVERIFY(wrapped.size.width() < oneRow.size.width());
    // The arrow between rows goes down the right, under the row and down the left.
    int continued = 0;
    for (const DiagramArrow& a : wrapped.arrows) {
        if (a.path.size() == 6) {
            ++continued;
            QVERIFY(a.path.back().y() > a.path.front().y());
            QVERIFY(a.path.back().x() < a.path.front().x());
        }
    }
    QCOMPARE(continued, wrapped.rows - 1);
}

void TestDiagram::nothingOverlaps_data() {
    QTest::addColumn<QString>("path");
    QTest::addColumn<DiagramStyle>("style");
    for (const QString& p : allPresets()) {
        for (const DiagramStyle style : {DiagramStyle::Blocks, DiagramStyle::Maps}) {
            QTest::addRow("%s %s", qPrintable(QFileInfo(p).completeBaseName()),
                          qPrintable(diagramStyleKey(style)))
                << p << style;
        }
    }
}

// No two texts overlap; no text touches a block, card or arrow; no two blocks overlap; no
// arrow passes through a block; everything is inside the page.
void TestDiagram::nothingOverlaps() {
    QFETCH(QString, path);
    QFETCH(DiagramStyle, style);
    DiagramOptions options;
    options.style = style;
    const DiagramContent content = contentOf(path, style == DiagramStyle::Maps);
    const DiagramLayout layout = layoutDiagram(content, options);
    const QRectF page(QPointF(), layout.size);
    std::vector<QPainterPath> blocks;
    for (const DiagramBlock& b : layout.blocks) {
        blocks.push_back(blockPath(b, style));
        QVERIFY(page.contains(blocks.back().boundingRect()));
    }
    if (layout.key) {
        blocks.push_back(blockPath(*layout.key, DiagramStyle::Blocks));
    }
    std::vector<QPainterPath> arrows;
    for (const DiagramArrow& a : layout.arrows) {
        arrows.push_back(arrowPath(a));
        for (const QPointF& point : a.path) {
            QVERIFY(page.contains(point));
        }
    }
    const auto& texts = layout.texts;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const QRectF r = texts[i].rect;
        QVERIFY2(page.contains(r), qPrintable(texts[i].text + describe(r)));
        for (std::size_t j = i + 1; j < texts.size(); ++j) {
            QVERIFY2(!r.intersects(texts[j].rect),
                     qPrintable(texts[i].text + describe(r) + QStringLiteral(" and ") +
                                texts[j].text + describe(texts[j].rect)));
        }
        for (const QPainterPath& b : blocks) {
            QVERIFY2(!b.intersects(r),
                     qPrintable(texts[i].text + describe(r) + QStringLiteral(" on a block ") +
                                describe(b.boundingRect())));
        }
        for (const QPainterPath& a : arrows) {
            QVERIFY2(!a.intersects(r),
                     qPrintable(texts[i].text + describe(r) + QStringLiteral(" on an arrow")));
        }
    }
    for (std::size_t i = 0; i < blocks.size(); ++i) {
        for (std::size_t j = i + 1; j < blocks.size(); ++j) {
            QVERIFY(!blocks[i].intersects(blocks[j]));
        }
        for (const QPainterPath& a : arrows) {
            QVERIFY2(!a.intersects(blocks[i]),
                     qPrintable(QStringLiteral("an arrow through block %1").arg(i)));
        }
    }
}

void TestDiagram::svgIsValid() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("d.svg"));
    const DiagramContent content =
        contentOf(presetPath(QStringLiteral("encoder_decoder_416.stridelab.json")));
    QVERIFY(writeDiagram(path, content, DiagramOptions{}).ok());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QXmlStreamReader xml(&file);
    QStringList texts;
    QString svgWidth;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QStringLiteral("svg")) {
            svgWidth = xml.attributes().value(QStringLiteral("width")).toString();
        }
        if (xml.isStartElement() && xml.name() == QStringLiteral("text")) {
            texts << xml.readElementText(QXmlStreamReader::IncludeChildElements).trimmed();
        }
    }
    QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
    for (const DiagramMap& map : content.maps) {
        QVERIFY2(texts.contains(map.name), qPrintable(map.name));
    }
    QVERIFY(texts.contains(QStringLiteral("(256, 13, 13)")));
    QVERIFY(texts.contains(content.title));
    // The physical size: layout units are 1/96 inch.
    const DiagramLayout layout = layoutDiagram(content, DiagramOptions{});
    QVERIFY2(svgWidth.endsWith(QStringLiteral("mm")), qPrintable(svgWidth));
    QVERIFY(std::abs(svgWidth.chopped(2).toDouble() - layout.size.width() / 96.0 * 25.4) < 0.5);
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QCOMPARE(renderer.viewBoxF(), QRectF(QPointF(), layout.size));
}

void TestDiagram::svgRendersInRsvg() {
    const QString rsvg = QStringLiteral("/usr/bin/rsvg-convert");
    if (!QFileInfo::exists(rsvg)) {
        QSKIP("rsvg-convert is not installed (Debian package librsvg2-bin)");
    }
    QTemporaryDir dir;
    for (const DiagramStyle style : {DiagramStyle::Blocks, DiagramStyle::Maps}) {
        DiagramOptions options;
        options.style = style;
        const QString svg = dir.filePath(diagramStyleKey(style) + QStringLiteral(".svg"));
        const QString png = dir.filePath(diagramStyleKey(style) + QStringLiteral(".png"));
        QVERIFY(writeDiagram(
                    svg, contentOf(presetPath(QStringLiteral("mnist_trunk.stridelab.json")), true),
                    options)
                    .ok());
        const Outcome o = runTool(rsvg, {QStringLiteral("-o"), png, svg});
        QVERIFY2(o.exitCode == 0, o.err.constData());
        const QImage image(png);
        QVERIFY(!image.isNull());
        const DiagramLayout layout = layoutDiagram(
            contentOf(presetPath(QStringLiteral("mnist_trunk.stridelab.json")), true), options);
        // rsvg draws the size in mm at 96 dpi: the layout's size in pixels.
        QVERIFY(std::abs(image.width() - layout.size.width()) <= 1);
    }
}

void TestDiagram::pdfRendersInPdftoppm() {
    QTemporaryDir dir;
    const QString pdf = dir.filePath(QStringLiteral("d.pdf"));
    const DiagramContent content =
        contentOf(presetPath(QStringLiteral("encoder_decoder_416.stridelab.json")));
    QVERIFY(writeDiagram(pdf, content, DiagramOptions{}).ok());
    QFile file(pdf);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.read(5) == "%PDF-");
    const QString pdftoppm = QStringLiteral("/usr/bin/pdftoppm");
    if (!QFileInfo::exists(pdftoppm)) {
        QSKIP("pdftoppm is not installed (Debian package poppler-utils)");
    }
    // At 96 dpi the page is the layout's size in pixels.
    const Outcome o = runTool(
        pdftoppm, {QStringLiteral("-png"), QStringLiteral("-r"), QStringLiteral("96"),
                   QStringLiteral("-singlefile"), pdf, dir.filePath(QStringLiteral("page"))});
    QVERIFY2(o.exitCode == 0, o.err.constData());
    const QImage page(dir.filePath(QStringLiteral("page.png")));
    QVERIFY(!page.isNull());
    const DiagramLayout layout = layoutDiagram(content, DiagramOptions{});
    QVERIFY(std::abs(page.width() - layout.size.width()) <= 1);
    QVERIFY(std::abs(page.height() - layout.size.height()) <= 1);
}

// 300 dpi has 300/96 as many pixels each way as 96 dpi, and records 300 / 0.0254 = 11811
// dots per metre (96 dpi: 3780).
void TestDiagram::pngFollowsTheDpi() {
    QTemporaryDir dir;
    const DiagramContent content =
        contentOf(presetPath(QStringLiteral("conv_same_upsampling.stridelab.json")));
    const QString at96 = dir.filePath(QStringLiteral("96.png"));
    const QString at300 = dir.filePath(QStringLiteral("300.png"));
    QVERIFY(writeDiagram(at96, content, DiagramOptions{}).ok());
    QVERIFY(writeDiagram(at300, content, DiagramOptions{}, 300).ok());
    const QImage small(at96);
    const QImage large(at300);
    const DiagramLayout layout = layoutDiagram(content, DiagramOptions{});
    QCOMPARE(small.size(), layout.size.toSize());
    QVERIFY(std::abs(large.width() - small.width() * 300.0 / 96.0) <= 1.0);
    QVERIFY(std::abs(large.height() - small.height() * 300.0 / 96.0) <= 1.0);
    QCOMPARE(small.dotsPerMeterX(), 3780);
    QCOMPARE(large.dotsPerMeterX(), 11811);
    QCOMPARE(large.dotsPerMeterY(), 11811);
    // Too many pixels is an error, not an allocation.
    auto huge = diagramImage(content, DiagramOptions{}, 100000);
    QVERIFY(!huge.ok());
    QVERIFY2(huge.error().message.contains(QStringLiteral("too large")),
             qPrintable(huge.error().message));
}

// The block's front face is filled with its family's colour, the page with the background.
void TestDiagram::colorsAreThePalette() {
    const DiagramContent content =
        contentOf(presetPath(QStringLiteral("conv_same_upsampling.stridelab.json")));
    DiagramOptions options;
    options.palette.background = QColor(0x10, 0x20, 0x30);
    options.palette.input = QColor(0xaa, 0x00, 0x00);
    options.palette.downsampling = QColor(0x00, 0xbb, 0x00);
    options.palette.upsampling = QColor(0x00, 0x00, 0xcc);
    const DiagramLayout layout = layoutDiagram(content, options);
    auto image = diagramImage(content, options, 96);
    QVERIFY(image.ok());
    QCOMPARE(image->pixelColor(1, 1), options.palette.background);
    const QColor expected[] = {options.palette.input, options.palette.downsampling,
                               options.palette.upsampling};
    for (int i = 0; i < 3; ++i) {
        const QPoint centre = layout.blocks[static_cast<std::size_t>(i)].front.center().toPoint();
        QCOMPARE(image->pixelColor(centre), expected[i]);
    }
}

void TestDiagram::badExtension() {
    const Status s = writeDiagram(QStringLiteral("/tmp/diagram.txt"), contentOfShapes({{3, 8, 8}}),
                                  DiagramOptions{});
    QVERIFY(!s.ok());
    QCOMPARE(s.error().message,
             QStringLiteral("/tmp/diagram.txt: expected a .svg, .pdf or .png file"));
}

void TestDiagram::dialogExportsWithChosenColour() {
    QTemporaryDir dir;
    DiagramExportDialog dialog(
        contentOf(presetPath(QStringLiteral("conv_same_upsampling.stridelab.json"))));
    // No maps: only the blocks style.
    QVERIFY(!dialog.mapsAvailable());
    auto* dpi = dialog.findChild<QSpinBox*>();
    auto* path = dialog.findChild<QLineEdit*>();
    QVERIFY(dpi != nullptr && path != nullptr);
    path->setText(dir.filePath(QStringLiteral("d.svg")));
    QVERIFY(!dpi->isEnabled());
    path->setText(dir.filePath(QStringLiteral("d.png")));
    QVERIFY(dpi->isEnabled());
    dpi->setValue(192);
    // The upsampling colour, chosen in the colour dialog.
    QTimer::singleShot(0, this, [] {
        auto* colors = qobject_cast<QColorDialog*>(QApplication::activeModalWidget());
        QVERIFY(colors != nullptr);
        colors->setCurrentColor(QColor(0x12, 0x34, 0x56));
        colors->accept();
    });
    QTest::mouseClick(dialog.colorButton(QStringLiteral("upsampling")), Qt::LeftButton);
    QCOMPARE(dialog.options().palette.upsampling, QColor(0x12, 0x34, 0x56));
    QCOMPARE(dialog.colorButton(QStringLiteral("upsampling"))->text(), QStringLiteral("#123456"));
    QVERIFY(!dialog.preview()->pixmap().isNull());
    QTest::mouseClick(dialog.findChild<QDialogButtonBox*>()->button(QDialogButtonBox::Save),
                      Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const QImage image(dir.filePath(QStringLiteral("d.png")));
    QCOMPARE(image.dotsPerMeterX(), 7559);  // 192 / 0.0254
    // The upsampling block (the third map), at twice the layout's scale.
    DiagramOptions options = dialog.options();
    const DiagramLayout layout = layoutDiagram(
        contentOf(presetPath(QStringLiteral("conv_same_upsampling.stridelab.json"))), options);
    QCOMPARE(image.pixelColor((layout.blocks[2].front.center() * 2.0).toPoint()),
             QColor(0x12, 0x34, 0x56));
    // Remembered for the next export.
    DiagramExportDialog again(
        contentOf(presetPath(QStringLiteral("conv_same_upsampling.stridelab.json"))));
    QCOMPARE(again.options().palette.upsampling, QColor(0x12, 0x34, 0x56));
    QCOMPARE(again.dpi(), 192);
}

void TestDiagram::menuOpensTheDialogWithComputedMaps() {
    QTemporaryDir dir;
    MainWindow w;
    QVERIFY(w.files()->openPipeline(QStringLiteral(":/presets/mnist_trunk.stridelab.json")));
    QVERIFY(QTest::qWaitFor([&] { return !w.compute()->busy(); }, 30000));
    QAction* action = nullptr;
    for (QAction* menu : w.menuBar()->actions()) {
        for (QAction* a : menu->menu()->actions()) {
            if (a->menu() != nullptr && a->text() == QStringLiteral("&Export")) {
                for (QAction* e : a->menu()->actions()) {
                    if (e->text() == QStringLiteral("&Diagram...")) {
                        action = e;
                    }
                }
            }
        }
    }
    QVERIFY(action != nullptr);
    const QString path = dir.filePath(QStringLiteral("maps.svg"));
    bool sawMaps = false;
    QTimer::singleShot(0, this, [&] {
        auto* dialog = qobject_cast<DiagramExportDialog*>(QApplication::activeModalWidget());
        QVERIFY(dialog != nullptr);
        sawMaps = dialog->mapsAvailable();
        auto* style = dialog->findChild<QComboBox*>();
        style->setCurrentIndex(style->findData(static_cast<int>(DiagramStyle::Maps)));
        dialog->setPath(path);
        dialog->accept();
    });
    action->trigger();
    QVERIFY(sawMaps);
    QSvgRenderer renderer(path);
    QVERIFY(renderer.isValid());
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray svg = file.readAll();
    // The rendered maps are embedded pictures; the captions are text.
    QVERIFY(svg.count("<image") >= 6);
    QVERIFY(svg.contains(">conv2d_2</text>"));
}

QTEST_MAIN(TestDiagram)
#include "tst_diagram.moc"
