#include "view/render.h"

#include <QPainter>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

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

// The input elements one output element of an area resampling covers: `weights[i]` of
// element `start + i`, summing to 1.
struct Footprint {
    std::int64_t start = 0;
    std::vector<float> weights;
};

std::vector<Footprint> footprints(std::int64_t inSize, std::int64_t outSize) {
    const double scale = static_cast<double>(inSize) / static_cast<double>(outSize);
    std::vector<Footprint> result(static_cast<std::size_t>(outSize));
    for (std::int64_t o = 0; o < outSize; ++o) {
        const double from = static_cast<double>(o) * scale;
        const double to = static_cast<double>(o + 1) * scale;
        Footprint& f = result[static_cast<std::size_t>(o)];
        f.start = static_cast<std::int64_t>(std::floor(from));
        const auto end = std::min(inSize, static_cast<std::int64_t>(std::ceil(to)));
        for (std::int64_t i = f.start; i < end; ++i) {
            const double inside =
                std::min(to, static_cast<double>(i + 1)) - std::max(from, static_cast<double>(i));
            if (inside < 1e-9) {  // an edge that rounding moved past an element's border
                f.start += f.weights.empty() ? 1 : 0;
                continue;
            }
            f.weights.push_back(static_cast<float>(inside / scale));
        }
    }
    return result;
}

// The mean over the rectangle `down` x `across` of `plane` where its float sum was not finite:
// the rectangle's non-finite value by the colours' ranking (NaN, +inf, -inf), not the NaN
// that +inf and -inf would sum to, or, where every value is finite, the mean taken in double.
float meanBeyondFloat(const float* plane, std::int64_t width, const Footprint& down,
                      const Footprint& across) {
    constexpr float inf = std::numeric_limits<float>::infinity();
    bool positiveInfinity = false;
    bool negativeInfinity = false;
    double sum = 0.0;
    for (std::size_t j = 0; j < down.weights.size(); ++j) {
        const float* row = plane + (down.start + static_cast<std::int64_t>(j)) * width;
        for (std::size_t i = 0; i < across.weights.size(); ++i) {
            const float v = row[across.start + static_cast<std::int64_t>(i)];
            if (std::isnan(v)) {
                return v;
            }
            positiveInfinity = positiveInfinity || v == inf;
            negativeInfinity = negativeInfinity || v == -inf;
            sum += static_cast<double>(down.weights[j]) * static_cast<double>(across.weights[i]) *
                   static_cast<double>(v);
        }
    }
    if (positiveInfinity || negativeInfinity) {
        return positiveInfinity ? inf : -inf;
    }
    return static_cast<float>(std::clamp(sum,
                                         static_cast<double>(std::numeric_limits<float>::lowest()),
                                         static_cast<double>(std::numeric_limits<float>::max())));
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
    return renderRgb(map, rgbRange(map, options));
}

QImage renderRgb(const Tensor& map, ValueRange range) {
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

Tensor areaResampled(const Tensor& map, int firstChannel, int channelCount, std::int64_t width,
                     std::int64_t height) {
    const Shape in = map.shape();
    const std::int64_t first = std::clamp<std::int64_t>(firstChannel, 0, in.c);
    const std::int64_t count =
        channelCount < 0 ? in.c - first : std::min<std::int64_t>(channelCount, in.c - first);
    // At least one element each way, at most the map's (none where the map has none).
    const Shape out{count, std::min(std::max<std::int64_t>(height, 1), in.h),
                    std::min(std::max<std::int64_t>(width, 1), in.w)};
    Tensor result(out);
    if (out.elements() == 0 || in.h <= 0 || in.w <= 0) {
        return result;
    }
    const std::vector<Footprint> columns = footprints(in.w, out.w);
    const std::vector<Footprint> rows = footprints(in.h, out.h);
    // Per output row: the weighted sum of the input rows it covers, along the whole row (the
    // inner loop runs along rows and vectorises), then the short weighted sums across it.
    std::vector<float> down(static_cast<std::size_t>(in.w));
    for (std::int64_t c = 0; c < out.c; ++c) {
        const float* plane = map.channel(first + c);
        float* dst = result.channel(c);
        for (std::int64_t y = 0; y < out.h; ++y) {
            const Footprint& rowsIn = rows[static_cast<std::size_t>(y)];
            std::fill(down.begin(), down.end(), 0.0F);
            for (std::size_t j = 0; j < rowsIn.weights.size(); ++j) {
                const float* row = plane + (rowsIn.start + static_cast<std::int64_t>(j)) * in.w;
                const float weight = rowsIn.weights[j];
                for (std::int64_t x = 0; x < in.w; ++x) {
                    down[static_cast<std::size_t>(x)] += weight * row[x];
                }
            }
            for (std::int64_t x = 0; x < out.w; ++x) {
                const Footprint& columnsIn = columns[static_cast<std::size_t>(x)];
                const float* sums = down.data() + columnsIn.start;
                float mean = 0.0F;
                for (std::size_t i = 0; i < columnsIn.weights.size(); ++i) {
                    mean += columnsIn.weights[i] * sums[i];
                }
                dst[y * out.w + x] =
                    std::isfinite(mean) ? mean : meanBeyondFloat(plane, in.w, rowsIn, columnsIn);
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
