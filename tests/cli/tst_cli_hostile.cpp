// The command line against hostile input: each file of tests/data/hostile, and the huge ones
// made here, gives exactly one error line naming the file and what is wrong, with cli.md's
// exit status (2 an invalid pipeline or argument, 1 a file that cannot be read or a budget
// that is too small), and nothing is written. NaN and infinity in a tensor are computed.

#include "io/npy.h"
#include "support/cli_support.h"
#include "support/hostile_files.h"
#include "support/test_support.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QImageReader>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <limits>

using namespace stridelab;
using namespace stridelab::test;

namespace {

// An image input the --input images replace (keeping its resize to 16 x 16), and nearest x2
// upsampling: 3*16*16 + 3*32*32 floats = 15,360 bytes of feature maps, no workspace.
const QByteArray kResizedImage = R"({ "format": "stridelab.pipeline", "version": 1,
    "input": { "image": "builtin:zone_plate", "resize": [16, 16] },
    "layers": [ { "type": "upsampling2d", "size": 2 } ] })";
// An image input without a resize: --input images keep their own size.
const QByteArray kOwnSize = R"({ "format": "stridelab.pipeline", "version": 1,
    "input": { "image": "builtin:zone_plate" },
    "layers": [ { "type": "upsampling2d", "size": 2 } ] })";
// A tensor input (1, 2, 4), for the .npy files.
const QByteArray kTensor = R"({ "format": "stridelab.pipeline", "version": 1,
    "input": { "shape": [1, 2, 4] },
    "layers": [ { "type": "upsampling2d", "size": 2 } ] })";

}  // namespace

class TestCliHostile : public QObject {
    Q_OBJECT
private slots:
    void initTestCase();
    void refused_data();
    void refused();
    void readingBudgetIsTheMemoryLimit();
    void nonFiniteValuesAreComputed();

private:
    QTemporaryDir dir_;
    QString hostile_;
};

void TestCliHostile::initTestCase() {
    QVERIFY(dir_.isValid());
    hostile_ = QFileInfo(hostileFile(QStringLiteral("syntax.json"))).absolutePath();
    writeText(dir_, QStringLiteral("resized.json"), kResizedImage);
    writeText(dir_, QStringLiteral("own_size.json"), kOwnSize);
    writeText(dir_, QStringLiteral("tensor.json"), kTensor);
    writeText(dir_, QStringLiteral("deep.json"), deeplyNestedPipeline(100000));
    writeText(dir_, QStringLiteral("huge.png"), pngHeaderOnly(100000, 100000));
    writeText(dir_, QStringLiteral("big.png"), pngHeaderOnly(60000, 60000));
    QImage white(2000, 2000, QImage::Format_RGB32);
    white.fill(Qt::white);
    QVERIFY(white.save(dir_.filePath(QStringLiteral("white2000.png"))));
}

void TestCliHostile::refused_data() {
    QTest::addColumn<QStringList>("arguments");  // {H}: tests/data/hostile, {T}: the temp dir
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");  // the one line after "stridelab: error: "

    const QString resized = QStringLiteral("{T}/resized.json");
    auto summary = [](const QString& file) { return QStringList{QStringLiteral("summary"), file}; };
    auto runWith = [](const QString& pipeline, const QString& input) {
        return QStringList{QStringLiteral("run"),     pipeline,
                           QStringLiteral("--input"), input,
                           QStringLiteral("--dump"),  QStringLiteral("{T}/dump")};
    };

    // Pipeline files.
    QTest::addRow("JSON syntax") << summary(QStringLiteral("{H}/syntax.json")) << 2
                                 << QStringLiteral(
                                        "{H}/syntax.json: JSON syntax error at line 5, "
                                        "column 3: unterminated object");
    QTest::addRow("empty file") << summary(QStringLiteral("{H}/empty.json")) << 2
                                << QStringLiteral("{H}/empty.json: the file is empty");
    QTest::addRow("100000 nested arrays")
        << summary(QStringLiteral("{T}/deep.json")) << 2
        << QStringLiteral(
               "{T}/deep.json: JSON syntax error at line 1, column %1: too deeply "
               "nested document")
               .arg(deeplyNestedPrefix().size() + 1024);
    QTest::addRow("wrong type") << summary(QStringLiteral("{H}/wrong_type.json")) << 2
                                << QStringLiteral(
                                       "{H}/wrong_type.json: layers[0].pool_size: expected an "
                                       "integer >= 1 or a pair [height, width] of them, got "
                                       "\"two\"");
    QTest::addRow("kernel 0") << summary(QStringLiteral("{H}/out_of_range.json")) << 2
                              << QStringLiteral(
                                     "{H}/out_of_range.json: layers[0].kernel_size: "
                                     "must be from 1 to 65536, got 0");
    QTest::addRow("unknown key") << summary(QStringLiteral("{H}/unknown_key.json")) << 2
                                 << QStringLiteral(
                                        "{H}/unknown_key.json: layers[0].stride: unknown key; did "
                                        "you mean \"strides\"?");
    QTest::addRow("newer version") << summary(QStringLiteral("{H}/newer_version.json")) << 2
                                   << QStringLiteral(
                                          "{H}/newer_version.json: version: version 7 is newer "
                                          "than this program reads (up to 1); update StrideLab");
    QTest::addRow("weights of the wrong shape")
        << summary(QStringLiteral("{H}/wrong_weights.json")) << 2
        << QStringLiteral(
               "{H}/wrong_weights.json: layers[0] (conv2d): weights.kernel has shape "
               "(1, 1, 2, 2), but 2 input channels need (1, 2, 2, 2)");

    // Images: the header problems show already in summary, the data problems when decoding.
    const QString formats = [] {
        QStringList list;
        for (const QByteArray& f : QImageReader::supportedImageFormats()) {
            list << QString::fromLatin1(f);
        }
        return list.join(QStringLiteral(", "));
    }();
    QTest::addRow("text named .png")
        << (summary(resized) << QStringLiteral("--input") << QStringLiteral("{H}/text.png")) << 1
        << QStringLiteral(
               "{H}/text.png: cannot read the image: not an image format StrideLab "
               "can read (it reads %1)")
               .arg(formats);
    QTest::addRow("TIFF") << (summary(resized)
                              << QStringLiteral("--input") << QStringLiteral("{H}/unsupported.tif"))
                          << 1
                          << QStringLiteral(
                                 "{H}/unsupported.tif: cannot read the image: not an "
                                 "image format StrideLab can read (it reads %1)")
                                 .arg(formats);
    QTest::addRow("zero-sized PNG")
        << (summary(resized) << QStringLiteral("--input") << QStringLiteral("{H}/zero_size.png"))
        << 1
        << QStringLiteral(
               "{H}/zero_size.png: cannot read the image: its header is damaged or declares no "
               "pixels");
    QTest::addRow("corrupt PNG") << runWith(resized, QStringLiteral("{H}/corrupt.png")) << 1
                                 << QStringLiteral(
                                        "{H}/corrupt.png: cannot read the image: its data is "
                                        "damaged or incomplete (Unable to read image data)");
    QTest::addRow("truncated PNG") << runWith(resized, QStringLiteral("{H}/truncated.png")) << 1
                                   << QStringLiteral(
                                          "{H}/truncated.png: cannot read the image: its data is "
                                          "damaged or incomplete (Unable to read image data)");
    QTest::addRow("truncated JPEG")
        << runWith(resized, QStringLiteral("{H}/truncated.jpg")) << 1
        << QStringLiteral(
               "{H}/truncated.jpg: cannot read the image: the JPEG file ends before "
               "its image data does (an incomplete download?)");
    QTest::addRow("PNG header declaring 100000 x 100000")
        << (summary(QStringLiteral("{T}/own_size.json"))
            << QStringLiteral("--input") << QStringLiteral("{T}/huge.png"))
        << 2
        << QStringLiteral(
               "{T}/huge.png: the input (3, 100000, 100000) is larger than 65536 on "
               "an axis; resize the image first");
    // Resized to 16 x 16 the maps are tiny; decoding 60000 x 60000 first is not:
    // 3.6e9 * (4 + 12) bytes.
    QTest::addRow("PNG header declaring 60000 x 60000, resized")
        << runWith(resized, QStringLiteral("{T}/big.png")) << 1
        << QStringLiteral(
               "{T}/big.png: the image is 60000 x 60000 pixels; reading it needs 53.64 "
               "GiB (57600000000 bytes), more than the memory limit of 2.00 GiB "
               "(2147483648 bytes); resize the image first");

    // .npy tensors.
    const QString tensor = QStringLiteral("{T}/tensor.json");
    QTest::addRow("npy bad magic") << runWith(tensor, QStringLiteral("{H}/bad_magic.npy")) << 1
                                   << QStringLiteral(
                                          "{H}/bad_magic.npy: not a NumPy .npy file (no \\x93NUMPY "
                                          "magic)");
    QTest::addRow("npy int32") << runWith(tensor, QStringLiteral("{H}/int32.npy")) << 1
                               << QStringLiteral(
                                      "{H}/int32.npy: unsupported dtype '<i4'; expected "
                                      "little-endian float32 ('<f4') or float64 "
                                      "('<f8')");
    QTest::addRow("npy big-endian") << runWith(tensor, QStringLiteral("{H}/big_endian.npy")) << 1
                                    << QStringLiteral(
                                           "{H}/big_endian.npy: unsupported dtype '>f4'; expected "
                                           "little-endian float32 ('<f4') or float64 ('<f8')");
    QTest::addRow("npy Fortran order") << runWith(tensor, QStringLiteral("{H}/fortran.npy")) << 1
                                       << QStringLiteral(
                                              "{H}/fortran.npy: Fortran-order arrays are not "
                                              "supported; save with C order "
                                              "(numpy.ascontiguousarray)");
    QTest::addRow("npy truncated") << runWith(tensor, QStringLiteral("{H}/truncated.npy")) << 1
                                   << QStringLiteral(
                                          "{H}/truncated.npy: truncated data: shape (3, 4, 4) "
                                          "needs 192 bytes, the file has 40");
    QTest::addRow("npy declaring 4 TiB")
        << runWith(tensor, QStringLiteral("{H}/terabytes.npy")) << 1
        << QStringLiteral(
               "{H}/terabytes.npy: truncated data: shape (1, 1048576, 1048576) needs "
               "4398046511104 bytes, the file has 16");

    // The memory budget, for every subcommand that computes (15,360 bytes, see kResizedImage).
    const QString over = QStringLiteral(
        "{T}/resized.json: the feature maps need 15.0 KiB (15360 bytes), more than the memory "
        "limit of 1.0 KiB (1024 bytes); use a smaller input or raise --memory-limit");
    QTest::addRow("run over budget") << QStringList{QStringLiteral("run"),
                                                    resized,
                                                    QStringLiteral("--dump"),
                                                    QStringLiteral("{T}/dump"),
                                                    QStringLiteral("--memory-limit"),
                                                    QStringLiteral("1K")}
                                     << 1 << over;
    QTest::addRow("export --maps over budget")
        << QStringList{QStringLiteral("export"),         resized,
                       QStringLiteral("--maps"),         QStringLiteral("{T}/dump"),
                       QStringLiteral("--memory-limit"), QStringLiteral("1K")}
        << 1 << over;
    QTest::addRow("bench over budget")
        << QStringList{QStringLiteral("bench"), resized, QStringLiteral("--memory-limit"),
                       QStringLiteral("1K")}
        << 1 << over;
}

void TestCliHostile::refused() {
    QFETCH(QStringList, arguments);
    QFETCH(int, status);
    QFETCH(QString, error);
    for (QString& a : arguments) {
        a.replace(QStringLiteral("{H}"), hostile_).replace(QStringLiteral("{T}"), dir_.path());
    }
    error.replace(QStringLiteral("{H}"), hostile_).replace(QStringLiteral("{T}"), dir_.path());
    QDir(dir_.filePath(QStringLiteral("dump"))).removeRecursively();
    const Outcome o = runCli(arguments);
    QCOMPARE(o.exitCode, status);
    // One line, no decoder chatter ("libpng error: ...") around it.
    QCOMPARE(QString::fromUtf8(o.err), QStringLiteral("stridelab: error: %1\n").arg(error));
    QVERIFY(o.out.isEmpty() || arguments.front() == QStringLiteral("summary"));
    QVERIFY(!QFile::exists(dir_.filePath(QStringLiteral("dump/manifest.json"))));
    QVERIFY(QDir(dir_.filePath(QStringLiteral("dump")))
                .entryList({QStringLiteral("*.npy"), QStringLiteral("*.png")})
                .isEmpty());
}

void TestCliHostile::readingBudgetIsTheMemoryLimit() {
    // A real 2000 x 2000 PNG, resized to 16 x 16: the maps need 15 KiB, reading it
    // 4e6 * (4 + 12) = 64,000,000 bytes (61.0 MiB). 32 MiB is too little, 64 MiB enough.
    const QString png = dir_.filePath(QStringLiteral("white2000.png"));
    const QString pipeline = dir_.filePath(QStringLiteral("resized.json"));
    const QString dump = dir_.filePath(QStringLiteral("budget"));
    const Outcome refused = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--input"), png,
                                    QStringLiteral("--dump"), dump,
                                    QStringLiteral("--memory-limit"), QStringLiteral("32M")});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(QString::fromUtf8(refused.err),
             QStringLiteral("stridelab: error: %1: the image is 2000 x 2000 pixels; reading it "
                            "needs 61.0 MiB (64000000 bytes), more than the memory limit of 32.0 "
                            "MiB (33554432 bytes); resize the image first\n")
                 .arg(png));
    const Outcome ok = runCli({QStringLiteral("run"), pipeline, QStringLiteral("--input"), png,
                               QStringLiteral("--dump"), dump, QStringLiteral("--memory-limit"),
                               QStringLiteral("64M"), QStringLiteral("--quiet")});
    QCOMPARE(ok.exitCode, 0);
    auto input = readNpy(dump + QStringLiteral("/00_input.npy"));
    QVERIFY(input.ok());
    QCOMPARE(input->dims, (std::vector<std::int64_t>{3, 16, 16}));
    QCOMPARE(input->values[0], 1.0F);  // white
}

void TestCliHostile::nonFiniteValuesAreComputed() {
    // (1, 2, 4) = {0, 1, NaN, 2 / inf, 3, -inf, NaN}, upsampled x2 by nearest: each value
    // becomes a 2 x 2 block, NaN and infinities included.
    const QString dump = dir_.filePath(QStringLiteral("nonfinite"));
    const Outcome o =
        runCli({QStringLiteral("run"), dir_.filePath(QStringLiteral("tensor.json")),
                QStringLiteral("--input"), hostileFile(QStringLiteral("nonfinite.npy")),
                QStringLiteral("--dump"), dump, QStringLiteral("--quiet")});
    QCOMPARE(o.exitCode, 0);
    QVERIFY(o.err.isEmpty());
    auto up = readNpy(dump + QStringLiteral("/01_upsampling2d.npy"));
    QVERIFY(up.ok());
    QCOMPARE(up->dims, (std::vector<std::int64_t>{1, 4, 8}));
    const float inf = std::numeric_limits<float>::infinity();
    const auto at = [&](int y, int x) { return up->values[static_cast<std::size_t>(y * 8 + x)]; };
    QCOMPARE(at(0, 2), 1.0F);
    QVERIFY(std::isnan(at(1, 5)));
    QCOMPARE(at(2, 0), inf);
    QCOMPARE(at(3, 5), -inf);
    QVERIFY(std::isnan(at(3, 7)));
}

QTEST_GUILESS_MAIN(TestCliHostile)
#include "tst_cli_hostile.moc"
