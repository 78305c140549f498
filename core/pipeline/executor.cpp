#include "pipeline/executor.h"

#include <QElapsedTimer>
#include <QThread>

#include <Eigen/Core>

#include <new>

namespace stridelab {

Status checkMemoryBudget(const PipelineReport& report, std::int64_t limit, int threads) {
    const std::int64_t needed = report.memoryBytesFor(resolveThreads(threads));
    if (needed > limit) {
        return Error::runtime(
            QStringLiteral(
                "the feature maps need %1 (%2 bytes), more than the memory limit of %3 (%4 bytes); "
                "use a smaller input or raise --memory-limit")
                .arg(formatBytes(needed))
                .arg(needed)
                .arg(formatBytes(limit))
                .arg(limit));
    }
    return success();
}

Result<RunResult> runPipeline(const Pipeline& pipeline, const PipelineReport& report,
                              const Tensor& input, const RunOptions& options) {
    if (!report.ok()) {
        return report.firstBroken()->error.value();
    }
    if (auto budget = checkMemoryBudget(report, options.memoryLimit, options.threads); !budget) {
        return budget.error();
    }
    const int threads = resolveThreads(options.threads);
    Eigen::setNbThreads(threads);
    if (options.workspace != nullptr) {
        options.workspace->beginRun();
    }
    RunResult run;
    run.layers.reserve(pipeline.layers.size());
    auto earlierResult = [&](const QString& name) -> const LayerResult* {
        for (std::size_t i = 0; i < run.layers.size(); ++i) {
            if (pipeline.layers[i].name == name) {
                return run.layers[i].get();
            }
        }
        return nullptr;
    };
    // The max pools whose indices a later max_unpool2d reads; the others skip them.
    const QSet<QString> unpooledFrom = unpooledLayerNames(pipeline);
    std::size_t reused = std::min(options.reuse.size(), pipeline.layers.size());
    // A pool computed without indices (nothing unpooled it then) is recomputed once a
    // max_unpool2d needs them.
    for (std::size_t i = 0; i < reused; ++i) {
        if (pipeline.layers[i].layer->recordsIndices() &&
            unpooledFrom.contains(pipeline.layers[i].name) && options.reuse[i]->argmax.empty() &&
            options.reuse[i]->values.size() > 0) {
            reused = i;
        }
    }
    for (std::size_t i = 0; i < reused; ++i) {
        run.layers.push_back(options.reuse[i]);
        run.milliseconds.push_back(0.0);
    }
    try {
        for (std::size_t i = reused; i < pipeline.layers.size(); ++i) {
            if (options.cancel != nullptr && options.cancel->load()) {
                return Error::runtime(QStringLiteral("cancelled"));
            }
            const LayerReport& r = report.layers[i];
            const Tensor& in = i == 0 ? input : run.layers[i - 1]->values;
            QElapsedTimer timer;
            timer.start();
            std::shared_ptr<LayerResult> out;
            if (options.workspace != nullptr) {
                out = options.workspace->acquireResult(r.shape->output);
            } else {
                out = std::make_shared<LayerResult>();
                out->values = Tensor(r.shape->output);
            }
            const ForwardQuery query{in,
                                     *r.shape,
                                     earlierResult,
                                     threads,
                                     options.cancel,
                                     options.workspace,
                                     unpooledFrom.contains(pipeline.layers[i].name)};
            pipeline.layers[i].layer->forward(query, *out);
            if (options.cancel != nullptr && options.cancel->load()) {
                return Error::runtime(QStringLiteral("cancelled"));
            }
            const double ms = static_cast<double>(timer.nsecsElapsed()) / 1e6;
            run.layers.push_back(std::move(out));
            run.milliseconds.push_back(ms);
            if (options.onLayer) {
                options.onLayer(r.index, run.layers.back(), ms);
            }
        }
    } catch (const std::bad_alloc&) {
        return Error::runtime(
            QStringLiteral("out of memory while computing the feature maps (estimated %1)")
                .arg(formatBytes(report.memoryBytes)));
    }
    return run;
}

}  // namespace stridelab
