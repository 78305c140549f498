#include "io/image_input.h"

#include "io/builtin_images.h"
#include "io/json_reader.h"
#include "io/npy.h"
#include "kernels/antialiased_resize.h"

#include <QFileInfo>
#include <QImageReader>

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

}  // namespace

Tensor imageToTensor(const QImage& source, ColorMode mode) {
    const int channels = mode == ColorMode::Rgba ? 4 : (mode == ColorMode::Grayscale ? 1 : 3);
    const std::int64_t h = source.height();
    const std::int64_t w = source.width();
    Tensor tensor(Shape{channels, h, w});
    // Work in 16-bit RGBA (non-premultiplied) so 8- and 16-bit files both keep full precision.
    const QImage image = source.convertToFormat(QImage::Format_RGBA64);
    const float scale = isSixteenBit(source) ? 1.0F / 65535.0F : 1.0F / 255.0F;
    const bool grayscaleSource = source.isGrayscale();
    for (std::int64_t y = 0; y < h; ++y) {
        const auto* line =
            reinterpret_cast<const QRgba64*>(image.constScanLine(static_cast<int>(y)));
        for (std::int64_t x = 0; x < w; ++x) {
            const QRgba64 p = line[x];
            // Back to the file's own depth before scaling, so 8-bit values are exactly v / 255.
            auto value = [&](quint16 v16) {
                return isSixteenBit(source) ? static_cast<float>(v16) * scale
                                            : static_cast<float>(v16 >> 8) * scale;
            };
            const float r = value(p.red());
            const float g = value(p.green());
            const float b = value(p.blue());
            if (mode == ColorMode::Grayscale) {
                tensor.at(0, y, x) = grayscaleSource ? r : 0.299F * r + 0.587F * g + 0.114F * b;
                continue;
            }
            tensor.at(0, y, x) = r;
            tensor.at(1, y, x) = g;
            tensor.at(2, y, x) = b;
            if (mode == ColorMode::Rgba) {
                tensor.at(3, y, x) = value(p.alpha());
            }
        }
    }
    return tensor;
}

Result<Tensor> loadImageTensor(const QString& source, ColorMode mode, std::optional<Pair> resize,
                               const QDir& baseDir) {
    QImage image;
    if (isBuiltinImageSource(source)) {
        if (auto known = checkBuiltinImageName(source); !known) {
            return known.error();
        }
        image = *builtinImage(source.mid(QStringLiteral("builtin:").size()));
    } else {
        const QString path = baseDir.filePath(source);
        QImageReader reader(path);
        image = reader.read();
        if (image.isNull()) {
            return Error::runtime(
                QStringLiteral("%1: cannot read the image: %2").arg(path, reader.errorString()));
        }
    }
    Tensor tensor = imageToTensor(image, mode);
    if (resize && (resize->h != tensor.shape().h || resize->w != tensor.shape().w)) {
        tensor = antialiasedResize(tensor, resize->h, resize->w);
    }
    return tensor;
}

Result<Tensor> loadInputTensor(const InputSpec& input, const QDir& baseDir) {
    switch (input.kind) {
        case InputKind::Image:
            return loadImageTensor(input.source, input.effectiveColorMode(), input.resize, baseDir);
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

Result<Shape> checkedInputShape(const Shape& shape, const QString& source) {
    if (shape.c > kMaxParameter || shape.h > kMaxParameter || shape.w > kMaxParameter) {
        return Error::invalid(QStringLiteral("%1: the input %2 is larger than %3 on an axis")
                                  .arg(source, shape.toString())
                                  .arg(kMaxParameter));
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
        const QImage image = *builtinImage(input.source.mid(QStringLiteral("builtin:").size()));
        shape = {channels, image.height(), image.width()};
    } else {
        // The header must be readable even when `resize` decides the size.
        const QString path = baseDir.filePath(input.source);
        QImageReader reader(path);
        const QSize size = reader.size();
        if (!size.isValid()) {
            return Error::runtime(
                QStringLiteral("%1: cannot read the image: %2").arg(path, reader.errorString()));
        }
        shape = {channels, size.height(), size.width()};
    }
    if (input.resize) {
        shape.h = input.resize->h;
        shape.w = input.resize->w;
    }
    return checkedInputShape(shape, input.source);
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
