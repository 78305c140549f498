#pragma once

// Computes feature maps off the GUI thread. A newer request cancels an older one, results of
// a superseded request are dropped, and layers the edit did not touch are reused: a layer is
// unchanged exactly when it is the same immutable object under the same name.

#include "pipeline/executor.h"

#include <QObject>
#include <QThread>

#include <atomic>
#include <memory>

namespace stridelab::ui {

using SharedResult = std::shared_ptr<const LayerResult>;
using SharedTensor = std::shared_ptr<const Tensor>;

class ComputeWorker;

class ComputeController : public QObject {
    Q_OBJECT
public:
    explicit ComputeController(QObject* parent = nullptr);
    ~ComputeController() override;
    ComputeController(const ComputeController&) = delete;
    ComputeController& operator=(const ComputeController&) = delete;

    void setThreads(int threads) { threads_ = threads; }
    // The budget of every later request; Qt's image allocation limit follows it.
    void setMemoryLimit(std::int64_t bytes);
    [[nodiscard]] std::int64_t memoryLimit() const { return memoryLimit_; }

    // Computes `pipeline`, whose analysis is `report`; returns the request's generation.
    int request(const Pipeline& pipeline, const PipelineReport& report);

    [[nodiscard]] int generation() const { return generation_; }
    [[nodiscard]] bool busy() const { return busy_; }
    // The newest results per layer (some may be stale while a request runs), and the input.
    [[nodiscard]] const std::vector<SharedResult>& results() const { return results_; }
    [[nodiscard]] const SharedTensor& input() const { return input_; }

signals:
    // Layers from `firstComputed` on are being recomputed; their maps are stale until
    // layerReady replaces them.
    void started(int generation, int firstComputed);
    void inputReady(int generation, stridelab::ui::SharedTensor input);
    void layerReady(int generation, int index, stridelab::ui::SharedResult result,
                    double milliseconds);
    void finished(int generation, double milliseconds);
    void failed(int generation, const QString& message);

protected:
    // The worker's outcomes (compute_worker.h), in the order it reported them.
    bool event(QEvent* event) override;

private:
    void onInputReady(int generation, const SharedTensor& input, const QString& inputKey);
    void onLayerReady(int generation, int index, const SharedResult& result, double milliseconds);
    void onFinished(int generation, double milliseconds);
    void onFailed(int generation, const QString& message);

    QThread thread_;
    ComputeWorker* worker_ = nullptr;
    int generation_ = 0;
    bool busy_ = false;
    int threads_ = 0;
    std::int64_t memoryLimit_ = kDefaultMemoryLimit;
    std::shared_ptr<std::atomic<bool>> cancelCurrent_;

    Pipeline computedPipeline_;  // the newest requested pipeline
    std::vector<SharedResult> results_;
    // The layer (object and name) each of results_ was computed by: a stale result kept on
    // screen belongs to an older request, whose layer may differ from computedPipeline_'s.
    struct ResultSource {
        LayerPtr layer;
        QString name;
    };
    std::vector<ResultSource> sources_;
    SharedTensor input_;
    QString inputKey_;
};

// Identifies an input's data: the same key means the same tensor.
[[nodiscard]] QString inputKey(const InputSpec& input, const QDir& baseDir);

}  // namespace stridelab::ui
