#include "view/map_images.h"

#include "compute/background_pool.h"
#include "compute/background_priority.h"
#include "tensor/tensor.h"
#include "view/render.h"

#include <QCoreApplication>
#include <QPointer>
#include <QThreadPool>

namespace stridelab::ui {

namespace {

bool shrinks(const Shape& shape, QSize drawnSize) {
    return drawnSize.isValid() && !drawnSize.isEmpty() &&
           (drawnSize.width() < shape.w || drawnSize.height() < shape.h);
}

}  // namespace

MapImages renderMapImages(const MapImagesKey& key) {
    MapImages result{key, {}};
    if (!key.map) {
        return result;
    }
    const Tensor& map = *key.map;
    const bool shrunk = shrinks(map.shape(), key.drawnSize);
    auto asDrawn = [&](int firstChannel, int channelCount) {
        return areaResampled(map, firstChannel, channelCount, key.drawnSize.width(),
                             key.drawnSize.height());
    };
    if (key.rgb) {
        const ValueRange range = rgbRange(map, key.options);
        result.images.push_back(renderRgb(shrunk ? asDrawn(0, 3) : map, range));
        return result;
    }
    const std::vector<ValueRange> ranges = displayRanges(map, key.options);
    const auto channels = static_cast<int>(map.shape().c);
    result.images.reserve(static_cast<std::size_t>(channels));
    for (int c = 0; c < channels; ++c) {
        const ValueRange range = ranges[static_cast<std::size_t>(c)];
        result.images.push_back(shrunk ? renderChannel(asDrawn(c, 1), 0, key.options, range)
                                       : renderChannel(map, c, key.options, range));
    }
    return result;
}

bool MapImageRenderer::request(const MapImagesKey& key) {
    if (pending_ && key == requested_) {
        return false;
    }
    requested_ = key;
    const int generation = ++generation_;
    // The colour ranges read the whole map, however few elements are drawn.
    const std::int64_t elements = key.map ? key.map->shape().elements() : 0;
    if (elements <= kSynchronousElements) {
        pending_ = false;
        emit ready(renderMapImages(key));
        return true;
    }
    pending_ = true;
    backgroundPool()->start([self = QPointer<MapImageRenderer>(this), key, generation] {
        yieldToTheWindow();
        MapImages images = renderMapImages(key);
        // The renderer may be gone by now: the QPointer is read on its own thread only.
        QMetaObject::invokeMethod(
            QCoreApplication::instance(),
            [self, generation, images = std::move(images)] {
                if (self && self->generation_ == generation) {
                    self->pending_ = false;
                    emit self->ready(images);
                }
            },
            Qt::QueuedConnection);
    });
    return false;
}

}  // namespace stridelab::ui
