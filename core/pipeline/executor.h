#pragma once

// Computes every layer of a pipeline whose shapes are valid.

#include "pipeline/pipeline_analysis.h"
#include "pipeline/run_workspace.h"
#include "util/threads.h"

#include <atomic>
#include <functional>
#include <memory>

namespace stridelab {

constexpr std::int64_t kDefaultMemoryLimit = std::int64_t{2} << 30;  // 2 GiB

struct RunOptions {
    int threads = 0;  // 0: all cores
    std::int64_t memoryLimit = kDefaultMemoryLimit;
    // Set from another thread to stop between layers; the run then fails with "cancelled".
    const std::atomic<bool>* cancel = nullptr;
    // Called after each layer with its 1-based index, its result and the time it took.
    std::function<void(int, const std::shared_ptr<const LayerResult>&, double)> onLayer;
    // Results of the first layers from an earlier run of the same layers on the same input,
    // reused instead of recomputed (only the layers after a change need computing).
    std::vector<std::shared_ptr<const LayerResult>> reuse;
    // Buffers kept from the previous run (see RunWorkspace); nullptr: allocate afresh.
    RunWorkspace* workspace = nullptr;
};

struct RunResult {
    // One per pipeline layer; shared, so a later run can reuse an unchanged prefix.
    std::vector<std::shared_ptr<const LayerResult>> layers;
    std::vector<double> milliseconds;  // compute time per layer (0 for reused ones)
};

// Checks the memory estimate for this many threads (0: every core) against the budget,
// before anything is allocated.
[[nodiscard]] Status checkMemoryBudget(const PipelineReport& report, std::int64_t limit,
                                       int threads);

// Runs the layers; `report` must come from analyzePipeline on this pipeline and input, and be ok.
[[nodiscard]] Result<RunResult> runPipeline(const Pipeline& pipeline, const PipelineReport& report,
                                            const Tensor& input, const RunOptions& options);

}  // namespace stridelab
