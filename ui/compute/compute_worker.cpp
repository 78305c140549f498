#include "compute/compute_worker.h"

#include "io/image_input.h"

#include <QElapsedTimer>

namespace stridelab::ui {

namespace {

// The layers before the first invalid one, which can still be computed and shown.
std::pair<Pipeline, PipelineReport> validPrefix(const Pipeline& pipeline,
                                                const PipelineReport& report) {
    if (report.ok()) {
        return {pipeline, report};
    }
    Pipeline prefix = pipeline;
    prefix.layers.resize(static_cast<std::size_t>(report.firstBroken()->index - 1));
    return {prefix, analyzePipeline(prefix, report.input)};
}

}  // namespace

bool ComputeWorker::event(QEvent* event) {
    if (const ComputeJob* job = HandOverEvent<ComputeJob>::receive(event)) {
        compute(*job);
        return true;
    }
    return QObject::event(event);
}

void ComputeWorker::compute(const ComputeJob& job) {
    using Kind = ComputeOutcome::Kind;
    if (job.cancel->load()) {
        return;
    }
    QElapsedTimer timer;
    timer.start();
    const auto [pipeline, analysis] = validPrefix(job.pipeline, job.report);
    auto fail = [&](const QString& message) {
        report({Kind::Failed, job.generation, 0, {}, {}, {}, 0, message});
    };
    // The budget is checked before the input is read: reading a huge image is itself the
    // allocation that would get the program killed.
    const std::int64_t needed = analysis.memoryBytesFor(resolveThreads(job.threads));
    if (needed > job.memoryLimit) {
        fail(tr("the feature maps need %1, more than the memory budget of %2: use a "
                "smaller input, or raise the budget in Edit > Preferences")
                 .arg(formatBytes(needed), formatBytes(job.memoryLimit)));
        return;
    }
    SharedTensor input = job.input;
    if (!input) {
        auto loaded = loadInputTensor(job.pipeline.input, job.pipeline.baseDir, job.memoryLimit);
        if (!loaded) {
            fail(loaded.error().message);
            return;
        }
        input = std::make_shared<const Tensor>(std::move(loaded).value());
        report({Kind::InputReady, job.generation, 0, {}, input, job.inputKey, 0, {}});
    }
    if (input->shape() != analysis.input) {
        fail(tr("the input has shape %1, the analysis expected %2")
                 .arg(input->shape().toString(), analysis.input.toString()));
        return;
    }
    RunOptions options;
    options.threads = job.threads;
    options.memoryLimit = job.memoryLimit;
    options.cancel = job.cancel.get();
    options.reuse = job.reuse;
    options.workspace = &workspace_;
    options.onLayer = [&](int index, const SharedResult& result, double ms) {
        report({Kind::LayerReady, job.generation, index - 1, result, {}, {}, ms, {}});
    };
    auto run = runPipeline(pipeline, analysis, *input, options);
    if (!run) {
        if (!job.cancel->load()) {
            fail(run.error().message);
        }
        return;
    }
    report({Kind::Finished,
            job.generation,
            0,
            {},
            {},
            {},
            static_cast<double>(timer.nsecsElapsed()) / 1e6,
            {}});
}

}  // namespace stridelab::ui
