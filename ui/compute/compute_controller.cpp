#include "compute/compute_controller.h"

#include "compute/background_priority.h"
#include "compute/compute_worker.h"
#include "io/image_input.h"

#include <algorithm>

namespace stridelab::ui {

QString inputKey(const InputSpec& input, const QDir& baseDir) {
    const QString source = input.source.startsWith(QStringLiteral("builtin:"))
                               ? input.source
                               : baseDir.absoluteFilePath(input.source);
    const QString resize = input.resize
                               ? QStringLiteral("%1x%2").arg(input.resize->h).arg(input.resize->w)
                               : QString();
    return QStringLiteral("%1|%2|%3|%4")
        .arg(static_cast<int>(input.kind))
        .arg(source)
        .arg(static_cast<int>(input.effectiveColorMode()))
        .arg(resize);
}

ComputeController::ComputeController(QObject* parent)
    : QObject(parent), worker_(new ComputeWorker(this)) {
    raiseImageAllocationLimit(memoryLimit_);  // here, so the compute thread only reads it
    qRegisterMetaType<SharedResult>("stridelab::ui::SharedResult");
    qRegisterMetaType<SharedTensor>("stridelab::ui::SharedTensor");
    worker_->moveToThread(&thread_);
    connect(&thread_, &QThread::finished, worker_, &QObject::deleteLater);
    thread_.setObjectName(QStringLiteral("StrideLab compute"));
    connect(&thread_, &QThread::started, worker_, &yieldToTheWindow, Qt::DirectConnection);
    thread_.start();
}

void ComputeController::setMemoryLimit(std::int64_t bytes) {
    memoryLimit_ = bytes;
    raiseImageAllocationLimit(bytes);
}

ComputeController::~ComputeController() {
    if (cancelCurrent_) {
        cancelCurrent_->store(true);
    }
    thread_.quit();
    thread_.wait();
}

int ComputeController::request(const Pipeline& pipeline, const PipelineReport& report) {
    if (cancelCurrent_) {
        cancelCurrent_->store(true);
    }
    ComputeJob job;
    job.generation = ++generation_;
    job.pipeline = pipeline;
    job.report = report;
    job.threads = threads_;
    job.memoryLimit = memoryLimit_;
    job.cancel = std::make_shared<std::atomic<bool>>(false);
    job.inputKey = pipeline.input.kind == InputKind::Shape
                       ? QString()
                       : inputKey(pipeline.input, pipeline.baseDir);
    cancelCurrent_ = job.cancel;

    // Reuse the leading results that the very same layer objects computed, on the same input.
    std::size_t same = 0;
    if (job.inputKey == inputKey_ && input_) {
        job.input = input_;
        const std::size_t limit = std::min(pipeline.layers.size(), results_.size());
        while (same < limit && results_[same] &&
               pipeline.layers[same].layer == sources_[same].layer &&
               pipeline.layers[same].name == sources_[same].name) {
            ++same;
        }
    } else {
        input_.reset();
        inputKey_.clear();
    }
    job.reuse.assign(results_.begin(), results_.begin() + static_cast<std::ptrdiff_t>(same));
    // Stale maps stay visible (dimmed) until fresh ones replace them. But they were computed
    // from another input or after other layers, so no later request may take them for its
    // own, even where its layers are the same objects again (a new image that has loaded, an
    // edit further up, then another request before the map was recomputed).
    results_.resize(pipeline.layers.size());
    sources_.resize(pipeline.layers.size());
    std::fill(sources_.begin() + static_cast<std::ptrdiff_t>(same), sources_.end(), ResultSource{});
    computedPipeline_ = pipeline;
    busy_ = true;
    const int generation = job.generation;
    emit started(generation, static_cast<int>(same));
    postHandOver(worker_, std::move(job));
    return generation;
}

bool ComputeController::event(QEvent* event) {
    const ComputeOutcome* outcome = HandOverEvent<ComputeOutcome>::receive(event);
    if (outcome == nullptr) {
        return QObject::event(event);
    }
    const ComputeOutcome& o = *outcome;
    switch (o.kind) {
        case ComputeOutcome::Kind::InputReady:
            onInputReady(o.generation, o.input, o.inputKey);
            break;
        case ComputeOutcome::Kind::LayerReady:
            onLayerReady(o.generation, o.index, o.result, o.milliseconds);
            break;
        case ComputeOutcome::Kind::Finished:
            onFinished(o.generation, o.milliseconds);
            break;
        case ComputeOutcome::Kind::Failed:
            onFailed(o.generation, o.message);
            break;
    }
    return true;
}

void ComputeController::onInputReady(int generation, const SharedTensor& input,
                                     const QString& key) {
    if (generation != generation_) {
        return;
    }
    input_ = input;
    inputKey_ = key;
    emit inputReady(generation, input);
}

void ComputeController::onLayerReady(int generation, int index, const SharedResult& result,
                                     double milliseconds) {
    if (generation != generation_ || index >= static_cast<int>(results_.size())) {
        return;
    }
    results_[static_cast<std::size_t>(index)] = result;
    const PipelineLayer& source = computedPipeline_.layers[static_cast<std::size_t>(index)];
    sources_[static_cast<std::size_t>(index)] = {source.layer, source.name};
    emit layerReady(generation, index, result, milliseconds);
}

void ComputeController::onFinished(int generation, double milliseconds) {
    if (generation != generation_) {
        return;
    }
    busy_ = false;
    emit finished(generation, milliseconds);
}

void ComputeController::onFailed(int generation, const QString& message) {
    if (generation != generation_) {
        return;
    }
    busy_ = false;
    emit failed(generation, message);
}

}  // namespace stridelab::ui
