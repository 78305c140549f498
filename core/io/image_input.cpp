#include "io/image_input.h"

#include "io/builtin_images.h"
#include "io/json_reader.h"
#include "io/npy.h"
#include "kernels/antialiased_resize.h"

#include <QBuffer>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>

#include <algorithm>
#include <limits>

namespace stridelab {

namespace {

bool isSixteenBit(const QImage& image) {
    switch (image.format()) {
        case QImage::Format_Grayscale16:
        case QImage::Format_RGBX64:
        case QImage::Format_RGBA64:
        case QImage::Format_RGBA64_Premultiplied:
            return true;
        default:
            return false;
    }
}

int channelsOf(ColorMode mode) {
    switch (mode) {
        case ColorMode::Grayscale:
            return 1;
        case ColorMode::Rgba:
            return 4;
        case ColorMode::Rgb:
            break;
    }
    return 3;
}

}  // namespace

Tensor imageToTensor(const QImage& source, ColorMode mode) {
    const int channels = mode == ColorMode::Rgba ? 4 : (mode == ColorMode::Grayscale ? 1 : 3);
    const std::int64_t h = source.height();
    const std::int64_t w = source.width();
    Tensor tensor(Shape{channels, h, w});
    const bool sixteen = isSixteenBit(source);
    const float scale = sixteen ? 1.0F / 65535.0F : 1.0F / 255.0F;
    const bool grayscaleSource = source.isGrayscale();
    // Back to the file's own depth before scaling, so 8-bit values are exactly v / 255.
    auto value = [&](quint16 v16) {
        return sixteen ? static_cast<float>(v16) * scale : static_cast<float>(v16 >> 8) * scale;
    };
    // Work in 16-bit RGBA (non-premultiplied) so 8- and 16-bit files both keep full precision,
    // a strip of rows at a time: a whole converted copy of a large photo would take 8 bytes
    // per pixel on top of the image and the tensor.
    constexpr int kStrip = 64;
    for (std::int64_t top = 0; top < h; top += kStrip) {
        const int rows = static_cast<int>(std::min<std::int64_t>(kStrip, h - top));
        const QImage strip = source.copy(0, static_cast<int>(top), static_cast<int>(w), rows)
                                 .convertToFormat(QImage::Format_RGBA64);
        for (int r = 0; r < rows; ++r) {
            const std::int64_t y = top + r;
            const auto* line = reinterpret_cast<const QRgba64*>(strip.constScanLine(r));
            for (std::int64_t x = 0; x < w; ++x) {
                const QRgba64 p = line[x];
                const float red = value(p.red());
                const float green = value(p.green());
                const float blue = value(p.blue());
                if (mode == ColorMode::Grayscale) {
                    tensor.at(0, y, x) =
                        grayscaleSource ? red : 0.299F * red + 0.587F * green + 0.114F * blue;
                    continue;
                }
                tensor.at(0, y, x) = red;
                tensor.at(1, y, x) = green;
                tensor.at(2, y, x) = blue;
                if (mode == ColorMode::Rgba) {
                    tensor.at(3, y, x) = value(p.alpha());
                }
            }
        }
    }
    return tensor;
}

std::int64_t ImageInfo::readingBytes(int channels) const {
    const std::int64_t pixels = saturatingMul(size.width(), size.height());
    return saturatingMul(pixels, bytesPerPixel + 4 * static_cast<std::int64_t>(channels));
}

Result<ImageInfo> readImageInfo(const QString& path) {
    auto fail = [&](const QString& why) {
        return Error::runtime(QStringLiteral("%1: cannot read the image: %2").arg(path, why));
    };
    if (!QFileInfo(path).isFile()) {
        return fail(QStringLiteral("the file does not exist"));
    }
    QImageReader reader(path);
    if (reader.format().isEmpty()) {
        QStringList formats;
        for (const QByteArray& f : QImageReader::supportedImageFormats()) {
            formats << QString::fromLatin1(f);
        }
        return fail(QStringLiteral("not an image format StrideLab can read (it reads %1)")
                        .arg(formats.join(QStringLiteral(", "))));
    }
    const QSize size = reader.size();
    if (!size.isValid() || size.isEmpty()) {
        return fail(QStringLiteral("its header is damaged or declares no pixels"));
    }
    ImageInfo info;
    info.size = size;
    const QImage::Format format = reader.imageFormat();
    if (format != QImage::Format_Invalid) {
        info.bytesPerPixel = std::max(4, QImage::toPixelFormat(format).bitsPerPixel() / 8);
    }
    return info;
}

namespace {

// Whether a JPEG's entropy-coded data is followed by its end-of-image marker. Qt (libjpeg)
// decodes a truncated file without an error, filling the missing part with grey; that would
// be a guess shown as data. The segments before the first scan are skipped by their lengths,
// so a thumbnail inside an APP1 segment does not count.
bool jpegIsComplete(const QByteArray& bytes) {
    qsizetype at = 2;  // after SOI
    while (at + 4 <= bytes.size()) {
        if (static_cast<unsigned char>(bytes[at]) != 0xFF) {
            return true;  // not a structure this check understands: let the decoder judge
        }
        const auto marker = static_cast<unsigned char>(bytes[at + 1]);
        if (marker == 0xFF) {
            ++at;  // fill byte
            continue;
        }
        if (marker == 0xDA) {  // start of scan: the end-of-image marker must follow somewhere
            return bytes.indexOf(QByteArrayView("\xFF\xD9", 2), at) >= 0;
        }
        const qsizetype length = (static_cast<unsigned char>(bytes[at + 2]) << 8) |
                                 static_cast<unsigned char>(bytes[at + 3]);
        at += 2 + length;
    }
    return false;  // ended before its first scan
}

// The file's bytes, for a reader on a buffer; a JPEG must be complete.
Result<QByteArray> readImageBytes(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        return Error::runtime(
            QStringLiteral("%1: cannot read the image: %2").arg(path, file.errorString()));
    }
    QByteArray bytes = file.readAll();
    QBuffer buffer(&bytes);
    if (QImageReader(&buffer).format() == "jpeg" && !jpegIsComplete(bytes)) {
        return Error::runtime(QStringLiteral("%1: cannot read the image: the JPEG file ends "
                                             "before its image data does (an incomplete "
                                             "download?)")
                                  .arg(path));
    }
    return bytes;
}

Error damagedData(const QString& path, const QImageReader& reader) {
    return Error::runtime(
        QStringLiteral("%1: cannot read the image: its data is damaged or incomplete (%2)")
            .arg(path, reader.errorString()));
}

}  // namespace

void raiseImageAllocationLimit(std::int64_t bytes) {
    constexpr std::int64_t kMiB = std::int64_t{1} << 20;
    const int mib = static_cast<int>(
        std::min<std::int64_t>((bytes + kMiB - 1) / kMiB, std::numeric_limits<int>::max()));
    if (QImageReader::allocationLimit() < mib) {
        QImageReader::setAllocationLimit(mib);
    }
}

Status checkImageData(const QString& path) {
    auto info = readImageInfo(path);
    if (!info) {
        return info.error();
    }
    auto bytes = readImageBytes(path);
    if (!bytes) {
        return bytes.error();
    }
    QBuffer buffer;
    buffer.setData(*bytes);
    QImageReader reader(&buffer);
    if (!reader.supportsOption(QImageIOHandler::ScaledSize)) {
        return success();  // it would be decoded at full size: left to the computation
    }
    // PNG and JPEG decode row by row into a small image: every byte of the data is read,
    // little memory is taken.
    reader.setScaledSize(info->size.scaled(64, 64, Qt::KeepAspectRatio).expandedTo({1, 1}));
    if (reader.read().isNull()) {
        return damagedData(path, reader);
    }
    return success();
}

Result<Tensor> loadImageTensor(const QString& source, ColorMode mode, std::optional<Pair> resize,
                               const QDir& baseDir, std::int64_t memoryLimit) {
    QImage image;
    if (isBuiltinImageSource(source)) {
        if (auto known = checkBuiltinImageName(source); !known) {
            return known.error();
        }
        image = *builtinImage(source.mid(QStringLiteral("builtin:").size()));
    } else {
        const QString path = baseDir.filePath(source);
        auto info = readImageInfo(path);
        if (!info) {
            return info.error();
        }
        const std::int64_t needed = info->readingBytes(channelsOf(mode));
        if (needed > memoryLimit) {
            return Error::runtime(
                QStringLiteral("%1: the image is %2 x %3 pixels; reading it needs %4 (%5 bytes), "
                               "more than the memory limit of %6 (%7 bytes); resize the image "
                               "first")
                    .arg(path)
                    .arg(info->size.width())
                    .arg(info->size.height())
                    .arg(formatBytes(needed))
                    .arg(needed)
                    .arg(formatBytes(memoryLimit))
                    .arg(memoryLimit));
        }
        auto bytes = readImageBytes(path);
        if (!bytes) {
            return bytes.error();
        }
        QBuffer buffer;
        buffer.setData(*bytes);
        QImageReader reader(&buffer);
        // Qt refuses any image larger than its allocation limit (128 MiB by default in Qt
        // 6.4, less than one phone photo); the budget was checked above, so it is the limit.
        raiseImageAllocationLimit(memoryLimit);
        image = reader.read();
        if (image.isNull()) {
            return damagedData(path, reader);
        }
        // The shapes were inferred from the header: data of another size (a GIF whose frame
        // differs from its screen) would not match them.
        if (image.size() != info->size) {
            return Error::runtime(
                QStringLiteral("%1: cannot read the image: its header declares %2 x %3 pixels, "
                               "its data decodes to %4 x %5 (a damaged file?)")
                    .arg(path)
                    .arg(info->size.width())
                    .arg(info->size.height())
                    .arg(image.width())
                    .arg(image.height()));
        }
    }
    Tensor tensor = imageToTensor(image, mode);
    image = QImage();  // the decoded copy is not needed any more
    if (resize && (resize->h != tensor.shape().h || resize->w != tensor.shape().w)) {
        tensor = antialiasedResize(tensor, resize->h, resize->w);
    }
    return tensor;
}

Result<Tensor> loadInputTensor(const InputSpec& input, const QDir& baseDir,
                               std::int64_t memoryLimit) {
    switch (input.kind) {
        case InputKind::Image:
            return loadImageTensor(input.source, input.effectiveColorMode(), input.resize, baseDir,
                                   memoryLimit);
        case InputKind::Tensor: {
            const QString path = baseDir.filePath(input.source);
            auto array = readNpy(path);
            if (!array) {
                return Error::runtime(array.error().message);
            }
            return tensorFromArray(std::move(array).value(), path);
        }
        case InputKind::Shape:
            break;
    }
    return Error::invalid(
        QStringLiteral("the pipeline's input is a shape only; give data with --input"));
}

namespace {

Result<Shape> checkedInputShape(const Shape& shape, const QString& source,
                                const QString& advice = {}) {
    if (shape.c > kMaxParameter || shape.h > kMaxParameter || shape.w > kMaxParameter) {
        return Error::invalid(QStringLiteral("%1: the input %2 is larger than %3 on an axis%4")
                                  .arg(source, shape.toString())
                                  .arg(kMaxParameter)
                                  .arg(advice));
    }
    return shape;
}

}  // namespace

Result<Shape> inputShape(const InputSpec& input, const QDir& baseDir) {
    switch (input.kind) {
        case InputKind::Shape:
            return input.shape;
        case InputKind::Tensor: {
            const QString path = baseDir.filePath(input.source);
            auto header = readNpyHeader(path);
            if (!header) {
                return Error::runtime(header.error().message);
            }
            const auto& d = header->dims;
            if ((d.size() != 2 && d.size() != 3) || header->elements() == 0) {
                return Error::invalid(
                    QStringLiteral(
                        "%1: expected a non-empty array of shape (C, H, W) or (H, W), got %2")
                        .arg(path, header->shapeString()));
            }
            const Shape shape = d.size() == 3 ? Shape{d[0], d[1], d[2]} : Shape{1, d[0], d[1]};
            return checkedInputShape(shape, path);
        }
        case InputKind::Image:
            break;
    }
    const std::int64_t channels = channelsOf(input.effectiveColorMode());
    Shape shape{channels, 0, 0};
    if (isBuiltinImageSource(input.source)) {
        if (auto known = checkBuiltinImageName(input.source); !known) {
            return known.error();
        }
        // Drawn only when its own size is the input's: the window asks on every edit.
        if (!input.resize) {
            const QImage image = *builtinImage(input.source.mid(QStringLiteral("builtin:").size()));
            shape = {channels, image.height(), image.width()};
        }
    } else {
        // The header must be readable even when `resize` decides the size.
        const QString path = baseDir.filePath(input.source);
        auto info = readImageInfo(path);
        if (!info) {
            return info.error();
        }
        shape = {channels, info->size.height(), info->size.width()};
    }
    if (input.resize) {
        shape.h = input.resize->h;
        shape.w = input.resize->w;
    }
    return checkedInputShape(shape, input.source, QStringLiteral("; resize the image first"));
}

void adaptImageInput(InputSpec& image, const InputSpec& original) {
    if (original.kind == InputKind::Image) {
        image.colorMode = original.colorMode;
        image.resize = original.resize;
        return;
    }
    if (original.kind == InputKind::Shape) {
        switch (original.shape.c) {
            case 1:
                image.colorMode = ColorMode::Grayscale;
                break;
            case 4:
                image.colorMode = ColorMode::Rgba;
                break;
            default:
                image.colorMode = ColorMode::Rgb;
                break;
        }
        image.resize = Pair{original.shape.h, original.shape.w};
    }
}

InputSpec inputSpecForFile(const QString& path) {
    InputSpec spec;
    spec.kind = QFileInfo(path).suffix().compare(QStringLiteral("npy"), Qt::CaseInsensitive) == 0
                    ? InputKind::Tensor
                    : InputKind::Image;
    spec.source = isBuiltinImageSource(path) ? path : QFileInfo(path).absoluteFilePath();
    return spec;
}

}  // namespace stridelab
