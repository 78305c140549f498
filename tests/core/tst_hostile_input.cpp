// Hostile input through core: every damaged, unsupported or absurd file of tests/data/hostile
// (and the huge ones made here) gives an error naming the file and what is wrong, or, for the
// unusual but valid ones (16-bit, palette, grey with alpha, CMYK), the values the file holds.
// Also the memory arithmetic behind refusing and downscaling large inputs.

#include "io/image_input.h"
#include "io/npy.h"
#include "pipeline/memory_fit.h"
#include "pipeline/pipeline_analysis.h"
#include "pipeline/pipeline_reader.h"
#include "support/hostile_files.h"
#include "support/test_support.h"

#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace stridelab;
using test::hostileFile;

namespace {

QString readableFormats() {
    QStringList formats;
    for (const QByteArray& f : QImageReader::supportedImageFormats()) {
        formats << QString::fromLatin1(f);
    }
    return formats.join(QStringLiteral(", "));
}

bool writeBytes(const QString& path, const QByteArray& bytes) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

// The error of a failed result, for QVERIFY2 (which evaluates its message every time).
template <class T>
QByteArray errorOf(const Result<T>& r) {
    return r ? QByteArray() : r.error().message.toUtf8();
}

Tensor loadOrFail(const QString& name, ColorMode mode) {
    auto t = loadImageTensor(hostileFile(name), mode, std::nullopt, QDir());
    if (!t) {
        qWarning("%s", qPrintable(t.error().message));
        return Tensor(Shape{1, 1, 1});
    }
    return std::move(t).value();
}

}  // namespace

class TestHostileInput : public QObject {
    Q_OBJECT
private slots:
    void damagedImages_data();
    void damagedImages();
    void unusualImagesReadExactly_data();
    void unusualImagesReadExactly();
    void cmykJpeg();
    void greyJpegBlocks();
    void hugeHeaderRefusedBeforeDecoding();
    void readingBudgetBeforeDecoding();
    void photoLargerThanQtsDefaultLimit();
    void npyErrors_data();
    void npyErrors();
    void npyTooManyElements();
    void npyNonFiniteValuesKept();
    void npyLongerThanDeclaredReadsDeclared();
    void pipelineErrors_data();
    void pipelineErrors();
    void absurdNesting();
    void weightsOfTheWrongShape();
    void scaledToLongSide_data();
    void scaledToLongSide();
    void largestInputWithin();
    void nothingFits();
};

void TestHostileInput::damagedImages_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("why");
    QTest::addRow("missing") << QStringLiteral("no_such_file.png")
                             << QStringLiteral("the file does not exist");
    QTest::addRow("text named .png")
        << QStringLiteral("text.png")
        << QStringLiteral("not an image format StrideLab can read (it reads %1)")
               .arg(readableFormats());
    QTest::addRow("TIFF without a plugin")
        << QStringLiteral("unsupported.tif")
        << QStringLiteral("not an image format StrideLab can read (it reads %1)")
               .arg(readableFormats());
    QTest::addRow("zero-sized PNG")
        << QStringLiteral("zero_size.png")
        << QStringLiteral("its header is damaged or declares no pixels");
    QTest::addRow("PNG data not deflate")
        << QStringLiteral("corrupt.png")
        << QStringLiteral("its data is damaged or incomplete (Unable to read image data)");
    QTest::addRow("PNG cut in its data")
        << QStringLiteral("truncated.png")
        << QStringLiteral("its data is damaged or incomplete (Unable to read image data)");
    // libjpeg would decode this one without an error, the missing half grey.
    QTest::addRow("JPEG cut in its data")
        << QStringLiteral("truncated.jpg")
        << QStringLiteral(
               "the JPEG file ends before its image data does (an incomplete download?)");
}

void TestHostileInput::damagedImages() {
    QFETCH(QString, file);
    QFETCH(QString, why);
    const QString path = hostileFile(file);
    auto t = loadImageTensor(path, ColorMode::Rgb, std::nullopt, QDir());
    QVERIFY(!t.ok());
    QCOMPARE(t.error().kind, ErrorKind::Runtime);
    QCOMPARE(t.error().message, QStringLiteral("%1: cannot read the image: %2").arg(path, why));
    // The small trial decode the window makes before using an image finds the same.
    const Status checked = checkImageData(path);
    QVERIFY(!checked.ok());
    QCOMPARE(checked.error().message, t.error().message);
    // Sizing from the header fails the same way where the header is the problem.
    InputSpec input;
    input.kind = InputKind::Image;
    input.source = path;
    auto shape = inputShape(input, QDir());
    if (file == QStringLiteral("corrupt.png") || file == QStringLiteral("truncated.png") ||
        file == QStringLiteral("truncated.jpg")) {
        QVERIFY(shape.ok());  // a sound header: the damage shows when decoding
    } else {
        QVERIFY(!shape.ok());
        QCOMPARE(shape.error().message, t.error().message);
    }
}

void TestHostileInput::unusualImagesReadExactly_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("mode");
    QTest::addColumn<Shape>("shape");
    QTest::addColumn<QList<float>>("values");  // (c, y, x) in order
    // 16-bit grey 0, 65535 / 1, 32768: divided by 65535, not truncated to 8 bits.
    QTest::addRow("16-bit grey") << QStringLiteral("grey16.png") << int(ColorMode::Grayscale)
                                 << Shape{1, 2, 2}
                                 << QList<float>{0.0F, 1.0F, 1.0F / 65535, 32768.0F / 65535};
    // Palette indices 0 1 / 2 3 into red, green, blue, white.
    QTest::addRow("palette") << QStringLiteral("palette.png") << int(ColorMode::Rgb)
                             << Shape{3, 2, 2} << QList<float>{1, 0, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1};
    // Grey 51 opaque, grey 204 at alpha 102: grey is not premultiplied by alpha.
    QTest::addRow("grey with alpha as rgba")
        << QStringLiteral("grey_alpha.png") << int(ColorMode::Rgba) << Shape{4, 1, 2}
        << QList<float>{0.2F, 0.8F, 0.2F, 0.8F, 0.2F, 0.8F, 1.0F, 0.4F};
    QTest::addRow("grey with alpha as grayscale")
        << QStringLiteral("grey_alpha.png") << int(ColorMode::Grayscale) << Shape{1, 1, 2}
        << QList<float>{0.2F, 0.8F};
}

void TestHostileInput::unusualImagesReadExactly() {
    QFETCH(QString, file);
    QFETCH(int, mode);
    QFETCH(Shape, shape);
    QFETCH(QList<float>, values);
    QVERIFY(checkImageData(hostileFile(file)).ok());  // the window's trial decode passes it
    const Tensor t = loadOrFail(file, static_cast<ColorMode>(mode));
    QCOMPARE(t.shape(), shape);
    for (qsizetype i = 0; i < values.size(); ++i) {
        QCOMPARE(t.data()[i], values[i]);
    }
}

void TestHostileInput::cmykJpeg() {
    // Left block pure cyan ink, right block 50 % black (stored as Adobe's inverted ink, K =
    // 128): cyan is RGB (0, 1, 1), the black 128 / 255 grey.
    const Tensor t = loadOrFail(QStringLiteral("cmyk.jpg"), ColorMode::Rgb);
    QCOMPARE(t.shape(), (Shape{3, 8, 16}));
    for (const int x : {0, 7}) {
        QCOMPARE(t.at(0, 3, x), 0.0F);
        QCOMPARE(t.at(1, 3, x), 1.0F);
        QCOMPARE(t.at(2, 3, x), 1.0F);
    }
    for (const int c : {0, 1, 2}) {
        QCOMPARE(t.at(c, 0, 8), 128.0F / 255);
        QCOMPARE(t.at(c, 7, 15), 128.0F / 255);
    }
}

void TestHostileInput::greyJpegBlocks() {
    // The intact file the truncated one was cut from: block column k holds 16 k.
    const Tensor t = loadOrFail(QStringLiteral("grey.jpg"), ColorMode::Grayscale);
    QCOMPARE(t.shape(), (Shape{1, 64, 64}));
    for (int k = 0; k < 8; ++k) {
        QCOMPARE(t.at(0, 60, 8 * k + 3), static_cast<float>(16 * k) / 255);
    }
}

void TestHostileInput::hugeHeaderRefusedBeforeDecoding() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("huge.png"));
    QVERIFY(writeBytes(path, test::pngHeaderOnly(100000, 100000)));
    InputSpec input;
    input.kind = InputKind::Image;
    input.source = path;
    auto shape = inputShape(input, QDir());
    QVERIFY(!shape.ok());
    QCOMPARE(shape.error().message,
             path + QStringLiteral(
                        ": the input (3, 100000, 100000) is larger than 65536 on an axis; resize "
                        "the image first"));
}

void TestHostileInput::readingBudgetBeforeDecoding() {
    // 60000 x 60000 is within the per-axis limit, and a resize to 64 x 64 makes the maps tiny;
    // reading still means decoding all of it: 3.6e9 pixels of 4 bytes (Qt's RGB32) plus the
    // 3-channel float tensor of 12 bytes = 57,600,000,000 bytes = 53.64 GiB.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("big.png"));
    QVERIFY(writeBytes(path, test::pngHeaderOnly(60000, 60000)));
    auto info = readImageInfo(path);
    QVERIFY(info.ok());
    QCOMPARE(info->size, QSize(60000, 60000));
    QCOMPARE(info->readingBytes(3), std::int64_t{57600000000});
    auto t = loadImageTensor(path, ColorMode::Rgb, Pair{64, 64}, QDir());
    QVERIFY(!t.ok());
    QCOMPARE(t.error().message,
             path + QStringLiteral(": the image is 60000 x 60000 pixels; reading it needs 53.64 "
                                   "GiB (57600000000 bytes), more than the memory limit of 2.00 "
                                   "GiB (2147483648 bytes); resize the image first"));
}

void TestHostileInput::photoLargerThanQtsDefaultLimit() {
    // A 35-megapixel RGB photo decodes to 140 MB, past Qt 6.4's default allocation limit of
    // 128 MB, which refused it ("Unable to read image data") before the limit followed the
    // memory budget.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("photo.jpg"));
    {
        QImage photo(7000, 5000, QImage::Format_RGB32);
        photo.fill(qRgb(255, 255, 255));
        QVERIFY(photo.save(path, "JPEG", 90));
    }
    auto t = loadImageTensor(path, ColorMode::Grayscale, Pair{50, 70}, QDir());
    QVERIFY2(t.ok(), errorOf(t).constData());
    QCOMPARE(t->shape(), (Shape{1, 50, 70}));
    QCOMPARE(t->at(0, 25, 35), 1.0F);
    // The same photo under a 200 MiB limit: 35e6 pixels * (4 + 4) bytes = 280,000,000.
    auto refused = loadImageTensor(path, ColorMode::Grayscale, Pair{50, 70}, QDir(), 200 << 20);
    QVERIFY(!refused.ok());
    QCOMPARE(refused.error().message,
             path + QStringLiteral(": the image is 7000 x 5000 pixels; reading it needs 267.0 MiB "
                                   "(280000000 bytes), more than the memory limit of 200.0 MiB "
                                   "(209715200 bytes); resize the image first"));
}

void TestHostileInput::npyErrors_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("why");
    QTest::addRow("bad magic") << QStringLiteral("bad_magic.npy")
                               << QStringLiteral("not a NumPy .npy file (no \\x93NUMPY magic)");
    QTest::addRow("int32") << QStringLiteral("int32.npy")
                           << QStringLiteral(
                                  "unsupported dtype '<i4'; expected little-endian "
                                  "float32 ('<f4') or float64 ('<f8')");
    QTest::addRow("big-endian") << QStringLiteral("big_endian.npy")
                                << QStringLiteral(
                                       "unsupported dtype '>f4'; expected little-endian "
                                       "float32 ('<f4') or float64 ('<f8')");
    QTest::addRow("Fortran order") << QStringLiteral("fortran.npy")
                                   << QStringLiteral(
                                          "Fortran-order arrays are not supported; save "
                                          "with C order (numpy.ascontiguousarray)");
    // 3 * 4 * 4 floats are 192 bytes; the file holds 10 floats.
    QTest::addRow("truncated") << QStringLiteral("truncated.npy")
                               << QStringLiteral(
                                      "truncated data: shape (3, 4, 4) needs 192 bytes, the file "
                                      "has 40");
    // 2^40 floats = 4 TiB declared, 16 bytes present: refused from the header, nothing
    // allocated.
    QTest::addRow("terabytes") << QStringLiteral("terabytes.npy")
                               << QStringLiteral(
                                      "truncated data: shape (1, 1048576, 1048576) needs "
                                      "4398046511104 bytes, the file has 16");
}

void TestHostileInput::npyErrors() {
    QFETCH(QString, file);
    QFETCH(QString, why);
    const QString path = hostileFile(file);
    const QString expected = QStringLiteral("%1: %2").arg(path, why);
    auto array = readNpy(path);
    QVERIFY(!array.ok());
    QCOMPARE(array.error().message, expected);
    // The input's shape (what summary and the GUI read first) says the same.
    InputSpec input;
    input.kind = InputKind::Tensor;
    input.source = path;
    auto shape = inputShape(input, QDir());
    QVERIFY(!shape.ok());
    QCOMPARE(shape.error().message, expected);
}

void TestHostileInput::npyTooManyElements() {
    // 2e6 * 2e6 = 4e12 elements, past the 2^40 the header parser accepts.
    QByteArray header = "{'descr': '<f4', 'fortran_order': False, 'shape': (2000000, 2000000), }";
    header.append(QByteArray(64 - (10 + header.size() + 1) % 64, ' ')).append('\n');
    QByteArray bytes("\x93NUMPY\x01\x00", 8);
    bytes.append(static_cast<char>(header.size() & 0xFF))
        .append(static_cast<char>(header.size() >> 8));
    bytes.append(header);
    auto array = parseNpy(bytes, QStringLiteral("x.npy"));
    QVERIFY(!array.ok());
    QCOMPARE(array.error().message,
             QStringLiteral("x.npy: malformed or too large shape (2000000, 2000000)"));
}

void TestHostileInput::npyNonFiniteValuesKept() {
    auto array = readNpy(hostileFile(QStringLiteral("nonfinite.npy")));
    QVERIFY(array.ok());
    const auto& v = array->values;
    QCOMPARE(v.size(), std::size_t{8});
    const float inf = std::numeric_limits<float>::infinity();
    QCOMPARE(v[0], 0.0F);
    QCOMPARE(v[1], 1.0F);
    QVERIFY(std::isnan(v[2]));
    QCOMPARE(v[4], inf);
    QCOMPARE(v[6], -inf);
    QVERIFY(std::isnan(v[7]));
}

void TestHostileInput::npyLongerThanDeclaredReadsDeclared() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("long.npy"));
    QVERIFY(writeNpy(path, Tensor(Shape{1, 2, 2}, {1, 2, 3, 4})).ok());
    {
        QFile f(path);
        QVERIFY(f.open(QIODevice::Append));
        f.write(QByteArray(1 << 20, '\x7f'));  // a megabyte of something else
    }
    auto array = readNpy(path);
    QVERIFY(array.ok());
    QCOMPARE(array->values, (std::vector<float>{1, 2, 3, 4}));
}

void TestHostileInput::pipelineErrors_data() {
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("why");
    // Line 4 ends without the comma before "layers": Qt stops at the key that follows.
    QTest::addRow("syntax") << QStringLiteral("syntax.json")
                            << QStringLiteral(
                                   "JSON syntax error at line 5, column 3: unterminated object");
    QTest::addRow("empty file") << QStringLiteral("empty.json")
                                << QStringLiteral("the file is empty");
    QTest::addRow("top-level array") << QStringLiteral("top_level_array.json")
                                     << QStringLiteral("expected a JSON object at the top level");
    QTest::addRow("wrong type") << QStringLiteral("wrong_type.json")
                                << QStringLiteral(
                                       "layers[0].pool_size: expected an integer >= 1 or a pair "
                                       "[height, width] of them, got \"two\"");
    QTest::addRow("out of range") << QStringLiteral("out_of_range.json")
                                  << QStringLiteral(
                                         "layers[0].kernel_size: must be from 1 to 65536, got 0");
    QTest::addRow("unknown key") << QStringLiteral("unknown_key.json")
                                 << QStringLiteral(
                                        "layers[0].stride: unknown key; did you mean \"strides\"?");
    QTest::addRow("newer version")
        << QStringLiteral("newer_version.json")
        << QStringLiteral(
               "version: version 7 is newer than this program reads (up to 1); update StrideLab");
}

void TestHostileInput::pipelineErrors() {
    QFETCH(QString, file);
    QFETCH(QString, why);
    const QString path = hostileFile(file);
    auto pipeline = loadPipeline(path);
    QVERIFY(!pipeline.ok());
    QCOMPARE(pipeline.error().kind, ErrorKind::Invalid);
    QCOMPARE(pipeline.error().message, QStringLiteral("%1: %2").arg(path, why));
}

void TestHostileInput::absurdNesting() {
    // 100000 nested arrays: Qt's parser stops at its depth limit of 1024 instead of
    // recursing; the top-level object is the first level, so the 1024th "[" is refused.
    const QByteArray json = test::deeplyNestedPipeline(100000);
    auto pipeline = parsePipeline(json, QStringLiteral("deep.json"), QDir());
    QVERIFY(!pipeline.ok());
    const qsizetype column = test::deeplyNestedPrefix().size() + 1024;
    QCOMPARE(pipeline.error().message,
             QStringLiteral("deep.json: JSON syntax error at line 1, column %1: too deeply nested "
                            "document")
                 .arg(column));
    // Invalid UTF-8 is a syntax error at the offending byte.
    const QString notUtf8 = hostileFile(QStringLiteral("not_utf8.json"));
    QFile f(notUtf8);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const qsizetype at = f.readAll().indexOf('\xff') + 1;
    auto bad = loadPipeline(notUtf8);
    QVERIFY(!bad.ok());
    QCOMPARE(bad.error().message,
             QStringLiteral("%1: JSON syntax error at line 1, column %2: invalid UTF8 string")
                 .arg(notUtf8)
                 .arg(at));
}

void TestHostileInput::weightsOfTheWrongShape() {
    // Inline weights for 1 input channel on an input of 2: a valid file, an invalid layer.
    auto pipeline = loadPipeline(hostileFile(QStringLiteral("wrong_weights.json")));
    QVERIFY2(pipeline.ok(), errorOf(pipeline).constData());
    const PipelineReport report = analyzePipeline(*pipeline, pipeline->input.shape);
    QVERIFY(!report.ok());
    QCOMPARE(report.firstBroken()->error->message,
             QStringLiteral(
                 "weights.kernel has shape (1, 1, 2, 2), but 2 input channels need (1, 2, 2, 2)"));
}

void TestHostileInput::scaledToLongSide_data() {
    QTest::addColumn<Shape>("input");
    QTest::addColumn<qint64>("longSide");
    QTest::addColumn<qint64>("h");
    QTest::addColumn<qint64>("w");
    QTest::addRow("landscape 100x50 -> 60")
        << Shape{3, 50, 100} << qint64(60) << qint64(30) << qint64(60);
    QTest::addRow("portrait 7x10 -> 5: 3.5 rounds up")
        << Shape{1, 10, 7} << qint64(5) << qint64(5) << qint64(4);
    QTest::addRow("square") << Shape{1, 9, 9} << qint64(4) << qint64(4) << qint64(4);
    QTest::addRow("thin strip keeps 1 pixel")
        << Shape{1, 1, 1000} << qint64(10) << qint64(1) << qint64(10);
}

void TestHostileInput::scaledToLongSide() {
    QFETCH(Shape, input);
    QFETCH(qint64, longSide);
    QFETCH(qint64, h);
    QFETCH(qint64, w);
    const Pair size = stridelab::scaledToLongSide(input, longSide);
    QCOMPARE(size.h, h);
    QCOMPARE(size.w, w);
}

void TestHostileInput::largestInputWithin() {
    // Nearest x2 upsampling has no workspace: input C*H*W plus output 4*C*H*W floats, 20 bytes
    // per input pixel for C = 1. 100 x 50 needs 100,000 bytes. Under 36,000: 60 x 30 needs
    // exactly 36,000; 61 x 31 (30.5 rounds up) would need 37,820.
    const Pipeline p = test::pipelineFromJson(
        test::shapePipelineJson(Shape{1, 50, 100}, R"({ "type": "upsampling2d", "size": 2 })"));
    const auto size = stridelab::largestInputWithin(p, Shape{1, 50, 100}, 36000, 1);
    QVERIFY(size.has_value());
    QCOMPARE(size->h, std::int64_t{30});
    QCOMPARE(size->w, std::int64_t{60});
    const auto oneLess = stridelab::largestInputWithin(p, Shape{1, 50, 100}, 35999, 1);
    QVERIFY(oneLess.has_value());
    QCOMPARE(oneLess->w, std::int64_t{59});  // 59 x 30 (29.5 rounds up): 35,400 bytes
    QCOMPARE(oneLess->h, std::int64_t{30});
}

void TestHostileInput::nothingFits() {
    // Even 1 x 1 needs 20 bytes.
    const Pipeline p = test::pipelineFromJson(
        test::shapePipelineJson(Shape{1, 50, 100}, R"({ "type": "upsampling2d", "size": 2 })"));
    QVERIFY(!stridelab::largestInputWithin(p, Shape{1, 50, 100}, 19, 1).has_value());
    QVERIFY(stridelab::largestInputWithin(p, Shape{1, 50, 100}, 20, 1).has_value());
}

QTEST_GUILESS_MAIN(TestHostileInput)
#include "tst_hostile_input.moc"
