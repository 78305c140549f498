// Every per-axis shape formula of pipeline-format.md, with the expected numbers derived by hand
// from the spec in each row's name or comment (never copied from the program's output).

#include "shape/axis_math.h"

#include <QTest>

using namespace stridelab;

namespace {

// "valid", "same", "p", "ph,pw" or "top,bottom,left,right".
PaddingSpec paddingFrom(const QString& text) {
    if (text == QStringLiteral("valid")) {
        return PaddingSpec::valid();
    }
    if (text == QStringLiteral("same")) {
        return PaddingSpec::same();
    }
    PaddingSpec spec{PaddingKind::Explicit, {}};
    for (const QString& part : text.split(QLatin1Char(','))) {
        spec.values.push_back(part.toLongLong());
    }
    return spec;
}

Axis axisFrom(int axis) {
    return axis == 0 ? Axis::Height : Axis::Width;
}

}  // namespace

class TestAxisMath : public QObject {
    Q_OBJECT

private slots:
    void divisionRoundsTowardMinusInfinity_data();
    void divisionRoundsTowardMinusInfinity();
    void conv_data();
    void conv();
    void pool_data();
    void pool();
    void transposedConv_data();
    void transposedConv();
    void resize_data();
    void resize();
};

void TestAxisMath::divisionRoundsTowardMinusInfinity_data() {
    QTest::addColumn<qint64>("a");
    QTest::addColumn<qint64>("b");
    QTest::addColumn<qint64>("floor");
    QTest::addColumn<qint64>("ceil");
    QTest::addRow("7/2") << qint64(7) << qint64(2) << qint64(3) << qint64(4);
    QTest::addRow("6/3 exact") << qint64(6) << qint64(3) << qint64(2) << qint64(2);
    // C++ '/' truncates -1/3 to 0; the shape formulas need floor = -1.
    QTest::addRow("-1/3") << qint64(-1) << qint64(3) << qint64(-1) << qint64(0);
    QTest::addRow("-4/2 exact") << qint64(-4) << qint64(2) << qint64(-2) << qint64(-2);
    QTest::addRow("-5/2") << qint64(-5) << qint64(2) << qint64(-3) << qint64(-2);
    QTest::addRow("0/5") << qint64(0) << qint64(5) << qint64(0) << qint64(0);
}

void TestAxisMath::divisionRoundsTowardMinusInfinity() {
    QFETCH(qint64, a);
    QFETCH(qint64, b);
    QFETCH(qint64, floor);
    QFETCH(qint64, ceil);
    QCOMPARE(floorDiv(a, b), floor);
    QCOMPARE(ceilDiv(a, b), ceil);
}

void TestAxisMath::conv_data() {
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("k");
    QTest::addColumn<qint64>("s");
    QTest::addColumn<qint64>("d");
    QTest::addColumn<QString>("padding");
    QTest::addColumn<int>("axis");
    QTest::addColumn<qint64>("out");
    QTest::addColumn<qint64>("before");
    QTest::addColumn<qint64>("after");
    QTest::addColumn<qint64>("padded");
    QTest::addColumn<QString>("formula");  // empty: not checked

    // "valid": out = floor((n - ke) / s) + 1, no padding.
    QTest::addRow("valid n28 k3 s1: (28-3)/1+1=26")
        << qint64(28) << qint64(3) << qint64(1) << qint64(1) << "valid" << 0 << qint64(26)
        << qint64(0) << qint64(0) << qint64(28) << "floor((28 + 0 - 3) / 1) + 1 = 26";
    QTest::addRow("valid n7 k3 s2: floor(4/2)+1=3")
        << qint64(7) << qint64(3) << qint64(2) << qint64(1) << "valid" << 0 << qint64(3)
        << qint64(0) << qint64(0) << qint64(7) << "floor((7 + 0 - 3) / 2) + 1 = 3";
    QTest::addRow("valid n8 k3 s2 stride does not divide: floor(5/2)+1=3")
        << qint64(8) << qint64(3) << qint64(2) << qint64(1) << "valid" << 1 << qint64(3)
        << qint64(0) << qint64(0) << qint64(8) << "floor((8 + 0 - 3) / 2) + 1 = 3";
    QTest::addRow("valid n10 k3 s3: floor(7/3)+1=3")
        << qint64(10) << qint64(3) << qint64(3) << qint64(1) << "valid" << 0 << qint64(3)
        << qint64(0) << qint64(0) << qint64(10) << "floor((10 + 0 - 3) / 3) + 1 = 3";
    QTest::addRow("valid n10 k3 d2: ke=5, floor(5/1)+1=6")
        << qint64(10) << qint64(3) << qint64(1) << qint64(2) << "valid" << 0 << qint64(6)
        << qint64(0) << qint64(0) << qint64(10) << "floor((10 + 0 - 5) / 1) + 1 = 6";
    QTest::addRow("valid n9 k3 s2 d3: ke=7, floor(2/2)+1=2")
        << qint64(9) << qint64(3) << qint64(2) << qint64(3) << "valid" << 0 << qint64(2)
        << qint64(0) << qint64(0) << qint64(9) << "";
    QTest::addRow("valid n3 k5 s1: floor(-2/1)+1=-1, reported not clamped")
        << qint64(3) << qint64(5) << qint64(1) << qint64(1) << "valid" << 0 << qint64(-1)
        << qint64(0) << qint64(0) << qint64(3) << "floor((3 + 0 - 5) / 1) + 1 = -1";
    // Truncating division would give (4-5)/2 = 0, then 1: a kernel larger than the input
    // would look valid.
    QTest::addRow("valid n4 k5 s2: floor(-1/2)+1=0")
        << qint64(4) << qint64(5) << qint64(2) << qint64(1) << "valid" << 0 << qint64(0)
        << qint64(0) << qint64(0) << qint64(4) << "floor((4 + 0 - 5) / 2) + 1 = 0";

    // TensorFlow "same": out = ceil(n/s), pt = max((out-1)*s + ke - n, 0), before = pt/2.
    QTest::addRow("same n64 k3 s1: pt=63+3-64=2 -> 1,1")
        << qint64(64) << qint64(3) << qint64(1) << qint64(1) << "same" << 0 << qint64(64)
        << qint64(1) << qint64(1) << qint64(66) << "ceil(64 / 1) = 64";
    QTest::addRow("same n64 k4 s1 even: pt=63+4-64=3 -> 1,2")
        << qint64(64) << qint64(4) << qint64(1) << qint64(1) << "same" << 0 << qint64(64)
        << qint64(1) << qint64(2) << qint64(67) << "ceil(64 / 1) = 64";
    QTest::addRow("same n7 k3 s2: out 4, pt=6+3-7=2 -> 1,1")
        << qint64(7) << qint64(3) << qint64(2) << qint64(1) << "same" << 0 << qint64(4) << qint64(1)
        << qint64(1) << qint64(9) << "ceil(7 / 2) = 4";
    QTest::addRow("same n4 k3 s2: out 2, pt=2+3-4=1 -> 0,1 (extra pixel after)")
        << qint64(4) << qint64(3) << qint64(2) << qint64(1) << "same" << 1 << qint64(2) << qint64(0)
        << qint64(1) << qint64(5) << "ceil(4 / 2) = 2";
    QTest::addRow("same n8 k2 s2: out 4, pt=6+2-8=0")
        << qint64(8) << qint64(2) << qint64(2) << qint64(1) << "same" << 0 << qint64(4) << qint64(0)
        << qint64(0) << qint64(8) << "ceil(8 / 2) = 4";
    QTest::addRow("same n5 k1 s2: out 3, pt=max(4+1-5,0)=0")
        << qint64(5) << qint64(1) << qint64(2) << qint64(1) << "same" << 0 << qint64(3) << qint64(0)
        << qint64(0) << qint64(5) << "ceil(5 / 2) = 3";
    QTest::addRow("same n6 k1 s4: out 2, pt=max(4+1-6,0)=0 not -1")
        << qint64(6) << qint64(1) << qint64(4) << qint64(1) << "same" << 0 << qint64(2) << qint64(0)
        << qint64(0) << qint64(6) << "ceil(6 / 4) = 2";
    QTest::addRow("same n6 k5 s3: out 2, pt=3+5-6=2 -> 1,1")
        << qint64(6) << qint64(5) << qint64(3) << qint64(1) << "same" << 0 << qint64(2) << qint64(1)
        << qint64(1) << qint64(8) << "ceil(6 / 3) = 2";
    QTest::addRow("same n10 k3 d2: ke=5, pt=9+5-10=4 -> 2,2")
        << qint64(10) << qint64(3) << qint64(1) << qint64(2) << "same" << 0 << qint64(10)
        << qint64(2) << qint64(2) << qint64(14) << "ceil(10 / 1) = 10";
    QTest::addRow("same n9 k3 s2 d2: ke=5, out 5, pt=8+5-9=4 -> 2,2")
        << qint64(9) << qint64(3) << qint64(2) << qint64(2) << "same" << 0 << qint64(5) << qint64(2)
        << qint64(2) << qint64(13) << "ceil(9 / 2) = 5";
    QTest::addRow("same n1 k7: pt=0+7-1=6 -> 3,3")
        << qint64(1) << qint64(7) << qint64(1) << qint64(1) << "same" << 0 << qint64(1) << qint64(3)
        << qint64(3) << qint64(7) << "ceil(1 / 1) = 1";

    // Explicit (PyTorch): out = floor((n + before + after - ke) / s) + 1.
    QTest::addRow("p1 n28 k3: floor(27/1)+1=28")
        << qint64(28) << qint64(3) << qint64(1) << qint64(1) << "1" << 0 << qint64(28) << qint64(1)
        << qint64(1) << qint64(30) << "floor((28 + 2 - 3) / 1) + 1 = 28";
    QTest::addRow("p1 n7 k3 s2: floor(6/2)+1=4")
        << qint64(7) << qint64(3) << qint64(2) << qint64(1) << "1" << 1 << qint64(4) << qint64(1)
        << qint64(1) << qint64(9) << "floor((7 + 2 - 3) / 2) + 1 = 4";
    QTest::addRow("p2 n5 k5 s2: floor(4/2)+1=3")
        << qint64(5) << qint64(5) << qint64(2) << qint64(1) << "2" << 0 << qint64(3) << qint64(2)
        << qint64(2) << qint64(9) << "";
    QTest::addRow("pair [1,2] height uses 1: floor((6+2-3)/1)+1=6")
        << qint64(6) << qint64(3) << qint64(1) << qint64(1) << "1,2" << 0 << qint64(6) << qint64(1)
        << qint64(1) << qint64(8) << "floor((6 + 2 - 3) / 1) + 1 = 6";
    QTest::addRow("pair [1,2] width uses 2: floor((6+4-3)/1)+1=8")
        << qint64(6) << qint64(3) << qint64(1) << qint64(1) << "1,2" << 1 << qint64(8) << qint64(2)
        << qint64(2) << qint64(10) << "floor((6 + 4 - 3) / 1) + 1 = 8";
    QTest::addRow("tblr [0,1,2,3] height 0+1: floor(3/2)+1=2")
        << qint64(5) << qint64(3) << qint64(2) << qint64(1) << "0,1,2,3" << 0 << qint64(2)
        << qint64(0) << qint64(1) << qint64(6) << "floor((5 + 1 - 3) / 2) + 1 = 2";
    QTest::addRow("tblr [0,1,2,3] width 2+3: floor(7/2)+1=4")
        << qint64(5) << qint64(3) << qint64(2) << qint64(1) << "0,1,2,3" << 1 << qint64(4)
        << qint64(2) << qint64(3) << qint64(10) << "floor((5 + 5 - 3) / 2) + 1 = 4";
    QTest::addRow("p1 n7 k3 d3: ke=7, floor(2/1)+1=3")
        << qint64(7) << qint64(3) << qint64(1) << qint64(3) << "1" << 0 << qint64(3) << qint64(1)
        << qint64(1) << qint64(9) << "floor((7 + 2 - 7) / 1) + 1 = 3";
    QTest::addRow("p1 n2 k5: floor(-1/1)+1=0")
        << qint64(2) << qint64(5) << qint64(1) << qint64(1) << "1" << 0 << qint64(0) << qint64(1)
        << qint64(1) << qint64(4) << "floor((2 + 2 - 5) / 1) + 1 = 0";
}

void TestAxisMath::conv() {
    QFETCH(qint64, n);
    QFETCH(qint64, k);
    QFETCH(qint64, s);
    QFETCH(qint64, d);
    QFETCH(QString, padding);
    QFETCH(int, axis);
    QFETCH(qint64, out);
    QFETCH(qint64, before);
    QFETCH(qint64, after);
    QFETCH(qint64, padded);
    QFETCH(QString, formula);
    const AxisShape a = convAxis(n, k, s, d, paddingFrom(padding), axisFrom(axis));
    QCOMPARE(a.out, out);
    QCOMPARE(a.before, before);
    QCOMPARE(a.after, after);
    QCOMPARE(a.paddedExtent, padded);
    QCOMPARE(a.in, n);
    QCOMPARE(a.kernel, k);
    QCOMPARE(a.effectiveKernel, d * (k - 1) + 1);
    QCOMPARE(a.stride, s);
    QCOMPARE(a.dilation, d);
    if (!formula.isEmpty()) {
        QCOMPARE(a.formula, formula);
    }
}

void TestAxisMath::pool_data() {
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("k");
    QTest::addColumn<qint64>("s");
    QTest::addColumn<QString>("padding");
    QTest::addColumn<bool>("ceilMode");
    QTest::addColumn<int>("axis");
    QTest::addColumn<qint64>("out");
    QTest::addColumn<qint64>("before");
    QTest::addColumn<qint64>("after");
    QTest::addColumn<QString>("formula");

    QTest::addRow("valid n8 k2 s2: floor(6/2)+1=4")
        << qint64(8) << qint64(2) << qint64(2) << "valid" << false << 0 << qint64(4) << qint64(0)
        << qint64(0) << "floor((8 + 0 - 2) / 2) + 1 = 4";
    QTest::addRow("valid n7 k2 s2 floor: floor(5/2)+1=3")
        << qint64(7) << qint64(2) << qint64(2) << "valid" << false << 0 << qint64(3) << qint64(0)
        << qint64(0) << "floor((7 + 0 - 2) / 2) + 1 = 3";
    // Last window starts at 6 < n = 7 (real element 6 plus one past the end): kept.
    QTest::addRow("valid n7 k2 s2 ceil: ceil(5/2)+1=4, start 6 < 7 kept")
        << qint64(7) << qint64(2) << qint64(2) << "valid" << true << 0 << qint64(4) << qint64(0)
        << qint64(0) << "ceil((7 + 0 - 2) / 2) + 1 = 4";
    QTest::addRow("valid n8 k2 s2 ceil = floor: ceil(6/2)+1=4")
        << qint64(8) << qint64(2) << qint64(2) << "valid" << true << 0 << qint64(4) << qint64(0)
        << qint64(0) << "ceil((8 + 0 - 2) / 2) + 1 = 4";
    QTest::addRow("valid n7 k3 s2 ceil = floor: ceil(4/2)+1=3")
        << qint64(7) << qint64(3) << qint64(2) << "valid" << true << 1 << qint64(3) << qint64(0)
        << qint64(0) << "ceil((7 + 0 - 3) / 2) + 1 = 3";
    // Padded positions: 0 pad, 1..7 real, 8 pad. ceil(7/2)+1 = 5 windows would start at
    // 0, 2, 4, 6, 8; (5-1)*2 = 8 >= n + before = 8: the window at 8 is all padding, dropped.
    QTest::addRow("p1 n7 k2 s2 ceil: ceil(7/2)+1=5, start 8 >= 7+1 dropped -> 4")
        << qint64(7) << qint64(2) << qint64(2) << "1" << true << 0 << qint64(4) << qint64(1)
        << qint64(1)
        << "ceil((7 + 2 - 2) / 2) + 1 - 1 = 4 (the last window would start in the padding)";
    QTest::addRow("p1 n7 k2 s2 floor: floor(7/2)+1=4")
        << qint64(7) << qint64(2) << qint64(2) << "1" << false << 0 << qint64(4) << qint64(1)
        << qint64(1) << "floor((7 + 2 - 2) / 2) + 1 = 4";
    // Without padding a window past the end needs s > k: starts 0, 3, 6; 6 >= n = 5.
    QTest::addRow("valid n5 k1 s3 ceil: ceil(4/3)+1=3, start 6 >= 5 dropped -> 2")
        << qint64(5) << qint64(1) << qint64(3) << "valid" << true << 0 << qint64(2) << qint64(0)
        << qint64(0)
        << "ceil((5 + 0 - 1) / 3) + 1 - 1 = 2 (the last window would start in the padding)";
    QTest::addRow("valid n6 k2 s3 ceil: ceil(4/3)+1=3, start 6 >= 6 dropped -> 2")
        << qint64(6) << qint64(2) << qint64(3) << "valid" << true << 0 << qint64(2) << qint64(0)
        << qint64(0) << "";
    QTest::addRow("valid n7 k2 s3 ceil: ceil(5/3)+1=3, start 6 < 7 kept")
        << qint64(7) << qint64(2) << qint64(3) << "valid" << true << 0 << qint64(3) << qint64(0)
        << qint64(0) << "ceil((7 + 0 - 2) / 3) + 1 = 3";
    QTest::addRow("valid n7 k2 s3 floor: floor(5/3)+1=2")
        << qint64(7) << qint64(2) << qint64(3) << "valid" << false << 0 << qint64(2) << qint64(0)
        << qint64(0) << "floor((7 + 0 - 2) / 3) + 1 = 2";
    // Padded: 0 pad, 1..6 real, 7 pad; starts 0, 2, 4, 6; 6 < 6 + 1 kept.
    QTest::addRow("p1 n6 k3 s2 ceil: ceil(5/2)+1=4, start 6 < 7 kept")
        << qint64(6) << qint64(3) << qint64(2) << "1" << true << 0 << qint64(4) << qint64(1)
        << qint64(1) << "ceil((6 + 2 - 3) / 2) + 1 = 4";
    QTest::addRow("p1 n6 k3 s2 floor: floor(5/2)+1=3")
        << qint64(6) << qint64(3) << qint64(2) << "1" << false << 0 << qint64(3) << qint64(1)
        << qint64(1) << "floor((6 + 2 - 3) / 2) + 1 = 3";
    // Padded: 0 pad, 1..5 real, 6 pad; starts 0, 2, 4, 6; 6 >= 5 + 1 dropped.
    QTest::addRow("pair [1,1] n5 k2 s2 ceil: ceil(5/2)+1=4, start 6 >= 6 dropped -> 3")
        << qint64(5) << qint64(2) << qint64(2) << "1,1" << true << 1 << qint64(3) << qint64(1)
        << qint64(1) << "";
    // Before 1, after 0: starts 0, 2, 4; 4 < 5 + 1.
    QTest::addRow("tblr [1,0,0,0] height n5 k3 s2 ceil: ceil(3/2)+1=3 kept")
        << qint64(5) << qint64(3) << qint64(2) << "1,0,0,0" << true << 0 << qint64(3) << qint64(1)
        << qint64(0) << "ceil((5 + 1 - 3) / 2) + 1 = 3";
    // Before 0, after 1: starts 0, 2, 4; the window at 4 holds real 4 and pad 5: kept.
    QTest::addRow("tblr [0,1,0,0] height n5 k2 s2 ceil: ceil(4/2)+1=3 kept")
        << qint64(5) << qint64(2) << qint64(2) << "0,1,0,0" << true << 0 << qint64(3) << qint64(0)
        << qint64(1) << "ceil((5 + 1 - 2) / 2) + 1 = 3";
    QTest::addRow("same n5 k2 s2: out 3, pt=4+2-5=1 -> 0,1")
        << qint64(5) << qint64(2) << qint64(2) << "same" << false << 0 << qint64(3) << qint64(0)
        << qint64(1) << "ceil(5 / 2) = 3";
    QTest::addRow("same n7 k3 s2: out 4, pt=6+3-7=2 -> 1,1")
        << qint64(7) << qint64(3) << qint64(2) << "same" << false << 0 << qint64(4) << qint64(1)
        << qint64(1) << "ceil(7 / 2) = 4";
    QTest::addRow("same n5 k3 s1: out 5, pt=4+3-5=2 -> 1,1")
        << qint64(5) << qint64(3) << qint64(1) << "same" << false << 1 << qint64(5) << qint64(1)
        << qint64(1) << "ceil(5 / 1) = 5";
    QTest::addRow("valid n9 k3 s3: floor(6/3)+1=3")
        << qint64(9) << qint64(3) << qint64(3) << "valid" << false << 0 << qint64(3) << qint64(0)
        << qint64(0) << "floor((9 + 0 - 3) / 3) + 1 = 3";
    QTest::addRow("valid n2 k3 s3: floor(-1/3)+1=0")
        << qint64(2) << qint64(3) << qint64(3) << "valid" << false << 0 << qint64(0) << qint64(0)
        << qint64(0) << "floor((2 + 0 - 3) / 3) + 1 = 0";
}

void TestAxisMath::pool() {
    QFETCH(qint64, n);
    QFETCH(qint64, k);
    QFETCH(qint64, s);
    QFETCH(QString, padding);
    QFETCH(bool, ceilMode);
    QFETCH(int, axis);
    QFETCH(qint64, out);
    QFETCH(qint64, before);
    QFETCH(qint64, after);
    QFETCH(QString, formula);
    const AxisShape a = poolAxis(n, k, s, paddingFrom(padding), ceilMode, axisFrom(axis));
    QCOMPARE(a.out, out);
    QCOMPARE(a.before, before);
    QCOMPARE(a.after, after);
    QCOMPARE(a.paddedExtent, n + before + after);
    QCOMPARE(a.dilation, qint64(1));
    QCOMPARE(a.effectiveKernel, k);
    if (!formula.isEmpty()) {
        QCOMPARE(a.formula, formula);
    }
}

void TestAxisMath::transposedConv_data() {
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("k");
    QTest::addColumn<qint64>("s");
    QTest::addColumn<qint64>("d");
    QTest::addColumn<QString>("padding");
    QTest::addColumn<int>("axis");
    QTest::addColumn<int>("outputPadding");  // -1: not given
    QTest::addColumn<qint64>("out");
    QTest::addColumn<qint64>("offset");
    QTest::addColumn<qint64>("after");  // full - offset - out; negative when zero-extended
    QTest::addColumn<qint64>("full");   // (n - 1)*s + ke
    QTest::addColumn<QString>("formula");

    // PyTorch explicit p: out = (n-1)*s - 2p + ke + op, offset p.
    QTest::addRow("p1 k3 s2 n4 op1: 6-2+3+1=8, full 9, after 0")
        << qint64(4) << qint64(3) << qint64(2) << qint64(1) << "1" << 0 << 1 << qint64(8)
        << qint64(1) << qint64(0) << qint64(9) << "(4 - 1)*2 - 2*1 + 3 + 1 = 8";
    QTest::addRow("p1 k3 s2 n4: 6-2+3+0=7, full 9, after 1")
        << qint64(4) << qint64(3) << qint64(2) << qint64(1) << "1" << 0 << -1 << qint64(7)
        << qint64(1) << qint64(1) << qint64(9) << "(4 - 1)*2 - 2*1 + 3 + 0 = 7";
    QTest::addRow("p0 k2 s2 n5: 8+2=10 = full")
        << qint64(5) << qint64(2) << qint64(2) << qint64(1) << "0" << 0 << -1 << qint64(10)
        << qint64(0) << qint64(0) << qint64(10) << "(5 - 1)*2 - 2*0 + 2 + 0 = 10";
    QTest::addRow("p0 k3 s2 n3 op1: 4+3+1=8, full 7, after -1")
        << qint64(3) << qint64(3) << qint64(2) << qint64(1) << "0" << 0 << 1 << qint64(8)
        << qint64(0) << qint64(-1) << qint64(7) << "(3 - 1)*2 - 2*0 + 3 + 1 = 8";
    QTest::addRow("p2 k3 d2 n5: ke=5, 4-4+5=5, full 9, after 2")
        << qint64(5) << qint64(3) << qint64(1) << qint64(2) << "2" << 0 << -1 << qint64(5)
        << qint64(2) << qint64(2) << qint64(9) << "(5 - 1)*1 - 2*2 + 5 + 0 = 5";
    // op 1 < max(s=1, d=2) is legal in PyTorch.
    QTest::addRow("p0 k3 s1 d2 n4 op1: ke=5, 3+5+1=9, full 8, after -1")
        << qint64(4) << qint64(3) << qint64(1) << qint64(2) << "0" << 0 << 1 << qint64(9)
        << qint64(0) << qint64(-1) << qint64(8) << "(4 - 1)*1 - 2*0 + 5 + 1 = 9";
    QTest::addRow("pair [1,2] width uses 2, k5 s2 n3: 4-4+5=5, full 9")
        << qint64(3) << qint64(5) << qint64(2) << qint64(1) << "1,2" << 1 << -1 << qint64(5)
        << qint64(2) << qint64(2) << qint64(9) << "(3 - 1)*2 - 2*2 + 5 + 0 = 5";
    QTest::addRow("p3 k3 n1: 0-6+3=-3, reported not clamped")
        << qint64(1) << qint64(3) << qint64(1) << qint64(1) << "3" << 0 << -1 << qint64(-3)
        << qint64(3) << qint64(3) << qint64(3) << "(1 - 1)*1 - 2*3 + 3 + 0 = -3";

    // Keras "valid" without op: out = n*s + max(ke - s, 0), offset floor(max(full - out, 0)/2).
    QTest::addRow("keras valid k3 s2 n4: 8+1=9 = full, offset 0")
        << qint64(4) << qint64(3) << qint64(2) << qint64(1) << "valid" << 0 << -1 << qint64(9)
        << qint64(0) << qint64(0) << qint64(9) << "4*2 + max(3 - 2, 0) = 9";
    QTest::addRow("keras valid k2 s3 n4 kernel<stride: 12+0=12, full 11, after -1")
        << qint64(4) << qint64(2) << qint64(3) << qint64(1) << "valid" << 0 << -1 << qint64(12)
        << qint64(0) << qint64(-1) << qint64(11) << "4*3 + max(2 - 3, 0) = 12";
    QTest::addRow("keras valid k1 s2 n3: 6, full 5, after -1")
        << qint64(3) << qint64(1) << qint64(2) << qint64(1) << "valid" << 0 << -1 << qint64(6)
        << qint64(0) << qint64(-1) << qint64(5) << "3*2 + max(1 - 2, 0) = 6";
    QTest::addRow("keras valid k3 d2 s1 n4: ke=5, 4+4=8 = full")
        << qint64(4) << qint64(3) << qint64(1) << qint64(2) << "valid" << 0 << -1 << qint64(8)
        << qint64(0) << qint64(0) << qint64(8) << "4*1 + max(5 - 1, 0) = 8";

    // Keras "same" without op: out = n*s.
    QTest::addRow("keras same k3 s2 n4: out 8, full 9, offset floor(1/2)=0, after 1")
        << qint64(4) << qint64(3) << qint64(2) << qint64(1) << "same" << 0 << -1 << qint64(8)
        << qint64(0) << qint64(1) << qint64(9) << "4*2 = 8";
    QTest::addRow("keras same k4 s2 n4: out 8, full 10, offset 1, after 1")
        << qint64(4) << qint64(4) << qint64(2) << qint64(1) << "same" << 0 << -1 << qint64(8)
        << qint64(1) << qint64(1) << qint64(10) << "4*2 = 8";
    QTest::addRow("keras same k5 s2 n3: out 6, full 9, offset floor(3/2)=1, after 2")
        << qint64(3) << qint64(5) << qint64(2) << qint64(1) << "same" << 1 << -1 << qint64(6)
        << qint64(1) << qint64(2) << qint64(9) << "3*2 = 6";
    QTest::addRow("keras same k2 s3 n4 kernel<stride: out 12, full 11, offset 0, after -1")
        << qint64(4) << qint64(2) << qint64(3) << qint64(1) << "same" << 0 << -1 << qint64(12)
        << qint64(0) << qint64(-1) << qint64(11) << "4*3 = 12";
    QTest::addRow("keras same k3 s1 n5: out 5, full 7, offset 1, after 1")
        << qint64(5) << qint64(3) << qint64(1) << qint64(1) << "same" << 0 << -1 << qint64(5)
        << qint64(1) << qint64(1) << qint64(7) << "5*1 = 5";
    QTest::addRow("keras same k3 d2 s2 n4: ke=5, out 8, full 11, offset 1, after 2")
        << qint64(4) << qint64(3) << qint64(2) << qint64(2) << "same" << 0 << -1 << qint64(8)
        << qint64(1) << qint64(2) << qint64(11) << "4*2 = 8";

    // Keras with op: out = (n-1)*s + ke - 2*pad + op, pad 0 ("valid") or floor(ke/2) ("same").
    QTest::addRow("keras valid k3 s2 n4 op1: 6+3+1=10, full 9, after -1")
        << qint64(4) << qint64(3) << qint64(2) << qint64(1) << "valid" << 0 << 1 << qint64(10)
        << qint64(0) << qint64(-1) << qint64(9) << "(4 - 1)*2 + 3 - 2*0 + 1 = 10";
    QTest::addRow("keras valid k3 s2 n4 op0: 6+3=9 = full")
        << qint64(4) << qint64(3) << qint64(2) << qint64(1) << "valid" << 0 << 0 << qint64(9)
        << qint64(0) << qint64(0) << qint64(9) << "(4 - 1)*2 + 3 - 2*0 + 0 = 9";
    // Giving op = 0 changes the answer when kernel < stride: 11, not n*s = 12.
    QTest::addRow("keras valid k2 s3 n4 op0: 9+2=11 = full")
        << qint64(4) << qint64(2) << qint64(3) << qint64(1) << "valid" << 0 << 0 << qint64(11)
        << qint64(0) << qint64(0) << qint64(11) << "(4 - 1)*3 + 2 - 2*0 + 0 = 11";
    QTest::addRow("keras same k3 s2 n4 op1: pad 1, 6+3-2+1=8, offset 0, after 1")
        << qint64(4) << qint64(3) << qint64(2) << qint64(1) << "same" << 0 << 1 << qint64(8)
        << qint64(0) << qint64(1) << qint64(9) << "(4 - 1)*2 + 3 - 2*1 + 1 = 8";
    QTest::addRow("keras same k4 s2 n4 op1: pad 2, 6+4-4+1=7, offset floor(3/2)=1, after 2")
        << qint64(4) << qint64(4) << qint64(2) << qint64(1) << "same" << 1 << 1 << qint64(7)
        << qint64(1) << qint64(2) << qint64(10) << "(4 - 1)*2 + 4 - 2*2 + 1 = 7";
    // The shape TensorFlow then rejects (ceil(6/2) = 3 != 4); the formula itself still answers.
    QTest::addRow("keras same k4 s2 n4 op0: pad 2, 6+4-4=6, offset 2, after 2")
        << qint64(4) << qint64(4) << qint64(2) << qint64(1) << "same" << 0 << 0 << qint64(6)
        << qint64(2) << qint64(2) << qint64(10) << "(4 - 1)*2 + 4 - 2*2 + 0 = 6";
    QTest::addRow("keras same k3 s1 n5 op0: pad 1, 4+3-2=5, offset 1")
        << qint64(5) << qint64(3) << qint64(1) << qint64(1) << "same" << 0 << 0 << qint64(5)
        << qint64(1) << qint64(1) << qint64(7) << "(5 - 1)*1 + 3 - 2*1 + 0 = 5";
    QTest::addRow("keras same k3 d2 s2 n4 op1: ke=5 pad 2, 6+5-4+1=8, offset floor(3/2)=1")
        << qint64(4) << qint64(3) << qint64(2) << qint64(2) << "same" << 0 << 1 << qint64(8)
        << qint64(1) << qint64(2) << qint64(11) << "(4 - 1)*2 + 5 - 2*2 + 1 = 8";
}

void TestAxisMath::transposedConv() {
    QFETCH(qint64, n);
    QFETCH(qint64, k);
    QFETCH(qint64, s);
    QFETCH(qint64, d);
    QFETCH(QString, padding);
    QFETCH(int, axis);
    QFETCH(int, outputPadding);
    QFETCH(qint64, out);
    QFETCH(qint64, offset);
    QFETCH(qint64, after);
    QFETCH(qint64, full);
    QFETCH(QString, formula);
    const std::optional<std::int64_t> op =
        outputPadding < 0 ? std::nullopt : std::optional<std::int64_t>(outputPadding);
    const AxisShape a = transposedConvAxis(n, k, s, d, paddingFrom(padding), op, axisFrom(axis));
    QCOMPARE(a.out, out);
    QCOMPARE(a.before, offset);
    QCOMPARE(a.after, after);
    QCOMPARE(transposedFullExtent(a), full);
    QCOMPARE(a.after, full - offset - out);
    QCOMPARE(a.effectiveKernel, d * (k - 1) + 1);
    if (!formula.isEmpty()) {
        QCOMPARE(a.formula, formula);
    }
}

void TestAxisMath::resize_data() {
    QTest::addColumn<qint64>("n");
    QTest::addColumn<qint64>("factor");  // 0: resize to `size` instead
    QTest::addColumn<qint64>("size");
    QTest::addColumn<qint64>("out");
    QTest::addColumn<QString>("formula");
    QTest::addRow("factor 2 on 13: 26")
        << qint64(13) << qint64(2) << qint64(0) << qint64(26) << "13*2 = 26";
    QTest::addRow("factor 1 on 7: 7")
        << qint64(7) << qint64(1) << qint64(0) << qint64(7) << "7*1 = 7";
    QTest::addRow("factor 3 on 5: 15")
        << qint64(5) << qint64(3) << qint64(0) << qint64(15) << "5*3 = 15";
    QTest::addRow("size 20 from 13")
        << qint64(13) << qint64(0) << qint64(20) << qint64(20) << "output_size = 20";
    QTest::addRow("size 4 from 10 (downsampling)")
        << qint64(10) << qint64(0) << qint64(4) << qint64(4) << "output_size = 4";
    QTest::addRow("size equal 6") << qint64(6) << qint64(0) << qint64(6) << qint64(6)
                                  << "output_size = 6";
}

void TestAxisMath::resize() {
    QFETCH(qint64, n);
    QFETCH(qint64, factor);
    QFETCH(qint64, size);
    QFETCH(qint64, out);
    QFETCH(QString, formula);
    const AxisShape a = factor > 0 ? resizeByFactor(n, factor) : resizeToSize(n, size);
    QCOMPARE(a.in, n);
    QCOMPARE(a.out, out);
    QCOMPARE(a.before, qint64(0));
    QCOMPARE(a.after, qint64(0));
    QCOMPARE(a.formula, formula);
}

QTEST_GUILESS_MAIN(TestAxisMath)
#include "tst_axis_math.moc"
