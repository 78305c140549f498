// The properties panel drives real edits: a key press on a spin box changes the layer in the
// document (undoably), the formula readout follows with the user's numbers, a value the file
// format rejects is shown and not applied, and parameters that stop applying are disabled.

#include "document/pipeline_document.h"
#include "panels/kernel_editor.h"
#include "panels/parameter_editors.h"
#include "panels/properties_panel.h"
#include "support/test_support.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QJsonArray>
#include <QLabel>
#include <QSpinBox>
#include <QTest>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

const QByteArray kPipeline = R"({ "format": "stridelab.pipeline", "version": 1,
  "input": { "shape": [1, 28, 28] },
  "layers": [ { "type": "conv2d", "filters": 8, "kernel_size": 3 },
              { "type": "conv2d_transpose", "filters": 1, "kernel_size": 3 } ] })";

PipelineReport analyze(const PipelineDocument& doc) {
    return analyzePipeline(doc.pipeline(), doc.pipeline().input.shape);
}

QSpinBox* firstSpin(QWidget* editor) {
    return editor->findChildren<QSpinBox*>().value(0);
}

QString readout(const PropertiesPanel& panel) {
    QString all;
    for (const QLabel* l : panel.findChildren<QLabel*>()) {
        all += l->text() + QLatin1Char('\n');
    }
    return all;
}

}  // namespace

class TestProperties : public QObject {
    Q_OBJECT

private slots:
    void strideKeyPressEditsTheLayer();
    void invalidShapeShowsTheError();
    void refusedValueIsNotApplied();
    void inapplicableParametersAreDisabled();
    void kernelEditorShowsAndStoresTheKernel();
};

void TestProperties::strideKeyPressEditsTheLayer() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    PropertiesPanel panel(&doc);
    panel.show();
    panel.showLayer(0, analyze(doc));
    QVERIFY(readout(panel).contains(QStringLiteral("floor((28 + 0 - 3) / 1) + 1 = 26")));
    QSpinBox* strideH = firstSpin(panel.editor(QStringLiteral("strides")));
    QVERIFY(strideH != nullptr);
    QTest::keyClick(strideH, Qt::Key_Up);
    // Linked height and width: one key press sets strides 2 on both axes.
    QCOMPARE(doc.pipeline().layers[0].layer->toJson().value(QStringLiteral("strides")).toInt(), 2);
    panel.showLayer(0, analyze(doc));
    QVERIFY(readout(panel).contains(QStringLiteral("floor((28 + 0 - 3) / 2) + 1 = 13")));
    // The editors were kept (a rebuild would drop a spin box while it is being dragged).
    QCOMPARE(firstSpin(panel.editor(QStringLiteral("strides"))), strideH);
    QTest::keyClick(strideH, Qt::Key_Up);
    QCOMPARE(doc.undoStack()->count(), 1);  // both presses are one undo step
    doc.undoStack()->undo();
    panel.showLayer(0, analyze(doc));
    QCOMPARE(firstSpin(panel.editor(QStringLiteral("strides")))->value(), 1);
}

void TestProperties::invalidShapeShowsTheError() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    PropertiesPanel panel(&doc);
    panel.showLayer(0, analyze(doc));
    QSpinBox* kernelH = firstSpin(panel.editor(QStringLiteral("kernel_size")));
    kernelH->setValue(29);  // as typed: the file format accepts it, the 28x28 input does not
    QCOMPARE(doc.pipeline().layers[0].layer->toJson().value(QStringLiteral("kernel_size")).toInt(),
             29);
    panel.showLayer(0, analyze(doc));
    QVERIFY2(readout(panel).contains(
                 QStringLiteral("kernel 29x29 is larger than the padded input 28x28 on both axes")),
             qPrintable(readout(panel)));
}

void TestProperties::refusedValueIsNotApplied() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    PropertiesPanel panel(&doc);
    panel.show();
    panel.showLayer(1, analyze(doc));
    // output_padding must be smaller than the strides (1) under Keras's padding strings.
    ParameterEditor* op = panel.editor(QStringLiteral("output_padding"));
    QCheckBox* set = op->findChild<QCheckBox*>();
    QVERIFY(set != nullptr);
    set->click();  // [1, 1] by default
    QVERIFY2(
        panel.editError().contains(QStringLiteral(
            "output_padding: [1, 1] must be smaller than the strides [1, 1] on each axis (Keras)")),
        qPrintable(panel.editError()));
    QVERIFY(!doc.isModified());
    QVERIFY(!doc.pipeline().layers[1].layer->toJson().contains(QStringLiteral("output_padding")));
}

void TestProperties::inapplicableParametersAreDisabled() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    PropertiesPanel panel(&doc);
    panel.showLayer(0, analyze(doc));
    ParameterEditor* slope = panel.editor(QStringLiteral("negative_slope"));
    QVERIFY(!slope->isEnabled());
    auto* activation = panel.editor(QStringLiteral("activation"))->findChild<QComboBox*>();
    activation->setCurrentText(QStringLiteral("leaky_relu"));
    panel.showLayer(0, analyze(doc));
    QVERIFY(slope->isEnabled());
    activation->setCurrentText(QStringLiteral("relu"));
    panel.showLayer(0, analyze(doc));
    QVERIFY(!slope->isEnabled());
    QCOMPARE(
        doc.pipeline().layers[0].layer->toJson().value(QStringLiteral("activation")).toString(),
        QStringLiteral("relu"));
}

void TestProperties::kernelEditorShowsAndStoresTheKernel() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(R"({ "format": "stridelab.pipeline", "version": 1,
        "input": { "shape": [2, 8, 8] },
        "layers": [ { "type": "conv2d", "filters": 1, "kernel_size": 3, "kernel_initializer": "sobel_x" } ] })"),
              {});
    PropertiesPanel panel(&doc);
    panel.showLayer(0, analyze(doc));
    KernelEditor* kernel = panel.kernelEditor();
    QVERIFY(kernel != nullptr);
    // sobel_x divided by C_in/groups = 2: [[-0.5, 0, 0.5], [-1, 0, 1], [-0.5, 0, 0.5]].
    QCOMPARE(kernel->tap(0, 0)->value(), -0.5);
    QCOMPARE(kernel->tap(1, 2)->value(), 1.0);
    kernel->tap(1, 1)->setValue(3.0);  // as typed
    const QJsonObject json = doc.pipeline().layers[0].layer->toJson();
    const QJsonArray k =
        json.value(QStringLiteral("weights")).toObject().value(QStringLiteral("kernel")).toArray();
    // (filters, C_in, kh, kw) = (1, 2, 3, 3); the edit is in output 0, input 0, the centre.
    QCOMPARE(k.size(), 1);
    QCOMPARE(k[0].toArray().size(), 2);
    QCOMPARE(k[0][0][1][1].toDouble(), 3.0);
    QCOMPARE(k[0][0][0][0].toDouble(), -0.5);
    QCOMPARE(k[0][1][1][1].toDouble(), 0.0);
    QVERIFY(doc.isModified());
}

QTEST_MAIN(TestProperties)
#include "tst_properties.moc"
