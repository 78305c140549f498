// Image inputs (pipeline-format.md, "Input"): the built-in test patterns, colour modes, bit
// depths, the antialiased `resize`, and the errors for unknown or unreadable images.

#include "io/builtin_images.h"
#include "io/image_input.h"
#include "kernels/antialiased_resize.h"
#include "support/test_support.h"

#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <numbers>

using namespace stridelab;

namespace {

Tensor loadOrFail(const QString& source, ColorMode mode, std::optional<Pair> resize = std::nullopt,
                  const QDir& base = QDir()) {
    auto t = loadImageTensor(source, mode, resize, base);
    if (!t) {
        qWarning("%s", qPrintable(t.error().message));
        return {};
    }
    return std::move(t).value();
}

// A 1-pixel checkerboard, 8-bit grayscale: (x + y) odd is white.
QImage pixelCheckerboard(int size) {
    QImage image(size, size, QImage::Format_Grayscale8);
    for (int y = 0; y < size; ++y) {
        for (int x = 0; x < size; ++x) {
            image.setPixel(x, y, ((x + y) % 2) != 0 ? qRgb(255, 255, 255) : qRgb(0, 0, 0));
        }
    }
    return image;
}

// A 2x2 8-bit RGB image with distinct channel values.
QImage rgbImage() {
    QImage image(2, 2, QImage::Format_RGB888);
    image.setPixelColor(0, 0, QColor(0, 128, 255));
    image.setPixelColor(1, 0, QColor(255, 1, 17));
    image.setPixelColor(0, 1, QColor(90, 200, 33));
    image.setPixelColor(1, 1, QColor(254, 254, 3));
    return image;
}

}  // namespace

class TestImages : public QObject {
    Q_OBJECT

private slots:
    void builtinList();
    void builtins_data();
    void builtins();
    void zonePlate_data();
    void zonePlate();
    void checkerboard_data();
    void checkerboard();
    void siemensStarSectors_data();
    void siemensStarSectors();
    void colorGradient();
    void colorModes_data();
    void colorModes();
    void sixteenBit_data();
    void sixteenBit();
    void pngFiles_data();
    void pngFiles();
    void resizeAntialiased_data();
    void resizeAntialiased();
    void resizeSameSizeIsIdentity();
    void resizeEnlargeIsBilinear();
    void resizeStaysInUnitRange_data();
    void resizeStaysInUnitRange();
    void unknownBuiltin();
    void unreadableImage_data();
    void unreadableImage();
};

void TestImages::builtinList() {
    QStringList names;
    for (const BuiltinImage& b : builtinImages()) {
        names << b.name;
        QVERIFY2(!b.description.isEmpty(), qPrintable(b.name));
    }
    QCOMPARE(names,
             (QStringList{QStringLiteral("zone_plate"), QStringLiteral("siemens_star"),
                          QStringLiteral("checkerboard"), QStringLiteral("color_gradient")}));
}

void TestImages::builtins_data() {
    QTest::addColumn<QString>("name");
    for (const BuiltinImage& b : builtinImages()) {
        QTest::addRow("%s", qPrintable(b.name)) << b.name;
    }
}

void TestImages::builtins() {
    QFETCH(QString, name);
    const auto image = builtinImage(name);
    QVERIFY(image.has_value());
    QCOMPARE(image->size(), QSize(256, 256));
    const Tensor t = loadOrFail(QStringLiteral("builtin:") + name, ColorMode::Rgb);
    QCOMPARE(t.shape(), (Shape{3, 256, 256}));
    float lo = 1.0F;
    float hi = 0.0F;
    for (const float v : t.values()) {
        lo = std::min(lo, v);
        hi = std::max(hi, v);
    }
    // Every pattern spans (nearly) the full range; the zone plate's extremes fall between
    // pixel centres.
    QVERIFY2(lo >= 0.0F && lo < 0.01F, qPrintable(QString::number(lo)));
    QVERIFY2(hi <= 1.0F && hi > 0.99F, qPrintable(QString::number(hi)));
}

void TestImages::zonePlate_data() {
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::addRow("centre") << 128 << 128;
    QTest::addRow("corner 0,0") << 0 << 0;
    QTest::addRow("corner 255,255") << 255 << 255;
    QTest::addRow("200,17") << 200 << 17;
    QTest::addRow("64,100") << 64 << 100;
    QTest::addRow("130,250") << 130 << 250;
    QTest::addRow("edge 255,128") << 255 << 128;
}

void TestImages::zonePlate() {
    QFETCH(int, x);
    QFETCH(int, y);
    const Tensor t = loadOrFail(QStringLiteral("builtin:zone_plate"), ColorMode::Grayscale);
    QCOMPARE(t.shape(), (Shape{1, 256, 256}));
    // 0.5 + 0.5*cos(pi r^2 / 256), r from the image centre (128, 128) to the pixel centre; stored
    // in 16 bits, so within half a step of 1/65535 (plus float rounding).
    const double dx = x + 0.5 - 128.0;
    const double dy = y + 0.5 - 128.0;
    const double expected = 0.5 + 0.5 * std::cos(std::numbers::pi * (dx * dx + dy * dy) / 256.0);
    const double actual = t.at(0, y, x);
    QVERIFY2(
        std::abs(actual - expected) <= 0.5 / 65535.0 + 1e-6,
        qPrintable(
            QStringLiteral("%1, expected %2").arg(actual, 0, 'g', 9).arg(expected, 0, 'g', 9)));
}

void TestImages::checkerboard_data() {
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::addColumn<float>("expected");
    // 32-pixel squares, white where (x div 32 + y div 32) is even.
    QTest::addRow("0,0") << 0 << 0 << 1.0F;
    QTest::addRow("31,31 last of first square") << 31 << 31 << 1.0F;
    QTest::addRow("32,0 second square") << 32 << 0 << 0.0F;
    QTest::addRow("0,32") << 0 << 32 << 0.0F;
    QTest::addRow("32,32") << 32 << 32 << 1.0F;
    QTest::addRow("100,40") << 100 << 40 << 1.0F;  // 3 + 1 even
    QTest::addRow("100,70") << 100 << 70 << 0.0F;  // 3 + 2 odd
    QTest::addRow("255,255") << 255 << 255 << 1.0F;
    QTest::addRow("255,0") << 255 << 0 << 0.0F;
}

void TestImages::checkerboard() {
    QFETCH(int, x);
    QFETCH(int, y);
    QFETCH(float, expected);
    const Tensor t = loadOrFail(QStringLiteral("builtin:checkerboard"), ColorMode::Rgb);
    for (int c = 0; c < 3; ++c) {
        QCOMPARE(t.at(c, y, x), expected);
    }
}

void TestImages::siemensStarSectors_data() {
    QTest::addColumn<double>("radius");
    QTest::addRow("r 40") << 40.0;
    QTest::addRow("r 100") << 100.0;
    QTest::addRow("r 125") << 125.0;
}

void TestImages::siemensStarSectors() {
    QFETCH(double, radius);
    const Tensor t = loadOrFail(QStringLiteral("builtin:siemens_star"), ColorMode::Grayscale);
    QCOMPARE(t.shape(), (Shape{1, 256, 256}));
    // 36 sectors of 10 degrees, angle measured with atan2(y - c, x - c) from the centre: the
    // sector [10k, 10k + 10) degrees is white for even k. Sample the middle of each; at radius
    // 40 a pixel's rounding moves the angle by under 1 degree.
    for (int k = 0; k < 36; ++k) {
        const double angle = (10.0 * k + 5.0) * std::numbers::pi / 180.0;
        const int x = static_cast<int>(std::floor(128.0 + radius * std::cos(angle)));
        const int y = static_cast<int>(std::floor(128.0 + radius * std::sin(angle)));
        const float expected = k % 2 == 0 ? 1.0F : 0.0F;
        QVERIFY2(t.at(0, y, x) == expected, qPrintable(QStringLiteral("sector %1 at (%2, %3): %4")
                                                           .arg(k)
                                                           .arg(x)
                                                           .arg(y)
                                                           .arg(t.at(0, y, x))));
    }
}

void TestImages::colorGradient() {
    const Tensor t = loadOrFail(QStringLiteral("builtin:color_gradient"), ColorMode::Rgb);
    QCOMPARE(t.shape(), (Shape{3, 256, 256}));
    // Red across and green down, 0 to 1 over 255 pixels: exactly x/255 and y/255 in 16 bits
    // (65535 = 255 * 257).
    for (const auto& [x, y] :
         {std::pair{0, 0}, std::pair{255, 0}, std::pair{17, 200}, std::pair{128, 64}}) {
        QCOMPARE(t.at(0, y, x), static_cast<float>(x) / 255.0F);
        QCOMPARE(t.at(1, y, x), static_cast<float>(y) / 255.0F);
        // Blue along the diagonal, (x + y)/510.
        QVERIFY(std::abs(t.at(2, y, x) - (x + y) / 510.0) <= 1.0 / 65535.0);
    }
}

void TestImages::colorModes_data() {
    QTest::addColumn<int>("mode");
    QTest::addColumn<bool>("withAlpha");
    QTest::addColumn<int>("channels");
    QTest::addRow("rgb") << int(ColorMode::Rgb) << false << 3;
    QTest::addRow("grayscale") << int(ColorMode::Grayscale) << false << 1;
    QTest::addRow("rgba with alpha") << int(ColorMode::Rgba) << true << 4;
    QTest::addRow("rgba of an opaque image") << int(ColorMode::Rgba) << false << 4;
    QTest::addRow("rgb of an image with alpha") << int(ColorMode::Rgb) << true << 3;
}

void TestImages::colorModes() {
    QFETCH(int, mode);
    QFETCH(bool, withAlpha);
    QFETCH(int, channels);
    QImage image = rgbImage();
    const int alpha[2][2] = {{255, 128}, {0, 37}};  // [y][x]; colours kept, not premultiplied
    if (withAlpha) {
        image = image.convertToFormat(QImage::Format_ARGB32);
        for (int y = 0; y < 2; ++y) {
            for (int x = 0; x < 2; ++x) {
                QColor c = rgbImage().pixelColor(x, y);
                c.setAlpha(alpha[y][x]);
                image.setPixelColor(x, y, c);
            }
        }
    }
    const Tensor t = imageToTensor(image, static_cast<ColorMode>(mode));
    QCOMPARE(t.shape(), (Shape{channels, 2, 2}));
    const QImage reference = rgbImage();
    for (int y = 0; y < 2; ++y) {
        for (int x = 0; x < 2; ++x) {
            const QColor c = reference.pixelColor(x, y);
            if (channels == 1) {
                // ITU-R BT.601 luma of the channels scaled to [0, 1].
                const double luma =
                    (0.299 * c.red() + 0.587 * c.green() + 0.114 * c.blue()) / 255.0;
                QVERIFY2(std::abs(t.at(0, y, x) - luma) < 1e-6,
                         qPrintable(QStringLiteral("%1 vs %2").arg(t.at(0, y, x)).arg(luma)));
                continue;
            }
            QCOMPARE(t.at(0, y, x), static_cast<float>(c.red()) / 255.0F);
            QCOMPARE(t.at(1, y, x), static_cast<float>(c.green()) / 255.0F);
            QCOMPARE(t.at(2, y, x), static_cast<float>(c.blue()) / 255.0F);
            if (channels == 4) {
                QCOMPARE(t.at(3, y, x),
                         withAlpha ? static_cast<float>(alpha[y][x]) / 255.0F : 1.0F);
            }
        }
    }
}

void TestImages::sixteenBit_data() {
    QTest::addColumn<int>("mode");
    QTest::addColumn<int>("channels");
    QTest::addRow("grayscale16 as grayscale") << int(ColorMode::Grayscale) << 1;
    QTest::addRow("grayscale16 as rgb") << int(ColorMode::Rgb) << 3;
}

void TestImages::sixteenBit() {
    QFETCH(int, mode);
    QFETCH(int, channels);
    const quint16 values[4] = {0, 1, 1000, 65535};
    QImage image(4, 1, QImage::Format_Grayscale16);
    auto* line = reinterpret_cast<quint16*>(image.scanLine(0));
    for (int x = 0; x < 4; ++x) {
        line[x] = values[x];
    }
    const Tensor t = imageToTensor(image, static_cast<ColorMode>(mode));
    QCOMPARE(t.shape(), (Shape{channels, 1, 4}));
    for (int c = 0; c < channels; ++c) {
        for (int x = 0; x < 4; ++x) {
            // v / 65535, not (v >> 8) / 255: 1 and 1000 must stay distinct from 0 and 3/255.
            QVERIFY2(
                std::abs(t.at(c, 0, x) - values[x] / 65535.0) < 1e-7,
                qPrintable(QStringLiteral("%1: %2").arg(values[x]).arg(t.at(c, 0, x), 0, 'g', 9)));
        }
    }
}

void TestImages::pngFiles_data() {
    QTest::addColumn<bool>("sixteen");
    QTest::addRow("8-bit RGB PNG") << false;
    QTest::addRow("16-bit RGBA64 PNG") << true;
}

void TestImages::pngFiles() {
    QFETCH(bool, sixteen);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QImage image(3, 2, sixteen ? QImage::Format_RGBA64 : QImage::Format_RGB888);
    const quint16 v16[3] = {1, 40000, 65535};
    for (int x = 0; x < 3; ++x) {
        for (int y = 0; y < 2; ++y) {
            if (sixteen) {
                image.setPixelColor(
                    x, y,
                    QColor::fromRgba64(v16[x], v16[2 - x], static_cast<quint16>(257 * y), 65535));
            } else {
                image.setPixelColor(x, y, QColor(40 * x, 100 + y, 255 - x));
            }
        }
    }
    QVERIFY(image.save(dir.filePath(QStringLiteral("a.png"))));
    // Relative paths resolve against the base folder.
    const Tensor t =
        loadOrFail(QStringLiteral("a.png"), ColorMode::Rgb, std::nullopt, QDir(dir.path()));
    QCOMPARE(t.shape(), (Shape{3, 2, 3}));
    for (int x = 0; x < 3; ++x) {
        for (int y = 0; y < 2; ++y) {
            if (sixteen) {
                QVERIFY(std::abs(t.at(0, y, x) - v16[x] / 65535.0) < 1e-7);
                QVERIFY(std::abs(t.at(1, y, x) - v16[2 - x] / 65535.0) < 1e-7);
                QVERIFY(std::abs(t.at(2, y, x) - 257.0 * y / 65535.0) < 1e-7);
            } else {
                QCOMPARE(t.at(0, y, x), static_cast<float>(40 * x) / 255.0F);
                QCOMPARE(t.at(1, y, x), static_cast<float>(100 + y) / 255.0F);
                QCOMPARE(t.at(2, y, x), static_cast<float>(255 - x) / 255.0F);
            }
        }
    }
}

void TestImages::resizeAntialiased_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("target");
    QTest::addColumn<double>("interiorTolerance");
    // 1/2: the triangle filter widened to +-2 pixels weighs the four pixels around each output
    // 1/8, 3/8, 3/8, 1/8; on alternating 0/1 that is exactly 0.5.
    QTest::addRow("1-pixel checkerboard 16 -> 8") << 16 << 8 << 1e-6;
    // 1/3: a plain (not antialiased) half-pixel bilinear resize samples the source pixel
    // 3x + 1 exactly and gives pure 0 and 1. The filter widened to +-3 pixels has weights
    // 1/3, 2/3, 1, 2/3, 1/3 (sum 3); per axis the alternating part shrinks to
    // (1 - 4/3 + 2/3)/3 = 1/9, in 2-D to 1/81: 0.5 +- 0.5/81.
    QTest::addRow("1-pixel checkerboard 18 -> 6") << 18 << 6 << 0.5 / 81.0 + 1e-6;
    QTest::addRow("1-pixel checkerboard 64 -> 16") << 64 << 16 << 0.05;
}

void TestImages::resizeAntialiased() {
    QFETCH(int, size);
    QFETCH(int, target);
    QFETCH(double, interiorTolerance);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("checker.png"));
    QVERIFY(pixelCheckerboard(size).save(path));
    const Tensor t = loadOrFail(path, ColorMode::Grayscale, Pair{target, target});
    QCOMPARE(t.shape(), (Shape{1, target, target}));
    for (int y = 0; y < target; ++y) {
        for (int x = 0; x < target; ++x) {
            const double v = t.at(0, y, x);
            const bool interior = x > 0 && y > 0 && x < target - 1 && y < target - 1;
            // At the border the filter is cut off and renormalised; still grey, never 0 or 1.
            const double tolerance = interior ? interiorTolerance : 0.1;
            QVERIFY2(std::abs(v - 0.5) <= tolerance,
                     qPrintable(QStringLiteral("(%1, %2): %3").arg(x).arg(y).arg(v, 0, 'g', 9)));
        }
    }
}

void TestImages::resizeSameSizeIsIdentity() {
    const Tensor original = loadOrFail(QStringLiteral("builtin:zone_plate"), ColorMode::Rgb);
    const Tensor same =
        loadOrFail(QStringLiteral("builtin:zone_plate"), ColorMode::Rgb, Pair{256, 256});
    QCOMPARE(same.shape(), original.shape());
    QVERIFY(std::equal(same.values().begin(), same.values().end(), original.values().begin()));
    // The kernel itself, at scale 1, weighs only the pixel under each output.
    const Tensor random = test::randomTensor(Shape{2, 9, 7}, 11);
    QString why;
    QVERIFY2(test::tensorsClose(antialiasedResize(random, 9, 7), random, 0.0, 1e-7, &why),
             qPrintable(why));
}

void TestImages::resizeEnlargeIsBilinear() {
    // Enlarging is plain half-pixel bilinear: [0, 1] -> source (x + 0.5)/2 - 0.5 = -0.25
    // (clamped to 0), 0.25, 0.75, 1.25 (clamped to the last pixel): 0, 0.25, 0.75, 1.
    Tensor row(Shape{1, 1, 2}, std::vector<float>{0.0F, 1.0F});
    const Tensor up = antialiasedResize(row, 1, 4);
    QCOMPARE(up.shape(), (Shape{1, 1, 4}));
    const float expected[4] = {0.0F, 0.25F, 0.75F, 1.0F};
    for (int x = 0; x < 4; ++x) {
        QVERIFY2(std::abs(up.at(0, 0, x) - expected[x]) < 1e-6,
                 qPrintable(QString::number(up.at(0, 0, x))));
    }
}

void TestImages::resizeStaysInUnitRange_data() {
    QTest::addColumn<QString>("source");
    QTest::addColumn<int>("target");
    // The resized images of the presets (checkerboard 64, siemens star 28) and others.
    QTest::addRow("checkerboard -> 64") << QStringLiteral("builtin:checkerboard") << 64;
    QTest::addRow("siemens_star -> 28") << QStringLiteral("builtin:siemens_star") << 28;
    QTest::addRow("zone_plate -> 100") << QStringLiteral("builtin:zone_plate") << 100;
}

void TestImages::resizeStaysInUnitRange() {
    QFETCH(QString, source);
    QFETCH(int, target);
    // pipeline-format.md: "An image becomes a tensor with values in [0, 1]". The filter's
    // weights are non-negative and sum to 1, so no value may leave the range (not even by a
    // float rounding step, which a later 8-bit conversion would wrap).
    const Tensor t = loadOrFail(source, ColorMode::Grayscale, Pair{target, target});
    QCOMPARE(t.shape(), (Shape{1, target, target}));
    for (const float v : t.values()) {
        QVERIFY2(v >= 0.0F && v <= 1.0F, qPrintable(QString::number(v, 'g', 10)));
    }
}

void TestImages::unknownBuiltin() {
    auto t =
        loadImageTensor(QStringLiteral("builtin:zone_plat"), ColorMode::Rgb, std::nullopt, QDir());
    QVERIFY(!t.ok());
    const QString message = t.error().message;
    QVERIFY2(message.contains(QStringLiteral("\"zone_plat\"")), qPrintable(message));
    for (const BuiltinImage& b : builtinImages()) {
        QVERIFY2(message.contains(b.name), qPrintable(message));
    }
    // The same check a pipeline file gets when it is read.
    QVERIFY(!checkBuiltinImageName(QStringLiteral("builtin:nope")).ok());
    QVERIFY(checkBuiltinImageName(QStringLiteral("builtin:checkerboard")).ok());
    QVERIFY(checkBuiltinImageName(QStringLiteral("images/cat.png")).ok());
}

void TestImages::unreadableImage_data() {
    QTest::addColumn<QByteArray>("contents");  // empty: the file does not exist
    QTest::addRow("missing file") << QByteArray();
    QTest::addRow("not an image") << QByteArray("this is text, not a PNG");
    QTest::addRow("truncated PNG") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
}

void TestImages::unreadableImage() {
    QFETCH(QByteArray, contents);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("picture.png"));
    if (!contents.isEmpty()) {
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(contents);
    }
    auto t = loadImageTensor(path, ColorMode::Rgb, std::nullopt, QDir());
    QVERIFY(!t.ok());
    QCOMPARE(t.error().kind, ErrorKind::Runtime);
    QVERIFY2(t.error().message.contains(QStringLiteral("picture.png")),
             qPrintable(t.error().message));
    // Through the pipeline's input as well.
    InputSpec input;
    input.kind = InputKind::Image;
    input.source = QStringLiteral("picture.png");
    auto viaInput = loadInputTensor(input, QDir(dir.path()));
    QVERIFY(!viaInput.ok());
    QCOMPARE(viaInput.error().kind, ErrorKind::Runtime);
}

QTEST_GUILESS_MAIN(TestImages)
#include "tst_images.moc"
