#include "io/gif_writer.h"

#include "io/atomic_file.h"

#include <QHash>

#include <gif_lib.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace stridelab {

namespace {

constexpr int kPaletteSize = 256;
// Colours covering at least 1/kFlatShare of the sampled pixels are kept exactly...
constexpr qint64 kFlatShare = 1000;
// ...up to this many; giflib's median cut fills the rest of the palette.
constexpr int kMaxExactColours = 128;
constexpr int kSampledFrames = 4;

// A few frames spread over the animation, as 32-bit RGB.
std::vector<QImage> sampleFrames(const std::vector<GifFrame>& frames) {
    std::vector<QImage> sample;
    const auto n = static_cast<int>(frames.size());
    int last = -1;
    for (int i = 0; i < kSampledFrames; ++i) {
        const int at = n == 1 ? 0 : i * (n - 1) / (kSampledFrames - 1);
        if (at != last) {
            sample.push_back(
                frames[static_cast<std::size_t>(at)].image.convertToFormat(QImage::Format_RGB32));
            last = at;
        }
    }
    return sample;
}

QList<QRgb> medianCutColours(const std::vector<QImage>& sample, int count) {
    const int width = sample.front().width();
    int height = 0;
    for (const QImage& image : sample) {
        height += image.height();
    }
    const auto pixels = static_cast<std::size_t>(width) * static_cast<std::size_t>(height);
    std::vector<GifByteType> red(pixels);
    std::vector<GifByteType> green(pixels);
    std::vector<GifByteType> blue(pixels);
    std::size_t at = 0;
    for (const QImage& image : sample) {
        for (int y = 0; y < image.height(); ++y) {
            const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
            for (int x = 0; x < width; ++x, ++at) {
                red[at] = static_cast<GifByteType>(qRed(line[x]));
                green[at] = static_cast<GifByteType>(qGreen(line[x]));
                blue[at] = static_cast<GifByteType>(qBlue(line[x]));
            }
        }
    }
    std::vector<GifByteType> indices(pixels);
    std::vector<GifColorType> map(static_cast<std::size_t>(kPaletteSize));
    int size = count;
    QList<QRgb> colours;
    if (GifQuantizeBuffer(static_cast<unsigned>(width), static_cast<unsigned>(height), &size,
                          red.data(), green.data(), blue.data(), indices.data(),
                          map.data()) == GIF_OK) {
        for (int i = 0; i < size; ++i) {
            const GifColorType& c = map[static_cast<std::size_t>(i)];
            colours << qRgb(c.Red, c.Green, c.Blue);
        }
    }
    return colours;
}

QList<QRgb> paletteFor(const std::vector<GifFrame>& frames) {
    const std::vector<QImage> sample = sampleFrames(frames);
    QHash<QRgb, qint64> histogram;
    qint64 total = 0;
    for (const QImage& image : sample) {
        for (int y = 0; y < image.height(); ++y) {
            const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(y));
            for (int x = 0; x < image.width(); ++x) {
                ++histogram[line[x] | 0xff000000U];
            }
        }
        total += static_cast<qint64>(image.width()) * image.height();
    }
    std::vector<std::pair<qint64, QRgb>> byCount;
    byCount.reserve(static_cast<std::size_t>(histogram.size()));
    for (auto it = histogram.cbegin(); it != histogram.cend(); ++it) {
        byCount.emplace_back(it.value(), it.key());
    }
    std::sort(byCount.begin(), byCount.end(), std::greater<>());
    QList<QRgb> palette;
    if (byCount.size() <= static_cast<std::size_t>(kPaletteSize)) {
        for (const auto& entry : byCount) {
            palette << entry.second;
        }
    } else {
        for (const auto& [count, colour] : byCount) {
            if (palette.size() == kMaxExactColours || count * kFlatShare < total) {
                break;
            }
            palette << colour;
        }
        for (const QRgb c :
             medianCutColours(sample, kPaletteSize - static_cast<int>(palette.size()))) {
            if (!palette.contains(c)) {
                palette << c;
            }
        }
    }
    while (palette.size() < kPaletteSize) {  // a GIF colour map has a power-of-two size
        palette << qRgb(0, 0, 0);
    }
    return palette;
}

// The smallest rectangle holding every pixel that differs (one pixel when none does): a frame
// only stores what changed since the one before.
QRect changedRect(const QImage& before, const QImage& after) {
    const int width = after.width();
    int top = -1;
    int bottom = -1;
    int left = width;
    int right = -1;
    for (int y = 0; y < after.height(); ++y) {
        const uchar* a = before.constScanLine(y);
        const uchar* b = after.constScanLine(y);
        if (std::memcmp(a, b, static_cast<std::size_t>(width)) == 0) {
            continue;
        }
        top = top < 0 ? y : top;
        bottom = y;
        int x0 = 0;
        while (a[x0] == b[x0]) {
            ++x0;
        }
        int x1 = width - 1;
        while (a[x1] == b[x1]) {
            --x1;
        }
        left = std::min(left, x0);
        right = std::max(right, x1);
    }
    return top < 0 ? QRect(0, 0, 1, 1) : QRect(QPoint(left, top), QPoint(right, bottom));
}

int appendBytes(GifFileType* gif, const GifByteType* data, int length) {
    static_cast<QByteArray*>(gif->UserData)
        ->append(reinterpret_cast<const char*>(data), static_cast<qsizetype>(length));
    return length;
}

struct GifCloser {
    void operator()(GifFileType* gif) const {
        int error = 0;
        EGifCloseFile(gif, &error);
    }
};

Error gifError(const QString& path, int code) {
    return Error::runtime(QStringLiteral("%1: cannot encode the GIF: %2")
                              .arg(path, QString::fromUtf8(GifErrorString(code))));
}

}  // namespace

Status writeAnimatedGif(const QString& path, const std::vector<GifFrame>& frames) {
    if (frames.empty() || frames.front().image.isNull()) {
        return Error::invalid(QStringLiteral("%1: no frames to write").arg(path));
    }
    const QSize size = frames.front().image.size();
    for (std::size_t i = 0; i < frames.size(); ++i) {
        if (frames[i].image.size() != size) {
            return Error::invalid(QStringLiteral("%1: frame %2 is %3x%4, the first is %5x%6")
                                      .arg(path)
                                      .arg(i)
                                      .arg(frames[i].image.width())
                                      .arg(frames[i].image.height())
                                      .arg(size.width())
                                      .arg(size.height()));
        }
    }
    const QList<QRgb> palette = paletteFor(frames);
    std::vector<GifColorType> colours;
    for (const QRgb c : palette) {
        colours.push_back({static_cast<GifByteType>(qRed(c)), static_cast<GifByteType>(qGreen(c)),
                           static_cast<GifByteType>(qBlue(c))});
    }

    QByteArray bytes;
    int error = 0;
    std::unique_ptr<GifFileType, GifCloser> gif(EGifOpen(&bytes, &appendBytes, &error));
    if (!gif) {
        return gifError(path, error);
    }
    const std::unique_ptr<ColorMapObject, decltype(&GifFreeMapObject)> map(
        GifMakeMapObject(kPaletteSize, colours.data()), &GifFreeMapObject);
    EGifSetGifVersion(gif.get(), true);
    if (!map ||
        EGifPutScreenDesc(gif.get(), size.width(), size.height(), 8, 0, map.get()) != GIF_OK) {
        return gifError(path, gif->Error);
    }
    // NETSCAPE2.0: loop forever.
    GifByteType application[] = {'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0'};
    GifByteType loop[] = {1, 0, 0};
    if (EGifPutExtensionLeader(gif.get(), APPLICATION_EXT_FUNC_CODE) != GIF_OK ||
        EGifPutExtensionBlock(gif.get(), sizeof application, application) != GIF_OK ||
        EGifPutExtensionBlock(gif.get(), sizeof loop, loop) != GIF_OK ||
        EGifPutExtensionTrailer(gif.get()) != GIF_OK) {
        return gifError(path, gif->Error);
    }
    QImage previous;
    for (const GifFrame& frame : frames) {
        GraphicsControlBlock control{};
        control.DisposalMode = DISPOSE_DO_NOT;  // later frames draw over earlier ones
        control.UserInputFlag = false;
        control.DelayTime = std::max(2, frame.delayMs / 10);
        control.TransparentColor = NO_TRANSPARENT_COLOR;
        GifByteType extension[4];
        const auto length = EGifGCBToExtension(&control, extension);
        // Exact colours map to themselves; the others to the nearest palette colour.
        QImage indexed = frame.image.convertToFormat(QImage::Format_Indexed8, palette,
                                                     Qt::ThresholdDither | Qt::AvoidDither);
        const QRect changed = previous.isNull() ? indexed.rect() : changedRect(previous, indexed);
        if (EGifPutExtension(gif.get(), GRAPHICS_EXT_FUNC_CODE, static_cast<int>(length),
                             extension) != GIF_OK ||
            EGifPutImageDesc(gif.get(), changed.x(), changed.y(), changed.width(), changed.height(),
                             false, nullptr) != GIF_OK) {
            return gifError(path, gif->Error);
        }
        for (int y = changed.top(); y <= changed.bottom(); ++y) {
            if (EGifPutLine(gif.get(), indexed.scanLine(y) + changed.x(), changed.width()) !=
                GIF_OK) {
                return gifError(path, gif->Error);
            }
        }
        previous = std::move(indexed);
    }
    // Closing writes the trailer; the bytes are complete only then.
    if (EGifCloseFile(gif.release(), &error) != GIF_OK) {
        return gifError(path, error);
    }
    return writeFileAtomically(path, bytes);
}

}  // namespace stridelab
