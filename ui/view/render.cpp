#include "view/render.h"

#include <QPainter>

#include <cmath>
#include <limits>

namespace stridelab::ui {

namespace {

ValueRange adjusted(ValueRange range, const DisplayOptions& options) {
    return isDiverging(options.colormap) ? symmetricRange(range) : range;
}

int channelByte(float value, ValueRange range) {
    return static_cast<int>(std::lround(normalisedValue(value, range) * 255.0));
}

// An RGB pixel with a non-finite channel: NaN wins over an infinity, +inf over -inf.
QRgb nonFiniteColor(float r, float g, float b) {
    if (std::isnan(r) || std::isnan(g) || std::isnan(b)) {
        return kNanColor;
    }
    constexpr float inf = std::numeric_limits<float>::infinity();
    return r == inf || g == inf || b == inf ? kPositiveInfinityColor : kNegativeInfinityColor;
}

}  // namespace

std::vector<ValueRange> displayRanges(const Tensor& map, const DisplayOptions& options) {
    const auto channels = static_cast<std::size_t>(std::max<std::int64_t>(map.shape().c, 0));
    switch (options.normalisation) {
        case Normalisation::Fixed:
            return std::vector<ValueRange>(channels, options.fixedRange);
        case Normalisation::PerLayer:
            return std::vector<ValueRange>(channels, adjusted(layerRange(map), options));
        case Normalisation::PerChannel:
            break;
    }
    std::vector<ValueRange> ranges;
    ranges.reserve(channels);
    for (std::size_t c = 0; c < channels; ++c) {
        ranges.push_back(adjusted(channelRange(map, static_cast<std::int64_t>(c)), options));
    }
    return ranges;
}

ValueRange displayRange(const Tensor& map, int channel, const DisplayOptions& options) {
    switch (options.normalisation) {
        case Normalisation::Fixed:
            return options.fixedRange;
        case Normalisation::PerLayer:
            return adjusted(layerRange(map), options);
        case Normalisation::PerChannel:
            break;
    }
    return adjusted(channelRange(map, channel), options);
}

bool showsAsRgb(const Shape& shape, const DisplayOptions& options) {
    return options.rgb && shape.c == 3;
}

ValueRange rgbRange(const Tensor& map, const DisplayOptions& options) {
    if (options.normalisation == Normalisation::Fixed) {
        return options.fixedRange;
    }
    const ValueRange range = layerRange(map);
    if (range.min >= 0.0F && range.max <= 1.0F) {
        return {0.0F, 1.0F};
    }
    return range;
}

QImage renderChannel(const Tensor& map, int channel, const DisplayOptions& options,
                     ValueRange range) {
    const Shape& shape = map.shape();
    if (channel < 0 || channel >= shape.c || shape.h <= 0 || shape.w <= 0) {
        return {};
    }
    const int height = static_cast<int>(shape.h);
    const int width = static_cast<int>(shape.w);
    QImage image(width, height, QImage::Format_RGB32);
    if (image.isNull()) {
        return image;
    }
    const float* values = map.channel(channel);
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        const float* row = values + static_cast<std::ptrdiff_t>(y) * width;
        for (int x = 0; x < width; ++x) {
            line[x] = colormapColor(options.colormap, normalisedValue(row[x], range));
        }
    }
    return image;
}

QImage renderRgb(const Tensor& map, const DisplayOptions& options) {
    const Shape& shape = map.shape();
    if (shape.c != 3 || shape.h <= 0 || shape.w <= 0) {
        return {};
    }
    const int height = static_cast<int>(shape.h);
    const int width = static_cast<int>(shape.w);
    QImage image(width, height, QImage::Format_RGB32);
    if (image.isNull()) {
        return image;
    }
    const ValueRange range = rgbRange(map, options);
    const std::ptrdiff_t plane = static_cast<std::ptrdiff_t>(height) * width;
    const float* red = map.data();
    for (int y = 0; y < height; ++y) {
        auto* line = reinterpret_cast<QRgb*>(image.scanLine(y));
        for (int x = 0; x < width; ++x) {
            const std::ptrdiff_t i = static_cast<std::ptrdiff_t>(y) * width + x;
            const float r = red[i];
            const float g = red[plane + i];
            const float b = red[2 * plane + i];
            if (!std::isfinite(r) || !std::isfinite(g) || !std::isfinite(b)) {
                line[x] = nonFiniteColor(r, g, b);
                continue;
            }
            line[x] = qRgb(channelByte(r, range), channelByte(g, range), channelByte(b, range));
        }
    }
    return image;
}

Tensor subsampled(const Tensor& map, int step, int firstChannel, int channelCount) {
    const Shape in = map.shape();
    const std::int64_t first = std::clamp<std::int64_t>(firstChannel, 0, in.c);
    const std::int64_t count =
        channelCount < 0 ? in.c - first : std::min<std::int64_t>(channelCount, in.c - first);
    const Shape out{count, (in.h + step - 1) / step, (in.w + step - 1) / step};
    Tensor result(out);
    for (std::int64_t c = 0; c < out.c; ++c) {
        for (std::int64_t y = 0; y < out.h; ++y) {
            const float* src = map.channel(first + c) + y * step * in.w;
            float* dst = result.channel(c) + y * out.w;
            for (std::int64_t x = 0; x < out.w; ++x) {
                dst[x] = src[x * step];
            }
        }
    }
    return result;
}

QImage renderChannelSheet(const Tensor& map, const DisplayOptions& options, int scale, int gap) {
    const Shape shape = map.shape();
    if (showsAsRgb(shape, options)) {
        const QImage rgb = renderRgb(map, options);
        return rgb.scaled(rgb.size() * scale, Qt::IgnoreAspectRatio, Qt::FastTransformation);
    }
    const int channels = static_cast<int>(shape.c);
    const int columns = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(channels))));
    const int rows = (channels + columns - 1) / columns;
    const int tileW = static_cast<int>(shape.w) * scale;
    const int tileH = static_cast<int>(shape.h) * scale;
    QImage sheet(columns * tileW + (columns - 1) * gap, rows * tileH + (rows - 1) * gap,
                 QImage::Format_RGB32);
    sheet.fill(Qt::white);
    const std::vector<ValueRange> ranges = displayRanges(map, options);
    QPainter painter(&sheet);
    for (int c = 0; c < channels; ++c) {
        const QImage tile = renderChannel(map, c, options, ranges[static_cast<std::size_t>(c)]);
        const QRect target((c % columns) * (tileW + gap), (c / columns) * (tileH + gap), tileW,
                           tileH);
        painter.drawImage(target, tile);  // no smoothing: elements stay square
    }
    return sheet;
}

}  // namespace stridelab::ui
