// A feature map shrunk for display by area (view/render.h: areaResampled): each element the
// mean of the rectangle it covers, worked out by hand below; non-finite values never hidden;
// and the built-in zone plate, shrunk, without the false rings that picking elements showed.
#include "io/builtin_images.h"
#include "io/image_input.h"
#include "view/render.h"

#include <QTest>

#include <array>
#include <cmath>
#include <limits>
#include <numeric>

using namespace stridelab;
using namespace stridelab::ui;

class TestAreaResampled : public QObject {
    Q_OBJECT

private slots:
    void takesEachRectanglesMean();
    void keepsNonFiniteValues();
    void zonePlateShowsNoFalseRings();
};

// A 3x5 channel to 3 wide, 2 high: each output column covers 5/3 input columns and each row
// 3/2 input rows, elements cut by a rectangle's edge weighted by the part inside it.
void TestAreaResampled::takesEachRectanglesMean() {
    std::vector<float> v(15);
    std::iota(v.begin(), v.end(), 0.0F);  // value = 5*row + col
    const Tensor map(Shape{1, 3, 5}, v);
    const Tensor small = areaResampled(map, 0, 1, 3, 2);
    QCOMPARE(small.shape(), (Shape{1, 2, 3}));
    // Along a row, value = col: columns [0, 5/3), [5/3, 10/3), [10/3, 5).
    const double third = 1.0 / 3.0;
    const std::array<double, 3> colMean = {(0 + 1 * (2 * third)) / (5 * third),
                                           (1 * third + 2 + 3 * third) / (5 * third),
                                           (3 * (2 * third) + 4) / (5 * third)};
    // Down a column, 5*row: rows [0, 1.5), [1.5, 3).
    const std::array<double, 2> rowMean = {(0 + 5 * 0.5) / 1.5, (5 * 0.5 + 10) / 1.5};
    for (std::size_t y = 0; y < 2; ++y) {
        for (std::size_t x = 0; x < 3; ++x) {
            QCOMPARE(small.values()[y * 3 + x], static_cast<float>(rowMean[y] + colMean[x]));
        }
    }
    // Whole blocks where the sizes divide: 2x2 means.
    std::vector<float> even(16);
    std::iota(even.begin(), even.end(), 0.0F);
    const Tensor halved = areaResampled(Tensor(Shape{1, 4, 4}, even), 0, 1, 2, 2);
    QCOMPARE(std::vector<float>(halved.values().begin(), halved.values().end()),
             (std::vector<float>{2.5F, 4.5F, 10.5F, 12.5F}));
    // The size asked for, at most the map's; one channel of several, from a given one.
    std::vector<float> two(30);
    std::iota(two.begin(), two.end(), 0.0F);
    const Tensor second = areaResampled(Tensor(Shape{2, 3, 5}, two), 1, 1, 1, 9);
    QCOMPARE(second.shape(), (Shape{1, 3, 1}));
    QCOMPARE(second.values()[0], 17.0F);  // row 0 of channel 1: 15..19
    QCOMPARE(areaResampled(map, 0, -1, 5, 3).values()[7], 7.0F);
}

// Shrinking never hides a NaN or an infinity, ranks them as the colours do (NaN, +inf, -inf;
// +inf and -inf together are not turned into a NaN) and turns no large finite value into an
// infinity, even where the float weights of a footprint add up to a little over 1 (10 -> 3:
// the float sum of FLT_MAX's overflows, the mean is taken again in double).
void TestAreaResampled::keepsNonFiniteValues() {
    constexpr float inf = std::numeric_limits<float>::infinity();
    constexpr float nan = std::numeric_limits<float>::quiet_NaN();
    constexpr float big = 3e38F;
    // Five 2x2 blocks side by side; in the third, +inf and -inf sit in different rows.
    const Tensor map(Shape{1, 2, 10},
                     std::vector<float>{1,   nan, -inf, 2, inf,  5, 1, -inf, big,
                                        big,  //
                                        inf, 3,   4,    5, -inf, 7, 2, 3,    big, big});
    const Tensor small = areaResampled(map, 0, 1, 5, 1);
    QCOMPARE(small.shape(), (Shape{1, 1, 5}));
    QVERIFY(std::isnan(small.values()[0]));
    QCOMPARE(small.values()[1], -inf);
    QCOMPARE(small.values()[2], inf);
    QCOMPARE(small.values()[3], -inf);
    QCOMPARE(small.values()[4], big);
    constexpr float most = std::numeric_limits<float>::max();
    const Tensor largest = areaResampled(Tensor(Shape{1, 1, 10}, most), 0, 1, 3, 1);
    QCOMPARE(largest.values()[0], most);  // the one whose float sum overflows: clamped
    for (const float v : largest.values()) {
        QVERIFY(std::isfinite(v));
        QCOMPARE(v, most);  // to within float rounding of the weights
    }
}

// The built-in zone plate (256x256, local frequency r/256 cycles per pixel) shrunk 4 times:
// beyond r = 64 its rings are finer than the shrunk grid can show. Every 4th element would
// show them folded back at full contrast; block means leave a quarter of that contrast (the
// box filter's side lobes).
void TestAreaResampled::zonePlateShowsNoFalseRings() {
    const std::optional<QImage> image = builtinImage(QStringLiteral("zone_plate"));
    QVERIFY(image.has_value());
    const Tensor plate = imageToTensor(*image, ColorMode::Grayscale);
    QCOMPARE(plate.shape(), (Shape{1, 256, 256}));
    const Tensor small = areaResampled(plate, 0, 1, 64, 64);
    QCOMPARE(small.shape(), (Shape{1, 64, 64}));
    auto rangeBeyond = [](const Tensor& map, int step, double radius) {
        float lo = std::numeric_limits<float>::max();
        float hi = std::numeric_limits<float>::lowest();
        const std::int64_t n = map.shape().w;
        for (std::int64_t y = 0; y < n; ++y) {
            for (std::int64_t x = 0; x < n; ++x) {
                // The block's centre, in input pixels from the plate's centre.
                const double dy = (static_cast<double>(y) + 0.5) * step - 128.0;
                const double dx = (static_cast<double>(x) + 0.5) * step - 128.0;
                if (std::hypot(dx, dy) > radius && std::hypot(dx, dy) < 124.0) {
                    lo = std::min(lo, map.values()[static_cast<std::size_t>(y * n + x)]);
                    hi = std::max(hi, map.values()[static_cast<std::size_t>(y * n + x)]);
                }
            }
        }
        return hi - lo;
    };
    const Tensor picked = Tensor(Shape{1, 64, 64}, [&] {
        std::vector<float> v;
        for (std::int64_t y = 0; y < 256; y += 4) {
            for (std::int64_t x = 0; x < 256; x += 4) {
                v.push_back(plate.values()[static_cast<std::size_t>(y * 256 + x)]);
            }
        }
        return v;
    }());
    qInfo("range beyond r = 80: every 4th element %.3f, block means %.3f",
          rangeBeyond(picked, 4, 80.0), rangeBeyond(small, 4, 80.0));
    QVERIFY(rangeBeyond(picked, 4, 80.0) > 0.9F);
    QVERIFY(rangeBeyond(small, 4, 80.0) < 0.3F);
}

QTEST_MAIN(TestAreaResampled)
#include "tst_area_resampled.moc"
