#pragma once

// Memory kept from one run of a pipeline to the next, so that a repeated forward (a benchmark,
// a lecturer dragging a slider) allocates nothing and page-faults nothing after the first:
// the layer results nobody holds any more, and the layers' scratch tensors (padded inputs).
//
// A result still held elsewhere (the GUI showing it, a caller keeping an earlier run) is never
// handed out again; only those whose sole owner is the workspace are. Used by one run at a
// time (the executor's thread); not thread-safe.

#include "layers/layer.h"

#include <memory>
#include <vector>

namespace stridelab {

class RunWorkspace {
public:
    // Forgets every result that the last two runs did not use, bounding what is kept between
    // runs to two runs' worth of maps (during a run whose maps outgrow the kept ones, a third
    // set is allocated beside the shown and the kept one). Two, not one: a window shows the
    // previous run's maps while the next computes, so consecutive runs fill alternate sets; kept
    // for one run only, each set was forgotten just before it came free, and every edit of the
    // default example allocated, zeroed and page-faulted all its maps again.
    void beginRun();

    // A result shaped `shape` whose values (and argmax) are left over from an earlier run:
    // the layer must write every element. A fresh, zero-filled one when none is free.
    [[nodiscard]] std::shared_ptr<LayerResult> acquireResult(const Shape& shape);

    // Scratch tensor `slot`, kept between runs and shared by the layers (they run one after
    // another), so it grows to the largest need once; its contents are unspecified.
    [[nodiscard]] Tensor& scratch(std::size_t slot);

    // Bytes held, the results still shared with others included.
    [[nodiscard]] std::int64_t bytesHeld() const;

private:
    static constexpr int kRunsKeptUnused = 2;
    struct Pooled {
        std::shared_ptr<LayerResult> result;
        bool usedThisRun = false;
        int runsUnused = 0;  // consecutive earlier runs that did not use it
    };
    std::vector<Pooled> results_;
    std::vector<Tensor> scratch_;
};

}  // namespace stridelab
