#include "pipeline/run_workspace.h"

#include <algorithm>

namespace stridelab {

void RunWorkspace::beginRun() {
    for (Pooled& p : results_) {
        p.runsUnused = p.usedThisRun ? 0 : p.runsUnused + 1;
        p.usedThisRun = false;
    }
    std::erase_if(results_, [](const Pooled& p) { return p.runsUnused >= kRunsKeptUnused; });
}

std::shared_ptr<LayerResult> RunWorkspace::acquireResult(const Shape& shape) {
    // use_count() == 1 means no copy exists outside this workspace, and none can appear
    // concurrently: only the workspace could hand one out.
    auto isFree = [](const Pooled& p) { return !p.usedThisRun && p.result.use_count() == 1; };
    auto exact = std::find_if(results_.begin(), results_.end(), [&](const Pooled& p) {
        return isFree(p) && p.result->values.shape() == shape;
    });
    auto chosen = exact != results_.end()
                      ? exact
                      : std::find_if(results_.begin(), results_.end(), [&](const Pooled& p) {
                            return isFree(p) && p.result->values.capacity() >= shape.elements();
                        });
    if (chosen == results_.end()) {
        auto fresh = std::make_shared<LayerResult>();
        fresh->values = Tensor(shape);
        results_.push_back(Pooled{fresh, true});
        return fresh;
    }
    chosen->usedThisRun = true;
    chosen->result->values.reshapeKeepingValues(shape);
    return chosen->result;
}

Tensor& RunWorkspace::scratch(std::size_t slot) {
    if (scratch_.size() <= slot) {
        scratch_.resize(slot + 1);
    }
    return scratch_[slot];
}

std::int64_t RunWorkspace::bytesHeld() const {
    std::int64_t bytes = 0;
    for (const Pooled& p : results_) {
        bytes += p.result->values.capacity() * static_cast<std::int64_t>(sizeof(float)) +
                 static_cast<std::int64_t>(p.result->argmax.capacity() * sizeof(std::int32_t));
    }
    for (const Tensor& t : scratch_) {
        bytes += t.capacity() * static_cast<std::int64_t>(sizeof(float));
    }
    return bytes;
}

}  // namespace stridelab
