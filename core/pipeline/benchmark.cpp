#include "pipeline/benchmark.h"

#include <QElapsedTimer>

#include <algorithm>

namespace stridelab {

double median(std::vector<double> values) {
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

std::int64_t layerTrafficBytes(const Layer& layer, const Shape& input, const Shape& output,
                               bool indicesRecorded) {
    constexpr std::int64_t kFloat = sizeof(float);
    constexpr std::int64_t kIndex = sizeof(std::int32_t);
    std::int64_t bytes = kFloat * (input.elements() + output.elements());
    if (layer.recordsIndices() && indicesRecorded) {
        bytes += kIndex * output.elements();
    }
    if (layer.indicesFrom()) {
        bytes += kIndex * input.elements();
    }
    return bytes;
}

Result<BenchResult> benchmarkPipeline(const Pipeline& pipeline, const PipelineReport& report,
                                      const Tensor& input, int threads, int repeat,
                                      std::int64_t memoryLimit) {
    RunWorkspace workspace;  // every run after the warm-up reuses its buffers
    RunOptions options;
    options.threads = threads;
    options.memoryLimit = memoryLimit;
    options.workspace = &workspace;
    const std::size_t layers = pipeline.layers.size();
    std::vector<std::vector<double>> times(layers);
    std::vector<double> totals;
    for (int run = 0; run <= repeat; ++run) {
        QElapsedTimer timer;
        timer.start();
        auto result = runPipeline(pipeline, report, input, options);
        const double wallMs = static_cast<double>(timer.nsecsElapsed()) / 1e6;
        if (!result) {
            return result.error();
        }
        if (run == 0) {
            continue;  // the warm-up: first-touch page faults, caches, thread start-up
        }
        totals.push_back(wallMs);
        for (std::size_t i = 0; i < layers; ++i) {
            times[i].push_back(result->milliseconds[i]);
        }
    }
    BenchResult bench;
    bench.threads = resolveThreads(threads);
    bench.repeat = repeat;
    bench.totalMedianMs = median(totals);
    const QSet<QString> unpooled = unpooledLayerNames(pipeline);
    for (std::size_t i = 0; i < layers; ++i) {
        LayerTiming t;
        t.medianMs = median(times[i]);
        t.minMs = *std::min_element(times[i].begin(), times[i].end());
        const LayerReport& r = report.layers[i];
        const double seconds = t.medianMs / 1e3;
        if (seconds > 0.0) {
            if (r.shape->macs > 0) {
                t.gflops = 2.0 * static_cast<double>(r.shape->macs) / seconds / 1e9;
            } else {
                const PipelineLayer& l = pipeline.layers[i];
                t.gbps = static_cast<double>(layerTrafficBytes(*l.layer, r.input, r.shape->output,
                                                               unpooled.contains(l.name))) /
                         seconds / 1e9;
            }
        }
        bench.layers.push_back(t);
    }
    return bench;
}

}  // namespace stridelab
