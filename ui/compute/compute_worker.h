#pragma once

// The part of ComputeController that lives on the compute thread.

#include "compute/compute_controller.h"

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

class ComputeWorker : public QObject {
    Q_OBJECT
public:
    void compute(const ComputeJob& job);
    // Lowers the calling thread's scheduling priority (Linux: nice 10), so that the kernels'
    // threads, which inherit it, never keep the window's thread from a core: on two cores a
    // repaint otherwise waits for a time slice. Called on the compute thread as it starts.
    static void yieldToTheWindow();

signals:
    void inputReady(int generation, stridelab::ui::SharedTensor input, const QString& inputKey);
    void layerReady(int generation, int index, stridelab::ui::SharedResult result,
                    double milliseconds);
    void finished(int generation, double milliseconds);
    void failed(int generation, const QString& message);

private:
    // The maps the window no longer shows are refilled by the next run instead of allocated:
    // dragging a slider reuses the same memory. Used only on the worker's thread.
    RunWorkspace workspace_;
};

}  // namespace stridelab::ui

Q_DECLARE_METATYPE(stridelab::ui::ComputeJob)
