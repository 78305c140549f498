// The whole window, driven as a user would: every preset and demo loads and renders all its
// maps; a stride change updates the formula at once and the map after the background run;
// an invalid value shows its error and greys out what follows, without a crash; undo and
// redo restore; adding a layer adds a row with the right shape; save and reopen round-trip.

#include "files/file_controller.h"
#include "main_window.h"
#include "panels/layer_stack_model.h"
#include "panels/layer_stack_panel.h"
#include "panels/parameter_editors.h"
#include "panels/properties_panel.h"
#include "pipeline/pipeline_writer.h"
#include "plots/histogram_plot.h"
#include "view/colormap.h"
#include "widgets/feature_map_view.h"
#include "widgets/layer_card_strip.h"

#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QUndoStack>

#include <memory>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

constexpr int kComputeTimeoutMs = 30000;

const QString kMnist = QStringLiteral(":/presets/mnist_trunk.stridelab.json");

// Waits until the newest request has finished (or failed).
bool settle(MainWindow& w) {
    return QTest::qWaitFor([&] { return !w.compute()->busy(); }, kComputeTimeoutMs);
}

QString readout(const PropertiesPanel* panel) {
    QString all;
    for (const QLabel* l : panel->findChildren<QLabel*>()) {
        all += l->text() + QLatin1Char('\n');
    }
    return all;
}

QSpinBox* firstSpin(PropertiesPanel* panel, const QString& key) {
    return panel->editor(key)->findChildren<QSpinBox*>().value(0);
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void everyPresetRendersAllMaps_data();
    void everyPresetRendersAllMaps();
    void strideChangeUpdatesReadoutAndMap();
    void invalidValueGreysOutTheRest();
    void addLayerAddsARowWithItsShape();
    void saveAndReopen();
    void switchedOffLayerIsSkipped();
    void viewSettingsAreRestoredAndShown();
    void followsADarkPalette();
    void exportsTableAndCode();
    void presentationMode();
    void destroyedWithUnsavedEdits();
};

void TestMainWindow::initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("StrideLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_main_window"));
    QSettings().clear();
}

void TestMainWindow::everyPresetRendersAllMaps_data() {
    QTest::addColumn<QString>("path");
    const QStringList paths = FileController::presetPaths() + FileController::demoPaths();
    QVERIFY(FileController::presetPaths().size() >= 5);
    for (const QString& p : paths) {
        QTest::addRow("%s", qPrintable(p)) << p;
    }
}

void TestMainWindow::everyPresetRendersAllMaps() {
    QFETCH(QString, path);
    MainWindow w;
    QVERIFY(w.files()->openPipeline(path));
    QVERIFY(settle(w));
    const PipelineReport& report = w.report();
    QVERIFY2(report.ok(), report.ok() ? "" : qPrintable(report.firstBroken()->error->message));
    const auto& cards = w.cards()->cards();
    QCOMPARE(cards.size(), report.layers.size() + 1);
    QVERIFY(cards[0].map != nullptr);
    QCOMPARE(cards[0].map->shape(), report.input);
    for (std::size_t i = 0; i < report.layers.size(); ++i) {
        QVERIFY2(cards[i + 1].map != nullptr, qPrintable(report.layers[i].name));
        QCOMPARE(cards[i + 1].map->shape(), report.layers[i].shape->output);
        QVERIFY(!cards[i + 1].stale);
    }
}

void TestMainWindow::strideChangeUpdatesReadoutAndMap() {
    MainWindow w;
    w.show();
    QVERIFY(w.files()->openPipeline(kMnist));
    QVERIFY(settle(w));
    w.layerStack()->selectLayer(0);
    QVERIFY(readout(w.properties()).contains(QStringLiteral("floor((28 + 0 - 3) / 1) + 1 = 26")));
    QTest::keyClick(firstSpin(w.properties(), QStringLiteral("strides")), Qt::Key_Up);
    // The readout follows at once, from shape inference alone.
    QVERIFY2(readout(w.properties()).contains(QStringLiteral("floor((28 + 0 - 3) / 2) + 1 = 13")),
             qPrintable(readout(w.properties())));
    QCOMPARE(w.layerStack()->model()->index(1, 0).data(LayerStackModel::ShapeTextRole).toString(),
             QStringLiteral("(32, 13, 13)"));
    // The map follows after the background computation.
    QTRY_VERIFY_WITH_TIMEOUT(
        w.mapView()->featureMap() && w.mapView()->featureMap()->shape() == (Shape{32, 13, 13}),
        kComputeTimeoutMs);
    QVERIFY(settle(w));
    QVERIFY(!w.mapView()->isStale());

    // Undo restores the layer, the readout and the map; redo brings the change back.
    w.document()->undoStack()->undo();
    QVERIFY(readout(w.properties()).contains(QStringLiteral("floor((28 + 0 - 3) / 1) + 1 = 26")));
    QTRY_VERIFY_WITH_TIMEOUT(w.mapView()->featureMap()->shape() == (Shape{32, 26, 26}),
                             kComputeTimeoutMs);
    w.document()->undoStack()->redo();
    QTRY_VERIFY_WITH_TIMEOUT(w.mapView()->featureMap()->shape() == (Shape{32, 13, 13}),
                             kComputeTimeoutMs);
}

void TestMainWindow::invalidValueGreysOutTheRest() {
    MainWindow w;
    w.show();
    QVERIFY(w.files()->openPipeline(kMnist));
    QVERIFY(settle(w));
    // Layer 2 is the second conv, on 13x13: a 14x14 kernel does not fit.
    w.layerStack()->selectLayer(2);
    firstSpin(w.properties(), QStringLiteral("kernel_size"))->setValue(14);
    QVERIFY(!w.report().ok());
    const QString error =
        QStringLiteral("kernel 14x14 is larger than the padded input 13x13 on both axes");
    QVERIFY(readout(w.properties()).contains(error));
    LayerStackModel* model = w.layerStack()->model();
    QCOMPARE(model->index(3, 0).data(LayerStackModel::ErrorRole).toString(), error);
    QCOMPARE(model->index(3, 0).data(LayerStackModel::StateRole).value<LayerStackModel::State>(),
             LayerStackModel::State::Invalid);
    QCOMPARE(model->index(4, 0).data(LayerStackModel::StateRole).value<LayerStackModel::State>(),
             LayerStackModel::State::Unreachable);
    QCOMPARE(model->index(5, 0).data(LayerStackModel::StateRole).value<LayerStackModel::State>(),
             LayerStackModel::State::Unreachable);
    QVERIFY(settle(w));
    // The layers before the broken one still show their maps; the broken one shows why not.
    const auto& cards = w.cards()->cards();
    QCOMPARE(cards[2].map->shape(), (Shape{32, 13, 13}));
    QCOMPARE(cards[3].error, error);
    QVERIFY(cards[3].map == nullptr);
    QVERIFY(w.mapView()->featureMap() == nullptr);
    QCOMPARE(w.mapView()->placeholderText(), error);
}

void TestMainWindow::addLayerAddsARowWithItsShape() {
    MainWindow w;
    w.show();
    QVERIFY(w.files()->openPipeline(kMnist));
    const int rows = w.layerStack()->model()->rowCount();
    w.layerStack()->selectLayer(4);  // the last conv, (64, 3, 3)
    QAction* upsampling = nullptr;
    for (QAction* a : w.layerStack()->addMenu()->actions()) {
        if (a->text() == QStringLiteral("UpSampling2D")) {
            upsampling = a;
        }
    }
    QVERIFY(upsampling != nullptr);
    upsampling->trigger();
    QCOMPARE(w.layerStack()->model()->rowCount(), rows + 1);
    // Nearest x2 of (64, 3, 3).
    QCOMPARE(
        w.layerStack()->model()->index(rows, 0).data(LayerStackModel::ShapeTextRole).toString(),
        QStringLiteral("(64, 6, 6)"));
    QCOMPARE(w.layerStack()->model()->index(rows, 0).data(Qt::DisplayRole).toString(),
             QStringLiteral("upsampling2d"));
    QVERIFY(settle(w));
    QCOMPARE(w.cards()->cards().back().map->shape(), (Shape{64, 6, 6}));
}

void TestMainWindow::saveAndReopen() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("mine.stridelab.json"));
    MainWindow w;
    QVERIFY(w.files()->openPipeline(kMnist));
    w.layerStack()->selectLayer(1);
    w.document()->removeLayer(1);
    QVERIFY(w.document()->saveAs(path).ok());
    MainWindow reopened(path);
    QCOMPARE(pipelineToJson(reopened.document()->pipeline(), dir.path()),
             pipelineToJson(w.document()->pipeline(), dir.path()));
    QCOMPARE(reopened.document()->filePath(), path);
    QVERIFY(!reopened.document()->isModified());
    QVERIFY(settle(reopened));
    // Without the first pool: 28 -> conv 26 -> conv 24 -> pool 12 -> conv 10.
    QCOMPARE(reopened.report().layers.back().shape->output, (Shape{64, 10, 10}));
}

void TestMainWindow::switchedOffLayerIsSkipped() {
    MainWindow w;
    w.show();
    QVERIFY(w.files()->openPipeline(kMnist));
    QVERIFY(settle(w));
    // Without the first pool: 28 -> conv 26 -> conv 24 -> pool 12 -> conv 10.
    w.document()->setLayerEnabled(1, false);
    LayerStackModel* model = w.layerStack()->model();
    QCOMPARE(model->index(2, 0).data(LayerStackModel::StateRole).value<LayerStackModel::State>(),
             LayerStackModel::State::Unreachable);
    QVERIFY(model->index(2, 0)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("switched off")));
    QCOMPARE(model->index(5, 0).data(LayerStackModel::ShapeTextRole).toString(),
             QStringLiteral("(64, 10, 10)"));
    QVERIFY(w.report().ok());
    QVERIFY(settle(w));
    QCOMPARE(w.cards()->cards()[5].map->shape(), (Shape{64, 10, 10}));
    QVERIFY(w.cards()->cards()[2].map == nullptr);
    // The file still holds it; undo switches it back on.
    w.document()->undoStack()->undo();
    QCOMPARE(model->index(5, 0).data(LayerStackModel::ShapeTextRole).toString(),
             QStringLiteral("(64, 3, 3)"));
    QVERIFY(settle(w));
    QCOMPARE(w.cards()->cards()[5].map->shape(), (Shape{64, 3, 3}));
}

void TestMainWindow::viewSettingsAreRestoredAndShown() {
    QSettings().setValue(QStringLiteral("view/colormap"), static_cast<int>(ColormapName::Viridis));
    MainWindow w;
    QCOMPARE(w.mapView()->displayOptions().colormap, ColormapName::Viridis);
    QAction* checked = nullptr;
    for (QAction* a : w.menuBar()->findChildren<QAction*>()) {
        if (a->isCheckable() && a->isChecked() &&
            a->text() == colormapDisplayName(ColormapName::Viridis)) {
            checked = a;
        }
    }
    QVERIFY2(checked != nullptr, "the Colour map menu does not show the restored choice");
    QSettings().remove(QStringLiteral("view/colormap"));
}

// The window takes its colours from the system palette (Qt 6.4 has no colour-scheme API;
// the palette is what a dark desktop changes): a dark palette gives dark plots too.
void TestMainWindow::followsADarkPalette() {
    const QPalette original = QApplication::palette();
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
    dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
    dark.setColor(QPalette::Text, QColor(0xee, 0xee, 0xee));
    dark.setColor(QPalette::WindowText, QColor(0xee, 0xee, 0xee));
    QApplication::setPalette(dark);
    {
        MainWindow w;
        w.resize(1366, 768);
        w.show();
        auto* histogram = w.findChild<HistogramPlot*>();
        QVERIFY(histogram != nullptr);
        const QImage image = histogram->grab().toImage();
        // A corner of the plot is paper: the palette's dark base, not white.
        QCOMPARE(QColor(image.pixel(2, 2)), QColor(0x1e, 0x1e, 0x1e));
    }
    QApplication::setPalette(original);
}

void TestMainWindow::exportsTableAndCode() {
    QTemporaryDir dir;
    MainWindow w;
    QVERIFY(w.files()->openPipeline(kMnist));
    const QString tex = dir.filePath(QStringLiteral("t.tex"));
    const QString py = dir.filePath(QStringLiteral("m.py"));
    QVERIFY(w.files()->exportTable(tex));
    QVERIFY(w.files()->exportCode(py, true));
    QFile table(tex);
    QVERIFY(table.open(QIODevice::ReadOnly));
    QVERIFY(table.readAll().contains("conv2d\\_2 & conv2d & (64, 3, 3) & 36,928"));
    QFile code(py);
    QVERIFY(code.open(QIODevice::ReadOnly));
    const QByteArray text = code.readAll();
    QVERIFY(text.contains("self.conv2d = nn.Conv2d(1, 32, (3, 3), stride=(1, 1), padding=(0, 0)"));
    QVERIFY(text.contains("torch.rand(1, 1, 28, 28)"));
}

void TestMainWindow::presentationMode() {
    MainWindow w;
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    QVERIFY(w.files()->openPipeline(kMnist));
    const qreal normalSize = w.font().pointSizeF();
    QVERIFY(w.layerStack()->isVisible());
    w.presentationAction()->trigger();
    // The editing panels go, the text grows, the contrast is white on black.
    QVERIFY(!w.layerStack()->isVisible());
    QVERIFY(!w.properties()->isVisible());
    QVERIFY(w.font().pointSizeF() > 1.5 * normalSize);
    QCOMPARE(w.palette().color(QPalette::Window), QColor(Qt::black));
    // The plots restyle with the palette: their paper turns black as well.
    auto* histogram = w.findChild<HistogramPlot*>();
    QCOMPARE(QColor(histogram->grab().toImage().pixel(2, 2)), QColor(Qt::black));
    // The arrow keys step through the layers: input -> conv2d -> max_pool2d, and back.
    QCOMPARE(w.layerStack()->selectedLayer(), -1);
    QTest::keyClick(&w, Qt::Key_Right);
    QTest::keyClick(&w, Qt::Key_Right);
    QCOMPARE(w.layerStack()->selectedLayer(), 1);
    QCOMPARE(w.cards()->selected(), 2);
    QTest::keyClick(&w, Qt::Key_Left);
    QCOMPARE(w.layerStack()->selectedLayer(), 0);
    // Esc leaves, and everything comes back.
    QTest::keyClick(&w, Qt::Key_Escape);
    QVERIFY(!w.presentationAction()->isChecked());
    QVERIFY(w.layerStack()->isVisible());
    QCOMPARE(w.font().pointSizeF(), normalSize);
}

// Destroying a window whose document has unsaved edits: the undo stack, cleared by ~QWidget
// after ~MainWindow, signals cleanChanged; it must not reach the half-destroyed window (UBSan
// reported the call in the debug-asan run; without the sanitizers the test cannot fail).
void TestMainWindow::destroyedWithUnsavedEdits() {
    auto w = std::make_unique<MainWindow>();
    QVERIFY(w->files()->openPipeline(kMnist));
    w->document()->removeLayer(0);
    QVERIFY(!w->document()->undoStack()->isClean());
    QSignalSpy clean(w->document()->undoStack(), &QUndoStack::cleanChanged);
    w.reset();
    QCOMPARE(clean.count(), 1);  // the signal that used to reach the window
}

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
