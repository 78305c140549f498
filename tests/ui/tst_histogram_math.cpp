// The numbers behind the Statistics dock's histogram and every colour range: the value
// summary (finite range, NaN and infinity counts), the automatic bin count, the edges and the
// count in each bin, with numbers derived by hand in each row's comment or checked against
// counting one value at a time and a search of the edges.

#include "histogram_values.h"
#include "plots/histogram.h"
#include "plots/histogram_binning.h"
#include "view/value_summary.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <random>
#include <vector>

using namespace stridelab;
using namespace stridelab::ui;
using stridelab::test::rampWithOutlier;

using Floats = std::vector<float>;
using Doubles = std::vector<double>;
using Counts = std::vector<qint64>;
Q_DECLARE_METATYPE(Floats)
Q_DECLARE_METATYPE(Doubles)
Q_DECLARE_METATYPE(Counts)

namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

// 900 zeros and 1..100, like a ReLU output: both quartiles are 0.
Floats mostlyZeros() {
    Floats values(900, 0.0F);
    for (int i = 1; i <= 100; ++i) {
        values.push_back(static_cast<float>(i));
    }
    return values;
}

Counts toCounts(const std::vector<std::int64_t>& counts) {
    return {counts.begin(), counts.end()};
}

// 50,003 values in [lowest, highest], ReLU-like (a third exactly `lowest`, the rest spread),
// with NaN and both infinities among them, and every edge of `bins` even bins that a float can
// hold exactly (of at most about 4096), with its float neighbours: the values a binning can
// get wrong.
Floats hardToBin(float lowest, float highest, int bins) {
    std::mt19937 engine(11);
    std::uniform_real_distribution<double> spread(lowest, highest);
    auto inRange = [&](float v) { return std::clamp(v, lowest, highest); };
    Floats values;
    for (int i = 0; i < 50'003; ++i) {
        const int kind = static_cast<int>(engine() % 100);
        values.push_back(kind < 33 ? lowest : inRange(static_cast<float>(spread(engine))));
    }
    values[17] = kNaN;
    values[4'242] = kInf;
    values[30'001] = -kInf;
    values[50'002] = kNaN;  // in the tail that does not fill four
    values[1] = highest;
    const double width = (static_cast<double>(highest) - lowest) / bins;
    const int step = std::max(1, bins / 4096);  // the values stay mostly the ones above
    for (int i = 0; i <= bins; i += step) {
        const auto edge = static_cast<float>(lowest + i * width);
        for (const float v : {std::nextafter(edge, -kInf), edge, std::nextafter(edge, kInf)}) {
            values[static_cast<std::size_t>(engine() % 50'000) + 2] = inRange(v);
        }
    }
    return values;
}

// The definition: the number of edges at or below the value, less one, the last bin closed.
Counts countByEdgeSearch(const Floats& values, const Doubles& edges) {
    Counts counts(edges.size() - 1, 0);
    for (const float v : values) {
        if (!std::isfinite(v)) {
            continue;
        }
        const auto above = std::upper_bound(edges.begin(), edges.end(), static_cast<double>(v));
        const auto bin = std::min<std::ptrdiff_t>(above - edges.begin() - 1,
                                                  static_cast<std::ptrdiff_t>(counts.size()) - 1);
        ++counts[static_cast<std::size_t>(bin)];
    }
    return counts;
}

}  // namespace

class TestHistogramMath : public QObject {
    Q_OBJECT

private slots:
    void summaryOfLongMaps_data();
    void summaryOfLongMaps();
    void autoBinCount_data();
    void autoBinCount();
    void histogramBins_data();
    void histogramBins();
    void histogramAutoBinsCountEveryValue();
    void histogramValueOnInnerEdgeGoesUp();
    void binningMatchesEdgeSearch_data();
    void binningMatchesEdgeSearch();
    void histogramCountsText_data();
    void histogramCountsText();
};

// ---- value summary -------------------------------------------------------------------------

// summarise() reads 16 values at a time in four accumulators and the rest one by one: the
// extremes and the non-finite values in every position, compared with counting one by one.
void TestHistogramMath::summaryOfLongMaps_data() {
    QTest::addColumn<int>("length");
    QTest::addColumn<int>("lowestAt");
    QTest::addColumn<int>("highestAt");
    QTest::addColumn<bool>("nonFinite");
    for (const int length : {15, 16, 17, 1003}) {
        for (const int at : {0, 5, 14, length - 1}) {
            if (at == 14 && length == 15) {
                continue;  // the same as length - 1
            }
            for (const bool nonFinite : {false, true}) {
                QTest::addRow("%d values, extremes at %d and %d, %s", length, at, length - 1 - at,
                              nonFinite ? "NaN and infinities" : "all finite")
                    << length << at << length - 1 - at << nonFinite;
            }
        }
    }
}

void TestHistogramMath::summaryOfLongMaps() {
    QFETCH(int, length);
    QFETCH(int, lowestAt);
    QFETCH(int, highestAt);
    QFETCH(bool, nonFinite);
    std::vector<float> values(static_cast<std::size_t>(length));
    for (int i = 0; i < length; ++i) {
        values[static_cast<std::size_t>(i)] = static_cast<float>((i * 37) % 101) - 50.0F;
    }
    values[static_cast<std::size_t>(lowestAt)] = -1000.0F;
    values[static_cast<std::size_t>(highestAt)] = 2000.0F;
    if (nonFinite) {
        // Neither the first value nor the extremes; in the values after the whole groups of 16
        // for lengths 15 and 1003, in a whole group for every length over 15.
        for (const int i : {1, 3, length - 2, length / 2}) {
            if (i != lowestAt && i != highestAt && i > 0 && i < length) {
                values[static_cast<std::size_t>(i)] = i == 3 ? kInf : (i == 1 ? -kInf : kNaN);
            }
        }
    }
    ValueSummary expected;
    for (const float v : values) {
        if (std::isnan(v)) {
            ++expected.nan;
        } else if (std::isinf(v)) {
            ++(v > 0 ? expected.positiveInfinity : expected.negativeInfinity);
        } else {
            expected.lowest = std::min(expected.lowest, v);
            expected.highest = std::max(expected.highest, v);
            ++expected.finite;
        }
    }
    const ValueSummary summary = summarise(values);
    QCOMPARE(summary.lowest, expected.lowest);
    QCOMPARE(summary.highest, expected.highest);
    QCOMPARE(summary.finite, expected.finite);
    QCOMPARE(summary.nan, expected.nan);
    QCOMPARE(summary.positiveInfinity, expected.positiveInfinity);
    QCOMPARE(summary.negativeInfinity, expected.negativeInfinity);
    QVERIFY(nonFinite == (summary.finite < length));
}

// ---- bins and counts -----------------------------------------------------------------------

void TestHistogramMath::autoBinCount_data() {
    QTest::addColumn<Floats>("values");
    QTest::addColumn<int>("bins");
    QTest::addRow("empty") << Floats{} << 0;
    QTest::addRow("only non-finite") << Floats{kNaN, kInf, -kInf} << 0;
    QTest::addRow("constant") << Floats{2.5F, 2.5F, 2.5F} << 1;
    // 0..7: IQR 5.25 - 1.75 = 3.5, width 7 / 2 = 3.5, range 7 -> 2 bins, raised to 10.
    QTest::addRow("few values clamp to 10") << Floats{0, 1, 2, 3, 4, 5, 6, 7} << 10;
    // range 4000 / width 99.9 = 40.04 -> 41.
    QTest::addRow("freedman-diaconis 41") << rampWithOutlier(4000.0F) << 41;
    Floats withNonFinite = rampWithOutlier(4000.0F);
    withNonFinite.insert(withNonFinite.begin() + 10, {kNaN, kNaN, kInf, -kInf, kNaN});
    QTest::addRow("non-finite not counted in n") << withNonFinite << 41;
    // range 1e6 / 99.9 = 10010.01 -> 10011, capped.
    QTest::addRow("wide outlier clamps to 128") << rampWithOutlier(1.0e6F) << 128;
    // IQR 0: Sturges, ceil(log2 1000) + 1 = 10 + 1.
    QTest::addRow("zero IQR falls back to sturges") << mostlyZeros() << 11;
}

void TestHistogramMath::autoBinCount() {
    QFETCH(Floats, values);
    QFETCH(int, bins);
    QCOMPARE(ui::autoBinCount(values), bins);
}

void TestHistogramMath::histogramBins_data() {
    QTest::addColumn<Floats>("values");
    QTest::addColumn<int>("bins");
    QTest::addColumn<Doubles>("edges");
    QTest::addColumn<Counts>("counts");
    QTest::addColumn<qint64>("nan");
    QTest::addColumn<qint64>("positiveInfinity");
    QTest::addColumn<qint64>("negativeInfinity");

    // Edges 0..4 step 1; bins are [a, b) but the last holds the maximum (numpy's convention).
    QTest::addRow("half-open, last closed")
        << Floats{0, 1, 1, 2, 3, 4} << 4 << Doubles{0, 1, 2, 3, 4} << Counts{1, 2, 1, 2}
        << qint64(0) << qint64(0) << qint64(0);
    // Non-finite values neither count nor move the edges.
    QTest::addRow("negative range with non-finite")
        << Floats{-2.0F, -1.5F, kNaN, -1.0F, kInf, 0.0F, 0.5F, -kInf, 2.0F, kNaN} << 4
        << Doubles{-2, -1, 0, 1, 2} << Counts{2, 1, 2, 1} << qint64(2) << qint64(1) << qint64(1);
    // Edges 10, 12.5, 15, 17.5, 20: 12.5 and 17.5 open the next bin, 20 closes the last.
    QTest::addRow("values on inner edges")
        << Floats{10.0F, 12.5F, 12.5F, 14.0F, 17.5F, 20.0F, 20.0F} << 4
        << Doubles{10, 12.5, 15, 17.5, 20} << Counts{1, 3, 0, 3} << qint64(0) << qint64(0)
        << qint64(0);
    QTest::addRow("constant gets one bin around it")
        << Floats{3, 3, 3} << 0 << Doubles{2.5, 3.5} << Counts{3} << qint64(0) << qint64(0)
        << qint64(0);
    QTest::addRow("all NaN") << Floats{kNaN, kNaN} << 0 << Doubles{} << Counts{} << qint64(2)
                             << qint64(0) << qint64(0);
    QTest::addRow("empty") << Floats{} << 0 << Doubles{} << Counts{} << qint64(0) << qint64(0)
                           << qint64(0);
}

void TestHistogramMath::histogramBins() {
    QFETCH(Floats, values);
    QFETCH(int, bins);
    QFETCH(Doubles, edges);
    QFETCH(Counts, counts);
    QFETCH(qint64, nan);
    QFETCH(qint64, positiveInfinity);
    QFETCH(qint64, negativeInfinity);

    const Histogram histogram = computeHistogram(values, bins);
    QCOMPARE(histogram.edges, edges);
    QCOMPARE(toCounts(histogram.counts), counts);
    qint64 binned = 0;
    for (qint64 c : counts) {
        binned += c;
    }
    QCOMPARE(histogram.finite, binned);
    QCOMPARE(histogram.nan, nan);
    QCOMPARE(histogram.positiveInfinity, positiveInfinity);
    QCOMPARE(histogram.negativeInfinity, negativeInfinity);
}

void TestHistogramMath::histogramAutoBinsCountEveryValue() {
    // 41 bins of width 4000 / 41 = 97.56 over 0..998 and 4000: bin 0 holds 0..97 (98 values),
    // bin 10 [975.6, 1073.2) holds 976..998 (23), bins 11..39 are empty, bin 40 holds 4000.
    const Histogram histogram = computeHistogram(rampWithOutlier(4000.0F));
    QCOMPARE(histogram.binCount(), 41);
    QCOMPARE(histogram.edges.front(), 0.0);
    QCOMPARE(histogram.edges.back(), 4000.0);
    QCOMPARE(histogram.counts[0], std::int64_t{98});
    QCOMPARE(histogram.counts[10], std::int64_t{23});
    for (std::size_t i = 11; i < 40; ++i) {
        QCOMPARE(histogram.counts[i], std::int64_t{0});
    }
    QCOMPARE(histogram.counts[40], std::int64_t{1});
    QCOMPARE(histogram.finite, std::int64_t{1000});
}

void TestHistogramMath::histogramValueOnInnerEdgeGoesUp() {
    // [1.5, 2.2f] in 30 bins: edge 15 is the midpoint, (1.5 + 2.2f) / 2 = 1.85f exactly, so
    // 1.85f opens bin 15. (1.85f - 1.5) / ((2.2f - 1.5) / 30) rounds to 14.999999999999998,
    // so binning by division alone would put it in bin 14, left of the edge drawn for it.
    const Histogram histogram = computeHistogram(Floats{1.5F, 1.85F, 2.2F}, 30);
    QCOMPARE(histogram.binCount(), 30);
    QCOMPARE(histogram.edges[15], double{1.85F});
    QCOMPARE(histogram.counts[0], std::int64_t{1});
    QCOMPARE(histogram.counts[14], std::int64_t{0});
    QCOMPARE(histogram.counts[15], std::int64_t{1});
    QCOMPARE(histogram.counts[29], std::int64_t{1});
}

// countIntoBins estimates most bins in float, four at a time, where that is exact enough (at
// most 4096 bins, the range and the bins per unit finite floats), and counts one by one in
// double elsewhere: both must put every value in the bin of the edges drawn.
void TestHistogramMath::binningMatchesEdgeSearch_data() {
    QTest::addColumn<float>("lowest");
    QTest::addColumn<float>("highest");
    QTest::addColumn<int>("bins");
    QTest::addRow("ReLU map, 41 bins (float estimate)") << 0.0F << 4.75F << 41;
    QTest::addRow("negative to positive, 128 bins (float estimate)") << -3.1F << 2.2F << 128;
    QTest::addRow("4096 bins (float estimate)") << -1.0F << 1.0F << 4096;
    QTest::addRow("300,000 bins (double)") << -1.0F << 1.0F << 300'000;
    QTest::addRow("narrow range far from zero (float estimate)") << 1000.0F << 1000.001F << 100;
    QTest::addRow("range beyond the largest float (double)") << -3.0e38F << 3.0e38F << 64;
    QTest::addRow("range of 2e-38, bins per unit beyond the largest float (double)")
        << 0.0F << 2.0e-38F << 10;
}

void TestHistogramMath::binningMatchesEdgeSearch() {
    QFETCH(float, lowest);
    QFETCH(float, highest);
    QFETCH(int, bins);
    const Floats values = hardToBin(lowest, highest, bins);
    // The edges as computeHistogram draws them.
    Doubles edges;
    const double low = lowest;
    const double high = highest;
    for (int i = 0; i <= bins; ++i) {
        edges.push_back(low + i * ((high - low) / bins));
    }
    edges.back() = high;
    const Counts expected = countByEdgeSearch(values, edges);
    const bool inFloat = QByteArray(QTest::currentDataTag()).endsWith("(float estimate)");
    QCOMPARE(binsEstimatedInFloat(edges), inFloat);
    QCOMPARE(toCounts(countIntoBins(values, edges)), expected);
    // And through computeHistogram, whose edges these are.
    const Histogram histogram = computeHistogram(values, bins);
    QCOMPARE(histogram.edges, edges);
    QCOMPARE(toCounts(histogram.counts), expected);
}

void TestHistogramMath::histogramCountsText_data() {
    QTest::addColumn<Floats>("values");
    QTest::addColumn<QString>("text");
    QTest::addRow("one") << Floats{1} << QStringLiteral("1 value");
    QTest::addRow("thousands separator") << Floats(1234, 0.5F) << QStringLiteral("1,234 values");
    QTest::addRow("every kind") << Floats{-2.0F, kNaN, 1.0F, kInf, 0.0F, -kInf, kNaN}
                                << QStringLiteral(
                                       "3 values \u00B7 2 NaN \u00B7 1 +inf \u00B7 1 "
                                       "\u2212inf");
    QTest::addRow("only -inf") << Floats{-kInf, 4.0F}
                               << QStringLiteral("1 value \u00B7 1 \u2212inf");
}

void TestHistogramMath::histogramCountsText() {
    QFETCH(Floats, values);
    QFETCH(QString, text);
    QCOMPARE(ui::histogramCountsText(computeHistogram(values)), text);
}

QTEST_MAIN(TestHistogramMath)
#include "tst_histogram_math.moc"
