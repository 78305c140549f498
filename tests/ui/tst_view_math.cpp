// View math of the feature-map widgets: colour maps, value ranges, normalisation, the tile
// grid and its hit tests, zoom steps and thumbnail scales. Expected values are worked out by
// hand in the comments (colours from matplotlib's published viridis table).
#include "view/channel_grid_layout.h"
#include "view/colormap.h"
#include "view/display_options.h"
#include "view/normalisation.h"
#include "view/render.h"
#include "view/thumbnail_scale.h"

#include <QTest>

#include <numeric>

#include <cmath>
#include <limits>

using namespace stridelab;
using namespace stridelab::ui;

Q_DECLARE_METATYPE(stridelab::ui::ColormapName)
Q_DECLARE_METATYPE(stridelab::ui::Normalisation)
Q_DECLARE_METATYPE(stridelab::ui::ValueRange)
Q_DECLARE_METATYPE(stridelab::ui::GridSpec)
Q_DECLARE_METATYPE(std::vector<float>)
Q_DECLARE_METATYPE(std::vector<stridelab::ui::ValueRange>)
Q_DECLARE_METATYPE(std::vector<stridelab::Shape>)
Q_DECLARE_METATYPE(std::vector<QSizeF>)

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

char* rangeText(ValueRange r) {
    return QTest::toString(QStringLiteral("[%1, %2]").arg(r.min).arg(r.max));
}

bool near(const QRectF& a, const QRectF& b) {
    constexpr double eps = 1e-9;
    return std::abs(a.x() - b.x()) < eps && std::abs(a.y() - b.y()) < eps &&
           std::abs(a.width() - b.width()) < eps && std::abs(a.height() - b.height()) < eps;
}

// The 8 tiles of 4x4 pixels in a 100x50 area, 2 px apart. Columns 1..8 give scales 1.125,
// 2.75, 3.83, 5.875 (min of 94/16 and 48/8 = 6), 4.6, 3.75, 3.2, 2.69: 4 columns, 2 rows,
// rounded down to scale 5. Content 4*20 + 3*2 = 86 by 2*20 + 2 = 42, centred at (7, 4).
ChannelGridLayout eightTiles(int channels = 8) {
    return ChannelGridLayout::fit({channels, 4, 4}, QRectF(0, 0, 100, 50), 2.0);
}

DisplayOptions options(ColormapName colormap, Normalisation normalisation,
                       ValueRange fixed = {0.0F, 1.0F}) {
    DisplayOptions o;
    o.colormap = colormap;
    o.normalisation = normalisation;
    o.fixedRange = fixed;
    return o;
}

}  // namespace

namespace QTest {
template <>
char* toString(const ValueRange& r) {
    return rangeText(r);
}
template <>
char* toString(const MapPosition& p) {
    return QTest::toString(QStringLiteral("(c%1, r%2, x%3)").arg(p.channel).arg(p.row).arg(p.col));
}
}  // namespace QTest

class TestViewMath : public QObject {
    Q_OBJECT

private slots:
    void colormapColor_data();
    void colormapColor();
    void colormapNames();
    void finiteRange_data();
    void finiteRange();
    void channelAndLayerRanges();
    void symmetricRange_data();
    void symmetricRange();
    void normalisedValue_data();
    void normalisedValue();
    void normalisedValueNaN();
    void displayRanges_data();
    void displayRanges();
    void renderChannel_data();
    void renderChannel();
    void renderRgb_data();
    void renderRgb();
    void renderRejectsWrongShapes();
    void gridFit_data();
    void gridFit();
    void hitTest_data();
    void hitTest();
    void hitTestRoundTripsEveryPixel_data();
    void hitTestRoundTripsEveryPixel();
    void pixelRect();
    void zoomedAt_data();
    void zoomedAt();
    void keptInView_data();
    void keptInView();
    void zoomStep_data();
    void zoomStep();
    void thumbnails_data();
    void thumbnails();
};

void TestViewMath::colormapColor_data() {
    QTest::addColumn<ColormapName>("name");
    QTest::addColumn<double>("t");
    QTest::addColumn<uint>("expected");

    const double nan = std::numeric_limits<double>::quiet_NaN();
    const double inf = std::numeric_limits<double>::infinity();
    // Grey: round(255 t); 127.5 rounds up.
    QTest::addRow("grey 0") << ColormapName::Grey << 0.0 << 0xff000000U;
    QTest::addRow("grey 0.5") << ColormapName::Grey << 0.5 << 0xff808080U;
    QTest::addRow("grey 0.2") << ColormapName::Grey << 0.2 << 0xff333333U;
    QTest::addRow("grey 1") << ColormapName::Grey << 1.0 << 0xffffffffU;
    QTest::addRow("grey below 0 clamps") << ColormapName::Grey << -0.3 << 0xff000000U;
    QTest::addRow("grey above 1 clamps") << ColormapName::Grey << 1.7 << 0xffffffffU;
    // Infinities have colours of their own: a +inf is not the brightest finite value.
    QTest::addRow("grey +inf orange") << ColormapName::Grey << inf << 0xffff8000U;
    QTest::addRow("grey -inf cyan") << ColormapName::Grey << -inf << 0xff00ffffU;
    QTest::addRow("grey NaN magenta") << ColormapName::Grey << nan << 0xffff00ffU;
    // Viridis: entry floor(256 t) of the table, as matplotlib's to_hex(viridis(t)) gives.
    QTest::addRow("viridis 0") << ColormapName::Viridis << 0.0 << 0xff440154U;
    QTest::addRow("viridis 0.25") << ColormapName::Viridis << 0.25 << 0xff3b528bU;
    QTest::addRow("viridis 0.5") << ColormapName::Viridis << 0.5 << 0xff21918cU;
    QTest::addRow("viridis 0.75") << ColormapName::Viridis << 0.75 << 0xff5ec962U;
    QTest::addRow("viridis 1") << ColormapName::Viridis << 1.0 << 0xfffde725U;
    // Entry 1 is (0.268510, 0.009605, 0.335427) -> (68, 2, 86).
    QTest::addRow("viridis 1/256 entry 1") << ColormapName::Viridis << 1.0 / 256 << 0xff440256U;
    QTest::addRow("viridis just below 1/256 entry 0")
        << ColormapName::Viridis << 0.0039 << 0xff440154U;
    QTest::addRow("viridis 0.999 last entry") << ColormapName::Viridis << 0.999 << 0xfffde725U;
    QTest::addRow("viridis NaN magenta") << ColormapName::Viridis << nan << 0xffff00ffU;
    QTest::addRow("viridis +inf orange") << ColormapName::Viridis << inf << 0xffff8000U;
    QTest::addRow("viridis -inf cyan") << ColormapName::Viridis << -inf << 0xff00ffffU;
    // Diverging: #3b4cc0 -> white -> #b40426, linear; quarter points are half-way mixes,
    // e.g. (0x3b + 0xff) / 2 = 157, (0x4c + 0xff) / 2 = 165.5 -> 166.
    QTest::addRow("diverging 0 blue") << ColormapName::Diverging << 0.0 << 0xff3b4cc0U;
    QTest::addRow("diverging 0.25") << ColormapName::Diverging << 0.25 << 0xff9da6e0U;
    QTest::addRow("diverging 0.5 white") << ColormapName::Diverging << 0.5 << 0xffffffffU;
    QTest::addRow("diverging 0.75") << ColormapName::Diverging << 0.75 << 0xffda8293U;
    QTest::addRow("diverging 1 red") << ColormapName::Diverging << 1.0 << 0xffb40426U;
    QTest::addRow("diverging NaN magenta") << ColormapName::Diverging << nan << 0xffff00ffU;
    QTest::addRow("diverging +inf orange") << ColormapName::Diverging << inf << 0xffff8000U;
    QTest::addRow("diverging -inf cyan") << ColormapName::Diverging << -inf << 0xff00ffffU;
}

void TestViewMath::colormapColor() {
    QFETCH(ColormapName, name);
    QFETCH(double, t);
    QFETCH(uint, expected);
    QCOMPARE(QString::number(ui::colormapColor(name, t), 16), QString::number(expected, 16));
}

void TestViewMath::colormapNames() {
    QCOMPARE(allColormaps().size(), std::size_t{3});
    QStringList keys;
    for (const ColormapName name : allColormaps()) {
        QVERIFY(!colormapDisplayName(name).isEmpty());
        QCOMPARE(colormapFromKey(colormapKey(name)), std::optional<ColormapName>(name));
        keys << colormapKey(name);
    }
    QCOMPARE(keys, (QStringList{QStringLiteral("grey"), QStringLiteral("viridis"),
                                QStringLiteral("diverging")}));
    QCOMPARE(colormapFromKey(u"jet"), std::nullopt);
    QVERIFY(isDiverging(ColormapName::Diverging));
    QVERIFY(!isDiverging(ColormapName::Viridis));
    QCOMPARE(allNormalisations().size(), std::size_t{3});
    QCOMPARE(normalisationKey(Normalisation::PerLayer), QStringLiteral("layer"));
}

void TestViewMath::finiteRange_data() {
    QTest::addColumn<std::vector<float>>("values");
    QTest::addColumn<ValueRange>("expected");
    QTest::addRow("plain") << std::vector<float>{3, -1, 2} << ValueRange{-1, 3};
    QTest::addRow("NaN ignored") << std::vector<float>{kNaN, 2, 5, kNaN} << ValueRange{2, 5};
    QTest::addRow("inf ignored") << std::vector<float>{kInf, -kInf, 1, 4} << ValueRange{1, 4};
    QTest::addRow("single value") << std::vector<float>{7} << ValueRange{7, 7};
    QTest::addRow("all NaN") << std::vector<float>{kNaN, kNaN} << ValueRange{0, 0};
    QTest::addRow("only inf") << std::vector<float>{kInf} << ValueRange{0, 0};
    QTest::addRow("empty") << std::vector<float>{} << ValueRange{0, 0};
}

void TestViewMath::finiteRange() {
    QFETCH(std::vector<float>, values);
    QFETCH(ValueRange, expected);
    QCOMPARE(ui::finiteRange(values), expected);
}

void TestViewMath::channelAndLayerRanges() {
    const Tensor map(Shape{2, 2, 2}, {1, 2, 3, 4, -5, kNaN, 0, 8});
    QCOMPARE(channelRange(map, 0), (ValueRange{1, 4}));
    QCOMPARE(channelRange(map, 1), (ValueRange{-5, 8}));
    QCOMPARE(channelRange(map, 2), (ValueRange{0, 0}));
    QCOMPARE(layerRange(map), (ValueRange{-5, 8}));
    QCOMPARE(layerRange(Tensor()), (ValueRange{0, 0}));
}

void TestViewMath::symmetricRange_data() {
    QTest::addColumn<ValueRange>("range");
    QTest::addColumn<ValueRange>("expected");
    QTest::addRow("negative side smaller") << ValueRange{-1, 3} << ValueRange{-3, 3};
    QTest::addRow("all positive") << ValueRange{2, 5} << ValueRange{-5, 5};
    QTest::addRow("all negative") << ValueRange{-7, -2} << ValueRange{-7, 7};
    QTest::addRow("all zero") << ValueRange{0, 0} << ValueRange{0, 0};
}

void TestViewMath::symmetricRange() {
    QFETCH(ValueRange, range);
    QFETCH(ValueRange, expected);
    QCOMPARE(ui::symmetricRange(range), expected);
}

void TestViewMath::normalisedValue_data() {
    QTest::addColumn<float>("value");
    QTest::addColumn<ValueRange>("range");
    QTest::addColumn<double>("expected");
    QTest::addRow("middle") << 5.0F << ValueRange{0, 10} << 0.5;
    QTest::addRow("min") << 0.0F << ValueRange{0, 10} << 0.0;
    QTest::addRow("max") << 10.0F << ValueRange{0, 10} << 1.0;
    QTest::addRow("below clamps") << -3.0F << ValueRange{0, 10} << 0.0;
    QTest::addRow("above clamps") << 12.0F << ValueRange{0, 10} << 1.0;
    QTest::addRow("symmetric -1 of 4") << -1.0F << ValueRange{-4, 4} << 0.375;
    QTest::addRow("symmetric 0 is centre") << 0.0F << ValueRange{-4, 4} << 0.5;
    QTest::addRow("+inf stays +inf") << kInf << ValueRange{0, 10} << double(kInf);
    QTest::addRow("-inf stays -inf") << -kInf << ValueRange{0, 10} << -double(kInf);
    QTest::addRow("+inf on a degenerate range") << kInf << ValueRange{3, 3} << double(kInf);
    QTest::addRow("degenerate equal") << 3.0F << ValueRange{3, 3} << 0.5;
    QTest::addRow("degenerate below") << 2.0F << ValueRange{3, 3} << 0.0;
    QTest::addRow("degenerate above") << 4.0F << ValueRange{3, 3} << 1.0;
    QTest::addRow("all-zero diverging is white") << 0.0F << ValueRange{0, 0} << 0.5;
    QTest::addRow("inverted range is a threshold") << 2.0F << ValueRange{5, 1} << 0.0;
}

void TestViewMath::normalisedValue() {
    QFETCH(float, value);
    QFETCH(ValueRange, range);
    QFETCH(double, expected);
    QCOMPARE(ui::normalisedValue(value, range), expected);
}

void TestViewMath::normalisedValueNaN() {
    QVERIFY(std::isnan(ui::normalisedValue(kNaN, {0, 1})));
    QVERIFY(std::isnan(ui::normalisedValue(kNaN, {2, 2})));
    QCOMPARE(ui::colormapColor(ColormapName::Grey, ui::normalisedValue(kNaN, {0, 1})), kNanColor);
}

void TestViewMath::displayRanges_data() {
    QTest::addColumn<DisplayOptions>("opts");
    QTest::addColumn<std::vector<ValueRange>>("expected");
    // Channel 0 is {0, 1, 2, 3}, channel 1 is {-2, -1, 0, 6}; the layer is [-2, 6].
    QTest::addRow("per channel grey") << options(ColormapName::Grey, Normalisation::PerChannel)
                                      << std::vector<ValueRange>{{0, 3}, {-2, 6}};
    QTest::addRow("per layer grey") << options(ColormapName::Grey, Normalisation::PerLayer)
                                    << std::vector<ValueRange>{{-2, 6}, {-2, 6}};
    QTest::addRow("per channel diverging")
        << options(ColormapName::Diverging, Normalisation::PerChannel)
        << std::vector<ValueRange>{{-3, 3}, {-6, 6}};
    QTest::addRow("per layer diverging")
        << options(ColormapName::Diverging, Normalisation::PerLayer)
        << std::vector<ValueRange>{{-6, 6}, {-6, 6}};
    QTest::addRow("fixed") << options(ColormapName::Viridis, Normalisation::Fixed, {-1, 1})
                           << std::vector<ValueRange>{{-1, 1}, {-1, 1}};
    QTest::addRow("fixed diverging kept as typed")
        << options(ColormapName::Diverging, Normalisation::Fixed, {0, 10})
        << std::vector<ValueRange>{{0, 10}, {0, 10}};
}

void TestViewMath::displayRanges() {
    QFETCH(DisplayOptions, opts);
    QFETCH(std::vector<ValueRange>, expected);
    const Tensor map(Shape{2, 2, 2}, {0, 1, 2, 3, -2, -1, 0, 6});
    const std::vector<ValueRange> ranges = ui::displayRanges(map, opts);
    QCOMPARE(ranges.size(), expected.size());
    for (std::size_t c = 0; c < ranges.size(); ++c) {
        QCOMPARE(ranges[c], expected[c]);
        QCOMPARE(displayRange(map, static_cast<int>(c), opts), expected[c]);
    }
}

void TestViewMath::renderChannel_data() {
    QTest::addColumn<int>("channel");
    QTest::addColumn<DisplayOptions>("opts");
    QTest::addColumn<int>("x");
    QTest::addColumn<int>("y");
    QTest::addColumn<uint>("expected");
    // Channel 0 = {0, 2, 4 / 6, 8, 10} (2 rows of 3) in grey over [0, 10]: 51 per step of 2.
    const DisplayOptions grey = options(ColormapName::Grey, Normalisation::PerChannel);
    QTest::addRow("grey (0,0) 0") << 0 << grey << 0 << 0 << 0xff000000U;
    QTest::addRow("grey (1,0) 2") << 0 << grey << 1 << 0 << 0xff333333U;
    QTest::addRow("grey (0,1) 6") << 0 << grey << 0 << 1 << 0xff999999U;
    QTest::addRow("grey (2,1) 10") << 0 << grey << 2 << 1 << 0xffffffffU;
    // Channel 1 = {-1, 0, 1 / NaN, 0.5, -0.5}, diverging over the symmetric [-1, 1].
    const DisplayOptions div = options(ColormapName::Diverging, Normalisation::PerChannel);
    QTest::addRow("diverging -1 blue") << 1 << div << 0 << 0 << 0xff3b4cc0U;
    QTest::addRow("diverging 0 white") << 1 << div << 1 << 0 << 0xffffffffU;
    QTest::addRow("diverging 1 red") << 1 << div << 2 << 0 << 0xffb40426U;
    QTest::addRow("diverging NaN magenta") << 1 << div << 0 << 1 << 0xffff00ffU;
    QTest::addRow("diverging 0.5") << 1 << div << 1 << 1 << 0xffda8293U;
    QTest::addRow("diverging -0.5") << 1 << div << 2 << 1 << 0xff9da6e0U;
    // Per layer: [-1, 10]; 10 -> white, -1 -> black; 4 -> 5/11 * 255 = 115.9 -> 116.
    const DisplayOptions layer = options(ColormapName::Grey, Normalisation::PerLayer);
    QTest::addRow("layer grey 10") << 0 << layer << 2 << 1 << 0xffffffffU;
    QTest::addRow("layer grey 4") << 0 << layer << 2 << 0 << 0xff747474U;
    QTest::addRow("layer grey -1") << 1 << layer << 0 << 0 << 0xff000000U;
    // Fixed [0, 4]: 2 -> 127.5 -> 128; 6 clamps to white.
    const DisplayOptions fixed = options(ColormapName::Grey, Normalisation::Fixed, {0, 4});
    QTest::addRow("fixed grey 2") << 0 << fixed << 1 << 0 << 0xff808080U;
    QTest::addRow("fixed grey 6 clamps") << 0 << fixed << 0 << 1 << 0xffffffffU;
}

void TestViewMath::renderChannel() {
    QFETCH(int, channel);
    QFETCH(DisplayOptions, opts);
    QFETCH(int, x);
    QFETCH(int, y);
    QFETCH(uint, expected);
    const Tensor map(Shape{2, 2, 3}, {0, 2, 4, 6, 8, 10, -1, 0, 1, kNaN, 0.5F, -0.5F});
    const QImage image = ui::renderChannel(map, channel, opts, displayRange(map, channel, opts));
    QCOMPARE(image.format(), QImage::Format_RGB32);
    QCOMPARE(image.size(), QSize(3, 2));
    QCOMPARE(QString::number(image.pixel(x, y), 16), QString::number(expected, 16));
}

void TestViewMath::renderRgb_data() {
    QTest::addColumn<std::vector<float>>("values");
    QTest::addColumn<DisplayOptions>("opts");
    QTest::addColumn<ValueRange>("range");
    QTest::addColumn<uint>("left");
    QTest::addColumn<uint>("right");
    DisplayOptions rgb;
    rgb.rgb = true;
    // Planes R, G, B of two pixels. In [0, 1]: shown as they are; 0.25 -> 63.75 -> 64.
    QTest::addRow("image in [0,1]") << std::vector<float>{0, 1, 0.5F, 0, 1, 0.25F} << rgb
                                    << ValueRange{0, 1} << 0xff0080ffU << 0xffff0040U;
    // Out of [0, 1]: one range for all three planes, [0, 4]: 2 -> 128, 1 -> 64, 3 -> 191.
    QTest::addRow("outside [0,1] per layer") << std::vector<float>{0, 4, 2, 0, 1, 3} << rgb
                                             << ValueRange{0, 4} << 0xff008040U << 0xffff00bfU;
    // Per channel still uses one range, or the colours would change hue.
    DisplayOptions perChannel = rgb;
    perChannel.normalisation = Normalisation::PerChannel;
    QTest::addRow("per channel option keeps one range")
        << std::vector<float>{0, 4, 2, 0, 1, 3} << perChannel << ValueRange{0, 4} << 0xff008040U
        << 0xffff00bfU;
    DisplayOptions fixed = rgb;
    fixed.normalisation = Normalisation::Fixed;
    fixed.fixedRange = {0, 2};
    QTest::addRow("fixed clamps") << std::vector<float>{0, 4, 2, 0, 1, 3} << fixed
                                  << ValueRange{0, 2} << 0xff00ff80U << 0xffff00ffU;
    QTest::addRow("NaN pixel magenta") << std::vector<float>{0, 1, kNaN, 0, 1, 0} << rgb
                                       << ValueRange{0, 1} << 0xffff00ffU << 0xffff0000U;
    QTest::addRow("+inf pixel orange") << std::vector<float>{kInf, 1, 0, 0, 0, 0} << rgb
                                       << ValueRange{0, 1} << 0xffff8000U << 0xffff0000U;
    QTest::addRow("-inf pixel cyan") << std::vector<float>{0, 1, -kInf, 0, 0, 0} << rgb
                                     << ValueRange{0, 1} << 0xff00ffffU << 0xffff0000U;
    QTest::addRow("NaN wins over inf") << std::vector<float>{kInf, 1, kNaN, 0, 0, 0} << rgb
                                       << ValueRange{0, 1} << 0xffff00ffU << 0xffff0000U;
}

void TestViewMath::renderRgb() {
    QFETCH(std::vector<float>, values);
    QFETCH(DisplayOptions, opts);
    QFETCH(ValueRange, range);
    QFETCH(uint, left);
    QFETCH(uint, right);
    const Tensor map(Shape{3, 1, 2}, values);
    QVERIFY(showsAsRgb(map.shape(), opts));
    QCOMPARE(rgbRange(map, opts), range);
    const QImage image = ui::renderRgb(map, opts);
    QCOMPARE(image.size(), QSize(2, 1));
    QCOMPARE(QString::number(image.pixel(0, 0), 16), QString::number(left, 16));
    QCOMPARE(QString::number(image.pixel(1, 0), 16), QString::number(right, 16));
}

void TestViewMath::renderRejectsWrongShapes() {
    DisplayOptions rgb;
    rgb.rgb = true;
    const Tensor four(Shape{4, 2, 2}, 0.5F);
    QVERIFY(!showsAsRgb(four.shape(), rgb));
    QVERIFY(!showsAsRgb(Shape{3, 2, 2}, DisplayOptions{}));
    QVERIFY(ui::renderRgb(four, rgb).isNull());
    QVERIFY(ui::renderChannel(four, 4, rgb, {0, 1}).isNull());
    QVERIFY(ui::renderChannel(four, -1, rgb, {0, 1}).isNull());
}

void TestViewMath::gridFit_data() {
    QTest::addColumn<GridSpec>("spec");
    QTest::addColumn<QRectF>("area");
    QTest::addColumn<double>("spacing");
    QTest::addColumn<int>("columns");
    QTest::addColumn<int>("rows");
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("channel");
    QTest::addColumn<QRectF>("tile");

    // See eightTiles(): tile 5 is column 1, row 1: (7 + 22, 4 + 22).
    QTest::addRow("8 of 4x4 in 100x50, tile 5") << GridSpec{8, 4, 4} << QRectF(0, 0, 100, 50) << 2.0
                                                << 4 << 2 << 5.0 << 5 << QRectF(29, 26, 20, 20);
    QTest::addRow("8 of 4x4 in 100x50, tile 7") << GridSpec{8, 4, 4} << QRectF(0, 0, 100, 50) << 2.0
                                                << 4 << 2 << 5.0 << 7 << QRectF(73, 26, 20, 20);
    QTest::addRow("7 of 4x4 leaves a cell empty")
        << GridSpec{7, 4, 4} << QRectF(0, 0, 100, 50) << 2.0 << 4 << 2 << 5.0 << 6
        << QRectF(51, 26, 20, 20);
    // 13x13 in 416x416: exactly 32 screen pixels per map pixel.
    QTest::addRow("one 13x13 in 416 offset") << GridSpec{1, 13, 13} << QRectF(8, 8, 416, 416) << 4.0
                                             << 1 << 1 << 32.0 << 0 << QRectF(8, 8, 416, 416);
    // 3 of 2x2 in 100x30: 1 column 3.67 -> 3, 2 columns 6.5 -> 6, 3 columns
    // min(92/6, 15) = 15. Content 3*30 + 2*4 = 98 wide: origin x = 1.
    QTest::addRow("3 in a row") << GridSpec{3, 2, 2} << QRectF(0, 0, 100, 30) << 4.0 << 3 << 1
                                << 15.0 << 2 << QRectF(69, 0, 30, 30);
    // 1 and 2 columns both give 5; fewer columns wins. Origin x = floor(2.5) = 2.
    QTest::addRow("tie goes to fewer columns") << GridSpec{2, 1, 1} << QRectF(0, 0, 10, 10) << 0.0
                                               << 1 << 2 << 5.0 << 1 << QRectF(2, 5, 5, 5);
    // 7.9 rounds down to 7: content 7*10 = 70 wide in 79, height 7*5 = 35 in 40.
    QTest::addRow("scale rounded down") << GridSpec{1, 5, 10} << QRectF(0, 0, 79, 40) << 0.0 << 1
                                        << 1 << 7.0 << 0 << QRectF(4, 2, 70, 35);
    // Below 1 the scale stays fractional: 100 / 416.
    QTest::addRow("fractional below 1") << GridSpec{1, 416, 416} << QRectF(0, 0, 100, 100) << 4.0
                                        << 1 << 1 << 100.0 / 416.0 << 0 << QRectF(0, 0, 100, 100);
}

void TestViewMath::gridFit() {
    QFETCH(GridSpec, spec);
    QFETCH(QRectF, area);
    QFETCH(double, spacing);
    QFETCH(int, columns);
    QFETCH(int, rows);
    QFETCH(double, scale);
    QFETCH(int, channel);
    QFETCH(QRectF, tile);
    const ChannelGridLayout layout = ChannelGridLayout::fit(spec, area, spacing);
    QCOMPARE(layout.columns(), columns);
    QCOMPARE(layout.rows(), rows);
    QCOMPARE(layout.scale(), scale);
    QVERIFY2(near(layout.tileRect(channel), tile),
             qPrintable(QStringLiteral("tile %1: got (%2, %3, %4 x %5)")
                            .arg(channel)
                            .arg(layout.tileRect(channel).x())
                            .arg(layout.tileRect(channel).y())
                            .arg(layout.tileRect(channel).width())
                            .arg(layout.tileRect(channel).height())));
    QVERIFY(layout.tileRect(spec.channels).isEmpty());
    QVERIFY(area.contains(layout.contentRect()));
}

void TestViewMath::hitTest_data() {
    QTest::addColumn<int>("channels");
    QTest::addColumn<QPointF>("point");
    QTest::addColumn<std::optional<MapPosition>>("expected");
    using P = std::optional<MapPosition>;
    // eightTiles(): origin (7, 4), scale 5, tiles 20 px, pitch 22.
    QTest::addRow("top-left corner") << 8 << QPointF(7, 4) << P(MapPosition{0, 0, 0});
    QTest::addRow("just left of grid") << 8 << QPointF(6.99, 4) << P();
    QTest::addRow("just above grid") << 8 << QPointF(7, 3.99) << P();
    QTest::addRow("last pixel of tile 0") << 8 << QPointF(26.99, 23.99) << P(MapPosition{0, 3, 3});
    QTest::addRow("tile right edge is gap") << 8 << QPointF(27, 10) << P();
    QTest::addRow("gap end starts tile 1") << 8 << QPointF(29, 4) << P(MapPosition{1, 0, 0});
    QTest::addRow("gap between rows") << 8 << QPointF(10, 25) << P();
    QTest::addRow("tile 5 pixel row 1 col 2")
        << 8 << QPointF(41.5, 33.5) << P(MapPosition{5, 1, 2});
    QTest::addRow("tile 7 last pixel") << 8 << QPointF(92.5, 45.5) << P(MapPosition{7, 3, 3});
    QTest::addRow("right of last column") << 8 << QPointF(93, 30) << P();
    QTest::addRow("below last row") << 8 << QPointF(30, 46) << P();
    QTest::addRow("tile 3 with 7 channels") << 7 << QPointF(80, 10) << P(MapPosition{3, 1, 1});
    QTest::addRow("empty cell with 7 channels") << 7 << QPointF(80, 30) << P();
}

void TestViewMath::hitTest() {
    QFETCH(int, channels);
    QFETCH(QPointF, point);
    QFETCH(std::optional<MapPosition>, expected);
    const auto got = eightTiles(channels).hitTest(point);
    QCOMPARE(got.has_value(), expected.has_value());
    if (expected) {
        QCOMPARE(*got, *expected);
    }
}

void TestViewMath::hitTestRoundTripsEveryPixel_data() {
    QTest::addColumn<ChannelGridLayout>("layout");
    QTest::addRow("integer scale") << eightTiles();
    QTest::addRow("fractional gap after zoom")
        << ChannelGridLayout::fit({5, 3, 7}, QRectF(0, 0, 123, 77), 3.0)
               .zoomedAt(7.3, QPointF(40.2, 31.7));
    QTest::addRow("scale below 1")
        << ChannelGridLayout::fit({6, 40, 30}, QRectF(0, 0, 50, 50), 1.0);
}

void TestViewMath::hitTestRoundTripsEveryPixel() {
    // Every pixel's own corner and centre hit that pixel, whatever rounding the scale and
    // gap bring.
    QFETCH(ChannelGridLayout, layout);
    const GridSpec spec = layout.spec();
    for (int c = 0; c < spec.channels; ++c) {
        for (int r = 0; r < spec.height; ++r) {
            for (int x = 0; x < spec.width; ++x) {
                const MapPosition p{c, r, x};
                const QRectF rect = layout.pixelRect(p);
                QCOMPARE(layout.hitTest(rect.center()), std::optional<MapPosition>(p));
                QCOMPARE(layout.hitTest(rect.topLeft()), std::optional<MapPosition>(p));
            }
        }
    }
}

void TestViewMath::pixelRect() {
    // Tile 5 at (29, 26); pixel row 1, col 2 at (29 + 10, 26 + 5).
    QCOMPARE(eightTiles().pixelRect({5, 1, 2}), QRectF(39, 31, 5, 5));
    QCOMPARE(eightTiles().contentRect(), QRectF(7, 4, 86, 42));
    QVERIFY(eightTiles().pixelRect({8, 0, 0}).isEmpty());
}

void TestViewMath::zoomedAt_data() {
    QTest::addColumn<double>("scale");
    QTest::addColumn<QPointF>("anchor");
    QTest::addColumn<QPointF>("origin");
    QTest::addColumn<double>("gap");
    QTest::addColumn<MapPosition>("underAnchor");
    QTest::addColumn<QRectF>("tile5");
    // x2 at tile 5's corner: origin (29, 26) - 2 * (22, 22); the gap doubles to 4.
    QTest::addRow("x2 at tile 5 corner") << 10.0 << QPointF(29, 26) << QPointF(-15, -18) << 4.0
                                         << MapPosition{5, 0, 0} << QRectF(29, 26, 40, 40);
    // x3 at (41.5, 33.5): origin (41.5, 33.5) - 3 * (34.5, 29.5) = (-62, -55); tile 5 at
    // -62 + 66 = 4, -55 + 66 = 11.
    QTest::addRow("x3 inside a pixel") << 15.0 << QPointF(41.5, 33.5) << QPointF(-62, -55) << 6.0
                                       << MapPosition{5, 1, 2} << QRectF(4, 11, 60, 60);
    // /5 at the grid's corner: the corner stays; everything else moves towards it.
    QTest::addRow("x0.2 at the origin") << 1.0 << QPointF(7, 4) << QPointF(7, 4) << 0.4
                                        << MapPosition{0, 0, 0} << QRectF(11.4, 8.4, 4, 4);
}

void TestViewMath::zoomedAt() {
    QFETCH(double, scale);
    QFETCH(QPointF, anchor);
    QFETCH(QPointF, origin);
    QFETCH(double, gap);
    QFETCH(MapPosition, underAnchor);
    QFETCH(QRectF, tile5);
    const ChannelGridLayout before = eightTiles();
    QCOMPARE(before.hitTest(anchor), std::optional<MapPosition>(underAnchor));
    const ChannelGridLayout after = before.zoomedAt(scale, anchor);
    QCOMPARE(after.scale(), scale);
    QVERIFY(std::abs(after.origin().x() - origin.x()) < 1e-9);
    QVERIFY(std::abs(after.origin().y() - origin.y()) < 1e-9);
    QVERIFY(std::abs(after.gap() - gap) < 1e-9);
    QCOMPARE(after.hitTest(anchor), std::optional<MapPosition>(underAnchor));
    QVERIFY(near(after.tileRect(5), tile5));
}

void TestViewMath::keptInView_data() {
    QTest::addColumn<QPointF>("delta");
    QTest::addColumn<double>("margin");
    QTest::addColumn<QPointF>("origin");
    // Content (7, 4) 86 x 42 in a 100 x 50 viewport.
    QTest::addRow("inside stays") << QPointF(5, 3) << 32.0 << QPointF(12, 7);
    // Right edge at -107 must come back to 0 + 32: +139.
    QTest::addRow("far left pulled back") << QPointF(-200, 0) << 32.0 << QPointF(-54, 4);
    // Top at 4 + 300 must come up to 50 - 32 = 18.
    QTest::addRow("far below pulled up") << QPointF(0, 300) << 32.0 << QPointF(7, 18);
    // A margin larger than the content keeps all of it.
    QTest::addRow("margin capped at content") << QPointF(-200, 0) << 200.0 << QPointF(0, 4);
}

void TestViewMath::keptInView() {
    QFETCH(QPointF, delta);
    QFETCH(double, margin);
    QFETCH(QPointF, origin);
    const ChannelGridLayout layout =
        eightTiles().translated(delta).keptInView(QRectF(0, 0, 100, 50), margin);
    QCOMPARE(layout.origin(), origin);
}

void TestViewMath::zoomStep_data() {
    QTest::addColumn<double>("scale");
    QTest::addColumn<int>("steps");
    QTest::addColumn<double>("expected");
    // x sqrt(2), rounded at 1 and above, at least one whole step.
    QTest::addRow("1 in") << 1.0 << 1 << 2.0;                 // 1.41 -> 1, forced to 2
    QTest::addRow("2 in") << 2.0 << 1 << 3.0;                 // 2.83
    QTest::addRow("3 in") << 3.0 << 1 << 4.0;                 // 4.24
    QTest::addRow("4 in") << 4.0 << 1 << 6.0;                 // 5.66
    QTest::addRow("6 in") << 6.0 << 1 << 8.0;                 // 8.49
    QTest::addRow("4 in three steps") << 4.0 << 3 << 11.0;    // 6, 8, 11.3
    QTest::addRow("23 in") << 23.0 << 1 << 33.0;              // 32.5
    QTest::addRow("8 out") << 8.0 << -1 << 6.0;               // 5.66
    QTest::addRow("3 out") << 3.0 << -1 << 2.0;               // 2.12
    QTest::addRow("2 out") << 2.0 << -1 << 1.0;               // 1.41 -> 1
    QTest::addRow("1.2 out stops at 1") << 1.2 << -1 << 1.0;  // 0.85, but 1 is on the way
    QTest::addRow("1 out fractional") << 1.0 << -1 << 1.0 / 1.4142135623730951;
    QTest::addRow("0.5 in fractional") << 0.5 << 1 << 0.5 * 1.4142135623730951;
    QTest::addRow("0.8 in reaches 1") << 0.8 << 1 << 1.0;  // 1.13 -> 1
    QTest::addRow("clamped at max") << 100.0 << 1 << 128.0;
    QTest::addRow("clamped at min") << 0.1 << -1 << 0.08;
    QTest::addRow("no steps") << 5.0 << 0 << 5.0;
}

void TestViewMath::zoomStep() {
    QFETCH(double, scale);
    QFETCH(int, steps);
    QFETCH(double, expected);
    QCOMPARE(ui::zoomStep(scale, steps, 0.08, 128.0), expected);
}

void TestViewMath::thumbnails_data() {
    QTest::addColumn<std::vector<Shape>>("shapes");
    QTest::addColumn<double>("longestSide");
    QTest::addColumn<double>("scale");
    QTest::addColumn<std::vector<QSizeF>>("sizes");
    // 416 -> 13 is 32 times smaller: 96 -> 3 pixels.
    QTest::addRow("yolo-like 416 208 13")
        << std::vector<Shape>{{3, 416, 416}, {16, 208, 208}, {255, 13, 13}} << 96.0 << 96.0 / 416.0
        << std::vector<QSizeF>{{96, 96}, {48, 48}, {3, 3}};
    // Upsampling: the largest map is the output; the input is half of it.
    QTest::addRow("upsampled output is the reference")
        << std::vector<Shape>{{3, 8, 8}, {3, 16, 16}} << 96.0 << 6.0
        << std::vector<QSizeF>{{48, 48}, {96, 96}};
    QTest::addRow("non-square") << std::vector<Shape>{{1, 10, 40}} << 80.0 << 2.0
                                << std::vector<QSizeF>{{80, 20}};
    // 1 * 96/416 = 0.23 px would vanish: at least 1 px.
    QTest::addRow("1x1 stays visible") << std::vector<Shape>{{3, 416, 416}, {1, 1, 1}} << 96.0
                                       << 96.0 / 416.0 << std::vector<QSizeF>{{96, 96}, {1, 1}};
    QTest::addRow("no maps") << std::vector<Shape>{} << 96.0 << 1.0 << std::vector<QSizeF>{};
}

void TestViewMath::thumbnails() {
    QFETCH(std::vector<Shape>, shapes);
    QFETCH(double, longestSide);
    QFETCH(double, scale);
    QFETCH(std::vector<QSizeF>, sizes);
    const double got = thumbnailScale(shapes, longestSide);
    QCOMPARE(got, scale);
    for (std::size_t i = 0; i < shapes.size(); ++i) {
        QCOMPARE(thumbnailSize(shapes[i], got), sizes[i]);
    }
    QCOMPARE(thumbnailSize(Shape{0, 5, 5}, got), QSizeF(0, 0));
}

QTEST_MAIN(TestViewMath)
#include "tst_view_math.moc"
