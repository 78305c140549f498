#include "io/builtin_images.h"

#include "util/did_you_mean.h"

#include <cmath>
#include <numbers>

namespace stridelab {

namespace {

constexpr int kSize = 256;

// Fills a 16-bit grayscale image from f(x, y) in [0, 1], at pixel centres.
template <class F>
QImage grayscale(F f) {
    QImage image(kSize, kSize, QImage::Format_Grayscale16);
    for (int y = 0; y < kSize; ++y) {
        auto* line = reinterpret_cast<quint16*>(image.scanLine(y));
        for (int x = 0; x < kSize; ++x) {
            const double v = std::clamp(f(x + 0.5, y + 0.5), 0.0, 1.0);
            line[x] = static_cast<quint16>(std::lround(v * 65535.0));
        }
    }
    return image;
}

// A circular zone plate: cos(pi r^2 / R) sweeps from 0 to the Nyquist frequency at the edge,
// so any downsampling without a low-pass filter shows moire rings.
QImage zonePlate() {
    const double c = kSize / 2.0;
    return grayscale([c](double x, double y) {
        const double r2 = (x - c) * (x - c) + (y - c) * (y - c);
        return 0.5 + 0.5 * std::cos(std::numbers::pi * r2 / kSize);
    });
}

// A Siemens star of 36 black and white sectors: frequency rises towards the centre, where
// resolution and blur show as a grey disc.
QImage siemensStar() {
    const double c = kSize / 2.0;
    constexpr int kSectors = 36;
    return grayscale([c](double x, double y) {
        const double angle = std::atan2(y - c, x - c);
        return std::sin(angle * kSectors / 2.0) >= 0.0 ? 1.0 : 0.0;
    });
}

// An 8x8 checkerboard of 32-pixel squares: sharp edges, for blur, shifts and the checkerboard
// artifacts of transposed convolutions.
QImage checkerboard() {
    constexpr int kSquare = 32;
    return grayscale([](double x, double y) {
        return ((static_cast<int>(x) / kSquare + static_cast<int>(y) / kSquare) % 2) == 0 ? 1.0
                                                                                          : 0.0;
    });
}

// Smooth colour ramps (red across, green down, blue diagonal): a test for channels and RGB.
QImage colorGradient() {
    QImage image(kSize, kSize, QImage::Format_RGBX64);
    for (int y = 0; y < kSize; ++y) {
        auto* line = reinterpret_cast<QRgba64*>(image.scanLine(y));
        for (int x = 0; x < kSize; ++x) {
            const auto r = static_cast<quint16>(x * 65535 / (kSize - 1));
            const auto g = static_cast<quint16>(y * 65535 / (kSize - 1));
            const auto b = static_cast<quint16>((x + y) * 65535 / (2 * kSize - 2));
            line[x] = QRgba64::fromRgba64(r, g, b, 65535);
        }
    }
    return image;
}

}  // namespace

const std::vector<BuiltinImage>& builtinImages() {
    static const std::vector<BuiltinImage> images = {
        {QStringLiteral("zone_plate"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "BuiltinImage",
             "Zone plate 256x256: frequency rises to Nyquist at the edge (aliasing)"))},
        {QStringLiteral("siemens_star"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "BuiltinImage", "Siemens star 256x256, 36 sectors (resolution and blur)"))},
        {QStringLiteral("checkerboard"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "BuiltinImage", "Checkerboard 256x256 of 32-pixel squares (edges, shifts)"))},
        {QStringLiteral("color_gradient"),
         QStringLiteral(QT_TRANSLATE_NOOP(
             "BuiltinImage", "Colour ramps 256x256: red across, green down, blue diagonal"))},
    };
    return images;
}

bool isBuiltinImageSource(const QString& source) {
    return source.startsWith(QStringLiteral("builtin:"));
}

Status checkBuiltinImageName(const QString& source) {
    if (!isBuiltinImageSource(source)) {
        return success();
    }
    const QString name = source.mid(QStringLiteral("builtin:").size());
    QStringList names;
    for (const BuiltinImage& b : builtinImages()) {
        if (b.name == name) {
            return success();
        }
        names << b.name;
    }
    return Error::invalid(
        QStringLiteral("unknown built-in image \"%1\"%2 (known: %3)")
            .arg(name, didYouMeanSuffix(name, names), names.join(QStringLiteral(", "))));
}

std::optional<QImage> builtinImage(const QString& name) {
    if (name == QStringLiteral("zone_plate")) {
        return zonePlate();
    }
    if (name == QStringLiteral("siemens_star")) {
        return siemensStar();
    }
    if (name == QStringLiteral("checkerboard")) {
        return checkerboard();
    }
    if (name == QStringLiteral("color_gradient")) {
        return colorGradient();
    }
    return std::nullopt;
}

}  // namespace stridelab
