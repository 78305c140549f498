// The receptive-field explorer's geometry (core/pipeline/element_trace.h), against positions
// derived by hand. Notation: "q <- a, b" means output position q reads input positions a and
// b on one axis; negative positions and positions >= n are padding.

#include "pipeline/element_trace.h"
#include "support/test_support.h"

#include <QTest>

using namespace stridelab;

namespace {

using Positions = QList<qint64>;

struct Traced {
    Pipeline pipeline;
    PipelineReport report;
    TraceChain chain;
};

Traced chainFor(int size, const QByteArray& layers) {
    Traced t;
    t.pipeline = test::pipelineFromJson(test::shapePipelineJson(Shape{1, size, size}, layers));
    t.report = analyzePipeline(t.pipeline, Shape{1, size, size});
    t.chain = traceChainOf(t.pipeline, t.report);
    return t;
}

Positions toList(const AxisPositions& a) {
    return Positions(a.positions.begin(), a.positions.end());
}

}  // namespace

class TestElementTrace : public QObject {
    Q_OBJECT

private slots:
    void upstream_data();
    void upstream();
    void downstream_data();
    void downstream();
    void paddingCellsAreCounted();
    void upstreamAndDownstreamAgree();
    void switchedOffLayersAreLeftOut();
    void elementOutsideTheMapIsAnError();
};

void TestElementTrace::upstream_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("layers");
    QTest::addColumn<int>("map");
    QTest::addColumn<qint64>("position");  // the element is (position, position)
    QTest::addColumn<int>("earlierMap");
    QTest::addColumn<Positions>("expected");  // rows (= columns) of earlierMap

    const QByteArray conv3s2p1 =
        R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2, "padding": 1 })";
    // q <- 2q - 1 .. 2q + 1: q = 0 reads padding -1; q = 2 reads 3, 4 and padding 5 (n = 5).
    QTest::addRow("conv k3 s2 p1, first")
        << 5 << conv3s2p1 << 1 << qint64{0} << 0 << Positions{-1, 0, 1};
    QTest::addRow("conv k3 s2 p1, last")
        << 5 << conv3s2p1 << 1 << qint64{2} << 0 << Positions{3, 4, 5};
    // Dilation 2: q <- q, q + 2, q + 4; the gaps are not read.
    QTest::addRow("conv k3 d2") << 9
                                << QByteArray(R"({ "type": "conv2d", "filters": 1, "kernel_size": 3,
                                "dilation_rate": 2 })")
                                << 1 << qint64{1} << 0 << Positions{1, 3, 5};
    // TensorFlow 'same', k3 s2 on 6: total padding max((3 - 1)*2 + 3 - 6, 0) = 1, all of it
    // after. q <- 2q .. 2q + 2, so q = 2 reads 4, 5 and padding 6; q = 0 reads no padding.
    QTest::addRow("conv same k3 s2, last")
        << 6 << QByteArray(R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2,
                                "padding": "same" })")
        << 1 << qint64{2} << 0 << Positions{4, 5, 6};
    QTest::addRow("conv same k3 s2, first")
        << 6 << QByteArray(R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2,
                                "padding": "same" })")
        << 1 << qint64{0} << 0 << Positions{0, 1, 2};
    // Two layers, conv k3 (7 -> 5) then pool 2/2 (5 -> 2): pool q = 1 <- 2, 3; conv 2 <- 2..4,
    // 3 <- 3..5: input 2..5.
    const QByteArray convThenPool =
        R"({ "type": "conv2d", "filters": 1, "kernel_size": 3 },
           { "type": "max_pool2d", "pool_size": 2 })";
    QTest::addRow("conv, pool: middle map")
        << 7 << convThenPool << 2 << qint64{1} << 1 << Positions{2, 3};
    QTest::addRow("conv, pool: input")
        << 7 << convThenPool << 2 << qint64{1} << 0 << Positions{2, 3, 4, 5};
    // ceil_mode: pool 2/2 on 5 gives 3; q = 2 <- 4 and padding 5 (the window hangs over).
    QTest::addRow("pool ceil_mode, last")
        << 5 << QByteArray(R"({ "type": "max_pool2d", "pool_size": 2, "ceil_mode": true })") << 1
        << qint64{2} << 0 << Positions{4, 5};
    // Nearest x2 on 4: q <- floor(q/2); q = 5 <- 2.
    QTest::addRow("nearest x2") << 4 << QByteArray(R"({ "type": "upsampling2d", "size": 2 })") << 1
                                << qint64{5} << 0 << Positions{2};
    // Bilinear half-pixel 4 -> 8: source (q + 0.5)/2 - 0.5. q = 1: 0.25 <- 0, 1. q = 0: -0.25,
    // clamped to 0 by PyTorch: <- 0 alone. q = 7: 3.25 <- 3 and 4, clamped to 3: <- 3.
    const QByteArray bilinear =
        R"({ "type": "upsampling2d", "size": 2, "interpolation": "bilinear" })";
    QTest::addRow("bilinear, q1") << 4 << bilinear << 1 << qint64{1} << 0 << Positions{0, 1};
    QTest::addRow("bilinear, q0") << 4 << bilinear << 1 << qint64{0} << 0 << Positions{0};
    QTest::addRow("bilinear, q7") << 4 << bilinear << 1 << qint64{7} << 0 << Positions{3};
    // Bicubic half-pixel 4 -> 8, q = 0: source -0.25 (not clamped), taps -2, -1, 0, 1, read
    // clamped to the edge: 0, 1. No padding: resizing replicates the edge.
    QTest::addRow("bicubic, q0")
        << 4 << QByteArray(R"({ "type": "upsampling2d", "size": 2, "interpolation": "bicubic" })")
        << 1 << qint64{0} << 0 << Positions{0, 1};
    // Align corners 4 -> 7: source q*3/6 = q/2. q = 2: exactly 1 <- 1 alone (the other tap
    // has weight 0). q = 3: 1.5 <- 1, 2.
    const QByteArray alignCorners = R"({ "type": "upsampling2d", "output_size": 7,
                                         "interpolation": "bilinear",
                                         "coordinate_mode": "align_corners" })";
    QTest::addRow("align corners, exact")
        << 4 << alignCorners << 1 << qint64{2} << 0 << Positions{1};
    QTest::addRow("align corners, between")
        << 4 << alignCorners << 1 << qint64{3} << 0 << Positions{1, 2};
    // Transposed k3 s2 p1 op1 on 3 -> 6: input i writes o = 2i + j - 1, j = 0..2.
    // o = 2 <- i = 1 (j = 1); o = 3 <- i = 1 (j = 2), i = 2 (j = 0).
    const QByteArray transposed =
        R"({ "type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
             "padding": 1, "output_padding": 1 })";
    QTest::addRow("transposed, o2") << 3 << transposed << 1 << qint64{2} << 0 << Positions{1};
    QTest::addRow("transposed, o3") << 3 << transposed << 1 << qint64{3} << 0 << Positions{1, 2};
    // Pool 2/2 (4 -> 2), unpool (2 -> 4): unpool o = 3 could hold the max of pool output 1,
    // which read input 2, 3.
    const QByteArray poolUnpool = R"({ "type": "max_pool2d", "name": "p", "pool_size": 2 },
                                     { "type": "max_unpool2d", "indices_from": "p" })";
    QTest::addRow("unpool: pooled map") << 4 << poolUnpool << 2 << qint64{3} << 1 << Positions{1};
    QTest::addRow("unpool: input") << 4 << poolUnpool << 2 << qint64{3} << 0 << Positions{2, 3};
}

void TestElementTrace::upstream() {
    QFETCH(int, size);
    QFETCH(QByteArray, layers);
    QFETCH(int, map);
    QFETCH(qint64, position);
    QFETCH(int, earlierMap);
    QFETCH(Positions, expected);

    const Traced t = chainFor(size, layers);
    QVERIFY(t.report.ok());
    auto traces = traceElement(t.chain.links, t.report.input, map, position, position,
                               TraceDirection::Upstream);
    QVERIFY2(traces.ok(), qPrintable(traces ? QString() : traces.error().message));
    const MapTrace& earlier = (*traces)[static_cast<std::size_t>(earlierMap)];
    QCOMPARE(toList(earlier.rows), expected);
    QCOMPARE(toList(earlier.cols), expected);
    const MapTrace& own = (*traces)[static_cast<std::size_t>(map)];
    QCOMPARE(toList(own.rows), Positions{position});
    QCOMPARE(own.insideCount(), qint64{1});
    for (std::size_t m = static_cast<std::size_t>(map) + 1; m < traces->size(); ++m) {
        QVERIFY((*traces)[m].empty());  // upstream never reaches later maps
    }
}

void TestElementTrace::downstream_data() {
    QTest::addColumn<int>("size");
    QTest::addColumn<QByteArray>("layers");
    QTest::addColumn<qint64>("position");  // of the input
    QTest::addColumn<int>("laterMap");
    QTest::addColumn<Positions>("expected");

    const QByteArray conv3 = R"({ "type": "conv2d", "filters": 1, "kernel_size": 3 })";
    // Conv k3 on 7 -> 5: outputs q with q <= x <= q + 2 and 0 <= q <= 4.
    QTest::addRow("conv k3, corner") << 7 << conv3 << qint64{0} << 1 << Positions{0};
    QTest::addRow("conv k3, middle") << 7 << conv3 << qint64{3} << 1 << Positions{1, 2, 3};
    QTest::addRow("conv k3, edge") << 7 << conv3 << qint64{6} << 1 << Positions{4};
    // Stride 2, k3, p1 on 5 -> 3: q reads 2q - 1 .. 2q + 1; x = 2 is read by q = 1 only,
    // x = 1 by q = 0 and 1.
    const QByteArray conv3s2p1 =
        R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2, "padding": 1 })";
    QTest::addRow("conv s2, even") << 5 << conv3s2p1 << qint64{2} << 1 << Positions{1};
    QTest::addRow("conv s2, odd") << 5 << conv3s2p1 << qint64{1} << 1 << Positions{0, 1};
    // Transposed k3 s2 p1 op1 on 3 -> 6: input 1 writes 2 + j - 1 = 1, 2, 3.
    QTest::addRow("transposed")
        << 3 << QByteArray(R"({ "type": "conv2d_transpose", "filters": 1, "kernel_size": 3,
                               "strides": 2, "padding": 1, "output_padding": 1 })")
        << qint64{1} << 1 << Positions{1, 2, 3};
    // Nearest x3 on 4: input 1 is copied to 3, 4, 5; then pool 3/3 on 12 -> 4: those are
    // pool output 1.
    const QByteArray nearestPool = R"({ "type": "upsampling2d", "size": 3 },
                                      { "type": "max_pool2d", "pool_size": 3 })";
    QTest::addRow("nearest x3") << 4 << nearestPool << qint64{1} << 1 << Positions{3, 4, 5};
    QTest::addRow("nearest x3, pool") << 4 << nearestPool << qint64{1} << 2 << Positions{1};
}

void TestElementTrace::downstream() {
    QFETCH(int, size);
    QFETCH(QByteArray, layers);
    QFETCH(qint64, position);
    QFETCH(int, laterMap);
    QFETCH(Positions, expected);

    const Traced t = chainFor(size, layers);
    QVERIFY(t.report.ok());
    auto traces = traceElement(t.chain.links, t.report.input, 0, position, position,
                               TraceDirection::Downstream);
    QVERIFY(traces.ok());
    const MapTrace& later = (*traces)[static_cast<std::size_t>(laterMap)];
    QCOMPARE(toList(later.rows), expected);
    QCOMPARE(toList(later.cols), expected);
    QCOMPARE(later.paddingCount(), qint64{0});
}

void TestElementTrace::paddingCellsAreCounted() {
    // Conv k3 s2 p1 on 5, output (0, 2): rows -1..1, columns 3..5. Cells with row -1 or
    // column 5 are padding: 3 + 3 - 1 = 5 of 9; the 4 others are (0|1, 3|4).
    const Traced t = chainFor(5, R"({ "type": "conv2d", "filters": 1, "kernel_size": 3,
                                      "strides": 2, "padding": 1 })");
    auto traces = traceElement(t.chain.links, t.report.input, 1, 0, 2, TraceDirection::Upstream);
    QVERIFY(traces.ok());
    const MapTrace& input = traces->front();
    QCOMPARE(input.paddingCount(), qint64{5});
    QCOMPARE(input.insideCount(), qint64{4});
    QVERIFY(input.isPadding(-1, 3));
    QVERIFY(input.isPadding(0, 5));
    QVERIFY(!input.isPadding(1, 4));
    QVERIFY(input.involves(1, 4));
    QVERIFY(!input.involves(2, 4));
}

void TestElementTrace::upstreamAndDownstreamAgree() {
    // Input element u is in the upstream trace of output e exactly when e is in the downstream
    // trace of u, over every pair, for a chain mixing every layer type.
    const Traced t =
        chainFor(9, R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "dilation_rate": 2,
                "padding": "same" },
              { "type": "max_pool2d", "name": "p", "pool_size": 3, "strides": 2,
                "ceil_mode": true },
              { "type": "upsampling2d", "size": 2, "interpolation": "bicubic" },
              { "type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                "padding": "same" })");
    QVERIFY(t.report.ok());
    const int last = static_cast<int>(t.chain.links.size());
    const Shape out = t.chain.links.back().shape.output;
    std::vector<std::vector<bool>> upstreamReads(static_cast<std::size_t>(out.h));
    for (std::int64_t e = 0; e < out.h; ++e) {
        auto up = traceElement(t.chain.links, t.report.input, last, e, 0, TraceDirection::Upstream);
        QVERIFY(up.ok());
        for (std::int64_t u = 0; u < 9; ++u) {
            upstreamReads[static_cast<std::size_t>(e)].push_back(up->front().rows.contains(u));
        }
    }
    for (std::int64_t u = 0; u < 9; ++u) {
        auto down =
            traceElement(t.chain.links, t.report.input, 0, u, 0, TraceDirection::Downstream);
        QVERIFY(down.ok());
        for (std::int64_t e = 0; e < out.h; ++e) {
            QCOMPARE(down->back().rows.contains(e),
                     static_cast<bool>(
                         upstreamReads[static_cast<std::size_t>(e)][static_cast<std::size_t>(u)]));
        }
    }
}

void TestElementTrace::switchedOffLayersAreLeftOut() {
    Pipeline p = test::pipelineFromJson(test::shapePipelineJson(
        Shape{1, 8, 8},
        R"({ "type": "max_pool2d", "pool_size": 2 }, { "type": "max_pool2d", "pool_size": 2 })"));
    p.layers[0].enabled = false;
    const EnabledLayers enabled = enabledLayers(p);
    const PipelineReport report = spreadOverAllLayers(
        analyzePipeline(enabled.pipeline, Shape{1, 8, 8}), p, enabled.positions);
    const TraceChain chain = traceChainOf(p, report);
    QCOMPARE(chain.links.size(), std::size_t{1});
    QCOMPARE(chain.layerIndices, std::vector<int>{2});
    QCOMPARE(chain.links.front().shape.output.h, std::int64_t{4});
}

void TestElementTrace::elementOutsideTheMapIsAnError() {
    const Traced t = chainFor(5, R"({ "type": "max_pool2d", "pool_size": 2 })");
    auto outside = traceElement(t.chain.links, t.report.input, 1, 2, 0, TraceDirection::Upstream);
    QVERIFY(!outside.ok());
    QCOMPARE(outside.error().message, QStringLiteral("element (2, 0) is outside map 1 of 2x2"));
    auto noMap = traceElement(t.chain.links, t.report.input, 2, 0, 0, TraceDirection::Upstream);
    QVERIFY(!noMap.ok());
    QCOMPARE(noMap.error().message, QStringLiteral("map 2 does not exist (there are 2)"));
}

QTEST_GUILESS_MAIN(TestElementTrace)
#include "tst_element_trace.moc"
