// The comparison panel: two maps side by side with their difference and PSNR, driven through
// its combo boxes and pin button, and in the window on the down-then-up demo, where the PSNR
// is checked against one worked out here from the input alone (a 2x2 average then nearest
// x2 is each 2x2 block replaced by its mean).

#include "compare/comparison_panel.h"
#include "support/window_support.h"
#include "widgets/feature_map_view.h"

#include <QComboBox>
#include <QDockWidget>
#include <QPushButton>
#include <QTest>

#include <cmath>

using namespace stridelab;
using namespace stridelab::ui;

namespace {

SharedTensor tensor(Shape shape, std::vector<float> values) {
    return std::make_shared<const Tensor>(shape, std::move(values));
}

}  // namespace

class TestComparison : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void comparesTheChosenMaps();
    void differentShapesAreSaid();
    void pinnedCopyOutlivesAChange();
    void downThenUpInTheWindow();
    void waitsBehindItsTabUntilRaised();
};

void TestComparison::initTestCase() {
    test::useFreshSettings(QStringLiteral("tst_comparison"));
}

void TestComparison::comparesTheChosenMaps() {
    ComparisonPanel panel;
    panel.show();
    const Shape s{1, 2, 3};
    panel.setMaps(
        {{QStringLiteral("input (1, 2, 3)"), QStringLiteral("input"),
          tensor(s, {0, 1, 2, 4, 2, 1})},
         {QStringLiteral("a (1, 2, 3)"), QStringLiteral("a"), tensor(s, {0, 1, 2, 3, 2.5F, 1})}});
    // By default the last map (A) against the input (B). a - input = (0, 0, 0, -1, 0.5, 0):
    // mse 1.25/6 = 0.2083, peak 4, PSNR 10 log10(16 * 6/1.25) = 18.85 dB.
    QCOMPARE(panel.comboA()->currentText(), QStringLiteral("a (1, 2, 3)"));
    QCOMPARE(panel.comboB()->currentText(), QStringLiteral("input (1, 2, 3)"));
    QCOMPARE(panel.summaryText(), QStringLiteral("PSNR 18.85 dB · MSE 0.2083 · max |A − B| 1 · "
                                                 "peak (range of B) 4"));
    QCOMPARE(panel.differenceView()->featureMap()->values()[3], -1.0F);
    // The same map twice: identical.
    QTest::keyClick(panel.comboA(), Qt::Key_Up);
    QCOMPARE(panel.comboA()->currentIndex(), 0);
    QCOMPARE(panel.summaryText(), QStringLiteral("identical (PSNR ∞) · MSE 0 · max |A − B| 0 · "
                                                 "peak (range of B) 4"));
}

void TestComparison::differentShapesAreSaid() {
    ComparisonPanel panel;
    panel.setMaps({{QStringLiteral("input"), QStringLiteral("input"),
                    std::make_shared<const Tensor>(Shape{1, 4, 4})},
                   {QStringLiteral("pool"), QStringLiteral("pool"),
                    std::make_shared<const Tensor>(Shape{1, 2, 2})}});
    QVERIFY(!panel.comparison().has_value());
    QCOMPARE(panel.summaryText(),
             QStringLiteral("Not comparable: shapes differ: (1, 2, 2) and (1, 4, 4)."));
    QVERIFY(panel.differenceView()->featureMap() == nullptr);
}

void TestComparison::pinnedCopyOutlivesAChange() {
    ComparisonPanel panel;
    const Shape s{1, 1, 2};
    panel.setMaps({{QStringLiteral("input"), QStringLiteral("input"), tensor(s, {0, 2})},
                   {QStringLiteral("up"), QStringLiteral("up"), tensor(s, {1, 1})}});
    QTest::mouseClick(panel.findChild<QPushButton*>(), Qt::LeftButton);
    // The pinned copy of "up" becomes B.
    QCOMPARE(panel.comboB()->currentText(), QStringLiteral("pinned: up"));
    QCOMPARE(panel.comboA()->currentText(), QStringLiteral("up"));
    // The pipeline changes: "up" now gives (0, 2). A follows it, B keeps (1, 1):
    // mse (1 + 1)/2 = 1; B is constant, so there is no peak.
    panel.setMaps({{QStringLiteral("input"), QStringLiteral("input"), tensor(s, {0, 2})},
                   {QStringLiteral("up"), QStringLiteral("up"), tensor(s, {0, 2})}});
    QCOMPARE(panel.comboB()->currentText(), QStringLiteral("pinned: up"));
    QCOMPARE(panel.summaryText(), QStringLiteral("PSNR undefined (B is constant) · MSE 1 · "
                                                 "max |A − B| 1 · peak (range of B) 0"));
}

void TestComparison::downThenUpInTheWindow() {
    const auto window =
        test::openWindow(QStringLiteral(":/presets/demos/down_up_compare.stridelab.json"));
    QVERIFY(window != nullptr);
    MainWindow& w = *window;
    w.findChild<QDockWidget*>(QStringLiteral("compareDock"))->raise();  // behind Plots at first
    QTRY_VERIFY_WITH_TIMEOUT(w.comparison()->comparison().has_value(), 30000);
    ComparisonPanel* panel = w.comparison();
    QCOMPARE(panel->comboA()->currentText(), QStringLiteral("up · upsampling2d (1, 64, 64)"));
    QCOMPARE(panel->comboB()->currentText(), QStringLiteral("input (1, 64, 64)"));
    const Tensor& input = *panel->viewB()->featureMap();
    double sum = 0.0;
    float low = input.at(0, 0, 0);
    float high = low;
    for (int y = 0; y < 64; ++y) {
        for (int x = 0; x < 64; ++x) {
            const int by = y / 2 * 2;
            const int bx = x / 2 * 2;
            const double mean =
                (static_cast<double>(input.at(0, by, bx)) + input.at(0, by, bx + 1) +
                 input.at(0, by + 1, bx) + input.at(0, by + 1, bx + 1)) /
                4.0;
            const double d = mean - input.at(0, y, x);
            sum += d * d;
            low = std::min(low, input.at(0, y, x));
            high = std::max(high, input.at(0, y, x));
        }
    }
    const double mse = sum / (64.0 * 64.0);
    const double psnr = 10.0 * std::log10(double(high - low) * double(high - low) / mse);
    QVERIFY2(std::abs(*panel->comparison()->psnr - psnr) < 1e-3,
             qPrintable(QStringLiteral("%1 vs %2").arg(*panel->comparison()->psnr).arg(psnr)));
    QVERIFY(psnr > 5.0 && psnr < 40.0);  // a real loss, not identity
}

// Behind the Plots tab the panel keeps the maps the window sets as layers arrive and fills
// its lists only when raised (refilling and comparing on every layer cost the window's
// thread a few ms per layer).
void TestComparison::waitsBehindItsTabUntilRaised() {
    const auto window =
        test::openWindow(QStringLiteral(":/presets/demos/down_up_compare.stridelab.json"));
    QVERIFY(window != nullptr);
    MainWindow& w = *window;
    ComparisonPanel* panel = w.comparison();
    auto* compareDock = w.findChild<QDockWidget*>(QStringLiteral("compareDock"));
    auto* plotsDock = w.findChild<QDockWidget*>(QStringLiteral("plotsDock"));
    QVERIFY(compareDock != nullptr && plotsDock != nullptr);
    compareDock->raise();
    QTRY_VERIFY_WITH_TIMEOUT(panel->comparison().has_value(), 30000);
    plotsDock->raise();
    QTRY_VERIFY(compareDock->visibleRegion().isEmpty());
    const int entries = panel->comboA()->count();
    // A renamed first layer: the window sets new maps with a new label for it.
    w.document()->renameLayer(0, QStringLiteral("renamed"));
    QTRY_VERIFY_WITH_TIMEOUT(!w.compute()->busy(), 30000);
    QCOMPARE(panel->comboA()->count(), entries);
    QVERIFY(panel->comboA()->findText(QStringLiteral("renamed"), Qt::MatchStartsWith) < 0);
    compareDock->raise();
    QTRY_VERIFY(panel->comboA()->findText(QStringLiteral("renamed"), Qt::MatchStartsWith) >= 0);
}

QTEST_MAIN(TestComparison)
#include "tst_comparison.moc"
