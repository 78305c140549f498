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
    SharedTensor input = job.input;
    if (!input) {
        auto loaded = loadInputTensor(job.pipeline.input, job.pipeline.baseDir);
        if (!loaded) {
            report({Kind::Failed, job.generation, 0, {}, {}, {}, 0, loaded.error().message});
            return;
        }
        input = std::make_shared<const Tensor>(std::move(loaded).value());
        report({Kind::InputReady, job.generation, 0, {}, input, job.inputKey, 0, {}});
    }
    const auto [pipeline, analysis] = validPrefix(job.pipeline, job.report);
    if (input->shape() != analysis.input) {
        report({Kind::Failed,
                job.generation,
                0,
                {},
                {},
                {},
                0,
                tr("the input has shape %1, the analysis expected %2")
                    .arg(input->shape().toString(), analysis.input.toString())});
        return;
    }
    RunOptions options;
    options.threads = job.threads;
    options.memoryLimit = job.memoryLimit;
    options.cancel = job.cancel.get();
    options.reuse = job.reuse;
    options.onLayer = [&](int index, const SharedResult& result, double ms) {
        report({Kind::LayerReady, job.generation, index - 1, result, {}, {}, ms, {}});
    };
    auto run = runPipeline(pipeline, analysis, *input, options);
    if (!run) {
        if (!job.cancel->load()) {
            report({Kind::Failed, job.generation, 0, {}, {}, {}, 0, run.error().message});
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
