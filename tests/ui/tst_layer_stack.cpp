// The real layer-stack panel driven by its Add menu and keyboard offscreen: adding, removing,
// moving, duplicating, enabled actions, selection, drops onto the view, the invalid stripe.

#include "document/pipeline_document.h"
#include "layers/layer_registry.h"
#include "panels/default_layers.h"
#include "panels/layer_stack_model.h"
#include "panels/layer_stack_panel.h"
#include "pipeline/pipeline_analysis.h"
#include "support/test_support.h"
#include "ui/layer_stack_fixtures.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QBrush>
#include <QGuiApplication>
#include <QListView>
#include <QMenu>
#include <QMimeData>
#include <QPalette>
#include <QSignalSpy>
#include <QTest>
#include <QToolButton>

#include <algorithm>
#include <memory>

using namespace stridelab;
using namespace stridelab::ui;
using namespace stridelab::test;

using State = LayerStackModel::State;
using Notation = LayerStackModel::ShapeNotation;

class TestLayerStack : public QObject {
    Q_OBJECT

private slots:
    void addMenuSections();
    void addConv2dFromMenu();
    void addWithInputSelectedInsertsFirst();
    void addUnpoolFromMenu();
    void deleteKeyRemoves();
    void altUpAndDownMove();
    void ctrlDDuplicates();
    void actionsEnabled_data();
    void actionsEnabled();
    void selectionSignal();
    void dropMovesDocumentLayer();
    void paintsInvalidStripe();
};

void TestLayerStack::addMenuSections() {
    PanelFixture f(kFour);
    QStringList entries;
    for (const QAction* a : f.panel->addMenu()->actions()) {
        entries << (a->isSeparator() ? QStringLiteral("[%1]").arg(a->text()) : a->text());
    }
    QCOMPARE(entries, split("[Downsampling],Conv2D,MaxPool2D,AvgPool2D,[Upsampling],"
                            "UpSampling2D,MaxUnpool2D,Conv2DTranspose"));
    const QString tip = menuAction(f.panel->addMenu(), QStringLiteral("Conv2D"))->toolTip();
    QVERIFY2(tip.contains(QStringLiteral("keras.layers.Conv2D")), qPrintable(tip));
    QVERIFY2(tip.contains(QStringLiteral("torch.nn.Conv2d")), qPrintable(tip));
}

void TestLayerStack::addConv2dFromMenu() {
    // (3, 32, 32) -> pool 2x2 -> (3, 16, 16) -> new conv2d, 8 filters "same" -> (8, 16, 16).
    PanelFixture f(pipelineJson("[3, 32, 32]", R"({ "type": "max_pool2d", "name": "pool" })"));
    f.panel->selectLayer(0);
    QAction* conv = menuAction(f.panel->addMenu(), QStringLiteral("Conv2D"));
    QVERIFY(conv);
    QVERIFY(conv->isEnabled());
    conv->trigger();

    QCOMPARE(names(f.document.pipeline()), split("pool,conv2d"));
    QCOMPARE(f.document.pipeline().layers[1].layer->type(), QStringLiteral("conv2d"));
    QCOMPARE(f.panel->model()->rowCount(), 3);
    QCOMPARE(f.panel->selectedLayer(), 1);
    QCOMPARE(f.shapeText(1), QStringLiteral("(8, 16, 16)"));
    QCOMPARE(f.panel->model()->index(2).data(LayerStackModel::DescriptionRole).toString(),
             QStringLiteral("8 3x3 same relu"));
    f.panel->setShapeNotation(Notation::Keras);
    QCOMPARE(f.shapeText(1), QStringLiteral("(None, 16, 16, 8)"));

    f.document.undoStack()->undo();
    QCOMPARE(names(f.document.pipeline()), split("pool"));
    QCOMPARE(f.panel->model()->rowCount(), 2);
    QCOMPARE(f.panel->selectedLayer(), 0);
}

void TestLayerStack::addWithInputSelectedInsertsFirst() {
    PanelFixture f(pipelineJson("[3, 32, 32]", R"({ "type": "max_pool2d", "name": "pool" })"));
    f.panel->selectLayer(-1);
    menuAction(f.panel->addMenu(), QStringLiteral("UpSampling2D"))->trigger();
    QCOMPARE(names(f.document.pipeline()), split("upsampling2d,pool"));
    QCOMPARE(f.panel->selectedLayer(), 0);
    // x2 then the pool halves again: (3, 64, 64) then (3, 32, 32).
    QCOMPARE(f.shapeText(0), QStringLiteral("(3, 64, 64)"));
    QCOMPARE(f.shapeText(1), QStringLiteral("(3, 32, 32)"));
}

void TestLayerStack::addUnpoolFromMenu() {
    PanelFixture f(pipelineJson("[3, 32, 32]", R"({ "type": "max_pool2d", "name": "pool" })"));
    QAction* unpool = menuAction(f.panel->addMenu(), QStringLiteral("MaxUnpool2D"));
    QVERIFY(unpool);
    f.panel->selectLayer(-1);
    QVERIFY(!unpool->isEnabled());
    QVERIFY2(unpool->toolTip().contains(QStringLiteral("needs an earlier max_pool2d")),
             qPrintable(unpool->toolTip()));
    f.panel->selectLayer(0);
    QVERIFY(unpool->isEnabled());
    unpool->trigger();
    QCOMPARE(names(f.document.pipeline()), split("pool,max_unpool2d"));
    QCOMPARE(f.document.pipeline().layers[1].layer->indicesFrom(), QStringLiteral("pool"));
    // The unpool restores the pool's input shape.
    QCOMPARE(f.shapeText(1), QStringLiteral("(3, 32, 32)"));
}

void TestLayerStack::deleteKeyRemoves() {
    PanelFixture f(pipelineJson("[1, 64, 64]", R"(
        { "type": "max_pool2d", "name": "a" }, { "type": "avg_pool2d", "name": "b" },
        { "type": "max_pool2d", "name": "c" })"));
    QVERIFY(f.showAndFocus());
    f.panel->selectLayer(1);
    QTest::keyClick(f.panel->view(), Qt::Key_Delete);
    QCOMPARE(names(f.document.pipeline()), split("a,c"));
    // The next layer takes the removed one's row.
    QCOMPARE(f.panel->selectedLayer(), 1);
    // (1, 64, 64) -> a -> 32 -> c -> 16.
    QCOMPARE(f.shapeText(1), QStringLiteral("(1, 16, 16)"));
    QTest::keyClick(f.panel->view(), Qt::Key_Delete);
    QCOMPARE(names(f.document.pipeline()), split("a"));
    QCOMPARE(f.panel->selectedLayer(), 0);
    f.document.undoStack()->undo();
    f.document.undoStack()->undo();
    QCOMPARE(names(f.document.pipeline()), split("a,b,c"));
    QCOMPARE(f.shapeText(1), QStringLiteral("(1, 16, 16)"));
    QCOMPARE(f.shapeText(2), QStringLiteral("(1, 8, 8)"));
    // Delete on the input row removes nothing.
    f.panel->selectLayer(-1);
    QTest::keyClick(f.panel->view(), Qt::Key_Delete);
    QCOMPARE(names(f.document.pipeline()), split("a,b,c"));
}

void TestLayerStack::altUpAndDownMove() {
    PanelFixture f(pipelineJson("[1, 64, 64]", R"(
        { "type": "max_pool2d", "name": "a" },
        { "type": "upsampling2d", "name": "b", "size": 4 },
        { "type": "max_pool2d", "name": "c" })"));
    QVERIFY(f.showAndFocus());
    f.panel->selectLayer(2);
    QTest::keyClick(f.panel->view(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(names(f.document.pipeline()), split("a,c,b"));
    QCOMPARE(f.panel->selectedLayer(), 1);  // the selection follows the layer
    // (1, 64, 64) -> a -> 32 -> c -> 16 -> b x4 -> 64.
    QCOMPARE(f.shapeText(2), QStringLiteral("(1, 64, 64)"));
    QTest::keyClick(f.panel->view(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(names(f.document.pipeline()), split("c,a,b"));
    QCOMPARE(f.panel->selectedLayer(), 0);
    // Already first: nothing moves, and the selection stays on the layer.
    QVERIFY(!f.panel->moveUpAction()->isEnabled());
    QTest::keyClick(f.panel->view(), Qt::Key_Up, Qt::AltModifier);
    QCOMPARE(names(f.document.pipeline()), split("c,a,b"));
    QCOMPARE(f.panel->selectedLayer(), 0);
    QTest::keyClick(f.panel->view(), Qt::Key_Down, Qt::AltModifier);
    QCOMPARE(names(f.document.pipeline()), split("a,c,b"));
    QCOMPARE(f.panel->selectedLayer(), 1);

    f.document.undoStack()->undo();
    QCOMPARE(names(f.document.pipeline()), split("c,a,b"));
    f.document.undoStack()->undo();
    f.document.undoStack()->undo();
    QCOMPARE(names(f.document.pipeline()), split("a,b,c"));
    // a -> 32 -> b x4 -> 128 -> c -> 64.
    QCOMPARE(f.shapeText(1), QStringLiteral("(1, 128, 128)"));
    QCOMPARE(f.shapeText(2), QStringLiteral("(1, 64, 64)"));
}

void TestLayerStack::ctrlDDuplicates() {
    PanelFixture f(pipelineJson("[1, 64, 64]", R"({ "type": "max_pool2d", "name": "a" })"));
    QVERIFY(f.showAndFocus());
    f.panel->selectLayer(0);
    QTest::keyClick(f.panel->view(), Qt::Key_D, Qt::ControlModifier);
    QCOMPARE(names(f.document.pipeline()), split("a,max_pool2d"));
    QCOMPARE(f.panel->selectedLayer(), 1);
    QCOMPARE(f.shapeText(1), QStringLiteral("(1, 16, 16)"));
    f.document.undoStack()->undo();
    QCOMPARE(names(f.document.pipeline()), split("a"));
}

void TestLayerStack::actionsEnabled_data() {
    QTest::addColumn<int>("layer");
    QTest::addColumn<bool>("remove");
    QTest::addColumn<bool>("duplicate");
    QTest::addColumn<bool>("up");
    QTest::addColumn<bool>("down");

    QTest::addRow("input") << -1 << false << false << false << false;
    QTest::addRow("first") << 0 << true << true << false << true;
    QTest::addRow("middle") << 1 << true << true << true << true;
    QTest::addRow("last") << 3 << true << true << true << false;
}

void TestLayerStack::actionsEnabled() {
    QFETCH(int, layer);
    QFETCH(bool, remove);
    QFETCH(bool, duplicate);
    QFETCH(bool, up);
    QFETCH(bool, down);

    PanelFixture f(kFour);
    f.panel->selectLayer(layer);
    QCOMPARE(f.panel->selectedLayer(), layer);
    QCOMPARE(f.panel->removeAction()->isEnabled(), remove);
    QCOMPARE(f.panel->duplicateAction()->isEnabled(), duplicate);
    QCOMPARE(f.panel->moveUpAction()->isEnabled(), up);
    QCOMPARE(f.panel->moveDownAction()->isEnabled(), down);
    // The toolbar buttons show the actions.
    int enabledButtons = 0;
    for (const QToolButton* b : f.panel->findChildren<QToolButton*>()) {
        if (b->defaultAction() != nullptr && b->isEnabled()) {
            ++enabledButtons;
        }
    }
    QCOMPARE(enabledButtons, int(remove) + int(duplicate) + int(up) + int(down));
    QCOMPARE(f.panel->editActions(),
             (QList<QAction*>{f.panel->removeAction(), f.panel->duplicateAction(),
                              f.panel->moveUpAction(), f.panel->moveDownAction()}));
}

void TestLayerStack::selectionSignal() {
    PanelFixture f(kFour);
    QSignalSpy spy(f.panel.get(), &LayerStackPanel::selectionChanged);
    f.panel->selectLayer(2);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.back().at(0).toInt(), 2);
    // A new analysis of the same pipeline keeps the selection, silently.
    f.panel->setReport(analyze(f.document.pipeline()));
    QCOMPARE(f.panel->selectedLayer(), 2);
    QCOMPARE(spy.count(), 1);
    // A click on the input row.
    QVERIFY(f.showAndFocus());
    const QRect inputRect = f.panel->view()->visualRect(f.panel->model()->index(0));
    QTest::mouseClick(f.panel->view()->viewport(), Qt::LeftButton, {}, inputRect.center());
    QCOMPARE(f.panel->selectedLayer(), -1);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.back().at(0).toInt(), -1);
    // Selecting past the end selects the last layer.
    f.panel->selectLayer(99);
    QCOMPARE(f.panel->selectedLayer(), 3);
}

void TestLayerStack::dropMovesDocumentLayer() {
    PanelFixture f(kFour);
    LayerStackModel* model = f.panel->model();
    std::unique_ptr<QMimeData> data(model->mimeData({model->index(3)}));
    QVERIFY(model->dropMimeData(data.get(), Qt::MoveAction, 1, 0, {}));
    // The move is queued until the view's drop is over.
    QTRY_COMPARE(names(f.document.pipeline()), split("c,a,b,d"));
    QCOMPARE(f.panel->selectedLayer(), 0);
    QCOMPARE(model->index(1).data().toString(), QStringLiteral("c"));
    f.document.undoStack()->undo();
    QCOMPARE(names(f.document.pipeline()), split("a,b,c,d"));
}

void TestLayerStack::paintsInvalidStripe() {
    PanelFixture f(kBroken);
    f.panel->selectLayer(-1);
    QVERIFY(f.showAndFocus());
    QListView* view = f.panel->view();
    const QImage image = view->viewport()->grab().toImage();
    const auto stripe = [&](int row) {
        const QRect r = view->visualRect(f.panel->model()->index(row));
        return image.pixelColor(2, r.center().y());
    };
    const QColor red = f.panel->model()->index(2).data(Qt::ForegroundRole).value<QBrush>().color();
    QCOMPARE(stripe(2), red);
    QVERIFY(stripe(1) != red);
    QVERIFY(stripe(3) != red);
    // The invalid row is taller: it has a line for its error.
    QVERIFY(view->visualRect(f.panel->model()->index(2)).height() >
            view->visualRect(f.panel->model()->index(1)).height());
    // For a look at the panel: STRIDELAB_STACK_SCREENSHOT=/tmp/stack.png.
    const QString shot = qEnvironmentVariable("STRIDELAB_STACK_SCREENSHOT");
    if (!shot.isEmpty()) {
        PanelFixture demo(pipelineJson("[3, 64, 64]", R"(
            { "type": "conv2d", "name": "conv1", "filters": 16, "kernel_size": 3,
              "padding": "same", "activation": "relu" },
            { "type": "max_pool2d", "name": "pool1" },
            { "type": "conv2d", "name": "conv2", "filters": 32, "kernel_size": 3, "strides": 2,
              "padding": "same", "activation": "relu" },
            { "type": "conv2d", "name": "conv3", "filters": 64, "kernel_size": 21 },
            { "type": "upsampling2d", "name": "up", "size": 2, "interpolation": "bilinear" },
            { "type": "conv2d_transpose", "name": "deconv", "filters": 3, "kernel_size": 4,
              "strides": 2, "padding": "same" })"));
        demo.panel->resize(380, 560);
        demo.panel->show();
        demo.panel->selectLayer(1);
        QVERIFY(demo.panel->grab().save(shot));
    }
}

QTEST_MAIN(TestLayerStack)
#include "tst_layer_stack.moc"
