// The window's background work per map, timed on the default example's largest map (enc1:
// 16 x 416 x 416 ReLU outputs, half of them zeros): the value summary that the colour ranges
// and the histogram start from, the histogram the Statistics dock draws, and one channel
// coloured for a card. Single-threaded, as each runs on one pool thread.
//
//     build/bench/tests/bench/stridelab_bench_view

#include "plots/histogram.h"
#include "tensor/tensor.h"
#include "view/render.h"
#include "view/value_summary.h"

#include <benchmark/benchmark.h>

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

}  // namespace

BENCHMARK(summariseMap)->Unit(benchmark::kMillisecond);
BENCHMARK(histogramOfMap)->Unit(benchmark::kMillisecond);
BENCHMARK(colourChannel)->Unit(benchmark::kMillisecond);

BENCHMARK_MAIN();
