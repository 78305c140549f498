#pragma once

// The part of ComputeController that lives on the compute thread. Jobs arrive and outcomes
// leave as HandOverEvents (thread_handover.h), in order.

#include "compute/compute_controller.h"
#include "compute/thread_handover.h"

namespace stridelab::ui {

struct ComputeJob {
    int generation = 0;
    Pipeline pipeline;
    PipelineReport report;
    std::vector<SharedResult> reuse;
    SharedTensor input;  // nothing: load it
    QString inputKey;
    int threads = 0;
    std::int64_t memoryLimit = kDefaultMemoryLimit;
    std::shared_ptr<std::atomic<bool>> cancel;
};

// What the worker reports of a job: the input (when it loaded it), each layer, then finished
// or failed (nothing more once the job is cancelled).
struct ComputeOutcome {
    enum class Kind { InputReady, LayerReady, Finished, Failed };
    Kind kind = Kind::Finished;
    int generation = 0;
    int index = 0;            // LayerReady
    SharedResult result;      // LayerReady
    SharedTensor input;       // InputReady
    QString inputKey;         // InputReady
    double milliseconds = 0;  // LayerReady, Finished
    QString message;          // Failed
};

class ComputeWorker : public QObject {
    Q_OBJECT
public:
    // Outcomes are posted to `receiver` (the controller, on the GUI thread).
    explicit ComputeWorker(QObject* receiver) : receiver_(receiver) {}

    bool event(QEvent* event) override;

private:
    void compute(const ComputeJob& job);
    void report(ComputeOutcome outcome) { postHandOver(receiver_, std::move(outcome)); }

    QObject* receiver_;
    // The maps the window no longer shows are refilled by the next run instead of allocated:
    // dragging a slider reuses the same memory. Used only on the worker's thread.
    RunWorkspace workspace_;
};

}  // namespace stridelab::ui
