// Map comparison (core/report/map_comparison.h) against values worked out by hand.

#include "report/map_comparison.h"

#include <QTest>

#include <cmath>
#include <limits>

using namespace stridelab;

class TestMapComparison : public QObject {
    Q_OBJECT

private slots:
    void psnrByHand();
    void equalMapsHaveInfinitePsnr();
    void constantReferenceHasNoPsnr();
    void shapesMustMatch();
};

void TestMapComparison::psnrByHand() {
    // a - b = (0, 0, 0, -1, 0.5, 0): mse = (1 + 0.25)/6, peak = 4 - 0 = 4,
    // psnr = 10 log10(16 * 6 / 1.25) = 10 log10(76.8) = 18.8536 dB.
    const Tensor a(Shape{1, 2, 3}, {0, 1, 2, 3, 2.5F, 1});
    const Tensor b(Shape{1, 2, 3}, {0, 1, 2, 4, 2, 1});
    auto c = compareMaps(a, b);
    QVERIFY(c.ok());
    QCOMPARE(c->difference.values()[3], -1.0F);
    QCOMPARE(c->difference.values()[4], 0.5F);
    QVERIFY(std::abs(c->mse - 1.25 / 6.0) < 1e-12);
    QCOMPARE(c->maxAbsDifference, 1.0);
    QCOMPARE(c->peak, 4.0);
    QVERIFY(c->psnr.has_value());
    QVERIFY2(std::abs(*c->psnr - 18.853612) < 1e-5, qPrintable(QString::number(*c->psnr, 'f', 6)));
}

void TestMapComparison::equalMapsHaveInfinitePsnr() {
    const Tensor a(Shape{2, 2, 2}, {1, 2, 3, 4, 5, 6, 7, 8});
    auto c = compareMaps(a, a);
    QVERIFY(c.ok());
    QCOMPARE(c->mse, 0.0);
    QCOMPARE(*c->psnr, std::numeric_limits<double>::infinity());
}

void TestMapComparison::constantReferenceHasNoPsnr() {
    auto c = compareMaps(Tensor(Shape{1, 1, 2}, {1, 2}), Tensor(Shape{1, 1, 2}, 1.0F));
    QVERIFY(c.ok());
    QCOMPARE(c->mse, 0.5);
    QVERIFY(!c->psnr.has_value());
}

void TestMapComparison::shapesMustMatch() {
    auto c = compareMaps(Tensor(Shape{3, 64, 64}), Tensor(Shape{3, 32, 32}));
    QVERIFY(!c.ok());
    QCOMPARE(c.error().message, QStringLiteral("shapes differ: (3, 64, 64) and (3, 32, 32)"));
}

QTEST_GUILESS_MAIN(TestMapComparison)
#include "tst_map_comparison.moc"
