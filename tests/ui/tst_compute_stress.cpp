// The background computation under heavy editing: hundreds of edits fired while it computes
// (layers replaced, undone to the very same objects, renamed, the input image switched),
// with the GUI thread sometimes delivering results in between and sometimes not. Whatever
// the controller presents as fresh (the reused layers when a request starts, every layer it
// delivers, everything when it finishes) must equal a synchronous computation of the pipeline
// it was requested for; a running layer sees the cancel flag; and nothing the controller
// handed out outlives it. The ThreadSanitizer build (CMake preset `tsan`) runs this suite.

#include "compute/compute_controller.h"
#include "io/image_input.h"
#include "layers/layer_registry.h"
#include "support/gate_layer.h"
#include "support/test_support.h"

#include <QJsonDocument>
#include <QMap>
#include <QSignalSpy>
#include <QTest>

#include <random>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

// Variants of each of the four layers; edits pick among them. The last conv2d variant has a
// kernel larger than its input, so some requests compute only the layers before it.
const std::vector<std::vector<QByteArray>>& slotVariants() {
    static const std::vector<std::vector<QByteArray>> variants = [] {
        std::vector<std::vector<QByteArray>> v(4);
        for (const int filters : {2, 3, 4}) {
            for (const int kernel : {1, 3, 5}) {
                v[0].push_back(
                    QStringLiteral(R"({"type": "conv2d", "filters": %1, "kernel_size": %2,
                    "padding": "same", "kernel_initializer": "he_normal", "seed": 7})")
                        .arg(filters)
                        .arg(kernel)
                        .toUtf8());
            }
        }
        v[1] = {R"({"type": "max_pool2d"})", R"({"type": "max_pool2d", "pool_size": 3})",
                R"({"type": "avg_pool2d", "pool_size": 2, "strides": 1})"};
        v[2] = {R"({"type": "upsampling2d", "interpolation": "bilinear"})",
                R"({"type": "upsampling2d", "interpolation": "nearest", "size": 3})",
                R"({"type": "conv2d_transpose", "filters": 2, "kernel_size": 3, "strides": 2,
                    "padding": "same", "kernel_initializer": "glorot_uniform", "seed": 3})"};
        v[3] = {
            R"({"type": "conv2d", "filters": 1, "kernel_size": 3, "kernel_initializer": "box"})",
            R"({"type": "conv2d", "filters": 2, "kernel_size": 2, "strides": 2, "seed": 5})",
            R"({"type": "conv2d", "filters": 1, "kernel_size": 99})"};
        return v;
    }();
    return variants;
}

// One object per variant: an edit back to a variant is an undo, giving the very same object
// (which the controller may then reuse the result of).
LayerPtr layerFor(const QByteArray& json) {
    static QMap<QByteArray, LayerPtr> cache;
    if (!cache.contains(json)) {
        const QJsonObject object = QJsonDocument::fromJson(json).object();
        auto layer = findLayerType(object.value(QStringLiteral("type")).toString())
                         ->parse(JsonObjectReader(object, QStringLiteral("layer")), {});
        if (!layer) {
            qFatal("bad test layer: %s", qPrintable(layer.error().message));
        }
        cache.insert(json, *layer);
    }
    return cache.value(json);
}

Pipeline basePipeline() {
    Pipeline p = test::pipelineFromJson(R"({ "format": "stridelab.pipeline", "version": 1,
        "input": { "image": "builtin:zone_plate", "color_mode": "rgb", "resize": [24, 24] },
        "layers": [ { "type": "max_pool2d" }, { "type": "max_pool2d" }, { "type": "max_pool2d" },
                    { "type": "max_pool2d" } ] })");
    for (std::size_t i = 0; i < p.layers.size(); ++i) {
        p.layers[i].layer = layerFor(slotVariants()[i][0]);
        p.layers[i].name = QStringLiteral("layer%1").arg(i);
        p.layers[i].explicitName = true;
    }
    return p;
}

PipelineReport analyze(const Pipeline& p) {
    return analyzePipeline(p, *inputShape(p.input, p.baseDir));
}

// What the controller computes for `p`, done here on the calling thread: the layers before
// the first broken one.
std::vector<SharedResult> computeDirectly(const Pipeline& p) {
    const PipelineReport full = analyze(p);
    Pipeline prefix = p;
    if (const LayerReport* broken = full.firstBroken()) {
        prefix.layers.resize(static_cast<std::size_t>(broken->index - 1));
    }
    const Tensor input = *loadInputTensor(p.input, p.baseDir);
    RunOptions options;
    options.threads = 1;
    auto run = runPipeline(prefix, analyze(prefix), input, options);
    if (!run) {
        qFatal("direct run failed: %s", qPrintable(run.error().message));
    }
    return run->layers;
}

// A result the controller presented as the fresh map of layer `index` of generation `gen`.
struct Claim {
    int generation = 0;
    int index = 0;
    SharedResult result;
    const char* when = "";
};

}  // namespace

class TestComputeStress : public QObject {
    Q_OBJECT

private slots:
    void editStormShowsOnlyFreshResults();
    void cancellationStopsTheRunningLayer();
    void nothingOutlivesTheController();
};

void TestComputeStress::editStormShowsOnlyFreshResults() {
    constexpr int kEdits = 300;
    std::mt19937 rng(2024);
    Pipeline p = basePipeline();
    ComputeController controller;
    // One thread per layer: the races under test are the GUI thread's against the worker's;
    // libgomp's own threads are not built for ThreadSanitizer and would only add noise.
    controller.setThreads(1);
    QMap<int, Pipeline> requested;
    std::vector<Claim> claims;
    int signalsSeen = 0;
    int finishedGeneration = 0;
    connect(&controller, &ComputeController::started, this, [&](int gen, int firstComputed) {
        ++signalsSeen;
        for (int i = 0; i < firstComputed; ++i) {
            claims.push_back({gen, i, controller.results()[static_cast<std::size_t>(i)], "reused"});
        }
    });
    connect(&controller, &ComputeController::layerReady, this,
            [&](int gen, int index, const SharedResult& result, double) {
                ++signalsSeen;
                QCOMPARE(gen, controller.generation());
                claims.push_back({gen, index, result, "delivered"});
            });
    connect(&controller, &ComputeController::finished, this, [&](int gen, double) {
        ++signalsSeen;
        QCOMPARE(gen, controller.generation());
        finishedGeneration = gen;
        const PipelineReport report = analyze(requested.value(gen));
        for (std::size_t i = 0; i < report.layers.size() && report.layers[i].shape; ++i) {
            claims.push_back({gen, static_cast<int>(i), controller.results()[i], "finished"});
        }
    });
    connect(&controller, &ComputeController::failed, this, [&](int gen, const QString& message) {
        QFAIL(qPrintable(QStringLiteral("generation %1 failed: %2").arg(gen).arg(message)));
    });
    auto waitForSignalOrIdle = [&] {
        const int before = signalsSeen;
        QTRY_VERIFY_WITH_TIMEOUT(signalsSeen > before || !controller.busy(), 60000);
    };

    int requestsWhileBusy = 0;
    for (int edit = 0; edit < kEdits; ++edit) {
        const int kind = std::uniform_int_distribution<int>(0, 9)(rng);
        if (kind < 7) {  // a parameter edit, or an undo back to an earlier object
            const auto slot = std::uniform_int_distribution<std::size_t>(0, 3)(rng);
            const auto& variants = slotVariants()[slot];
            p.layers[slot].layer = layerFor(
                variants[std::uniform_int_distribution<std::size_t>(0, variants.size() - 1)(rng)]);
        } else if (kind == 7) {  // a rename
            const auto slot = std::uniform_int_distribution<std::size_t>(0, 3)(rng);
            p.layers[slot].name = p.layers[slot].name == QStringLiteral("renamed%1").arg(slot)
                                      ? QStringLiteral("layer%1").arg(slot)
                                      : QStringLiteral("renamed%1").arg(slot);
        } else if (kind == 8) {  // another image
            p.input.source = p.input.source == QStringLiteral("builtin:zone_plate")
                                 ? QStringLiteral("builtin:checkerboard")
                                 : QStringLiteral("builtin:zone_plate");
        }  // else: the same pipeline again (a no-op edit)
        requestsWhileBusy += controller.busy() ? 1 : 0;
        requested.insert(controller.request(p, analyze(p)), p);
        const int wait = std::uniform_int_distribution<int>(0, 9)(rng);
        if (wait < 3) {
            QCoreApplication::processEvents();
        } else if (wait < 6) {
            waitForSignalOrIdle();
        } else if (wait == 6) {
            QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 60000);
        }  // else: the next edit at once, piling requests up
        if (QTest::currentTestFailed()) {
            return;
        }
    }
    QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 60000);
    QCOMPARE(finishedGeneration, controller.generation());
    QVERIFY2(requestsWhileBusy > kEdits / 3, qPrintable(QString::number(requestsWhileBusy)));

    // The worker is idle now: compute every claimed generation here and compare.
    QMap<int, std::vector<SharedResult>> direct;
    for (const Claim& claim : claims) {
        if (!direct.contains(claim.generation)) {
            direct.insert(claim.generation, computeDirectly(requested.value(claim.generation)));
        }
        const auto& expected = direct[claim.generation];
        const QString what = QStringLiteral("generation %1, layer %2 (%3)")
                                 .arg(claim.generation)
                                 .arg(claim.index)
                                 .arg(QLatin1String(claim.when));
        QVERIFY2(claim.result, qPrintable(what + QStringLiteral(": no map")));
        QVERIFY2(claim.index < static_cast<int>(expected.size()), qPrintable(what));
        QString why;
        QVERIFY2(
            test::tensorsClose(claim.result->values,
                               expected[static_cast<std::size_t>(claim.index)]->values, 0, 0, &why),
            qPrintable(what + QStringLiteral(": ") + why));
    }
    const Tensor input = *loadInputTensor(p.input, p.baseDir);
    QString why;
    QVERIFY2(test::tensorsClose(*controller.input(), input, 0, 0, &why), qPrintable(why));
    QVERIFY(direct.size() > 20);
}

// A layer in the middle of its forward sees the cancel flag of a newer request, the layers
// after it never run, and the newer request then completes.
void TestComputeStress::cancellationStopsTheRunningLayer() {
    Pipeline p = basePipeline();
    auto gate = std::make_shared<test::GateLayer>(true);
    auto after = std::make_shared<test::GateLayer>();
    p.layers[1].layer = gate;
    p.layers[2].layer = after;
    ComputeController controller;
    controller.setThreads(1);
    QSignalSpy finished(&controller, &ComputeController::finished);
    controller.request(p, analyze(p));
    gate->entered().acquire();  // the worker is inside the closed gate's forward

    Pipeline edited = basePipeline();
    const int newer = controller.request(edited, analyze(edited));
    const bool done = QTest::qWaitFor(
        [&] { return !finished.isEmpty() && finished.last().at(0).toInt() == newer; }, 60000);
    gate->open();  // a broken cancellation must not leave the worker stuck
    QVERIFY(done);
    QVERIFY(gate->sawCancel());
    QCOMPARE(after->forwards(), 0);
    QCOMPARE(finished.count(), 1);
}

// Every map and input the controller handed out is freed with it: no reference cycle, and
// no queued result kept alive by a request that was superseded.
void TestComputeStress::nothingOutlivesTheController() {
    std::vector<std::weak_ptr<const LayerResult>> results;
    std::vector<std::weak_ptr<const Tensor>> inputs;
    {
        Pipeline p = basePipeline();
        ComputeController controller;
        controller.setThreads(1);
        connect(&controller, &ComputeController::layerReady, this,
                [&](int, int, const SharedResult& r, double) { results.push_back(r); });
        connect(&controller, &ComputeController::inputReady, this,
                [&](int, const SharedTensor& t) { inputs.push_back(t); });
        std::mt19937 rng(7);
        for (int edit = 0; edit < 60; ++edit) {
            const auto slot = std::uniform_int_distribution<std::size_t>(0, 3)(rng);
            const auto& variants = slotVariants()[slot];
            p.layers[slot].layer = layerFor(
                variants[std::uniform_int_distribution<std::size_t>(0, variants.size() - 1)(rng)]);
            if (edit % 10 == 0) {
                p.input.source = edit % 20 == 0 ? QStringLiteral("builtin:checkerboard")
                                                : QStringLiteral("builtin:zone_plate");
            }
            controller.request(p, analyze(p));
            if (edit % 3 == 0) {
                QCoreApplication::processEvents();
            }
            if (edit == 30) {  // some results delivered, then the rest fired at a busy worker
                QTRY_VERIFY_WITH_TIMEOUT(!controller.busy(), 60000);
            }
        }
        // Destroyed while requests are still queued and running.
    }
    QVERIFY(!results.empty());
    QVERIFY(!inputs.empty());
    for (const auto& r : results) {
        QVERIFY(r.expired());
    }
    for (const auto& t : inputs) {
        QVERIFY(t.expired());
    }
}

QTEST_MAIN(TestComputeStress)
#include "tst_compute_stress.moc"
