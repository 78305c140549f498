// RunWorkspace: a repeated run refills the maps nobody holds instead of allocating, and never
// hands out a map that is still held or already used in the same run. (That every layer
// writes every element of a reused map is checked by tst_golden's "reused buffers" rows.)

#include "pipeline/executor.h"
#include "pipeline/pipeline_reader.h"
#include "support/test_support.h"

#include <QTest>

#include <memory>
#include <optional>

using namespace stridelab;

namespace {

struct Prepared {
    Pipeline pipeline;
    PipelineReport report;
    Tensor input;
};

// Six layers: two of them with the input's shape, so a careless pool could alias them.
Prepared prepared() {
    const QByteArray json = R"({"format": "stridelab.pipeline", "version": 1,
        "input": {"shape": [2, 12, 12]},
        "layers": [
            {"type": "conv2d", "filters": 2, "kernel_size": 3, "padding": "same"},
            {"type": "conv2d", "filters": 2, "kernel_size": 3, "padding": "same"},
            {"name": "pool", "type": "max_pool2d", "pool_size": 2},
            {"type": "upsampling2d", "size": 2, "interpolation": "bilinear"},
            {"type": "max_pool2d", "pool_size": 2},
            {"type": "max_unpool2d", "indices_from": "pool"}]})";
    auto pipeline = parsePipeline(json, QStringLiteral("inline.json"), QString());
    Q_ASSERT(pipeline.ok());
    Tensor input(Shape{2, 12, 12});
    for (std::int64_t i = 0; i < input.size(); ++i) {
        input.data()[i] = static_cast<float>((i * 37) % 23) - 11.0F;
    }
    PipelineReport report = analyzePipeline(*pipeline, input.shape());
    return {std::move(pipeline).value(), std::move(report), std::move(input)};
}

std::vector<const float*> dataPointers(const RunResult& run) {
    std::vector<const float*> pointers;
    for (const auto& layer : run.layers) {
        pointers.push_back(layer->values.data());
    }
    return pointers;
}

}  // namespace

class TestRunWorkspace : public QObject {
    Q_OBJECT

private slots:
    void repeatedRunReusesEveryMap();
    void heldMapsAreNeverReused();
    void mapsOfOneRunAreDistinct();
    void keepsNoMoreThanTwoRuns();
    void alternatingRunsWhileTheLastIsShownReuseTwoSets();
    void poolIndicesOnlyForAnUnpool();
};

void TestRunWorkspace::repeatedRunReusesEveryMap() {
    const Prepared p = prepared();
    RunWorkspace workspace;
    RunOptions options;
    options.workspace = &workspace;
    std::vector<const float*> first;
    std::vector<float> firstValues;
    {
        auto run = runPipeline(p.pipeline, p.report, p.input, options);
        QVERIFY(run.ok());
        first = dataPointers(*run);
        const auto last = run->layers.back()->values.values();
        firstValues.assign(last.begin(), last.end());
    }
    const std::int64_t held = workspace.bytesHeld();
    auto again = runPipeline(p.pipeline, p.report, p.input, options);
    QVERIFY(again.ok());
    QCOMPARE(dataPointers(*again), first);
    QCOMPARE(workspace.bytesHeld(), held);
    const auto last = again->layers.back()->values.values();
    QVERIFY(std::equal(last.begin(), last.end(), firstValues.begin(), firstValues.end()));
}

void TestRunWorkspace::heldMapsAreNeverReused() {
    const Prepared p = prepared();
    RunWorkspace workspace;
    RunOptions options;
    options.workspace = &workspace;
    auto kept = runPipeline(p.pipeline, p.report, p.input, options);
    QVERIFY(kept.ok());
    const std::vector<float> keptFirst(kept->layers.front()->values.values().begin(),
                                       kept->layers.front()->values.values().end());
    Tensor other(p.input.shape(), 5.0F);
    auto second = runPipeline(p.pipeline, p.report, other, options);
    QVERIFY(second.ok());
    const std::vector<const float*> keptPointers = dataPointers(*kept);
    for (const float* pointer : dataPointers(*second)) {
        QVERIFY(std::ranges::find(keptPointers, pointer) == keptPointers.end());
    }
    QVERIFY(std::ranges::equal(kept->layers.front()->values.values(), keptFirst));
}

void TestRunWorkspace::mapsOfOneRunAreDistinct() {
    const Prepared p = prepared();
    RunWorkspace workspace;
    RunOptions options;
    options.workspace = &workspace;
    for (int round = 0; round < 3; ++round) {
        auto run = runPipeline(p.pipeline, p.report, p.input, options);
        QVERIFY(run.ok());
        std::vector<const float*> pointers = dataPointers(*run);
        std::ranges::sort(pointers);
        QVERIFY(std::ranges::adjacent_find(pointers) == pointers.end());
    }
}

// A run while the previous run's maps are all held makes the workspace allocate a second
// set; a set is forgotten once two runs have not used it, so at most two runs' maps are ever
// kept.
void TestRunWorkspace::keepsNoMoreThanTwoRuns() {
    const Prepared p = prepared();
    RunWorkspace workspace;
    RunOptions options;
    options.workspace = &workspace;
    std::int64_t oneRun = 0;  // one set of maps and the scratch tensors
    std::int64_t twoRuns = 0;
    {
        auto run = runPipeline(p.pipeline, p.report, p.input, options);
        QVERIFY(run.ok());
        oneRun = workspace.bytesHeld();
        auto held = runPipeline(p.pipeline, p.report, p.input, options);
        QVERIFY(held.ok());
        twoRuns = workspace.bytesHeld();
        QVERIFY(twoRuns > oneRun);
    }
    // Runs 3 and 4 use the first set (neither is kept); the second goes unused in both and is
    // forgotten as run 5 begins.
    for (int run = 3; run <= 5; ++run) {
        QVERIFY(runPipeline(p.pipeline, p.report, p.input, options).ok());
        QCOMPARE(workspace.bytesHeld(), run < 5 ? twoRuns : oneRun);
    }
}

// As a window runs: each run while the previous run's maps are still shown, then those
// released. After the first two runs, the two sets take turns and nothing is allocated.
void TestRunWorkspace::alternatingRunsWhileTheLastIsShownReuseTwoSets() {
    const Prepared p = prepared();
    RunWorkspace workspace;
    RunOptions options;
    options.workspace = &workspace;
    std::optional<RunResult> shown;
    std::vector<std::vector<const float*>> sets;
    // The first run's maps themselves, not only their addresses (a freed block can come back
    // at the same address): alive while the workspace keeps them for the third run.
    std::vector<std::weak_ptr<const LayerResult>> firstRun;
    for (int round = 0; round < 6; ++round) {
        auto run = runPipeline(p.pipeline, p.report, p.input, options);
        QVERIFY(run.ok());
        sets.push_back(dataPointers(*run));
        if (round == 0) {
            firstRun.assign(run->layers.begin(), run->layers.end());
        }
        shown = std::move(run).value();  // the earlier maps released, these shown
        for (const auto& layer : firstRun) {
            QVERIFY(!layer.expired());
        }
    }
    QVERIFY(sets[0] != sets[1]);
    for (std::size_t round = 2; round < sets.size(); ++round) {
        QCOMPARE(sets[round], sets[round - 2]);
    }
}

// A max pool records its indices only when a later max_unpool2d reads them; a prefix reused
// from a run without the unpool is recomputed once one is added.
void TestRunWorkspace::poolIndicesOnlyForAnUnpool() {
    const Prepared p = prepared();  // "pool" (layer 3) is unpooled by layer 6; layer 5 is not
    auto run = runPipeline(p.pipeline, p.report, p.input, RunOptions{});
    QVERIFY(run.ok());
    QCOMPARE(run->layers[2]->argmax.size(), std::size_t(2 * 6 * 6));
    QVERIFY(run->layers[4]->argmax.empty());

    Pipeline withoutUnpool = p.pipeline;
    withoutUnpool.layers.pop_back();
    const PipelineReport shorter = analyzePipeline(withoutUnpool, p.input.shape());
    auto first = runPipeline(withoutUnpool, shorter, p.input, RunOptions{});
    QVERIFY(first.ok());
    QVERIFY(first->layers[2]->argmax.empty());
    RunOptions options;
    options.reuse = first->layers;
    int computedFrom = -1;
    options.onLayer = [&](int index, const std::shared_ptr<const LayerResult>&, double) {
        computedFrom = computedFrom < 0 ? index : computedFrom;
    };
    auto second = runPipeline(p.pipeline, p.report, p.input, options);
    QVERIFY(second.ok());
    QCOMPARE(computedFrom, 3);  // from the pool on; the two convolutions reused
    QCOMPARE(second->layers[2]->argmax, run->layers[2]->argmax);
    QVERIFY(
        std::ranges::equal(second->layers[5]->values.values(), run->layers[5]->values.values()));
}

QTEST_GUILESS_MAIN(TestRunWorkspace)
#include "tst_run_workspace.moc"
