// The step-through's frames (core/teaching), checked against geometry and numbers derived by
// hand, and against the layer's own forward output.
//
// Demonstration inputs hold 1..N in reading order (max pools and unpooling: i -> (i*a mod
// N) + 1 with a the first integer >= round(0.618 N) coprime to N). Input coordinates count
// from the top-left real element; padding has negative indices or indices >= n.

#include "pipeline/pipeline_analysis.h"
#include "support/test_support.h"
#include "teaching/step_frames.h"

#include <QTest>

#include <cmath>

using namespace stridelab;

namespace {

// The step-through of the last layer (or layer `index`, 0-based).
StepSequence steps(const Shape& input, const QByteArray& layers, int index = -1) {
    const Pipeline p = test::pipelineFromJson(test::shapePipelineJson(input, layers));
    const PipelineReport report = analyzePipeline(p, input);
    auto subject =
        stepSubject(p, report, index < 0 ? static_cast<int>(p.layers.size()) - 1 : index);
    if (!subject) {
        qWarning() << subject.error().message;
        return {};
    }
    auto seq = buildStepSequence(*subject);
    if (!seq) {
        qWarning() << seq.error().message;
        return {};
    }
    return *seq;
}

using Cell = std::pair<qint64, qint64>;

QList<Cell> tapCells(const std::vector<StepTap>& taps) {
    QList<Cell> cells;
    for (const StepTap& t : taps) {
        cells << Cell{t.row, t.col};
    }
    return cells;
}

QList<Cell> block(qint64 r0, qint64 r1, qint64 c0, qint64 c1, qint64 step = 1) {
    QList<Cell> cells;
    for (qint64 r = r0; r <= r1; r += step) {
        for (qint64 c = c0; c <= c1; c += step) {
            cells << Cell{r, c};
        }
    }
    return cells;
}

const StepFrame& frameAt(const StepSequence& seq, qint64 row, qint64 col) {
    for (const StepFrame& f : seq.frames) {
        if (f.row == row && f.col == col) {
            return f;
        }
    }
    static const StepFrame none;
    return none;
}

QList<int> countRow(const StepSequence& seq, const std::vector<int>& counts, qint64 row) {
    QList<int> out;
    const GridRect& g = seq.output.shown;
    for (qint64 c = g.left; c < g.left + g.cols; ++c) {
        out << counts[static_cast<std::size_t>(g.indexOf(row, c))];
    }
    return out;
}

}  // namespace

class TestStepFrames : public QObject {
    Q_OBJECT

private slots:
    void convStride2Padding1();
    void convDilation2();
    void tfSameStride2OnEvenInput();
    void reflectPaddingReadsMirroredValues();
    void ceilModeWindowHangsOver();
    void averagePoolDivisor_data();
    void averagePoolDivisor();
    void maxPoolTakesTheLargestRealValue();
    void transposedConvOverlapCounts();
    void transposedConvCropping();
    void unpoolPutsValuesAtTheRecordedIndices();
    void bilinearTaps_data();
    void bilinearTaps();
    void resizeWeightedSumsEqualForward_data();
    void resizeWeightedSumsEqualForward();
    void nearestSamplesTheLeftEdge();
    void demoInputRule_data();
    void demoInputRule();
    void groupsKeepTheRealChannels();
    void invalidLayerIsAnError();
    void hugeResizeFactorIsRefused();
    void hugeStrideGetsOneOutput();
};

// conv 3x3 /2 padding 1, ones, on 5x5 -> 3x3. Output (0,0) reads padded rows and columns
// -1..1: five padding cells, and 1 + 2 + 6 + 7 = 16. Output (1,1) reads rows and columns
// 1..3: 7+8+9 + 12+13+14 + 17+18+19 = 117.
void TestStepFrames::convStride2Padding1() {
    const StepSequence seq =
        steps({1, 5, 5}, R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2,
                        "padding": 1, "use_bias": false, "kernel_initializer": "ones" })");
    QCOMPARE(seq.kind, StepKind::Window);
    QVERIFY(seq.demoIsReal());
    QCOMPARE(seq.frames.size(), std::size_t{9});
    QCOMPARE(seq.input.margin, (GridRect{-1, -1, 7, 7}));
    QCOMPARE(seq.input.role(-1, 0), CellRole::Margin);
    QCOMPARE(seq.input.role(0, 0), CellRole::Inside);
    QCOMPARE(seq.input.value(-1, -1), 0.0F);
    QCOMPARE(seq.input.value(4, 4), 25.0F);

    const StepFrame& first = seq.frames.front();
    QCOMPARE(first.row, 0);
    QCOMPARE(first.col, 0);
    QCOMPARE(tapCells(first.taps), block(-1, 1, -1, 1));
    QCOMPARE(first.padded, 5);
    QCOMPARE(first.sum, 16.0);
    QCOMPARE(first.value, 16.0F);

    const StepFrame& centre = frameAt(seq, 1, 1);
    QCOMPARE(tapCells(centre.taps), block(1, 3, 1, 3));
    QCOMPARE(centre.padded, 0);
    QCOMPARE(centre.value, 117.0F);
    // The output fills in reading order: after frame 4 (output (1,1)) five cells are written.
    const std::vector<float>& soFar = seq.frames[4].outputSoFar;
    QCOMPARE(std::count_if(soFar.begin(), soFar.end(), [](float v) { return !std::isnan(v); }), 5);
}

// Dilation 2: taps 2 apart, effective extent 5, 7x7 -> 3x3. Output (0,0) reads rows and
// columns {0, 2, 4}: sum of 7r + c + 1 = 3*7*6 + 3*6 + 9 = 153.
void TestStepFrames::convDilation2() {
    const StepSequence seq =
        steps({1, 7, 7}, R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "dilation_rate": 2,
                        "use_bias": false, "kernel_initializer": "ones" })");
    QCOMPARE(seq.frames.size(), std::size_t{9});
    QCOMPARE(tapCells(seq.frames[0].taps), block(0, 4, 0, 4, 2));
    QCOMPARE(seq.frames[0].value, 153.0F);
    QCOMPARE(tapCells(frameAt(seq, 1, 2).taps),
             (QList<Cell>{{1, 2}, {1, 4}, {1, 6}, {3, 2}, {3, 4}, {3, 6}, {5, 2}, {5, 4}, {5, 6}}));
}

// TensorFlow "same", 3x3 /2 on 6x6: out = ceil(6/2) = 3, total padding (3-1)*2 + 3 - 6 = 1,
// all of it after: top 0, bottom 1. Output (0,0) reads rows 0..2 (no padding); output (2,2)
// reads rows and columns 4..6, of which row 6 and column 6 are padding: 5 cells.
void TestStepFrames::tfSameStride2OnEvenInput() {
    const StepSequence seq =
        steps({1, 6, 6}, R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2,
                        "padding": "same", "use_bias": false, "kernel_initializer": "ones" })");
    QCOMPARE(seq.input.margin, (GridRect{0, 0, 7, 7}));
    QCOMPARE(tapCells(seq.frames[0].taps), block(0, 2, 0, 2));
    QCOMPARE(seq.frames[0].padded, 0);
    const StepFrame& last = frameAt(seq, 2, 2);
    QCOMPARE(tapCells(last.taps), block(4, 6, 4, 6));
    QCOMPARE(last.padded, 5);
    // 29 + 30 + 35 + 36 = 130: the four real cells.
    QCOMPARE(last.value, 130.0F);
}

// Reflect padding 1 on 5x5 (1..25): padded row -1 mirrors row 1 (6 7 8 ...), column -1
// mirrors column 1, so (-1,-1) holds (1,1) = 7. The Laplacian at (0,0) reads up 6, left 2,
// right 2, down 6 and the centre 1: 6 + 2 + 2 + 6 - 4 = 12.
void TestStepFrames::reflectPaddingReadsMirroredValues() {
    const StepSequence seq =
        steps({1, 5, 5}, R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "padding": 1,
                        "padding_mode": "reflect", "use_bias": false,
                        "kernel_initializer": "laplacian" })");
    QCOMPARE(seq.paddingMode, QStringLiteral("reflect"));
    QCOMPARE(seq.input.value(-1, -1), 7.0F);
    QCOMPARE(seq.input.value(-1, 0), 6.0F);
    QCOMPARE(seq.input.value(0, -1), 2.0F);
    QCOMPARE(seq.input.value(5, 5), 19.0F);  // mirrors (3,3)
    QCOMPARE(seq.frames[0].value, 12.0F);
    QCOMPARE(seq.frames[0].sum, 12.0);
}

// max pool 2 /2 ceil_mode on 5x5: out = ceil((5 - 2)/2) + 1 = 3; the last window starts at
// 4 < 5 and covers 4..5, hanging one row and column over the end. Output (2,2) reads only
// (4,4): three taps are outside.
void TestStepFrames::ceilModeWindowHangsOver() {
    const StepSequence seq =
        steps({1, 5, 5}, R"({ "type": "max_pool2d", "pool_size": 2, "ceil_mode": true })");
    QCOMPARE(seq.output.height, 3);
    QCOMPARE(seq.input.margin, (GridRect{0, 0, 5, 5}));
    QCOMPARE(seq.input.shown, (GridRect{0, 0, 6, 6}));
    QCOMPARE(seq.input.role(5, 5), CellRole::Outside);
    const StepFrame& corner = frameAt(seq, 2, 2);
    QCOMPARE(tapCells(corner.taps), block(4, 5, 4, 5));
    QCOMPARE(corner.ignored, 3);
    QCOMPARE(corner.divisor, 1);
    // N = 25, a = 16: element 24 holds 24*16 mod 25 + 1 = 10.
    QCOMPARE(seq.input.value(4, 4), 10.0F);
    QCOMPARE(corner.value, 10.0F);
    const StepFrame& edge = frameAt(seq, 2, 0);  // rows 4..5, columns 0..1: two real cells
    QCOMPARE(edge.ignored, 2);
}

void TestStepFrames::averagePoolDivisor_data() {
    QTest::addColumn<QByteArray>("layer");
    QTest::addColumn<bool>("counts");
    QTest::addColumn<int>("divisor");
    QTest::addColumn<float>("value");
    // avg pool 3 /1 padding 1 on 4x4 (1..16). Output (0,0): real cells 1, 2, 5, 6 (sum 14)
    // and five padding cells.
    QTest::addRow("count_include_pad true: 14 / 9")
        << QByteArray(R"({ "type": "avg_pool2d", "pool_size": 3, "strides": 1, "padding": 1 })")
        << true << 9 << 14.0F / 9.0F;
    QTest::addRow("count_include_pad false: 14 / 4")
        << QByteArray(R"({ "type": "avg_pool2d", "pool_size": 3, "strides": 1, "padding": 1,
                           "count_include_pad": false })")
        << false << 4 << 3.5F;
    // TensorFlow "same" 3 /1 on 4x4: padding 1 each side, divided by the real elements.
    QTest::addRow("same: real elements only")
        << QByteArray(
               R"({ "type": "avg_pool2d", "pool_size": 3, "strides": 1, "padding": "same" })")
        << false << 4 << 3.5F;
}

void TestStepFrames::averagePoolDivisor() {
    QFETCH(QByteArray, layer);
    QFETCH(bool, counts);
    QFETCH(int, divisor);
    QFETCH(float, value);
    const StepSequence seq = steps({1, 4, 4}, layer);
    QCOMPARE(seq.rule, WindowRule::Average);
    QCOMPARE(seq.averageCountsPadding, counts);
    const StepFrame& f = seq.frames.front();
    QCOMPARE(tapCells(f.taps), block(-1, 1, -1, 1));
    QCOMPARE(f.sum, 14.0);
    QCOMPARE(f.divisor, divisor);
    QCOMPARE(f.padded, counts ? 5 : 0);
    QCOMPARE(f.ignored, counts ? 0 : 5);
    QCOMPARE(f.value, value);
    // Padding shows as the zeros that count, or not at all.
    QCOMPARE(std::isnan(seq.input.value(-1, -1)), !counts);
    for (const StepFrame& g : seq.frames) {
        QCOMPARE(g.value, static_cast<float>(g.sum / g.divisor));
    }
}

void TestStepFrames::maxPoolTakesTheLargestRealValue() {
    const StepSequence seq =
        steps({1, 7, 7}, R"({ "type": "max_pool2d", "pool_size": 3, "strides": 2, "padding": 1 })");
    QVERIFY(seq.shuffledValues);
    QCOMPARE(seq.frames.size(), std::size_t{16});
    for (const StepFrame& f : seq.frames) {
        float best = -INFINITY;
        int real = 0;
        for (const StepTap& t : f.taps) {
            if (seq.input.role(t.row, t.col) == CellRole::Inside) {
                best = std::max(best, t.value);
                ++real;
            }
        }
        QCOMPARE(f.value, best);
        QCOMPARE(f.ignored, 9 - real);
    }
    QVERIFY(std::isnan(seq.input.value(-1, -1)));  // padding is never read
}

// conv2d_transpose 3x3 /2 "valid" (Keras), ones, on 3x3 -> 7x7 = the full (3-1)*2 + 3. Input
// i writes to 2i..2i+2, so per axis positions 0..6 are written [1,1,2,1,2,1,1] times and
// the count grid is that row times that column: the checkerboard.
void TestStepFrames::transposedConvOverlapCounts() {
    const StepSequence seq = steps(
        {1, 3, 3}, R"({ "type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                        "use_bias": false, "kernel_initializer": "ones" })");
    QCOMPARE(seq.kind, StepKind::Scatter);
    QCOMPARE(seq.frames.size(), std::size_t{10});  // 9 inputs and the closing summary
    QCOMPARE(seq.output.shown, (GridRect{0, 0, 7, 7}));
    const StepFrame& centre = frameAt(seq, 1, 1);
    QCOMPARE(tapCells(centre.taps), block(2, 4, 2, 4));
    QCOMPARE(centre.value, 5.0F);
    QCOMPARE(centre.taps.front().value, 5.0F);  // 5 * weight 1

    // After the first input only its 3x3 patch is written once.
    QCOMPARE(countRow(seq, seq.frames[0].counts, 0), (QList<int>{1, 1, 1, 0, 0, 0, 0}));
    const StepFrame& summary = seq.frames.back();
    QCOMPARE(summary.row, -1);
    const QList<int> axis{1, 1, 2, 1, 2, 1, 1};
    for (qint64 r = 0; r < 7; ++r) {
        QList<int> expected;
        for (const int c : axis) {
            expected << axis[r] * c;
        }
        QCOMPARE(countRow(seq, summary.counts, r), expected);
    }
    // Running sums after the last input are the layer's output (no bias, linear).
    const StepFrame& last = seq.frames[8];
    for (qint64 r = 0; r < 7; ++r) {
        for (qint64 c = 0; c < 7; ++c) {
            const auto at = static_cast<std::size_t>(seq.output.shown.indexOf(r, c));
            QCOMPARE(last.outputSoFar[at], seq.output.value(r, c));
        }
    }
    // Output (2,2) gets inputs (0,0), (0,1), (1,0), (1,1): 1 + 2 + 4 + 5.
    QCOMPARE(seq.output.value(2, 2), 12.0F);
}

// PyTorch padding 1, output_padding 1, 3x3 /2 on 3x3: out (3-1)*2 - 2 + 3 + 1 = 6; the crop
// starts at 1, so full position 0 (output -1) is cropped. TensorFlow "same" on 3x3: out 6,
// full 7, offset (7-6)/2 = 0: full position 6 is cropped instead.
void TestStepFrames::transposedConvCropping() {
    const StepSequence torch = steps(
        {1, 3, 3}, R"({ "type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                        "padding": 1, "output_padding": 1, "use_bias": false,
                        "kernel_initializer": "ones" })");
    QCOMPARE(torch.output.height, 6);
    QCOMPARE(torch.output.margin, (GridRect{-1, -1, 7, 7}));
    QCOMPARE(torch.output.role(-1, 0), CellRole::Margin);
    QCOMPARE(tapCells(torch.frames[0].taps), block(-1, 1, -1, 1));

    const StepSequence keras = steps(
        {1, 3, 3}, R"({ "type": "conv2d_transpose", "filters": 1, "kernel_size": 3, "strides": 2,
                        "padding": "same", "use_bias": false, "kernel_initializer": "ones" })");
    QCOMPARE(keras.output.margin, (GridRect{0, 0, 7, 7}));
    QCOMPARE(keras.output.role(6, 6), CellRole::Margin);
    QCOMPARE(tapCells(frameAt(keras, 2, 2).taps), block(4, 6, 4, 6));
}

// max pool 2 on 4x4 holding (11 i mod 16) + 1:
//   1 12  7  2
//  13  8  3 14
//   9  4 15 10
//   5 16 11  6
// Window maxima 13, 14, 16, 15 at (1,0), (1,3), (3,1), (2,2).
void TestStepFrames::unpoolPutsValuesAtTheRecordedIndices() {
    const StepSequence seq = steps({1, 4, 4}, R"({ "type": "max_pool2d", "name": "pool" },
                                                 { "type": "max_unpool2d", "indices_from": "pool" })");
    QCOMPARE(seq.kind, StepKind::Unpool);
    QCOMPARE(seq.frames.size(), std::size_t{4});
    const QList<Cell> expected{{1, 0}, {1, 3}, {3, 1}, {2, 2}};
    const QList<float> values{13, 14, 16, 15};
    for (int i = 0; i < 4; ++i) {
        const StepFrame& f = seq.frames[static_cast<std::size_t>(i)];
        QCOMPARE(tapCells(f.taps), QList<Cell>{expected[i]});
        QCOMPARE(f.value, values[i]);
        QCOMPARE(f.window.size(), std::size_t{4});
    }
    QCOMPARE(tapCells(seq.frames[0].window), block(0, 1, 0, 1));
    // The final output: the four maxima where they were, zeros elsewhere.
    const std::vector<float>& out = seq.frames.back().outputSoFar;
    QCOMPARE(std::count(out.begin(), out.end(), 0.0F), 12);
    QCOMPARE(seq.output.value(3, 1), 16.0F);
}

void TestStepFrames::bilinearTaps_data() {
    QTest::addColumn<QByteArray>("mode");
    QTest::addColumn<double>("sourceRow");
    QTest::addColumn<double>("sourceCol");
    QTest::addColumn<QList<Cell>>("cells");
    QTest::addColumn<QList<float>>("weights");
    // 3 -> 6, output (1, 4). align_corners: src = x * 2/5: row 0.4 (rows 0, 1: 0.6, 0.4),
    // column 1.6 (columns 1, 2: 0.4, 0.6).
    QTest::addRow("align_corners")
        << QByteArray("align_corners") << 0.4 << 1.6 << QList<Cell>{{0, 1}, {0, 2}, {1, 1}, {1, 2}}
        << QList<float>{0.24F, 0.36F, 0.16F, 0.24F};
    // half_pixel: src = (x + 0.5)/2 - 0.5: row 0.25 (0.75, 0.25), column 1.75 (0.25, 0.75).
    QTest::addRow("half_pixel") << QByteArray("half_pixel") << 0.25 << 1.75
                                << QList<Cell>{{0, 1}, {0, 2}, {1, 1}, {1, 2}}
                                << QList<float>{0.1875F, 0.5625F, 0.0625F, 0.1875F};
    // asymmetric: src = x/2: row 0.5 (0.5, 0.5), column 2.0 (column 2 alone).
    QTest::addRow("asymmetric") << QByteArray("asymmetric") << 0.5 << 2.0
                                << QList<Cell>{{0, 2}, {1, 2}} << QList<float>{0.5F, 0.5F};
}

void TestStepFrames::bilinearTaps() {
    QFETCH(QByteArray, mode);
    QFETCH(double, sourceRow);
    QFETCH(double, sourceCol);
    QFETCH(QList<Cell>, cells);
    QFETCH(QList<float>, weights);
    const StepSequence seq =
        steps({1, 3, 3}, R"({ "type": "upsampling2d", "size": 2, "interpolation": "bilinear",
                              "coordinate_mode": ")" +
                             mode + R"(" })");
    QCOMPARE(seq.kind, StepKind::Resize);
    QCOMPARE(seq.frames.size(), std::size_t{36});
    const StepFrame& f = frameAt(seq, 1, 4);
    QVERIFY(std::abs(f.source[0] - sourceRow) < 1e-6);
    QVERIFY(std::abs(f.source[1] - sourceCol) < 1e-6);
    QCOMPARE(tapCells(f.taps), cells);
    double sum = 0.0;
    for (qsizetype i = 0; i < weights.size(); ++i) {
        const StepTap& t = f.taps[static_cast<std::size_t>(i)];
        QVERIFY2(std::abs(t.weight - weights[i]) < 1e-6, qPrintable(QString::number(t.weight)));
        QCOMPARE(t.value, static_cast<float>(t.row * 3 + t.col + 1));
        sum += static_cast<double>(t.weight) * t.value;
    }
    QVERIFY(std::abs(sum - static_cast<double>(f.value)) < 1e-5);
    // Half-pixel clamps output 0's source at 0: one tap, weight 1.
    if (mode == "half_pixel") {
        QCOMPARE(seq.frames[0].taps.size(), std::size_t{1});
        QCOMPARE(seq.frames[0].source[0], 0.0);
    }
}

void TestStepFrames::resizeWeightedSumsEqualForward_data() {
    QTest::addColumn<QByteArray>("layer");
    QTest::addColumn<QList<qint64>>("input");
    for (const char* interpolation : {"bilinear", "bicubic"}) {
        for (const char* mode : {"half_pixel", "align_corners", "asymmetric"}) {
            QTest::addRow("%s %s x2", interpolation, mode)
                << QByteArray(R"({ "type": "upsampling2d", "size": 2, "interpolation": ")") +
                       interpolation + R"(", "coordinate_mode": ")" + mode + R"(" })"
                << QList<qint64>{1, 4, 3};
            QTest::addRow("%s %s to 5x2", interpolation, mode)
                << QByteArray(R"({ "type": "upsampling2d", "output_size": [5, 2],
                                   "interpolation": ")") +
                       interpolation + R"(", "coordinate_mode": ")" + mode + R"(" })"
                << QList<qint64>{1, 3, 7};
        }
    }
    QTest::addRow("nearest_exact x3")
        << QByteArray(R"({ "type": "upsampling2d", "size": 3, "interpolation": "nearest_exact" })")
        << QList<qint64>{1, 2, 2};
}

// The layer computes each output element as the weighted sum of the taps the frame shows.
void TestStepFrames::resizeWeightedSumsEqualForward() {
    QFETCH(QByteArray, layer);
    QFETCH(QList<qint64>, input);
    const StepSequence seq = steps({input[0], input[1], input[2]}, layer);
    QCOMPARE(seq.frames.size(), static_cast<std::size_t>(seq.output.height * seq.output.width));
    for (const StepFrame& f : seq.frames) {
        double sum = 0.0;
        double weights = 0.0;
        for (const StepTap& t : f.taps) {
            sum += static_cast<double>(t.weight) * t.value;
            weights += t.weight;
        }
        QVERIFY2(std::abs(sum - static_cast<double>(f.value)) < 1e-4,
                 qPrintable(QStringLiteral("output (%1,%2): taps give %3, the layer %4")
                                .arg(f.row)
                                .arg(f.col)
                                .arg(sum)
                                .arg(f.value)));
        QVERIFY(std::abs(weights - 1.0) < 1e-5);
        QCOMPARE(f.value, seq.output.value(f.row, f.col));
    }
}

// Legacy nearest x2 on 3: output x takes floor(x * 3/6); its source point is x/2 - 0.5, and
// the tap is the element nearest to it, ties to the later one.
void TestStepFrames::nearestSamplesTheLeftEdge() {
    const StepSequence seq = steps({1, 1, 3}, R"({ "type": "upsampling2d", "size": 2 })");
    const QList<qint64> taps{0, 0, 1, 1, 2, 2};
    for (qint64 x = 0; x < 6; ++x) {
        const StepFrame& f = frameAt(seq, 0, x);
        QCOMPARE(f.taps.size(), std::size_t{1});
        QCOMPARE(f.taps[0].col, taps[x]);
        QCOMPARE(f.source[1], static_cast<double>(x) / 2.0 - 0.5);
        QCOMPARE(static_cast<qint64>(std::floor(f.source[1] + 0.5)), taps[x]);
    }
}

void TestStepFrames::demoInputRule_data() {
    QTest::addColumn<QByteArray>("layers");
    QTest::addColumn<QList<qint64>>("input");
    QTest::addColumn<QList<qint64>>("demo");     // H, W of the demonstration input
    QTest::addColumn<QList<qint64>>("padding");  // top, bottom of the demonstration
    // Smallest n >= 5 with n = 0 mod 2 and 3 outputs: floor((6 + 2 - 3)/2) + 1 = 3.
    QTest::addRow("conv 3x3 /2 pad 1 on 224")
        << QByteArray(R"({ "type": "conv2d", "filters": 4, "kernel_size": 3, "strides": 2,
                           "padding": 1 })")
        << QList<qint64>{3, 224, 224} << QList<qint64>{6, 6} << QList<qint64>{1, 1};
    QTest::addRow("conv 3x3 on 28")
        << QByteArray(R"({ "type": "conv2d", "filters": 32, "kernel_size": 3 })")
        << QList<qint64>{1, 28, 28} << QList<qint64>{5, 5} << QList<qint64>{0, 0};
    // "same" /2 on even 416 stays even: 6, padding 0 top and 1 bottom as on the real input.
    QTest::addRow("same /2 on 416")
        << QByteArray(
               R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2, "padding": "same" })")
        << QList<qint64>{1, 416, 416} << QList<qint64>{6, 6} << QList<qint64>{0, 1};
    // "same" /2 on odd 415 stays odd: 5 (ceil(5/2) = 3 outputs), padding (3-1)*2 + 3 - 5 = 2:
    // 1 and 1, as on the real input ((208-1)*2 + 3 - 415 = 2).
    QTest::addRow("same /2 on 415")
        << QByteArray(
               R"({ "type": "conv2d", "filters": 1, "kernel_size": 3, "strides": 2, "padding": "same" })")
        << QList<qint64>{1, 415, 415} << QList<qint64>{5, 5} << QList<qint64>{1, 1};
    // ceil_mode 3 /2 on 112 (the last window hangs over): n = 0 mod 2, ceil((6-3)/2) + 1 = 3.
    QTest::addRow("ceil pool on 112")
        << QByteArray(R"({ "type": "max_pool2d", "pool_size": 3, "strides": 2,
                           "ceil_mode": true })")
        << QList<qint64>{8, 112, 112} << QList<qint64>{6, 6} << QList<qint64>{0, 0};
    QTest::addRow("real input 9x11 kept")
        << QByteArray(R"({ "type": "max_pool2d", "pool_size": 2 })") << QList<qint64>{1, 9, 11}
        << QList<qint64>{9, 11} << QList<qint64>{0, 0};
    QTest::addRow("transposed on 13")
        << QByteArray(
               R"({ "type": "conv2d_transpose", "filters": 8, "kernel_size": 3, "strides": 2,
             "padding": "same" })")
        << QList<qint64>{16, 13, 13} << QList<qint64>{4, 4} << QList<qint64>{0, 1};
    QTest::addRow("upsampling x2 on 64")
        << QByteArray(R"({ "type": "upsampling2d", "size": 2, "interpolation": "bilinear" })")
        << QList<qint64>{3, 64, 64} << QList<qint64>{4, 4} << QList<qint64>{0, 0};
}

void TestStepFrames::demoInputRule() {
    QFETCH(QByteArray, layers);
    QFETCH(QList<qint64>, input);
    QFETCH(QList<qint64>, demo);
    QFETCH(QList<qint64>, padding);
    const StepSequence seq = steps({input[0], input[1], input[2]}, layers);
    QCOMPARE(seq.realInput, (Shape{input[0], input[1], input[2]}));
    QCOMPARE(seq.demoInput, (Shape{1, demo[0], demo[1]}));
    QCOMPARE(seq.demoIsReal(), input[1] == demo[0] && input[2] == demo[1]);
    QCOMPARE(seq.shape.height.before, padding[0]);
    QCOMPARE(seq.shape.height.after, padding[1]);
}

// groups 2 needs two input channels: the demonstration keeps them, zeros in channel 1.
void TestStepFrames::groupsKeepTheRealChannels() {
    const StepSequence seq =
        steps({2, 5, 5}, R"({ "type": "conv2d", "filters": 2, "kernel_size": 3, "groups": 2,
                        "use_bias": false, "kernel_initializer": "box" })");
    QCOMPARE(seq.demoInput, (Shape{2, 5, 5}));
    for (const StepFrame& f : seq.frames) {
        QVERIFY(std::abs(f.sum - static_cast<double>(f.value)) < 1e-4);
    }
    // Box 3x3: the mean of 1 2 3 / 6 7 8 / 11 12 13 = 7.
    QVERIFY(std::abs(seq.frames[0].value - 7.0F) < 1e-5F);
}

void TestStepFrames::invalidLayerIsAnError() {
    const QByteArray json = test::shapePipelineJson(
        {1, 4, 4}, R"({ "type": "conv2d", "filters": 1, "kernel_size": 5 })");
    const Pipeline p = test::pipelineFromJson(json);
    const PipelineReport report = analyzePipeline(p, {1, 4, 4});
    auto subject = stepSubject(p, report, 0);
    QVERIFY(!subject);
    QCOMPARE(subject.error().message,
             QStringLiteral("layer 1 \"conv2d\": kernel 5x5 is larger than the padded input "
                            "4x4 on both axes"));
    QCOMPARE(stepSubject(p, report, 1).error().message,
             QStringLiteral("no layer 2: the pipeline has 1"));
}

// x40 bilinear on 64: the smallest input, 2x2, gives 80x80 = 6400 output elements.
void TestStepFrames::hugeResizeFactorIsRefused() {
    const QByteArray json =
        test::shapePipelineJson({1, 64, 64}, R"({ "type": "upsampling2d", "size": 40,
                                       "interpolation": "bilinear" })");
    const Pipeline p = test::pipelineFromJson(json);
    auto subject = stepSubject(p, analyzePipeline(p, {1, 64, 64}), 0);
    QVERIFY(subject);
    const auto seq = buildStepSequence(*subject);
    QVERIFY(!seq);
    QCOMPARE(seq.error().message,
             QStringLiteral("upsampling2d: the step-through would need 6400 frames (80x80 "
                            "outputs on the 2x2 input); it shows at most 1024"));
}

// pool 1 /40 on 100 (3 outputs): three outputs need at least 81, and of the extents with the
// real remainder 100 mod 40 = 20 only 100 itself reaches that (more than the 64 shown); so
// the smallest such extent with one output: 20 -> 1.
void TestStepFrames::hugeStrideGetsOneOutput() {
    const StepSequence seq =
        steps({1, 100, 100}, R"({ "type": "max_pool2d", "pool_size": 1, "strides": 40 })");
    QCOMPARE(seq.demoInput, (Shape{1, 20, 20}));
    QCOMPARE(seq.frames.size(), std::size_t{1});
}

QTEST_GUILESS_MAIN(TestStepFrames)
#include "tst_step_frames.moc"
