#pragma once

// `stridelab bench`: the whole pipeline run repeatedly, each layer's time summarised, and the
// rates that say how close a kernel is to the machine (GFLOP/s for convolutions, GB/s for the
// memory-bound layers).

#include "pipeline/executor.h"

#include <optional>
#include <vector>

namespace stridelab {

struct LayerTiming {
    double medianMs = 0.0;
    double minMs = 0.0;
    // 2 x MACs / median time, for convolutions (transposed too); nothing for the others.
    std::optional<double> gflops;
    // Bytes read and written / median time, for the layers without MACs; nothing for
    // convolutions.
    std::optional<double> gbps;
};

struct BenchResult {
    int threads = 1;
    int repeat = 0;
    std::vector<LayerTiming> layers;  // one per pipeline layer
    double totalMedianMs = 0.0;       // the whole pipeline, wall clock
};

// The bytes a layer reads and writes once: its input and output (float32), and the indices a
// max_pool2d records (`indicesRecorded`: a later unpool reads them) or a max_unpool2d reads.
[[nodiscard]] std::int64_t layerTrafficBytes(const Layer& layer, const Shape& input,
                                             const Shape& output, bool indicesRecorded);

// One warm-up run, then `repeat` timed runs of every layer; `report` must be ok. `threads`
// as RunOptions (0: all cores); `memoryLimit` as RunOptions.
[[nodiscard]] Result<BenchResult> benchmarkPipeline(const Pipeline& pipeline,
                                                    const PipelineReport& report,
                                                    const Tensor& input, int threads, int repeat,
                                                    std::int64_t memoryLimit = kDefaultMemoryLimit);

// The median of a non-empty list (the mean of the two middle values for an even count).
[[nodiscard]] double median(std::vector<double> values);

}  // namespace stridelab
