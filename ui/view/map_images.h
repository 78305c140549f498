#pragma once

// The images a feature-map view draws for one map, and their rendering off the GUI thread.
// Colour-mapping a 64-channel 416 x 416 map takes tens of milliseconds; done in paintEvent it
// blocked the window each time a layer arrived while a lecturer dragged a slider.

#include "view/display_options.h"

#include <QImage>
#include <QObject>

#include <memory>
#include <vector>

namespace stridelab {
class Tensor;
}

namespace stridelab::ui {

// What determines the images: the map (by identity), how it is drawn, and how far shrunk.
struct MapImagesKey {
    std::shared_ptr<const Tensor> map;
    DisplayOptions options;
    bool rgb = false;
    // Where valid and smaller than the map, the size its tiles are drawn at: each image is then
    // the map resampled by area to it (render.h: areaResampled), so that it shows no pattern
    // the map does not have, and the window thread draws it 1:1 (Qt's smooth drawing would
    // wait there for its own helper threads).
    QSize drawnSize;

    friend bool operator==(const MapImagesKey&, const MapImagesKey&) = default;
};

// One image per channel, or one RGB picture, with the ranges the channels were normalised to.
struct MapImages {
    MapImagesKey key;
    std::vector<QImage> images;
};

// Renders every channel of key.map (no-op for a null map).
[[nodiscard]] MapImages renderMapImages(const MapImagesKey& key);

// Renders on the thread pool; the newest request wins: a result is delivered (on the
// object's thread) only if no later request was made in between. Small maps are rendered at
// once, in request(), where the thread hop would cost more than the work.
class MapImageRenderer : public QObject {
    Q_OBJECT
public:
    using QObject::QObject;

    // Maps of up to this many elements (channels x height x width, however small they are
    // drawn: the colour ranges read them whole) are rendered in request() itself.
    static constexpr std::int64_t kSynchronousElements = std::int64_t{1} << 18;

    // Asks for `key`'s images; returns true when they were rendered at once (ready() was
    // emitted before returning). Repeating a pending request does nothing.
    bool request(const MapImagesKey& key);
    [[nodiscard]] bool pending() const { return pending_; }

signals:
    void ready(const stridelab::ui::MapImages& images);

private:
    MapImagesKey requested_;
    int generation_ = 0;
    bool pending_ = false;
};

}  // namespace stridelab::ui
