// The window's background work per map, timed on the default example's largest map (enc1:
// 16 x 416 x 416 ReLU outputs, half of them zeros): the value summary that the colour ranges
// and the histogram start from, the histogram the Statistics dock draws, and one channel
// coloured for a card. Single-threaded, as each runs on one pool thread. Also what the window
// thread does per edit to draw that map smaller than 1:1 (a card's thumbnail resampled from
// channel 0; the view's sixteen tiles drawn by the painter shrunk, with and without its
// smoothing), and what the pool does instead (the tiles resampled to their drawn size,
// view/map_images.h).
//
//     build/bench/tests/bench/stridelab_bench_view

#include "plots/histogram.h"
#include "tensor/tensor.h"
#include "view/map_images.h"
#include "view/render.h"
#include "view/value_summary.h"

#include <benchmark/benchmark.h>

#include <QImage>
#include <QPainter>

#include <algorithm>
#include <random>
#include <vector>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

// ReLU of normally distributed values: what a conv2d with he_normal weights and ReLU gives.
const Tensor& reluMap() {
    static const Tensor map = [] {
        const Shape shape{16, 416, 416};
        std::vector<float> values(static_cast<std::size_t>(shape.elements()));
        std::mt19937 engine(5);
        std::normal_distribution<float> normal(0.0F, 1.0F);
        for (float& v : values) {
            v = std::max(normal(engine), 0.0F);
        }
        return Tensor(shape, values);
    }();
    return map;
}

void setBytes(benchmark::State& state, const Tensor& map) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * map.shape().elements() *
                            static_cast<std::int64_t>(sizeof(float)));
}

void summariseMap(benchmark::State& state) {
    const Tensor& map = reluMap();
    for (auto _ : state) {
        benchmark::DoNotOptimize(summarise(map.values()));
    }
    setBytes(state, map);
}

void histogramOfMap(benchmark::State& state) {
    const Tensor& map = reluMap();
    for (auto _ : state) {
        benchmark::DoNotOptimize(computeHistogram(map.values()));
    }
    setBytes(state, map);
}

void colourChannel(benchmark::State& state) {
    const Tensor& map = reluMap();
    DisplayOptions options;
    options.colormap = ColormapName::Viridis;
    const ValueRange range = displayRange(map, 0, options);
    for (auto _ : state) {
        benchmark::DoNotOptimize(renderChannel(map, 0, options, range));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * 416 * 416 *
                            static_cast<std::int64_t>(sizeof(float)));
}

// Channel 0 at a quarter of its size each way, as a card's thumbnail of this map is drawn.
void resampleChannelForCard(benchmark::State& state) {
    const Tensor& map = reluMap();
    for (auto _ : state) {
        benchmark::DoNotOptimize(areaResampled(map, 0, 1, 104, 104));
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * 416 * 416 *
                            static_cast<std::int64_t>(sizeof(float)));
}

// 16 tiles of 208 x 208 drawn by the painter at 0.8 of that size; state.range(0) = 1 smooths
// (Qt then spreads the work over helper threads and waits for them: what the view avoids by
// drawing tiles rendered at their drawn size, renderShrunkTiles).
void drawShrunkTiles(benchmark::State& state) {
    const Tensor& map = reluMap();
    DisplayOptions options;
    const std::vector<ValueRange> ranges = displayRanges(map, options);
    std::vector<QImage> tiles;
    for (int c = 0; c < 16; ++c) {
        tiles.push_back(renderChannel(areaResampled(map, c, 1, 208, 208), 0, options,
                                      ranges[static_cast<std::size_t>(c)]));
    }
    QImage window(4 * 172, 4 * 172, QImage::Format_RGB32);
    for (auto _ : state) {
        QPainter painter(&window);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, state.range(0) == 1);
        for (int c = 0; c < 16; ++c) {
            painter.drawImage(QRectF((c % 4) * 172.0, (c / 4) * 172.0, 166.4, 166.4),
                              tiles[static_cast<std::size_t>(c)]);
        }
        painter.end();
        benchmark::DoNotOptimize(window.constBits());
    }
}

// The view's sixteen tiles at 0.4 screen pixels per element, as the pool renders them:
// resampled by area to 166 x 166 and coloured.
void renderShrunkTiles(benchmark::State& state) {
    const auto map = std::shared_ptr<const Tensor>(&reluMap(), [](const Tensor*) {});
    const MapImagesKey key{map, DisplayOptions{}, false, QSize(166, 166)};
    for (auto _ : state) {
        benchmark::DoNotOptimize(renderMapImages(key));
    }
}

}  // namespace

BENCHMARK(resampleChannelForCard)->Unit(benchmark::kMillisecond);
BENCHMARK(drawShrunkTiles)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(renderShrunkTiles)->Unit(benchmark::kMillisecond);
BENCHMARK(summariseMap)->Unit(benchmark::kMillisecond);
BENCHMARK(histogramOfMap)->Unit(benchmark::kMillisecond);
BENCHMARK(colourChannel)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
