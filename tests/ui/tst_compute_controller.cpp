// Background computation: results equal a direct run, only layers after an edit recompute, a
// newer request wins, an invalid layer still lets the layers before it compute, and a
// pipeline over the memory budget is refused with the numbers.

#include "compute/compute_controller.h"
#include "io/image_input.h"
#include "layers/layer_registry.h"
#include "support/gate_layer.h"
#include "support/test_support.h"

#include <QJsonDocument>
#include <QSignalSpy>
#include <QTest>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

QByteArray pipelineJson(const QByteArray& layers) {
    return R"({ "format": "stridelab.pipeline", "version": 1,
                "input": { "image": "builtin:zone_plate", "color_mode": "grayscale", "resize": [64, 64] },
                "layers": [ )" +
           layers + "] }";
}

const QByteArray kLayers =
    R"({ "type": "conv2d", "filters": 4, "kernel_size": 3, "padding": "same", "kernel_initializer": "he_normal", "seed": 3 },
                              { "type": "max_pool2d" },
                              { "type": "upsampling2d", "interpolation": "bilinear" })";

PipelineReport analyze(const Pipeline& p) {
    return analyzePipeline(p, *inputShape(p.input, p.baseDir));
}

// Every map the controller holds equals a direct run of `p`.
void expectDirectResults(const ComputeController& controller, const Pipeline& p) {
    const Tensor input = *loadInputTensor(p.input, p.baseDir);
    auto direct = runPipeline(p, analyze(p), input, RunOptions{});
    QVERIFY(direct.ok());
    QCOMPARE(controller.results().size(), p.layers.size());
    for (std::size_t i = 0; i < p.layers.size(); ++i) {
        QString why;
        QVERIFY2(test::tensorsClose(controller.results()[i]->values, direct->layers[i]->values, 0,
                                    0, &why),
                 qPrintable(QStringLiteral("layer %1: %2").arg(i).arg(why)));
    }
}

LayerPtr parseLayer(const QByteArray& json) {
    const QJsonObject object = QJsonDocument::fromJson(json).object();
    auto layer = findLayerType(object.value(QStringLiteral("type")).toString())
                     ->parse(JsonObjectReader(object, QStringLiteral("layer")), LayerLoadContext{});
    return *layer;
}

}  // namespace

class TestComputeController : public QObject {
    Q_OBJECT

private slots:
    void matchesADirectRun();
    void recomputesOnlyDownstream();
    void newerRequestWins();
    void staleResultIsNotReused();
    void mapsOfTheOldImageAreNotReused();
    void mapsAfterAnUpstreamEditAreNotReused();
    void invalidLayerComputesThePrefix();
    void overBudgetIsRefused();
};

void TestComputeController::matchesADirectRun() {
    const Pipeline p = test::pipelineFromJson(pipelineJson(kLayers));
    ComputeController controller;
    QSignalSpy finished(&controller, &ComputeController::finished);
    QSignalSpy layers(&controller, &ComputeController::layerReady);
    const int generation = controller.request(p, analyze(p));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(0).toInt(), generation);
    QCOMPARE(layers.count(), 3);
    const Tensor input = *loadInputTensor(p.input, p.baseDir);
    auto direct = runPipeline(p, analyze(p), input, RunOptions{});
    QVERIFY(direct.ok());
    for (std::size_t i = 0; i < 3; ++i) {
        QString why;
        QVERIFY2(test::tensorsClose(controller.results()[i]->values, direct->layers[i]->values, 0,
                                    0, &why),
                 qPrintable(why));
    }
    QCOMPARE(controller.input()->shape(), (Shape{1, 64, 64}));
}

void TestComputeController::recomputesOnlyDownstream() {
    Pipeline p = test::pipelineFromJson(pipelineJson(kLayers));
    ComputeController controller;
    QSignalSpy finished(&controller, &ComputeController::finished);
    controller.request(p, analyze(p));
    QTRY_COMPARE(finished.count(), 1);
    const SharedResult conv = controller.results()[0];

    // The upsampling changes: the conv and the pool are the same objects, so only layer 2 runs.
    p.layers[2].layer = parseLayer(R"({"type": "upsampling2d", "interpolation": "bicubic"})");
    QSignalSpy started(&controller, &ComputeController::started);
    QSignalSpy layers(&controller, &ComputeController::layerReady);
    controller.request(p, analyze(p));
    QCOMPARE(started.count(), 1);
    QCOMPARE(started.at(0).at(1).toInt(), 2);
    QTRY_COMPARE(finished.count(), 2);
    QCOMPARE(layers.count(), 1);
    QCOMPARE(layers.at(0).at(1).toInt(), 2);
    QCOMPARE(controller.results()[0], conv);
}

void TestComputeController::newerRequestWins() {
    Pipeline p = test::pipelineFromJson(pipelineJson(kLayers));
    ComputeController controller;
    QSignalSpy finished(&controller, &ComputeController::finished);
    QSignalSpy layers(&controller, &ComputeController::layerReady);
    const int first = controller.request(p, analyze(p));
    p.layers[0].layer = parseLayer(
        R"({"type": "conv2d", "filters": 2, "kernel_size": 5, "padding": "same", "kernel_initializer": "box"})");
    const int second = controller.request(p, analyze(p));
    QVERIFY(second > first);
    QTRY_VERIFY(!finished.isEmpty() && finished.last().at(0).toInt() == second);
    // Nothing of the superseded request reached the GUI side after the newer one started.
    for (const QList<QVariant>& l : layers) {
        QCOMPARE(l.at(0).toInt(), l.at(0).toInt() == first ? first : second);
    }
    QCOMPARE(controller.results()[0]->values.shape(), (Shape{2, 64, 64}));
    QCOMPARE(controller.results()[2]->values.shape(), (Shape{2, 64, 64}));
}

// An edit, then another request before the edited layer was computed (a rename, an undo):
// the map still on screen for that layer belongs to the layer before the edit and must not
// be taken as the edited layer's result.
void TestComputeController::staleResultIsNotReused() {
    Pipeline p = test::pipelineFromJson(pipelineJson(kLayers));
    ComputeController controller;
    QSignalSpy finished(&controller, &ComputeController::finished);
    controller.request(p, analyze(p));
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(controller.results()[1]->values.shape(), (Shape{4, 32, 32}));

    p.layers[1].layer = parseLayer(R"({ "type": "max_pool2d", "pool_size": 4 })");
    controller.request(p, analyze(p));
    // No events in between: the first request's pool2 result is still the one held.
    const int last = controller.request(p, analyze(p));
    QTRY_VERIFY(finished.count() >= 2 && finished.last().at(0).toInt() == last);
    QCOMPARE(controller.results()[1]->values.shape(), (Shape{4, 16, 16}));
    QCOMPARE(controller.results()[2]->values.shape(), (Shape{4, 32, 32}));
}

// A new image, then another request once the image has loaded but before any layer of it
// was computed (the gate holds the compute thread there): the maps still held were computed
// from the old image by the very same layer objects, and must not be reused.
void TestComputeController::mapsOfTheOldImageAreNotReused() {
    Pipeline p = test::pipelineFromJson(pipelineJson(kLayers));
    auto gate = std::make_shared<test::GateLayer>();
    p.layers.insert(p.layers.begin(), PipelineLayer{QStringLiteral("gate"), true, gate});
    ComputeController controller;
    QSignalSpy finished(&controller, &ComputeController::finished);
    QSignalSpy inputs(&controller, &ComputeController::inputReady);
    controller.request(p, analyze(p));
    QTRY_COMPARE(finished.count(), 1);

    gate->close();
    p.input.source = QStringLiteral("builtin:checkerboard");
    controller.request(p, analyze(p));
    QVERIFY(inputs.wait());
    QCOMPARE(inputs.count(), 2);
    QSignalSpy started(&controller, &ComputeController::started);
    const int last = controller.request(p, analyze(p));
    gate->open();
    QCOMPARE(started.at(0).at(1).toInt(), 0);
    QTRY_VERIFY(finished.last().at(0).toInt() == last);
    expectDirectResults(controller, p);
}

// The first layer is edited, and once its new map has arrived (the gate after it holds the
// compute thread), another request: the maps after it still held were computed from the old
// first layer, by the very same layer objects, and must not be reused.
void TestComputeController::mapsAfterAnUpstreamEditAreNotReused() {
    Pipeline p = test::pipelineFromJson(pipelineJson(kLayers));
    auto gate = std::make_shared<test::GateLayer>();
    p.layers.insert(p.layers.begin() + 1, PipelineLayer{QStringLiteral("gate"), true, gate});
    ComputeController controller;
    QSignalSpy finished(&controller, &ComputeController::finished);
    controller.request(p, analyze(p));
    QTRY_COMPARE(finished.count(), 1);

    gate->close();
    p.layers[0].layer = parseLayer(
        R"({"type": "conv2d", "filters": 4, "kernel_size": 5, "padding": "same", "seed": 9})");
    QSignalSpy layers(&controller, &ComputeController::layerReady);
    controller.request(p, analyze(p));
    QVERIFY(layers.wait());
    QCOMPARE(layers.count(), 1);
    QCOMPARE(layers.at(0).at(1).toInt(), 0);
    QSignalSpy started(&controller, &ComputeController::started);
    const int last = controller.request(p, analyze(p));
    gate->open();
    QCOMPARE(started.at(0).at(1).toInt(), 1);
    QTRY_VERIFY(finished.last().at(0).toInt() == last);
    expectDirectResults(controller, p);
}

void TestComputeController::invalidLayerComputesThePrefix() {
    const Pipeline p = test::pipelineFromJson(pipelineJson(
        R"({ "type": "max_pool2d", "pool_size": 4 },
           { "type": "conv2d", "filters": 1, "kernel_size": 17 },
           { "type": "max_pool2d" })"));
    const PipelineReport report = analyze(p);
    QVERIFY(!report.ok());
    ComputeController controller;
    QSignalSpy finished(&controller, &ComputeController::finished);
    controller.request(p, report);
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(controller.results()[0]->values.shape(), (Shape{1, 16, 16}));
    QVERIFY(!controller.results()[1]);
    QVERIFY(!controller.results()[2]);
}

void TestComputeController::overBudgetIsRefused() {
    const Pipeline p = test::pipelineFromJson(pipelineJson(kLayers));
    ComputeController controller;
    controller.setMemoryLimit(1024);
    QSignalSpy failed(&controller, &ComputeController::failed);
    controller.request(p, analyze(p));
    QTRY_COMPARE(failed.count(), 1);
    const QString message = failed.at(0).at(1).toString();
    // Input 64x64, conv 4x64x64, pool 4x32x32 and what follows, as analysis counts them.
    const std::int64_t needed = analyze(p).memoryBytesFor(QThread::idealThreadCount());
    QCOMPARE(message, QStringLiteral("the feature maps need %1, more than the memory budget of "
                                     "1.0 KiB: use a smaller input, or raise the budget in "
                                     "Edit > Preferences")
                          .arg(formatBytes(needed)));
    // Refused before the input was read: no input was ever delivered.
    QVERIFY(controller.input() == nullptr);
    QVERIFY(!controller.busy());
}

QTEST_MAIN(TestComputeController)
#include "tst_compute_controller.moc"
