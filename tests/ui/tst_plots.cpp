// The profile plot's math (input/layer coordinate mapping, step lines) with numbers derived by
// hand in each row's comment, and the two plot widgets offscreen: what they draw after
// setValues/setProfiles and how the profile marker follows the mouse and the keys. The
// histogram's own math is in tst_histogram_math.

#include "histogram_values.h"
#include "plots/histogram.h"
#include "plots/histogram_plot.h"
#include "plots/profile_math.h"
#include "plots/profile_plot.h"
#include "plots/qcustomplot_fenced.h"
#include "tensor/tensor.h"

#include <QSignalSpy>
#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>
#include <vector>

using namespace stridelab;
using namespace stridelab::ui;
using stridelab::test::rampWithOutlier;

using Floats = std::vector<float>;
using Doubles = std::vector<double>;
Q_DECLARE_METATYPE(Floats)
Q_DECLARE_METATYPE(Doubles)

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

std::shared_ptr<const Tensor> tensorOf(Shape shape, const Floats& values) {
    return std::make_shared<const Tensor>(shape, values);
}

// value(c, y, x) = offset + 100 c + width y + x: every sample says where it came from.
std::shared_ptr<const Tensor> indexTensor(Shape shape, float offset) {
    auto tensor = std::make_shared<Tensor>(shape);
    for (std::int64_t c = 0; c < shape.c; ++c) {
        for (std::int64_t y = 0; y < shape.h; ++y) {
            for (std::int64_t x = 0; x < shape.w; ++x) {
                tensor->at(c, y, x) = offset + static_cast<float>(100 * c + shape.w * y + x);
            }
        }
    }
    return tensor;
}

}  // namespace

class TestPlots : public QObject {
    Q_OBJECT

private slots:
    void largeMapsAreBinnedInTheBackground();

    void layerToInput_data();
    void layerToInput();
    void layerIndexForInput_data();
    void layerIndexForInput();
    void stepLine_data();
    void stepLine();
    void rows();

    void histogramPlotDrawsOneBarPerBin();
    void histogramPlotShowsNonFiniteCounts();
    void histogramPlotLogToggle();
    void histogramPlotClears();
    void profilePlotPoints_data();
    void profilePlotPoints();
    void profilePlotMeanOfInputChannels();
    void profilePlotIgnoresTheSameMapsSetAgain();
    void profilePlotMarkerFollowsDrag();
    void profilePlotMarkerFollowsKeys();
    void profilePlotScreenshots();
};

// ---- profile math --------------------------------------------------------------------------

void TestPlots::layerToInput_data() {
    QTest::addColumn<qint64>("inputExtent");
    QTest::addColumn<qint64>("layerExtent");
    QTest::addColumn<double>("layerX");
    QTest::addColumn<double>("inputX");
    // 8 -> 4: each sample spans 2 input pixels, centres fall between them: (x + 0.5) * 2 - 0.5.
    QTest::addRow("8->4 first") << qint64(8) << qint64(4) << 0.0 << 0.5;
    QTest::addRow("8->4 second") << qint64(8) << qint64(4) << 1.0 << 2.5;
    QTest::addRow("8->4 last") << qint64(8) << qint64(4) << 3.0 << 6.5;
    QTest::addRow("8->4 left edge") << qint64(8) << qint64(4) << -0.5 << -0.5;
    QTest::addRow("8->4 right edge") << qint64(8) << qint64(4) << 3.5 << 7.5;
    // 8 -> 16: half-pixel samples a quarter off the input centres: (x + 0.5) / 2 - 0.5.
    QTest::addRow("8->16 first") << qint64(8) << qint64(16) << 0.0 << -0.25;
    QTest::addRow("8->16 second") << qint64(8) << qint64(16) << 1.0 << 0.25;
    QTest::addRow("8->16 last") << qint64(8) << qint64(16) << 15.0 << 7.25;
    // 416 -> 13 (stride 32, YOLO's last grid): (x + 0.5) * 32 - 0.5.
    QTest::addRow("416->13 first") << qint64(416) << qint64(13) << 0.0 << 15.5;
    QTest::addRow("416->13 middle") << qint64(416) << qint64(13) << 6.0 << 207.5;
    QTest::addRow("416->13 last") << qint64(416) << qint64(13) << 12.0 << 399.5;
    QTest::addRow("same size is identity") << qint64(7) << qint64(7) << 4.0 << 4.0;
}

void TestPlots::layerToInput() {
    QFETCH(qint64, inputExtent);
    QFETCH(qint64, layerExtent);
    QFETCH(double, layerX);
    QFETCH(double, inputX);
    QCOMPARE(layerToInputCoordinate(layerX, inputExtent, layerExtent), inputX);
    QCOMPARE(inputToLayerCoordinate(inputX, inputExtent, layerExtent), layerX);
}

void TestPlots::layerIndexForInput_data() {
    QTest::addColumn<qint64>("inputExtent");
    QTest::addColumn<qint64>("layerExtent");
    QTest::addColumn<double>("inputRow");
    QTest::addColumn<qint64>("layerRow");
    // floor((row + 0.5) * layer / input)
    QTest::addRow("8->4 row 0") << qint64(8) << qint64(4) << 0.0 << qint64(0);  // 0.25
    QTest::addRow("8->4 row 1") << qint64(8) << qint64(4) << 1.0 << qint64(0);  // 0.75
    QTest::addRow("8->4 row 2") << qint64(8) << qint64(4) << 2.0 << qint64(1);  // 1.25
    QTest::addRow("8->4 row 7") << qint64(8) << qint64(4) << 7.0 << qint64(3);  // 3.75
    // An input row covers two upsampled rows; its centre sits on their boundary: the lower.
    QTest::addRow("8->16 row 0") << qint64(8) << qint64(16) << 0.0 << qint64(1);    // 1.0
    QTest::addRow("8->16 row 3") << qint64(8) << qint64(16) << 3.0 << qint64(7);    // 7.0
    QTest::addRow("8->16 row 2.7") << qint64(8) << qint64(16) << 2.7 << qint64(6);  // 6.4
    QTest::addRow("8->16 row 7") << qint64(8) << qint64(16) << 7.0 << qint64(15);   // 15.0
    QTest::addRow("416->13 row 0") << qint64(416) << qint64(13) << 0.0 << qint64(0);
    QTest::addRow("416->13 row 31") << qint64(416) << qint64(13) << 31.0 << qint64(0);  // .98
    QTest::addRow("416->13 row 32") << qint64(416) << qint64(13) << 32.0 << qint64(1);  // 1.02
    QTest::addRow("416->13 row 207.5") << qint64(416) << qint64(13) << 207.5 << qint64(6);
    QTest::addRow("416->13 row 415") << qint64(416) << qint64(13) << 415.0 << qint64(12);
    QTest::addRow("416->13 below clamps") << qint64(416) << qint64(13) << -40.0 << qint64(0);
    QTest::addRow("416->13 above clamps") << qint64(416) << qint64(13) << 500.0 << qint64(12);
    // The input's own row: rounded half up.
    QTest::addRow("same size 3.4") << qint64(10) << qint64(10) << 3.4 << qint64(3);
    QTest::addRow("same size 3.5") << qint64(10) << qint64(10) << 3.5 << qint64(4);
}

void TestPlots::layerIndexForInput() {
    QFETCH(qint64, inputExtent);
    QFETCH(qint64, layerExtent);
    QFETCH(double, inputRow);
    QFETCH(qint64, layerRow);
    QCOMPARE(ui::layerIndexForInput(inputRow, inputExtent, layerExtent), layerRow);
}

void TestPlots::stepLine_data() {
    QTest::addColumn<qint64>("inputExtent");
    QTest::addColumn<Floats>("samples");
    QTest::addColumn<Doubles>("keys");
    QTest::addColumn<Doubles>("values");
    QTest::addRow("8->4") << qint64(8) << Floats{1, 2, 3, 4} << Doubles{-0.5, 1.5, 3.5, 5.5, 7.5}
                          << Doubles{1, 2, 3, 4, 4};
    QTest::addRow("4->8") << qint64(4) << Floats{1, 2, 3, 4, 5, 6, 7, 8}
                          << Doubles{-0.5, 0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5}
                          << Doubles{1, 2, 3, 4, 5, 6, 7, 8, 8};
    QTest::addRow("same size") << qint64(3) << Floats{-1, 0, 1} << Doubles{-0.5, 0.5, 1.5, 2.5}
                               << Doubles{-1, 0, 1, 1};
    Floats thirteen;
    Doubles edges{-0.5};
    Doubles repeated;
    for (int i = 0; i < 13; ++i) {
        thirteen.push_back(static_cast<float>(i * i));
        edges.push_back(32.0 * (i + 1) - 0.5);  // 31.5, 63.5, ..., 415.5
        repeated.push_back(i * i);
    }
    repeated.push_back(144);
    QTest::addRow("416->13") << qint64(416) << thirteen << edges << repeated;
    QTest::addRow("empty") << qint64(8) << Floats{} << Doubles{} << Doubles{};
}

void TestPlots::stepLine() {
    QFETCH(qint64, inputExtent);
    QFETCH(Floats, samples);
    QFETCH(Doubles, keys);
    QFETCH(Doubles, values);
    const StepLine line = ui::stepLine(samples, inputExtent);
    QCOMPARE(line.keys, keys);
    QCOMPARE(line.values, values);
}

void TestPlots::rows() {
    // (2, 2, 3) holding 0..11: channel 1 row 1 is 9, 10, 11; the mean of row 0 over channels
    // 0, 1, 2 and 6, 7, 8 is 3, 4, 5.
    Floats values(12);
    for (int i = 0; i < 12; ++i) {
        values[static_cast<std::size_t>(i)] = static_cast<float>(i);
    }
    const Tensor tensor(Shape{2, 2, 3}, values);
    QCOMPARE(tensorRow(tensor, 1, 1), (Floats{9, 10, 11}));
    QCOMPARE(tensorRow(tensor, 0, 0), (Floats{0, 1, 2}));
    QCOMPARE(channelMeanRow(tensor, 0), (Floats{3, 4, 5}));
}

// ---- widgets -------------------------------------------------------------------------------

void TestPlots::histogramPlotDrawsOneBarPerBin() {
    HistogramPlot plot;
    plot.resize(640, 400);
    // 0..998 and 4000: 41 Freedman-Diaconis bins (see autoBinCount).
    const Floats values = rampWithOutlier(4000.0F);
    plot.setValues(tensorOf(Shape{1, 10, 100}, values), QStringLiteral("conv1"));
    QCOMPARE(plot.barCount(), 41);
    QCOMPARE(plot.histogram().binCount(), 41);
    QCOMPARE(plot.countsText(), QStringLiteral("1,000 values"));

    // Six values: FD gives 2 bins, raised to 10.
    plot.setValues(tensorOf(Shape{1, 2, 3}, Floats{0, 1, 1, 2, 3, 4}), QStringLiteral("small"));
    QCOMPARE(plot.barCount(), 10);
}

void TestPlots::histogramPlotShowsNonFiniteCounts() {
    HistogramPlot plot;
    plot.setValues(tensorOf(Shape{1, 2, 4}, Floats{0, 1, kNaN, 2, kInf, 3, kNaN, 4}),
                   QStringLiteral("bad"));
    QCOMPARE(plot.countsText(), QStringLiteral("5 values \u00B7 2 NaN \u00B7 1 +inf"));
    QCOMPARE(plot.barCount(), 10);
    QCOMPARE(plot.histogram().finite, std::int64_t{5});
}

void TestPlots::histogramPlotLogToggle() {
    HistogramPlot plot;
    plot.setValues(tensorOf(Shape{1, 1, 4}, Floats{0, 1, 2, 3}), QStringLiteral("t"));
    QSignalSpy spy(&plot, &HistogramPlot::logScaleChanged);
    QVERIFY(!plot.logScale());
    plot.setLogScale(true);
    QVERIFY(plot.logScale());
    plot.setLogScale(true);  // no change, no signal
    plot.setLogScale(false);
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(0).at(0).toBool(), true);
    QCOMPARE(spy.at(1).at(0).toBool(), false);
    QCOMPARE(plot.barCount(), 10);
}

void TestPlots::histogramPlotClears() {
    HistogramPlot plot;
    plot.setValues(tensorOf(Shape{1, 1, 4}, Floats{0, 1, 2, 3}), QStringLiteral("t"));
    QCOMPARE(plot.barCount(), 10);
    plot.setValues(nullptr, QStringLiteral("ignored"));
    QCOMPARE(plot.barCount(), 0);
    QCOMPARE(plot.countsText(), QStringLiteral("no data"));
}

void TestPlots::profilePlotPoints_data() {
    QTest::addColumn<qint64>("inputSize");
    QTest::addColumn<qint64>("layerSize");
    QTest::addColumn<double>("row");
    QTest::addColumn<qint64>("layerRow");
    QTest::addColumn<double>("marker");
    QTest::addColumn<QString>("readout");
    // Input value 8y + x, layer value 1000 + W_l y + x. Row 5, marker 6 -> input 46; layer
    // row floor(5.5 * 4 / 8) = 2, column floor(6.5 * 4 / 8) = 3 -> 1000 + 8 + 3.
    QTest::addRow("8->4") << qint64(8) << qint64(4) << 5.0 << qint64(2) << 6.0
                          << QStringLiteral(
                                 "x = 6   \u00B7   input 46   \u00B7   pool 1011 (x = 3)");
    // Row 5 -> floor(5.5 * 2) = 11, column floor(6.5 * 2) = 13 -> 1000 + 176 + 13.
    QTest::addRow("8->16") << qint64(8) << qint64(16) << 5.0 << qint64(11) << 6.0
                           << QStringLiteral(
                                  "x = 6   \u00B7   input 46   \u00B7   pool 1189 (x = 13)");
}

void TestPlots::profilePlotPoints() {
    QFETCH(qint64, inputSize);
    QFETCH(qint64, layerSize);
    QFETCH(double, row);
    QFETCH(qint64, layerRow);
    QFETCH(double, marker);
    QFETCH(QString, readout);

    ProfilePlot plot;
    plot.resize(800, 400);
    plot.setProfiles(indexTensor(Shape{1, inputSize, inputSize}, 0.0F),
                     indexTensor(Shape{1, layerSize, layerSize}, 1000.0F), 0,
                     QStringLiteral("pool"));
    plot.setRow(row);
    plot.setMarker(marker);
    QCOMPARE(plot.inputRowIndex(), qint64(row));
    QCOMPARE(plot.layerRowIndex(), layerRow);
    QCOMPARE(plot.inputPointCount(), int(inputSize) + 1);
    QCOMPARE(plot.layerPointCount(), int(layerSize) + 1);
    QCOMPARE(plot.readoutText(), readout);

    plot.setProfiles(indexTensor(Shape{1, inputSize, inputSize}, 0.0F), nullptr, 0, QString());
    QCOMPARE(plot.layerPointCount(), 0);
    QCOMPARE(plot.layerRowIndex(), qint64(-1));
    plot.setProfiles(nullptr, nullptr, 0, QString());
    QCOMPARE(plot.inputPointCount(), 0);
}

void TestPlots::profilePlotMeanOfInputChannels() {
    // RGB input under a 2-channel layer: the input curve is the channel mean. Channels are
    // offset by 100, so the mean of row 0 column 1 is (1 + 101 + 201) / 3 = 101.
    ProfilePlot plot;
    plot.setProfiles(indexTensor(Shape{3, 4, 4}, 0.0F), indexTensor(Shape{2, 2, 2}, 0.0F), 1,
                     QStringLiteral("conv"));
    plot.setRow(0.0);
    plot.setMarker(1.0);
    // Layer channel 1, row 0, column floor(1.5 / 2) = 0 -> 100.
    QCOMPARE(plot.readoutText(),
             QStringLiteral("x = 1   \u00B7   input 101   \u00B7   conv 100 (x = 0)"));
    // A channel past the layer's is clamped to its last.
    plot.setProfiles(indexTensor(Shape{3, 4, 4}, 0.0F), indexTensor(Shape{2, 2, 2}, 0.0F), 9,
                     QStringLiteral("conv"));
    QCOMPARE(plot.readoutText(),
             QStringLiteral("x = 1   \u00B7   input 101   \u00B7   conv 100 (x = 0)"));
}

// The window sets the selected maps again as a computation starts, delivers and finishes:
// only a change rebuilds and replots.
void TestPlots::profilePlotIgnoresTheSameMapsSetAgain() {
    ProfilePlot plot;
    plot.resize(600, 300);
    auto* canvas = qobject_cast<QCustomPlot*>(plot.canvas());
    QVERIFY(canvas != nullptr);
    QSignalSpy replots(canvas, &QCustomPlot::afterReplot);
    const auto input = indexTensor(Shape{1, 8, 8}, 0.0F);
    const auto layer = indexTensor(Shape{1, 4, 4}, 0.0F);
    plot.setProfiles(input, layer, 0, QStringLiteral("pool"));
    plot.setRow(3.0);
    QTRY_VERIFY(replots.count() > 0);
    replots.clear();
    plot.setProfiles(input, layer, 0, QStringLiteral("pool"));
    plot.setRow(3.0);
    QTest::qWait(50);
    QCOMPARE(replots.count(), 0);
    // Another map of the same shape and name is drawn.
    plot.setProfiles(input, indexTensor(Shape{1, 4, 4}, 500.0F), 0, QStringLiteral("pool"));
    QTRY_VERIFY(replots.count() > 0);
    QCOMPARE(plot.layerPointCount(), 5);
}

void TestPlots::profilePlotMarkerFollowsDrag() {
    ProfilePlot plot;
    plot.resize(800, 400);
    plot.setProfiles(indexTensor(Shape{1, 8, 8}, 0.0F), indexTensor(Shape{1, 4, 4}, 0.0F), 0,
                     QStringLiteral("pool"));
    plot.show();
    QVERIFY(QTest::qWaitForWindowExposed(&plot));
    QCOMPARE(plot.marker(), 3.0);  // starts mid-image: floor(7 / 2)

    QSignalSpy spy(&plot, &ProfilePlot::markerMoved);
    QWidget* canvas = plot.canvas();
    // About 90 pixels per input column: 20 pixels off a centre still snaps to it.
    QTest::mousePress(canvas, Qt::LeftButton, {}, plot.canvasPosition(1.0) + QPoint(20, 0));
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toDouble(), 1.0);

    QTest::mouseMove(canvas, plot.canvasPosition(5.0) - QPoint(20, 0));
    QCOMPARE(spy.count(), 2);
    QCOMPARE(spy.at(1).at(0).toDouble(), 5.0);
    QTest::mouseMove(canvas, plot.canvasPosition(5.2));  // same column: no signal
    QCOMPARE(spy.count(), 2);

    // Past the right end of the axis the marker stops at the last column.
    QTest::mouseMove(canvas, QPoint(canvas->width() - 2, plot.canvasPosition(0.0).y()));
    QCOMPARE(spy.count(), 3);
    QCOMPARE(spy.at(2).at(0).toDouble(), 7.0);

    QTest::mouseMove(canvas, plot.canvasPosition(6.0));
    QTest::mouseRelease(canvas, Qt::LeftButton, {}, plot.canvasPosition(6.0));
    QCOMPARE(spy.count(), 4);
    QCOMPARE(spy.at(3).at(0).toDouble(), 6.0);
    QCOMPARE(plot.marker(), 6.0);

    // setMarker is not a user move.
    plot.setMarker(2.0);
    QCOMPARE(spy.count(), 4);
    QCOMPARE(plot.marker(), 2.0);
}

void TestPlots::profilePlotMarkerFollowsKeys() {
    ProfilePlot plot;
    plot.setProfiles(indexTensor(Shape{1, 8, 8}, 0.0F), nullptr, 0, QString());
    QSignalSpy spy(&plot, &ProfilePlot::markerMoved);
    plot.setMarker(6.0);
    QTest::keyClick(&plot, Qt::Key_Right);
    QTest::keyClick(&plot, Qt::Key_Right);  // already at the last column
    QCOMPARE(spy.count(), 1);
    QCOMPARE(spy.at(0).at(0).toDouble(), 7.0);

    // Between columns (a layer sample centre), the keys go to the neighbouring input columns.
    plot.setMarker(2.5);
    QTest::keyClick(&plot, Qt::Key_Left);
    QCOMPARE(spy.at(1).at(0).toDouble(), 2.0);
    plot.setMarker(2.5);
    QTest::keyClick(&plot, Qt::Key_Right);
    QCOMPARE(spy.at(2).at(0).toDouble(), 3.0);
    QTest::keyClick(&plot, Qt::Key_Home);
    QCOMPARE(spy.at(3).at(0).toDouble(), 0.0);
    QTest::keyClick(&plot, Qt::Key_Left);
    QCOMPARE(spy.count(), 4);
}

void TestPlots::profilePlotScreenshots() {
    // Not an assertion on pixels: renders the plots for a person to look at.
    const QString dir = qEnvironmentVariable("STRIDELAB_PLOT_SCREENSHOTS");
    if (dir.isEmpty()) {
        QSKIP("set STRIDELAB_PLOT_SCREENSHOTS to a folder to render the plots");
    }
    // A smooth ramp with a vertical edge, then 2x average pooling and a checkerboarded 2x
    // upsampling of it, the artefacts the profile is for.
    const std::int64_t n = 32;
    auto input = std::make_shared<Tensor>(Shape{1, n, n});
    for (std::int64_t y = 0; y < n; ++y) {
        for (std::int64_t x = 0; x < n; ++x) {
            input->at(0, y, x) =
                static_cast<float>(0.5 + 0.4 * std::sin(0.45 * static_cast<double>(x))) +
                (x >= 20 ? 0.5F : 0.0F);
        }
    }
    auto pooled = std::make_shared<Tensor>(Shape{1, n / 2, n / 2});
    for (std::int64_t y = 0; y < n / 2; ++y) {
        for (std::int64_t x = 0; x < n / 2; ++x) {
            pooled->at(0, y, x) =
                0.25F * (input->at(0, 2 * y, 2 * x) + input->at(0, 2 * y, 2 * x + 1) +
                         input->at(0, 2 * y + 1, 2 * x) + input->at(0, 2 * y + 1, 2 * x + 1));
        }
    }
    auto upsampled = std::make_shared<Tensor>(Shape{1, 2 * n, 2 * n});
    for (std::int64_t y = 0; y < 2 * n; ++y) {
        for (std::int64_t x = 0; x < 2 * n; ++x) {
            upsampled->at(0, y, x) = input->at(0, y / 2, x / 2) * ((x % 2 == 0) ? 1.3F : 0.7F);
        }
    }

    ProfilePlot profile;
    profile.resize(900, 420);
    profile.setProfiles(input, pooled, 0, QStringLiteral("avg_pool2d"));
    profile.setRow(10.0);
    profile.setMarker(20.0);
    QVERIFY(profile.grab().save(dir + QStringLiteral("/plot-profile-pool.png")));
    profile.setProfiles(input, upsampled, 0, QStringLiteral("conv_transpose"));
    QVERIFY(profile.grab().save(dir + QStringLiteral("/plot-profile-upsample.png")));
    auto rgb = std::make_shared<Tensor>(Shape{3, n, n});
    for (std::int64_t c = 0; c < 3; ++c) {
        for (std::int64_t x = 0; x < n * n; ++x) {
            rgb->data()[c * n * n + x] = input->data()[x] * static_cast<float>(c + 1);
        }
    }
    auto conv = std::make_shared<Tensor>(Shape{8, n / 4, n / 4}, -3.0F);
    for (std::int64_t x = 0; x < n / 4; ++x) {
        conv->at(2, 2, x) = static_cast<float>(x) * 4.0F - 12.0F;
    }
    profile.setProfiles(rgb, conv, 2, QStringLiteral("conv3"));
    profile.setRow(10.0);
    QVERIFY(profile.grab().save(dir + QStringLiteral("/plot-profile-conv.png")));

    HistogramPlot histogram;
    histogram.resize(640, 420);
    Floats values;
    for (int i = 0; i < 5000; ++i) {
        const double u = std::fmod(i * 0.6180339887, 1.0);
        values.push_back(static_cast<float>(std::tan((u - 0.5) * 2.6)));
    }
    values.push_back(kNaN);
    values.push_back(kInf);
    histogram.setValues(tensorOf(Shape{1, 1, static_cast<std::int64_t>(values.size())}, values),
                        QStringLiteral("conv1 output"));
    QVERIFY(histogram.grab().save(dir + QStringLiteral("/plot-histogram.png")));
    histogram.setLogScale(true);
    QVERIFY(histogram.grab().save(dir + QStringLiteral("/plot-histogram-log.png")));
}

// 2^21 values: too many to bin on the GUI thread. setValues returns at once; the bars arrive
// from the thread pool with exact counts, and a newer map supersedes an older one.
void TestPlots::largeMapsAreBinnedInTheBackground() {
    const std::int64_t n = std::int64_t{1} << 21;
    QVERIFY(n > HistogramPlot::kSynchronousLimit);
    // Half the values 0, half 1: two populated end bins, the rest empty.
    std::vector<float> values(static_cast<std::size_t>(n), 0.0F);
    std::fill(values.begin() + n / 2, values.end(), 1.0F);
    auto big = std::make_shared<const Tensor>(Shape{2, 1024, 1024}, values);
    HistogramPlot plot;
    plot.setValues(big, QStringLiteral("big"));
    QVERIFY(plot.countsText().contains(QStringLiteral("binning")));
    QTRY_VERIFY(plot.histogram().finite == n);
    QCOMPARE(plot.histogram().counts.front(), n / 2);
    QCOMPARE(plot.histogram().counts.back(), n / 2);
    // Superseded: the small map set right after the big one stays.
    plot.setValues(big, QStringLiteral("big again"));
    auto small = std::make_shared<const Tensor>(Shape{1, 2, 2}, std::vector<float>{1, 2, 3, 4});
    plot.setValues(small, QStringLiteral("small"));
    QCOMPARE(plot.histogram().finite, std::int64_t{4});
    QTest::qWait(300);
    QCOMPARE(plot.histogram().finite, std::int64_t{4});
}

QTEST_MAIN(TestPlots)
#include "tst_plots.moc"
