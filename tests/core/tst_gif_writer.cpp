// Animated GIFs (core/io/gif_writer): read back with giflib's own decoder.

#include "io/gif_writer.h"

#include <QFile>
#include <QPainter>
#include <QTemporaryDir>
#include <QTest>

#include <gif_lib.h>

#include <memory>

using namespace stridelab;

namespace {

struct GifCloser {
    void operator()(GifFileType* gif) const {
        int error = 0;
        DGifCloseFile(gif, &error);
    }
};
using GifPtr = std::unique_ptr<GifFileType, GifCloser>;

GifPtr readGif(const QString& path) {
    int error = 0;
    GifPtr gif(DGifOpenFileName(QFile::encodeName(path).constData(), &error));
    if (!gif || DGifSlurp(gif.get()) != GIF_OK) {
        return nullptr;
    }
    return gif;
}

QRgb pixelAt(const GifFileType* gif, int frame, int x, int y) {
    const SavedImage& image = gif->SavedImages[frame];
    const ColorMapObject* map =
        image.ImageDesc.ColorMap != nullptr ? image.ImageDesc.ColorMap : gif->SColorMap;
    const GifColorType c = map->Colors[image.RasterBits[y * image.ImageDesc.Width + x]];
    return qRgb(c.Red, c.Green, c.Blue);
}

QImage solid(QColor colour, QSize size = {40, 30}) {
    QImage image(size, QImage::Format_RGB32);
    image.fill(colour);
    return image;
}

}  // namespace

class TestGifWriter : public QObject {
    Q_OBJECT

private slots:
    void framesReadBack();
    void laterFramesStoreOnlyWhatChanged();
    void manyColoursStayClose();
    void framesOfDifferentSizesAreAnError();
    void unwritablePathIsAnError();
};

void TestGifWriter::framesReadBack() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("a.gif"));
    const QColor pastel(0xdb, 0xe9, 0xf6);
    const std::vector<GifFrame> frames = {
        {solid(Qt::white), 300}, {solid(pastel), 300}, {solid(QColor(0x1f, 0x77, 0xb4)), 2000}};
    QVERIFY(writeAnimatedGif(path, frames));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("GIF89a"));
    QVERIFY(bytes.contains("NETSCAPE2.0"));  // loops
    QVERIFY(bytes.endsWith(';'));            // the trailer

    const GifPtr gif = readGif(path);
    QVERIFY(gif);
    QCOMPARE(gif->ImageCount, 3);
    QCOMPARE(gif->SWidth, 40);
    QCOMPARE(gif->SHeight, 30);
    // Flat colours are kept exactly.
    QCOMPARE(pixelAt(gif.get(), 0, 5, 5), qRgb(255, 255, 255));
    QCOMPARE(pixelAt(gif.get(), 1, 39, 29), pastel.rgb());
    QCOMPARE(pixelAt(gif.get(), 2, 0, 0), qRgb(0x1f, 0x77, 0xb4));
    GraphicsControlBlock control{};
    QCOMPARE(DGifSavedExtensionToGCB(gif.get(), 0, &control), GIF_OK);
    QCOMPARE(control.DelayTime, 30);
    QCOMPARE(DGifSavedExtensionToGCB(gif.get(), 2, &control), GIF_OK);
    QCOMPARE(control.DelayTime, 200);
    QVERIFY(!QFile::exists(path + QStringLiteral(".tmp")));
}

void TestGifWriter::laterFramesStoreOnlyWhatChanged() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("c.gif"));
    QImage marked = solid(Qt::white);
    {
        QPainter p(&marked);
        p.fillRect(10, 12, 5, 4, QColor(0xd9, 0x48, 0x0f));
    }
    QVERIFY(writeAnimatedGif(path, {{solid(Qt::white), 100}, {marked, 100}, {marked, 100}}));
    const GifPtr gif = readGif(path);
    QVERIFY(gif);
    QCOMPARE(gif->ImageCount, 3);
    const GifImageDesc& second = gif->SavedImages[1].ImageDesc;
    QCOMPARE(QRect(second.Left, second.Top, second.Width, second.Height), QRect(10, 12, 5, 4));
    QCOMPARE(pixelAt(gif.get(), 1, 0, 0), qRgb(0xd9, 0x48, 0x0f));
    GraphicsControlBlock control{};
    QCOMPARE(DGifSavedExtensionToGCB(gif.get(), 1, &control), GIF_OK);
    QCOMPARE(control.DisposalMode, DISPOSE_DO_NOT);  // drawn over the first frame
    // Nothing changed: one pixel, for the delay.
    const GifImageDesc& third = gif->SavedImages[2].ImageDesc;
    QCOMPARE(third.Width * third.Height, 1);
}

// A smooth gradient has 64k colours: the palette approximates them.
void TestGifWriter::manyColoursStayClose() {
    QImage image(256, 256, QImage::Format_RGB32);
    for (int y = 0; y < 256; ++y) {
        for (int x = 0; x < 256; ++x) {
            image.setPixel(x, y, qRgb(x, y, 128));
        }
    }
    {
        QPainter p(&image);  // a flat white block keeps its exact colour among them
        p.fillRect(0, 0, 64, 64, Qt::white);
    }
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("g.gif"));
    QVERIFY(writeAnimatedGif(path, {{image, 100}, {image.mirrored(true, false), 100}}));
    const GifPtr gif = readGif(path);
    QVERIFY(gif);
    QCOMPARE(gif->ImageCount, 2);
    QCOMPARE(pixelAt(gif.get(), 0, 10, 10), qRgb(255, 255, 255));
    // 48k colours in 255 entries: giflib's median cut (on 5 bits per channel) leaves about 10
    // levels on average, and at most a few dozen where its boxes are long.
    int worst = 0;
    double total = 0.0;
    for (int y = 64; y < 256; ++y) {
        for (int x = 64; x < 256; ++x) {
            const QRgb got = pixelAt(gif.get(), 0, x, y);
            const int error = std::max(
                {std::abs(qRed(got) - x), std::abs(qGreen(got) - y), std::abs(qBlue(got) - 128)});
            worst = std::max(worst, error);
            total += error;
        }
    }
    const double mean = total / (192.0 * 192.0);
    QVERIFY2(mean <= 12.0 && worst <= 48,
             qPrintable(QStringLiteral("mean %1, worst %2").arg(mean).arg(worst)));
}

void TestGifWriter::framesOfDifferentSizesAreAnError() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("b.gif"));
    const Status s =
        writeAnimatedGif(path, {{solid(Qt::white), 100}, {solid(Qt::white, {20, 30}), 100}});
    QVERIFY(!s);
    QCOMPARE(s.error().message, path + QStringLiteral(": frame 1 is 20x30, the first is 40x30"));
    QVERIFY(!QFile::exists(path));
    QCOMPARE(writeAnimatedGif(path, {}).error().message,
             path + QStringLiteral(": no frames to write"));
}

void TestGifWriter::unwritablePathIsAnError() {
    const Status s =
        writeAnimatedGif(QStringLiteral("/nonexistent-dir/x.gif"), {{solid(Qt::white), 100}});
    QVERIFY(!s);
    QCOMPARE(s.error().kind, ErrorKind::Runtime);
    QVERIFY2(s.error().message.startsWith(QStringLiteral("/nonexistent-dir/x.gif")),
             qPrintable(s.error().message));
}

QTEST_GUILESS_MAIN(TestGifWriter)
#include "tst_gif_writer.moc"
