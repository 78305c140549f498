// Kernel initializers (pipeline-format.md, "Weights"): the fixed filters' exact numbers, the
// Gaussian's limits, and the seeded random ones' Keras distributions.

#include "weights/initializer.h"
#include "weights/kernel_cache.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <numeric>

using namespace stridelab;

class TestInitializers : public QObject {
    Q_OBJECT

private slots:
    void gaussianTinySigmaIsTheLimit_data();
    void gaussianTinySigmaIsTheLimit();
    void gaussianDefaultSigma();
    void randomFollowsKeras_data();
    void randomFollowsKeras();
    void randomIsSeeded();
    void cachedKernelIsTheGeneratedOne();
};

void TestInitializers::gaussianTinySigmaIsTheLimit_data() {
    QTest::addColumn<int>("k");
    QTest::addColumn<QList<double>>("axis");  // the 1-D limit as sigma -> 0
    // Odd k: all weight on the centre tap. Even k: the two middle taps (t = +-0.5) share it;
    // exp(-0.25 / (2 * 1e-6)) underflows to 0, which must not become 0/0 = NaN.
    QTest::addRow("k1") << 1 << QList<double>{1};
    QTest::addRow("k2") << 2 << QList<double>{0.5, 0.5};
    QTest::addRow("k3") << 3 << QList<double>{0, 1, 0};
    QTest::addRow("k4") << 4 << QList<double>{0, 0.5, 0.5, 0};
}

void TestInitializers::gaussianTinySigmaIsTheLimit() {
    QFETCH(int, k);
    QFETCH(QList<double>, axis);
    const NdArray kernel =
        makeKernel({QStringLiteral("gaussian"), 0.001}, 0, {1, 1, 1, k, k, false});
    QCOMPARE(kernel.dims, (std::vector<std::int64_t>{1, 1, k, k}));
    for (int y = 0; y < k; ++y) {
        for (int x = 0; x < k; ++x) {
            QCOMPARE(kernel.values[static_cast<std::size_t>(y * k + x)],
                     static_cast<float>(axis[y] * axis[x]));
        }
    }
}

void TestInitializers::gaussianDefaultSigma() {
    // k = 3: sigma = 0.3*((3 - 1)*0.5 - 1) + 0.8 = 0.8; samples exp(-1/1.28) = 0.457833 at
    // t = -1 and 1, 1 at t = 0; sum 1.915666; axis [0.238994, 0.522011, 0.238994].
    const NdArray kernel =
        makeKernel({QStringLiteral("gaussian"), std::nullopt}, 0, {1, 1, 1, 3, 3, false});
    const double side = std::exp(-1.0 / 1.28) / (1.0 + 2.0 * std::exp(-1.0 / 1.28));
    const double centre = 1.0 / (1.0 + 2.0 * std::exp(-1.0 / 1.28));
    QVERIFY(std::abs(side - 0.238994) < 1e-6);
    QVERIFY(std::abs(kernel.values[4] - centre * centre) < 1e-7);
    QVERIFY(std::abs(kernel.values[0] - side * side) < 1e-7);
    QVERIFY(std::abs(std::accumulate(kernel.values.begin(), kernel.values.end(), 0.0) - 1.0) <
            1e-6);
}

void TestInitializers::randomFollowsKeras_data() {
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("transposed");
    QTest::addColumn<double>("bound");   // every value within +-bound
    QTest::addColumn<double>("stddev");  // expected standard deviation of the values
    // conv2d 64 filters, 3x3, 32 input channels: Keras kernel (3, 3, 32, 64),
    // fan_in = 9*32 = 288, fan_out = 9*64 = 576.
    // glorot_uniform: limit sqrt(6/(288+576)) = 0.0833333, stddev limit/sqrt(3) = 0.0481125.
    QTest::addRow("glorot_uniform")
        << QStringLiteral("glorot_uniform") << false << 0.0833334 << 0.0481125;
    // he_uniform: limit sqrt(6/288) = 0.144338, stddev 0.0833333.
    QTest::addRow("he_uniform") << QStringLiteral("he_uniform") << false << 0.144339 << 0.0833333;
    // he_normal: truncated normal, stddev sqrt(2/288) = 0.0833333 after truncation at two
    // (untruncated) standard deviations 0.0833333/0.87962566 = 0.0947385 -> bound 0.189477.
    QTest::addRow("he_normal") << QStringLiteral("he_normal") << false << 0.189478 << 0.0833333;
    // glorot_normal: stddev sqrt(2/864) = 0.0481125; bound 2*0.0481125/0.87962566 = 0.109393.
    QTest::addRow("glorot_normal")
        << QStringLiteral("glorot_normal") << false << 0.109394 << 0.0481125;
    // conv2d_transpose 64 filters on 32 channels: Keras kernel (3, 3, 64, 32), so fan_in =
    // 9*64 = 576 and he_uniform's limit is sqrt(6/576) = 0.102062, stddev 0.0589256.
    QTest::addRow("he_uniform transposed")
        << QStringLiteral("he_uniform") << true << 0.102063 << 0.0589256;
}

void TestInitializers::randomFollowsKeras() {
    QFETCH(QString, name);
    QFETCH(bool, transposed);
    QFETCH(double, bound);
    QFETCH(double, stddev);
    const NdArray kernel = makeKernel({name, std::nullopt}, 7, {32, 64, 1, 3, 3, transposed});
    QCOMPARE(kernel.values.size(), std::size_t{64 * 32 * 9});
    const auto [lo, hi] = std::minmax_element(kernel.values.begin(), kernel.values.end());
    QVERIFY2(-*lo <= bound && *hi <= bound,
             qPrintable(QStringLiteral("[%1, %2] beyond %3").arg(*lo).arg(*hi).arg(bound)));
    // 18432 samples: the sample standard deviation is within 2% of the true one.
    double sum = 0;
    double squares = 0;
    for (const float v : kernel.values) {
        sum += v;
        squares += double(v) * v;
    }
    const double n = static_cast<double>(kernel.values.size());
    const double sd = std::sqrt(squares / n - (sum / n) * (sum / n));
    QVERIFY2(std::abs(sd - stddev) < 0.02 * stddev,
             qPrintable(QStringLiteral("stddev %1, expected %2").arg(sd).arg(stddev)));
    QVERIFY(std::abs(sum / n) < 0.05 * stddev);
}

void TestInitializers::randomIsSeeded() {
    const KernelGeometry g{3, 8, 1, 3, 3, false};
    const NdArray a = makeKernel({QStringLiteral("he_normal"), std::nullopt}, 42, g);
    const NdArray b = makeKernel({QStringLiteral("he_normal"), std::nullopt}, 42, g);
    const NdArray c = makeKernel({QStringLiteral("he_normal"), std::nullopt}, 43, g);
    QCOMPARE(a.values, b.values);
    QVERIFY(a.values != c.values);
}

// A forward reuses a generated kernel from the cache: it must be exactly makeKernel's, shared
// for the same key and distinct for any change of seed, initializer or geometry.
void TestInitializers::cachedKernelIsTheGeneratedOne() {
    const InitializerSpec glorot;
    InitializerSpec he;
    he.name = QStringLiteral("he_normal");
    const KernelGeometry g{8, 16, 1, 3, 3, false};
    const auto first = cachedKernel(glorot, 7, g);
    QCOMPARE(*first, makeKernel(glorot, 7, g));
    QCOMPARE(cachedKernel(glorot, 7, g), first);  // the same object, not regenerated
    QCOMPARE(*cachedKernel(glorot, 8, g), makeKernel(glorot, 8, g));
    QVERIFY(*cachedKernel(glorot, 8, g) != *first);
    QCOMPARE(*cachedKernel(he, 7, g), makeKernel(he, 7, g));
    KernelGeometry transposed = g;
    transposed.transposed = true;
    QCOMPARE(*cachedKernel(glorot, 7, transposed), makeKernel(glorot, 7, transposed));
    QVERIFY(cachedKernel(glorot, 7, transposed) != first);
}

QTEST_GUILESS_MAIN(TestInitializers)
#include "tst_initializers.moc"
