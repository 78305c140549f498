// The Frameworks and Solve for Size docks, driven as a user would: a preset radio button
// asks for half the size, the Apply button (or a double-click) changes the layer in the
// document as one undo step, and undo restores it; the frameworks view marks the look-alikes
// that differ and shows each framework's shape; the main window has both docks and their View
// menu toggles, and the docks follow the selected layer.

#include "frameworks/framework_docks.h"
#include "frameworks/framework_panel.h"
#include "frameworks/inverse_panel.h"
#include "main_window.h"
#include "panels/layer_stack_panel.h"
#include "support/test_support.h"

#include <QAbstractButton>
#include <QButtonGroup>
#include <QDockWidget>
#include <QJsonDocument>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSpinBox>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

bool writeFile(const QString& path, const QByteArray& text) {
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(text) == text.size();
}

// A 3x3 convolution on 32x32 ("valid": 30x30) and a transposed one after it.
const QByteArray kPipeline = R"({ "format": "stridelab.pipeline", "version": 1,
  "input": { "shape": [1, 32, 32] },
  "layers": [ { "type": "conv2d", "filters": 4, "kernel_size": 3 },
              { "type": "conv2d_transpose", "filters": 1, "kernel_size": 3 } ] })";

// 3x3 /2 "same" on 8x8: TensorFlow pads 0 and 1, PyTorch's padding=1 pads 1 and 1.
const QByteArray kSamePipeline = R"({ "format": "stridelab.pipeline", "version": 1,
  "input": { "shape": [32, 8, 8] },
  "layers": [ { "type": "conv2d", "filters": 64, "kernel_size": 3, "strides": 2,
                "padding": "same" },
              { "type": "max_pool2d" } ] })";

PipelineReport analyze(const PipelineDocument& doc) {
    return analyzePipeline(doc.pipeline(), doc.pipeline().input.shape);
}

QString keysOf(const PipelineDocument& doc, int layer) {
    return QString::fromUtf8(
        QJsonDocument(doc.pipeline().layers[static_cast<std::size_t>(layer)].layer->toJson())
            .toJson(QJsonDocument::Compact));
}

QString patchText(const SizeCandidate& c) {
    return QString::fromUtf8(QJsonDocument(c.patch).toJson(QJsonDocument::Compact));
}

// The row of the candidate with this patch, or -1.
int rowOf(const InversePanel& panel, const QString& patch) {
    const auto& list = panel.candidates();
    for (std::size_t i = 0; i < list.size(); ++i) {
        if (patchText(list[i]) == patch) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

QAbstractButton* goalButton(InversePanel& panel, const QString& text) {
    for (QRadioButton* b : panel.findChildren<QRadioButton*>()) {
        if (b->text() == text) {
            return b;
        }
    }
    return nullptr;
}

}  // namespace

class TestFrameworkPanels : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void applyButtonChangesTheLayerUndoably();
    void doubleClickApplies();
    void customSizeThatCannotBeReached();
    void defaultGoalFollowsTheLayerKind();
    void frameworkViewMarksTheDifferences();
    void solverBehindItsTabWaitsUntilRaised();
    void mainWindowHasBothDocks();
};

void TestFrameworkPanels::initTestCase() {
    QCoreApplication::setOrganizationName(QStringLiteral("StrideLabTests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_framework_panels"));
    QSettings().clear();
}

void TestFrameworkPanels::applyButtonChangesTheLayerUndoably() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    const QString original = keysOf(doc, 0);
    InversePanel panel(&doc);
    panel.show();
    panel.showLayer(0, analyze(doc));
    QAbstractButton* half = goalButton(panel, QStringLiteral("Half"));
    QVERIFY(half != nullptr);
    QTest::mouseClick(half, Qt::LeftButton);
    QCOMPARE(panel.goal(), SizeGoal::Half);
    // Half of 32: 16 (ceil(32 / 2)).
    QCOMPARE(panel.heightBox()->value(), 16);
    QCOMPARE(panel.widthBox()->value(), 16);
    // floor((32 + 2*1 - 3) / 2) + 1 = 16.
    const int row = rowOf(panel, QStringLiteral(R"({"padding":1,"strides":2})"));
    QVERIFY2(row >= 0, qPrintable(panel.message()));
    QCOMPARE(panel.candidateList()->topLevelItemCount(),
             static_cast<int>(panel.candidates().size()));
    QVERIFY(panel.candidateList()->topLevelItem(row)->text(0).contains(
        QStringLiteral("out = floor((32 + 2 - 3) / 2) + 1 = 16")));
    QPushButton* apply = panel.applyButton(row);
    QVERIFY(apply != nullptr);
    QTest::mouseClick(apply, Qt::LeftButton);

    QCOMPARE(keysOf(doc, 0),
             QStringLiteral(R"({"filters":4,"kernel_size":3,"padding":1,"strides":2})"));
    QCOMPARE(analyze(doc).layers[0].shape->output, (Shape{4, 16, 16}));
    QCOMPARE(doc.undoStack()->count(), 1);
    QCOMPARE(doc.undoStack()->undoText(), QStringLiteral("Solve conv2d for 16 x 16"));
    doc.undoStack()->undo();
    QCOMPARE(keysOf(doc, 0), original);
    QCOMPARE(analyze(doc).layers[0].shape->output, (Shape{4, 30, 30}));
    doc.undoStack()->redo();
    QCOMPARE(analyze(doc).layers[0].shape->output, (Shape{4, 16, 16}));
}

void TestFrameworkPanels::doubleClickApplies() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    // A property edit first (it merges with later edits of the same layer); the solver's
    // change is an undo step of its own.
    doc.replaceLayer(1, test::pipelineFromJson(kPipeline).layers[1].layer);
    InversePanel panel(&doc);
    panel.resize(500, 400);
    panel.show();
    panel.showLayer(1, analyze(doc));
    QTest::mouseClick(goalButton(panel, QStringLiteral("Double")), Qt::LeftButton);
    // The transposed convolution's input is conv2d's 30x30; double is 60:
    // (30 - 1)*2 - 2*1 + 3 + 1 = 60.
    QCOMPARE(panel.wanted(), (Pair{60, 60}));
    const int row = rowOf(panel, QStringLiteral(R"({"output_padding":1,"padding":1,"strides":2})"));
    QVERIFY2(row >= 0, qPrintable(panel.message()));
    QTreeWidget* list = panel.candidateList();
    QTreeWidgetItem* item = list->topLevelItem(row);
    list->scrollToItem(item);
    const QRect rect = list->visualItemRect(item);
    // A user's double-click starts with a click, which gives the view its pressed row.
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QTest::mouseDClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(analyze(doc).layers[1].shape->output, (Shape{1, 60, 60}));
    QCOMPARE(doc.undoStack()->count(), 2);
    doc.undoStack()->undo();
    // Back to "valid" /1: (30 - 1)*1 + 3 = 32.
    QCOMPARE(analyze(doc).layers[1].shape->output, (Shape{1, 32, 32}));
}

void TestFrameworkPanels::customSizeThatCannotBeReached() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    InversePanel panel(&doc);
    panel.show();
    panel.showLayer(0, analyze(doc));
    // Typing a size switches to Custom. 64 from 32: a 3x3 conv2d reaches at most 40
    // (dilation 4: ke = 9, padding 8 a side, 32 + 16 - 9 + 1).
    panel.heightBox()->selectAll();
    QTest::keyClicks(panel.heightBox(), QStringLiteral("64"));
    QCOMPARE(panel.goal(), SizeGoal::Custom);
    QCOMPARE(panel.wanted().h, 64);
    QVERIFY(panel.candidates().empty());
    QCOMPARE(panel.candidateList()->topLevelItemCount(), 0);
    QCOMPARE(panel.message(),
             QStringLiteral("no change of strides, padding (up to kernel - 1 a side) or dilation "
                            "gives height 64 from 32: a conv2d gives at most 40 here (to enlarge, "
                            "use conv2d_transpose or upsampling2d)"));
    // Same size: "same" or padding 1, one key each, first.
    QTest::mouseClick(goalButton(panel, QStringLiteral("Same size")), Qt::LeftButton);
    QCOMPARE(panel.wanted(), (Pair{32, 32}));
    QCOMPARE(panel.candidates().front().patch.size(), 1);
}

void TestFrameworkPanels::defaultGoalFollowsTheLayerKind() {
    PipelineDocument doc;
    doc.reset(test::pipelineFromJson(kPipeline), {});
    InversePanel panel(&doc);
    panel.show();
    // Until a goal is chosen: half for a downsampling layer (ceil(32/2) = 16), double for an
    // upsampling one (its input is conv2d's 30: 60).
    panel.showLayer(0, analyze(doc));
    QCOMPARE(panel.goal(), SizeGoal::Half);
    QCOMPARE(panel.wanted(), (Pair{16, 16}));
    panel.showLayer(1, analyze(doc));
    QCOMPARE(panel.goal(), SizeGoal::Double);
    QCOMPARE(panel.wanted(), (Pair{60, 60}));
    // A candidate found for a layer the document no longer holds is not applied.
    QVERIFY(!panel.candidates().empty());
    const LayerPtr other = test::pipelineFromJson(kPipeline).layers[1].layer;
    doc.replaceLayer(1, other);
    panel.apply(0);
    QCOMPARE(doc.pipeline().layers[1].layer, other);
    QCOMPARE(doc.undoStack()->count(), 1);
}

void TestFrameworkPanels::frameworkViewMarksTheDifferences() {
    const Pipeline p = test::pipelineFromJson(kSamePipeline);
    const PipelineReport report = analyzePipeline(p, p.input.shape);
    FrameworkPanel panel;
    panel.resize(1000, 400);
    panel.show();
    panel.showLayer(p, 0, report);
    QCOMPARE(panel.kerasCode()->toPlainText(),
             QStringLiteral(R"(layers.Conv2D(64, 3, strides=2, padding="same"))"));
    QCOMPARE(panel.torchCode()->toPlainText(),
             QStringLiteral("x = F.pad(x, (0, 1, 0, 1))  # TensorFlow \"same\": the odd pixel "
                            "bottom/right\nnn.Conv2d(32, 64, 3, stride=2)"));
    QVERIFY(panel.message().startsWith(QStringLiteral("Careful")));
    QTreeWidget* rows = panel.lookAlikes();
    QCOMPARE(rows->topLevelItemCount(), 2);
    // padding='same' with stride 2: PyTorch raises; Keras gives ceil(8/2) = 4.
    QTreeWidgetItem* refused = rows->topLevelItem(0);
    QCOMPARE(refused->text(0), FrameworkPanel::kindText(DifferenceKind::NotExpressible));
    QCOMPARE(refused->text(2), QStringLiteral("nn.Conv2d(32, 64, 3, stride=2, padding='same')"));
    QCOMPARE(refused->text(3), QStringLiteral("(64, 4, 4)"));
    QCOMPARE(refused->text(4), QStringLiteral("(none)"));
    QVERIFY(refused->font(3).bold());  // the shapes differ
    QVERIFY(!refused->icon(0).isNull());
    // padding=1: floor((8 + 2 - 3)/2) + 1 = 4 as well, but shifted by a pixel.
    QTreeWidgetItem* shifted = rows->topLevelItem(1);
    QCOMPARE(shifted->text(0), FrameworkPanel::kindText(DifferenceKind::Values));
    QCOMPARE(shifted->text(3), shifted->text(4));
    QVERIFY(!shifted->font(3).bold());
    QCOMPARE(shifted->background(0).color(), FrameworkPanel::kindColor(DifferenceKind::Values));
    QVERIFY(FrameworkPanel::kindColor(DifferenceKind::Values) !=
            FrameworkPanel::kindColor(DifferenceKind::Identical));
    // The max pool 2x2 "valid" is written alike.
    QTableWidget* table = panel.allLayers();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->item(1, 2)->text(), QStringLiteral("no difference"));
    QCOMPARE(table->item(1, 3)->text(), QStringLiteral("layers.MaxPooling2D(2)"));
    QCOMPARE(table->item(1, 4)->text(), QStringLiteral("nn.MaxPool2d(2)"));
    QCOMPARE(table->item(0, 2)->text(),
             QStringLiteral("PyTorch: cannot be written\nPyTorch: other values"));
    panel.showLayer(p, 1, report);
    QCOMPARE(rows->topLevelItemCount(), 0);
    QVERIFY(!panel.message().startsWith(QStringLiteral("Careful")));
}

// Behind the Properties tab the solver does not run on every edit (Qt still calls a dock
// behind a tab visible); it catches up when its tab comes to the front.
void TestFrameworkPanels::solverBehindItsTabWaitsUntilRaised() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("same.stridelab.json"));
    QVERIFY(writeFile(path, kSamePipeline));
    MainWindow w(path);
    w.show();
    QVERIFY(QTest::qWaitForWindowExposed(&w));
    FrameworkDocks* docks = w.frameworkDocks();
    w.findChild<QDockWidget*>(QStringLiteral("propertiesDock"))->raise();
    QTRY_VERIFY(docks->inverseDock()->visibleRegion().isEmpty());
    const QString unsolved = docks->inverse()->message();
    QCOMPARE(unsolved, QStringLiteral("Select a layer to ask which settings give a wanted size."));
    w.layerStack()->selectLayer(0);
    QCOMPARE(docks->inverse()->message(), unsolved);
    docks->inverseDock()->raise();
    QTRY_VERIFY(docks->inverse()->message() != unsolved);
}

void TestFrameworkPanels::mainWindowHasBothDocks() {
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("same.stridelab.json"));
    QVERIFY(writeFile(path, kSamePipeline));
    MainWindow w(path);
    w.show();
    FrameworkDocks* docks = w.frameworkDocks();
    QVERIFY(docks != nullptr);
    QCOMPARE(w.findChild<QDockWidget*>(QStringLiteral("frameworksDock")), docks->frameworksDock());
    QCOMPARE(w.findChild<QDockWidget*>(QStringLiteral("inverseDock")), docks->inverseDock());
    // View > Panels toggles both.
    QMenu* view = nullptr;
    for (QAction* a : w.menuBar()->actions()) {
        if (a->text() == QStringLiteral("&View")) {
            for (QAction* sub : a->menu()->actions()) {
                if (sub->text() == QStringLiteral("P&anels")) {
                    view = sub->menu();
                }
            }
        }
    }
    QVERIFY(view != nullptr);
    QVERIFY(view->actions().contains(docks->frameworksDock()->toggleViewAction()));
    QVERIFY(view->actions().contains(docks->inverseDock()->toggleViewAction()));
    docks->inverseDock()->toggleViewAction()->trigger();
    QVERIFY(docks->inverseDock()->isHidden());
    docks->inverseDock()->toggleViewAction()->trigger();
    QVERIFY(!docks->inverseDock()->isHidden());
    docks->frameworksDock()->show();
    docks->frameworksDock()->raise();
    docks->inverseDock()->raise();

    // Selecting the convolution shows it in both docks.
    w.layerStack()->selectLayer(0);
    QCOMPARE(docks->frameworks()->kerasCode()->toPlainText(),
             QStringLiteral(R"(layers.Conv2D(64, 3, strides=2, padding="same"))"));
    // Solve it for the same size (8): "same" with stride 1 (ceil(8/1) = 8), one key.
    QTest::mouseClick(goalButton(*docks->inverse(), QStringLiteral("Same size")), Qt::LeftButton);
    const int row = rowOf(*docks->inverse(), QStringLiteral(R"({"strides":null})"));
    QVERIFY2(row >= 0, qPrintable(docks->inverse()->message()));
    QTest::mouseClick(docks->inverse()->applyButton(row), Qt::LeftButton);
    QCOMPARE(w.report().layers[0].shape->output, (Shape{64, 8, 8}));
    // The panels followed the change: PyTorch now writes padding='same' itself.
    QCOMPARE(docks->frameworks()->torchCode()->toPlainText(),
             QStringLiteral("nn.Conv2d(32, 64, 3, padding='same')"));
    // Ctrl+Z, the Edit menu's undo shortcut.
    w.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&w));
    QTest::keySequence(&w, QKeySequence::Undo);
    QCOMPARE(w.report().layers[0].shape->output, (Shape{64, 4, 4}));
}

QTEST_MAIN(TestFrameworkPanels)
#include "tst_framework_panels.moc"
