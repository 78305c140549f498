// The receptive-field explorer in the real window: a click on an element of a map traces it
// upstream into every earlier map and downstream into every later one, on the cards and the
// map view, with a sentence under the map; a click beside the map clears it; a change that
// removes the element clears it too. Positions are derived by hand for the MNIST trunk
// preset: 28 -conv3-> 26 -pool2-> 13 -conv3-> 11 -pool2-> 5 -conv3-> 3.

#include "explorer/trace_controller.h"
#include "panels/layer_stack_panel.h"
#include "panels/parameter_editors.h"
#include "panels/properties_panel.h"
#include "support/window_support.h"
#include "view/trace_overlay.h"
#include "widgets/feature_map_view.h"
#include "widgets/layer_card_strip.h"

#include <QLabel>
#include <QSpinBox>
#include <QTest>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

const QString kMnist = QStringLiteral(":/presets/mnist_trunk.stridelab.json");

QList<qint64> rowsOf(const std::optional<MapTrace>& trace) {
    return trace ? QList<qint64>(trace->rows.positions.begin(), trace->rows.positions.end())
                 : QList<qint64>{};
}

QList<qint64> range(qint64 first, qint64 last) {
    QList<qint64> r;
    for (qint64 p = first; p <= last; ++p) {
        r.push_back(p);
    }
    return r;
}

void clickElement(FeatureMapView* view, int row, int col) {
    const QRectF rect = view->elementRect({0, row, col});
    QVERIFY(!rect.isEmpty());
    QTest::mouseClick(view, Qt::LeftButton, {}, rect.center().toPoint());
}

QString traceText(const MainWindow& w) {
    for (const QLabel* l : w.findChildren<QLabel*>()) {
        if (l->text().startsWith(QStringLiteral("Element ("))) {
            return l->isVisible() ? l->text() : QString();
        }
    }
    return {};
}

}  // namespace

class TestTraceExplorer : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void positionRunsSplitAtTheEdges();
    void clickTracesUpstream();
    void clickOnTheInputTracesDownstream();
    void clickBesideTheMapClears();
    void changeThatRemovesTheElementClears();
};

void TestTraceExplorer::initTestCase() {
    test::useFreshSettings(QStringLiteral("tst_trace_explorer"));
}

void TestTraceExplorer::positionRunsSplitAtTheEdges() {
    // Padding -1, inside 0..1, gap, inside 3..4, padding 5 (extent 5).
    const auto runs = positionRuns({-1, 0, 1, 3, 4, 5}, 5);
    const std::vector<PositionRun> expected{
        {-1, -1, false}, {0, 1, true}, {3, 4, true}, {5, 5, false}};
    QCOMPARE(runs, expected);
}

void TestTraceExplorer::clickTracesUpstream() {
    const auto window = test::openWindow(kMnist);
    QVERIFY(window != nullptr);
    MainWindow& w = *window;
    w.layerStack()->selectLayer(4);  // conv2d_2, 64 x 3 x 3
    QTRY_VERIFY(w.mapView()->featureMap() != nullptr);
    clickElement(w.mapView(), 1, 1);

    QVERIFY(w.trace()->origin().has_value());
    QCOMPARE(w.trace()->origin()->card, 5);
    // conv2d_2 row 1 <- pool 1..3 <- conv 2..7 <- pool 2..9 <- conv 4..19 <- input 4..21.
    QCOMPARE(rowsOf(w.cards()->trace(4)), range(1, 3));
    QCOMPARE(rowsOf(w.cards()->trace(3)), range(2, 7));
    QCOMPARE(rowsOf(w.cards()->trace(2)), range(2, 9));
    QCOMPARE(rowsOf(w.cards()->trace(1)), range(4, 19));
    QCOMPARE(rowsOf(w.cards()->trace(0)), range(4, 21));
    QCOMPARE(rowsOf(w.cards()->trace(5)), QList<qint64>{1});
    QVERIFY(w.mapView()->trace().has_value());
    QCOMPARE(rowsOf(w.mapView()->trace()), QList<qint64>{1});
    QCOMPARE(traceText(w), QStringLiteral("Element (1, 1) of conv2d_2 depends on 18×18 elements "
                                          "of the input. Click outside the map to clear."));

    // The trace stays while the lecturer walks back through the layers.
    w.layerStack()->selectLayer(1);  // max_pool2d, 13 x 13
    QCOMPARE(rowsOf(w.mapView()->trace()), range(2, 9));
}

void TestTraceExplorer::clickOnTheInputTracesDownstream() {
    const auto window = test::openWindow(kMnist);
    QVERIFY(window != nullptr);
    MainWindow& w = *window;
    w.layerStack()->selectLayer(-1);
    QTRY_VERIFY(w.mapView()->featureMap() != nullptr);
    // Input row 5 is read by conv rows 3..5, pooled into 1..2, read by conv 0..2, pooled
    // into 0..1, read by conv 0..1.
    clickElement(w.mapView(), 5, 5);
    QCOMPARE(w.trace()->origin()->card, 0);
    QCOMPARE(rowsOf(w.cards()->trace(1)), range(3, 5));
    QCOMPARE(rowsOf(w.cards()->trace(2)), range(1, 2));
    QCOMPARE(rowsOf(w.cards()->trace(3)), range(0, 2));
    QCOMPARE(rowsOf(w.cards()->trace(4)), range(0, 1));
    QCOMPARE(rowsOf(w.cards()->trace(5)), range(0, 1));
    QCOMPARE(traceText(w), QStringLiteral("Element (5, 5) of the input influences 2×2 elements "
                                          "of conv2d_2. Click outside the map to clear."));
}

void TestTraceExplorer::clickBesideTheMapClears() {
    const auto window = test::openWindow(kMnist);
    QVERIFY(window != nullptr);
    MainWindow& w = *window;
    w.layerStack()->selectLayer(0);
    QTRY_VERIFY(w.mapView()->featureMap() != nullptr);
    clickElement(w.mapView(), 0, 0);
    QVERIFY(w.trace()->origin().has_value());
    // The view's top-left corner is background (the tiles are centred with a margin).
    QTest::mouseClick(w.mapView(), Qt::LeftButton, {}, QPoint(1, 1));
    QVERIFY(!w.trace()->origin().has_value());
    QVERIFY(!w.cards()->trace(0).has_value());
    QVERIFY(!w.mapView()->trace().has_value());
    QCOMPARE(traceText(w), QString());
}

void TestTraceExplorer::changeThatRemovesTheElementClears() {
    const auto window = test::openWindow(kMnist);
    QVERIFY(window != nullptr);
    MainWindow& w = *window;
    w.layerStack()->selectLayer(2);  // conv2d_1, 11 x 11
    QTRY_VERIFY(w.mapView()->featureMap() != nullptr);
    clickElement(w.mapView(), 10, 10);
    QCOMPARE(rowsOf(w.cards()->trace(0)), range(20, 27));
    // Pool 2 -> pool 3 after the first conv: 26 -> 8 -> conv 6: row 10 is gone.
    w.layerStack()->selectLayer(1);
    auto* poolSize =
        w.properties()->editor(QStringLiteral("pool_size"))->findChildren<QSpinBox*>().value(0);
    QVERIFY(poolSize != nullptr);
    QTest::keyClick(poolSize, Qt::Key_Up);
    QVERIFY(!w.trace()->origin().has_value());
    // Undo brings the 11 x 11 map back; the element can be traced again.
    w.document()->undoStack()->undo();
    QVERIFY(test::settle(w));
    w.layerStack()->selectLayer(2);
    clickElement(w.mapView(), 10, 10);
    QCOMPARE(rowsOf(w.cards()->trace(0)), range(20, 27));
}

QTEST_MAIN(TestTraceExplorer)
#include "tst_trace_explorer.moc"
