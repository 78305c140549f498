// The optimized kernels of core/kernels/ against the naive loop nests of
// tests/support/reference_kernels, over odd shapes, uneven strides and paddings, dilation,
// groups, every padding mode, ceil_mode overhangs and GEMM tiling, with 1 and 2 threads.
// The references themselves are first pinned to numbers checked with PyTorch 1.13.

#include "kernels/conv2d_gemm.h"
#include "kernels/conv2d_transpose_subpixel.h"
#include "kernels/padding.h"
#include "kernels/resize.h"
#include "layers/conv2d.h"
#include "support/kernel_checks.h"
#include "support/reference_kernels.h"
#include "support/test_support.h"

#include <Eigen/Core>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>

using namespace stridelab;
using namespace stridelab::test;
using stridelab::test::ConvParams;
using stridelab::test::TransposedConvParams;

namespace {

Tensor optimizedConv(const Tensor& input, const std::vector<float>& weights,
                     const std::vector<float>& bias, const ConvParams& p, int threads) {
    const Shape out = test::referenceConvShape(input.shape(), p);
    const ConvGeometry geometry{input.shape(), out,       p.kernel, p.stride,
                                p.dilation,    p.padding, p.groups};
    Tensor padded;
    if (p.padding.none()) {
        padded = input;
    } else {
        padTensor(input, p.padding, p.mode, padded);
    }
    Tensor output(out);
    useThreads(threads);
    conv2dGemm(padded, weights.data(), bias.empty() ? nullptr : bias.data(), geometry, output,
               threads);
    return output;
}

// The two transposed-convolution kernels: GEMM + col2im, and the sub-pixel phases the layer
// uses.
enum class TransposedPath { Col2im, Subpixel };

Tensor optimizedConvTranspose(const Tensor& input, const std::vector<float>& weights,
                              const std::vector<float>& bias, const TransposedConvParams& p,
                              int threads, TransposedPath path) {
    const Shape out{p.filters, p.output.h, p.output.w};
    const TransposedConvGeometry geometry{input.shape(), out,      p.kernel, p.stride,
                                          p.dilation,    p.offset, p.groups};
    Tensor output(out);
    useThreads(threads);
    const float* b = bias.empty() ? nullptr : bias.data();
    if (path == TransposedPath::Col2im) {
        conv2dTransposeGemm(input, weights.data(), b, geometry, output, threads);
    } else {
        // Filled first so a position the sub-pixel phases fail to write shows up.
        output.fill(1e30F);
        conv2dTransposeSubpixel(input, weights.data(), b, geometry, output, threads);
    }
    return output;
}

struct ConvCase {
    const char* name;
    Shape input;
    ConvParams params;
    bool bias = true;
};

struct TransposedCase {
    const char* name;
    Shape input;
    TransposedConvParams params;
    bool bias = true;
};

const std::vector<ConvCase>& convCases() {
    using M = PaddingMode;
    static const std::vector<ConvCase> cases = {
        {"3x7x9 f4 k3 valid", {3, 7, 9}, {4, {3, 3}, {1, 1}, {1, 1}, 1, pads(0), M::Zeros}},
        {"3x9x7 f5 k3 s2 p1", {3, 9, 7}, {5, {3, 3}, {2, 2}, {1, 1}, 1, pads(1), M::Zeros}},
        {"2x15x17 f3 k5x3 s3x2 p(2,1,0,2)",
         {2, 15, 17},
         {3, {5, 3}, {3, 2}, {1, 1}, 1, pads(2, 1, 0, 2), M::Zeros}},
        {"4x17x15 f6 k3 s2 d2 p2 reflect",
         {4, 17, 15},
         {6, {3, 3}, {2, 2}, {2, 2}, 1, pads(2), M::Reflect}},
        {"4x9x9 depthwise k3 p1 replicate",
         {4, 9, 9},
         {4, {3, 3}, {1, 1}, {1, 1}, 4, pads(1), M::Replicate}},
        {"6x15x9 f9 g3 k3x5 s2x3 p(1,2,2,1) circular",
         {6, 15, 9},
         {9, {3, 5}, {2, 3}, {1, 1}, 3, pads(1, 2, 2, 1), M::Circular}},
        {"8x7x7 depthwise k3 d2x3 p(2,2,3,3)",
         {8, 7, 7},
         {8, {3, 3}, {1, 1}, {2, 3}, 8, pads(2, 2, 3, 3), M::Zeros}},
        {"8x9x15 depthwise x2 f16 k3 s2 p1 reflect",
         {8, 9, 15},
         {16, {3, 3}, {2, 2}, {1, 1}, 8, pads(1), M::Reflect}},
        {"1x1x1 f2 k1", {1, 1, 1}, {2, {1, 1}, {1, 1}, {1, 1}, 1, pads(0), M::Zeros}},
        {"1x1x1 f1 k3 p1 replicate",
         {1, 1, 1},
         {1, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), M::Replicate}},
        {"1x2x2 f1 k3 p1 reflect", {1, 2, 2}, {1, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), M::Reflect}},
        {"2x1x17 f3 k1x4 s1x3 p(0,0,2,1) circular",
         {2, 1, 17},
         {3, {1, 4}, {1, 3}, {1, 1}, 1, pads(0, 0, 2, 1), M::Circular}},
        {"2x2x3 f2 k3 p(2,2,3,3) circular, padding equal to the extent",
         {2, 2, 3},
         {2, {3, 3}, {1, 1}, {1, 1}, 1, pads(2, 2, 3, 3), M::Circular}},
        {"2x7x9 f3 k9x11 p1, one output",
         {2, 7, 9},
         {3, {9, 11}, {1, 1}, {1, 1}, 1, pads(1), M::Zeros}},
        {"3x17x15 f4 k2 s4x5 p(1,0,3,2) replicate, stride over kernel",
         {3, 17, 15},
         {4, {2, 2}, {4, 5}, {1, 1}, 1, pads(1, 0, 3, 2), M::Replicate}},
        {"2x9x15 f3 k3 d3x4 p(3,3,4,4) reflect",
         {2, 9, 15},
         {3, {3, 3}, {1, 1}, {3, 4}, 1, pads(3, 3, 4, 4), M::Reflect}},
        {"5x15x17 f10 g5 k1 s2", {5, 15, 17}, {10, {1, 1}, {2, 2}, {1, 1}, 5, pads(0), M::Zeros}},
        {"3x15x15 f4 k4 s2 p(1,2,1,2), TF same for an even kernel",
         {3, 15, 15},
         {4, {4, 4}, {2, 2}, {1, 1}, 1, pads(1, 2, 1, 2), M::Zeros}},
        {"4x7x9 f2 g2 k3 s3 d2 no bias",
         {4, 7, 9},
         {2, {3, 3}, {3, 3}, {2, 2}, 2, pads(0), M::Zeros},
         false},
        {"3x37x41 f64 k3 p1", {3, 37, 41}, {64, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), M::Zeros}},
        {"3x37x41 f64 k3 s2 p(0,1,0,1) reflect",
         {3, 37, 41},
         {64, {3, 3}, {2, 2}, {1, 1}, 1, pads(0, 1, 0, 1), M::Reflect}},
        // K = 64*9 = 576 rows, 41 columns a row: 262144 / (576*41) = 11 output rows a tile,
        // so 37 rows take 4 tiles, the last one short.
        {"64x37x41 f64 k3 p1, 4 row tiles",
         {64, 37, 41},
         {64, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), M::Zeros}},
        // Per group K = 288: 22 rows a tile, 2 tiles in each of 2 groups.
        {"64x37x41 f32 g2 k3 p1 replicate, 2 tiles a group",
         {64, 37, 41},
         {32, {3, 3}, {1, 1}, {1, 1}, 2, pads(1), M::Replicate}},
        // K = 128*25 = 3200 by 90 columns exceeds the budget for a single row: 1 row a tile.
        {"128x9x90 f8 k5 p2, one row a tile",
         {128, 9, 90},
         {8, {5, 5}, {1, 1}, {1, 1}, 1, pads(2), M::Zeros}},
        {"48x17x15 f24 k3 s2 d2 p(3,1,2,2) circular, tiles with stride",
         {48, 17, 15},
         {24, {3, 3}, {2, 2}, {2, 2}, 1, pads(3, 1, 2, 2), M::Circular}},
    };
    return cases;
}

// Output extents follow the spec: explicit p gives (n - 1)*s - 2p + ke + op with offset p;
// Keras "same" gives n*s with offset floor(max(full - out, 0) / 2); "valid" n*s + max(ke - s, 0).
const std::vector<TransposedCase>& transposedCases() {
    static const std::vector<TransposedCase> cases = {
        {"4x7x9 f3 k3 s2 p1 op1", {4, 7, 9}, {3, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {14, 18}}},
        {"2x9x7 f4 k4 s2 p1", {2, 9, 7}, {4, {4, 4}, {2, 2}, {1, 1}, 1, {1, 1}, {18, 14}}},
        {"3x15x17 f2 k3 s3 d2 op2, zero past the end of full",
         {3, 15, 17},
         {2, {3, 3}, {3, 3}, {2, 2}, 1, {0, 0}, {49, 55}}},
        {"6x7x9 f9 g3 k3 s2 p(1,2) op(0,1)",
         {6, 7, 9},
         {9, {3, 3}, {2, 2}, {1, 1}, 3, {1, 2}, {13, 16}}},
        {"4x9x9 depthwise k5 p2", {4, 9, 9}, {4, {5, 5}, {1, 1}, {1, 1}, 4, {2, 2}, {9, 9}}},
        {"3x7x7 f2 k3 s3 keras valid", {3, 7, 7}, {2, {3, 3}, {3, 3}, {1, 1}, 1, {0, 0}, {21, 21}}},
        {"2x7x9 f3 k5 s2 keras valid", {2, 7, 9}, {3, {5, 5}, {2, 2}, {1, 1}, 1, {0, 0}, {17, 21}}},
        {"3x9x9 f2 k3 s2 keras same", {3, 9, 9}, {2, {3, 3}, {2, 2}, {1, 1}, 1, {0, 0}, {18, 18}}},
        {"3x7x7 f2 k4 s2 keras same", {3, 7, 7}, {2, {4, 4}, {2, 2}, {1, 1}, 1, {1, 1}, {14, 14}}},
        {"2x7x9 f2 k1 s3 keras same, bias only past full",
         {2, 7, 9},
         {2, {1, 1}, {3, 3}, {1, 1}, 1, {0, 0}, {21, 27}}},
        {"1x1x1 f2 k3 s2", {1, 1, 1}, {2, {3, 3}, {2, 2}, {1, 1}, 1, {0, 0}, {3, 3}}},
        {"32x9x9 f16 k3 s2 p1 op1 no bias",
         {32, 9, 9},
         {16, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {18, 18}},
         false},
        {"2x1x17 f3 k1x3 s1x2 d1x2", {2, 1, 17}, {3, {1, 3}, {1, 2}, {1, 2}, 1, {0, 0}, {1, 37}}},
        // Sub-pixel phases: a phase with no tap (kernel < stride) is bias only; offsets that
        // are not multiples of the stride start the phases at different outputs; dilation
        // sharing a factor with the stride puts every tap into one phase.
        {"5x8x6 f7 k2 s3, kernel < stride",
         {5, 8, 6},
         {7, {2, 2}, {3, 3}, {1, 1}, 1, {0, 0}, {23, 17}}},
        {"2x5x6 f3 k1 s2 op1, taps in one phase only",
         {2, 5, 6},
         {3, {1, 1}, {2, 2}, {1, 1}, 1, {0, 0}, {10, 12}}},
        {"3x6x8 f4 k5 s3 p2 op1", {3, 6, 8}, {4, {5, 5}, {3, 3}, {1, 1}, 1, {2, 2}, {17, 23}}},
        {"4x8x7 f6 g2 k4x3 s2x3 p(1,2) op(1,2)",
         {4, 8, 7},
         {6, {4, 3}, {2, 3}, {1, 1}, 2, {1, 2}, {17, 19}}},
        {"3x6x5 f2 k2x5 s1x2 p(1,2)", {3, 6, 5}, {2, {2, 5}, {1, 2}, {1, 1}, 1, {1, 2}, {5, 9}}},
        {"2x7x6 f3 k3 s3 d2 p(2,1)", {2, 7, 6}, {3, {3, 3}, {3, 3}, {2, 2}, 1, {2, 1}, {19, 18}}},
        {"2x6x7 f2 k3 s2 d2 p1 op1, dilation sharing the stride",
         {2, 6, 7},
         {2, {3, 3}, {2, 2}, {2, 2}, 1, {1, 1}, {14, 16}}},
        {"6x5x5 depthwise k5 s3 p1 op2",
         {6, 5, 5},
         {6, {5, 5}, {3, 3}, {1, 1}, 6, {1, 1}, {17, 17}}},
        {"3x9x8 f2 k5 s2 keras same, odd crop",
         {3, 9, 8},
         {2, {5, 5}, {2, 2}, {1, 1}, 1, {1, 1}, {18, 16}}},
        {"3x8x9 f5 k4 s1 p(0,3)", {3, 8, 9}, {5, {4, 4}, {1, 1}, {1, 1}, 1, {0, 3}, {11, 6}}},
        {"2x1x1 f3 k3 s5, stride above the output",
         {2, 1, 1},
         {3, {3, 3}, {5, 5}, {1, 1}, 1, {0, 0}, {3, 3}}},
        {"2x3x1 f2 k3 s2 p1, one output column",
         {2, 3, 1},
         {2, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {5, 1}}},
        // Phase (0, 0) has K = 64*4 = 256 rows by 41 columns: 262144 / (256*41) = 24 rows a
        // tile, but at least 4 tiles: 37 rows in 4 tiles of 10, 10, 10, 7.
        {"64x37x41 f32 k3 s2 p1 op1, 4 row tiles a phase",
         {64, 37, 41},
         {32, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {74, 82}}},
    };
    return cases;
}

}  // namespace

class TestKernelsReference : public QObject {
    Q_OBJECT

private slots:
    // ---- the references themselves, against numbers checked with PyTorch 1.13 ----

    // PyTorch computes align_corners' scale (n_in - 1)/(n_out - 1) in float first and then
    // scale * x: for 2 -> 42 at x = 41 that is 0.024390243f * 41 = 0.99999994, so the left tap
    // is 0 with weight 0.99999994 on tap 1. (x * 1 / 41 would give exactly 1.0 and tap 1.)
    // A superseded GUI request must not finish a long kernel: with the flag already set, the
    // GEMM kernels return without computing (the output stays as it was, all zeros here).
    void cancelledKernelsStopEarly() {
        const std::atomic<bool> cancel{true};
        const Tensor input = test::randomTensor(Shape{4, 33, 35}, 5);
        const std::vector<float> weights(8 * 4 * 3 * 3, 1.0F);
        ConvGeometry conv{input.shape(), Shape{8, 31, 33}, Pair{3, 3}, Pair{1, 1},
                          Pair{1, 1},    Padding2d{},      1};
        Tensor out(conv.output);
        conv2dGemm(input, weights.data(), nullptr, conv, out, 2, &cancel);
        QVERIFY(std::all_of(out.values().begin(), out.values().end(),
                            [](float v) { return v == 0.0F; }));
        TransposedConvGeometry tconv{input.shape(), Shape{8, 67, 71}, Pair{3, 3}, Pair{2, 2},
                                     Pair{1, 1},    Pair{0, 0},       1};
        Tensor tout(tconv.output, 7.0F);
        conv2dTransposeGemm(input, weights.data(), nullptr, tconv, tout, 2, &cancel);
        QVERIFY(std::all_of(tout.values().begin(), tout.values().end(),
                            [](float v) { return v == 0.0F; }));
        // The sub-pixel phases write each output once, so nothing is written at all.
        Tensor sout(tconv.output, 7.0F);
        conv2dTransposeSubpixel(input, weights.data(), nullptr, tconv, sout, 2, &cancel);
        QVERIFY(std::all_of(sout.values().begin(), sout.values().end(),
                            [](float v) { return v == 7.0F; }));
    }

    // Only the phases that own outputs exist: 1x1 -> 3x3 with stride 65536 (the largest a
    // parameter may be) has 3 x 3 phases of one tap each, not 65536^2. Workspace: 9 weights and
    // the 1x1 input plus its two-row slack (3) shared, one task's 3 column phases x 1 output
    // (3) per thread.
    void subpixelWorkspaceIgnoresUnusedPhases() {
        const TransposedConvGeometry g{
            Shape{1, 1, 1}, Shape{1, 3, 3}, Pair{3, 3}, Pair{65536, 65536},
            Pair{1, 1},     Pair{0, 0},     1};
        const SubpixelWorkspace workspace = conv2dTransposeSubpixelWorkspace(g);
        QCOMPARE(workspace.sharedFloats, std::int64_t{12});
        QCOMPARE(workspace.perThreadFloats, std::int64_t{3});
        const Tensor input(Shape{1, 1, 1}, {2.0F});
        const std::vector<float> weights{1.0F, 2.0F, 3.0F, 4.0F, 5.0F, 6.0F, 7.0F, 8.0F, 9.0F};
        const float bias = 0.5F;
        Tensor out(g.output);
        conv2dTransposeSubpixel(input, weights.data(), &bias, g, out, 2);
        QCOMPARE(std::vector<float>(out.values().begin(), out.values().end()),
                 (std::vector<float>{2.5F, 4.5F, 6.5F, 8.5F, 10.5F, 12.5F, 14.5F, 16.5F, 18.5F}));
    }

    void alignCornersRoundsLikePyTorch() {
        const ResizeTaps taps =
            resizeTaps(41, 2, 42, Interpolation::Bilinear, CoordinateMode::AlignCorners);
        QCOMPARE(taps.index[0], std::int64_t{0});
        QCOMPARE(taps.count, 2);
        QCOMPARE(taps.weight[1], 1.0F / 41.0F * 41.0F);
        QVERIFY(taps.weight[1] < 1.0F);
    }

    void referenceSourceIndex_data() {
        QTest::addColumn<PaddingMode>("mode");
        QTest::addColumn<std::int64_t>("index");
        QTest::addColumn<std::int64_t>("expected");
        // Axis of n = 4: F.pad(arange(4), (3, 3), "reflect") = 3 2 1 | 0 1 2 3 | 2 1 0 and
        // F.pad(arange(4), (4, 4), "circular") = 0 1 2 3 | 0 1 2 3 | 0 1 2 3.
        QTest::addRow("reflect -1") << PaddingMode::Reflect << std::int64_t{-1} << std::int64_t{1};
        QTest::addRow("reflect -3") << PaddingMode::Reflect << std::int64_t{-3} << std::int64_t{3};
        QTest::addRow("reflect 4") << PaddingMode::Reflect << std::int64_t{4} << std::int64_t{2};
        QTest::addRow("reflect 6") << PaddingMode::Reflect << std::int64_t{6} << std::int64_t{0};
        QTest::addRow("replicate -2")
            << PaddingMode::Replicate << std::int64_t{-2} << std::int64_t{0};
        QTest::addRow("replicate 5")
            << PaddingMode::Replicate << std::int64_t{5} << std::int64_t{3};
        QTest::addRow("circular -1")
            << PaddingMode::Circular << std::int64_t{-1} << std::int64_t{3};
        QTest::addRow("circular -4")
            << PaddingMode::Circular << std::int64_t{-4} << std::int64_t{0};
        QTest::addRow("circular 7") << PaddingMode::Circular << std::int64_t{7} << std::int64_t{3};
        QTest::addRow("zeros -1") << PaddingMode::Zeros << std::int64_t{-1} << std::int64_t{-1};
        QTest::addRow("zeros 4") << PaddingMode::Zeros << std::int64_t{4} << std::int64_t{-1};
        QTest::addRow("zeros 2") << PaddingMode::Zeros << std::int64_t{2} << std::int64_t{2};
    }

    void referenceSourceIndex() {
        QFETCH(PaddingMode, mode);
        QFETCH(std::int64_t, index);
        QFETCH(std::int64_t, expected);
        QCOMPARE(test::referenceSourceIndex(index, 4, mode), expected);
        QCOMPARE(paddedSourceIndex(index, 4, mode), expected);
    }

    void referenceHandChecked() {
        // Row [1, 2, 3], kernel [1, 1, 1], padding 1 on each side (F.conv1d after F.pad).
        const Tensor row(Shape{1, 1, 3}, {1.0F, 2.0F, 3.0F});
        const std::vector<float> ones{1.0F, 1.0F, 1.0F};
        const std::vector<std::pair<PaddingMode, std::vector<float>>> expectedByMode = {
            {PaddingMode::Zeros, {3.0F, 6.0F, 5.0F}},
            {PaddingMode::Reflect, {5.0F, 6.0F, 7.0F}},
            {PaddingMode::Replicate, {4.0F, 6.0F, 8.0F}},
            {PaddingMode::Circular, {6.0F, 6.0F, 6.0F}},
        };
        for (const auto& [mode, expected] : expectedByMode) {
            const ConvParams p{1, {1, 3}, {1, 1}, {1, 1}, 1, pads(0, 0, 1, 1), mode};
            const Tensor out = test::referenceConv2d(row, ones, {}, p);
            QCOMPARE(std::vector<float>(out.values().begin(), out.values().end()), expected);
        }

        // [1, 2] through kernel [1, 10, 100], stride 2: full = 1 10 102 20 200; window from 1
        // of length 5 runs one past full (0 there), bias 0.5 everywhere. PyTorch (op = 1,
        // length 4) gives 10.5 102.5 20.5 200.5.
        const TransposedConvParams t{1, {1, 3}, {1, 2}, {1, 1}, 1, {0, 1}, {1, 5}};
        const Tensor up = test::referenceConv2dTranspose(Tensor(Shape{1, 1, 2}, {1.0F, 2.0F}),
                                                         {1.0F, 10.0F, 100.0F}, {0.5F}, t);
        QCOMPARE(std::vector<float>(up.values().begin(), up.values().end()),
                 (std::vector<float>{10.5F, 102.5F, 20.5F, 200.5F, 0.5F}));

        // avg_pool1d(1..6, 3, 2, 1, ceil_mode=True): the last window covers 6 and one padding
        // position and overhangs the padding by one.
        const Tensor six(Shape{1, 1, 6}, {1.0F, 2.0F, 3.0F, 4.0F, 5.0F, 6.0F});
        const PoolParams avg{{1, 3}, {1, 2}, pads(0, 0, 1, 1), true};
        const Tensor incl = test::referenceAvgPool2d(six, avg, true);
        const Tensor excl = test::referenceAvgPool2d(six, avg, false);
        QCOMPARE(std::vector<float>(incl.values().begin(), incl.values().end()),
                 (std::vector<float>{1.0F, 3.0F, 5.0F, 3.0F}));
        QCOMPARE(std::vector<float>(excl.values().begin(), excl.values().end()),
                 (std::vector<float>{1.5F, 3.0F, 5.0F, 6.0F}));

        // max_pool1d([1, 3, 3, 2], 2, 1): ties keep the first.
        std::vector<std::int32_t> argmax;
        const Tensor pooled =
            test::referenceMaxPool2d(Tensor(Shape{1, 1, 4}, {1.0F, 3.0F, 3.0F, 2.0F}),
                                     {{1, 2}, {1, 1}, pads(0), false}, &argmax);
        QCOMPARE(std::vector<float>(pooled.values().begin(), pooled.values().end()),
                 (std::vector<float>{3.0F, 3.0F, 3.0F}));
        QCOMPARE(argmax, (std::vector<std::int32_t>{1, 1, 2}));

        // max_unpool1d([7, 8], indices [1, 1]) = 0 8 0: the later one wins.
        const Tensor unpooled = test::referenceMaxUnpool2d(Tensor(Shape{1, 1, 2}, {7.0F, 8.0F}),
                                                           {1, 1}, Shape{1, 1, 3});
        QCOMPARE(std::vector<float>(unpooled.values().begin(), unpooled.values().end()),
                 (std::vector<float>{0.0F, 8.0F, 0.0F}));

        // F.interpolate([0, 1], size=4) along the width.
        const Tensor pair(Shape{1, 1, 2}, {0.0F, 1.0F});
        struct Expect {
            Interpolation interpolation;
            CoordinateMode mode;
            std::vector<double> values;
        };
        const std::vector<Expect> resizes = {
            {Interpolation::Bilinear, CoordinateMode::HalfPixel, {0.0, 0.25, 0.75, 1.0}},
            {Interpolation::Bilinear, CoordinateMode::AlignCorners, {0.0, 1.0 / 3, 2.0 / 3, 1.0}},
            {Interpolation::Bilinear, CoordinateMode::Asymmetric, {0.0, 0.5, 1.0, 1.0}},
            {Interpolation::Bicubic,
             CoordinateMode::HalfPixel,
             {-0.10546875, 0.2265625, 0.7734375, 1.10546875}},
            {Interpolation::Bicubic,
             CoordinateMode::AlignCorners,
             {0.0, 0.31481462717056274, 0.6851851344108582, 1.0}},
        };
        for (const Expect& e : resizes) {
            const Tensor r = test::referenceResize(pair, 1, 4, e.interpolation, e.mode);
            for (std::int64_t x = 0; x < 4; ++x) {
                QVERIFY2(std::abs(r.at(0, 0, x) - e.values[static_cast<std::size_t>(x)]) < 1e-6,
                         qPrintable(QStringLiteral("%1 %2 x=%3: %4")
                                        .arg(QLatin1String(interpolationName(e.interpolation)),
                                             QLatin1String(coordinateName(e.mode)))
                                        .arg(x)
                                        .arg(r.at(0, 0, x))));
            }
        }
    }

    // ---- optimized against reference ----

    void padTensor_data() {
        QTest::addColumn<Shape>("shape");
        QTest::addColumn<Padding2d>("padding");
        QTest::addColumn<PaddingMode>("mode");
        QTest::addColumn<float>("fill");
        for (const PaddingMode mode : {PaddingMode::Zeros, PaddingMode::Reflect,
                                       PaddingMode::Replicate, PaddingMode::Circular}) {
            QTest::addRow("2x7x9 p(3,1,2,4) %s",
                          qPrintable(paddingModeNames()[static_cast<int>(mode)]))
                << Shape{2, 7, 9} << pads(3, 1, 2, 4) << mode << 0.0F;
        }
        QTest::addRow("2x7x9 p(6,6,8,8) reflect, largest allowed")
            << Shape{2, 7, 9} << pads(6, 6, 8, 8) << PaddingMode::Reflect << 0.0F;
        QTest::addRow("2x7x9 p(7,7,9,9) circular, padding equal to the extent")
            << Shape{2, 7, 9} << pads(7, 7, 9, 9) << PaddingMode::Circular << 0.0F;
        QTest::addRow("1x1x1 p2 replicate")
            << Shape{1, 1, 1} << pads(2) << PaddingMode::Replicate << 0.0F;
        QTest::addRow("1x2x2 p1 reflect")
            << Shape{1, 2, 2} << pads(1) << PaddingMode::Reflect << 0.0F;
        QTest::addRow("3x15x17 p(0,2,1,0) zeros fill -2.5")
            << Shape{3, 15, 17} << pads(0, 2, 1, 0) << PaddingMode::Zeros << -2.5F;
    }

    void padTensor() {
        QFETCH(Shape, shape);
        QFETCH(Padding2d, padding);
        QFETCH(PaddingMode, mode);
        QFETCH(float, fill);
        const Tensor input = test::randomTensor(shape, 11);
        Tensor padded;
        stridelab::padTensor(input, padding, mode, padded, fill);
        const Tensor expected = test::referencePad(input, padding, mode, fill);
        QString why;
        // Padding copies values: exact.
        QVERIFY2(test::tensorsClose(padded, expected, 0.0, 0.0, &why), qPrintable(why));
    }

    void conv2d_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("threads");
        const auto& cases = convCases();
        for (std::size_t i = 0; i < cases.size(); ++i) {
            for (const int threads : {1, 2}) {
                QTest::addRow("%s, %d thread(s)", cases[i].name, threads)
                    << static_cast<int>(i) << threads;
            }
        }
    }

    void conv2d() {
        QFETCH(int, index);
        QFETCH(int, threads);
        const ConvCase& c = convCases()[static_cast<std::size_t>(index)];
        const ConvParams& p = c.params;
        const Tensor input = test::randomTensor(c.input, 100U + static_cast<unsigned>(index));
        const std::vector<float> weights =
            randomValues(p.filters * (c.input.c / p.groups) * p.kernel.h * p.kernel.w,
                         200U + static_cast<unsigned>(index));
        const std::vector<float> bias =
            c.bias ? randomValues(p.filters, 300U) : std::vector<float>{};
        const Tensor expected = test::referenceConv2d(input, weights, bias, p);
        const Tensor actual = optimizedConv(input, weights, bias, p, threads);
        QString why;
        QVERIFY2(closeToReference(actual, expected, &why), qPrintable(why));
    }

    void conv2dThreadsBitIdentical_data() {
        QTest::addColumn<int>("index");
        const auto& cases = convCases();
        for (std::size_t i = 0; i < cases.size(); ++i) {
            QTest::addRow("%s", cases[i].name) << static_cast<int>(i);
        }
    }

    // Tiles do not depend on the thread count, so the sums run in the same order.
    void conv2dThreadsBitIdentical() {
        QFETCH(int, index);
        const ConvCase& c = convCases()[static_cast<std::size_t>(index)];
        const ConvParams& p = c.params;
        const Tensor input = test::randomTensor(c.input, 7);
        const std::vector<float> weights =
            randomValues(p.filters * (c.input.c / p.groups) * p.kernel.h * p.kernel.w, 8);
        const std::vector<float> bias = c.bias ? randomValues(p.filters, 9) : std::vector<float>{};
        const Tensor one = optimizedConv(input, weights, bias, p, 1);
        const Tensor two = optimizedConv(input, weights, bias, p, 2);
        QVERIFY(bitIdentical(one, two));
    }

    void conv2dTranspose_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("threads");
        QTest::addColumn<TransposedPath>("path");
        const auto& cases = transposedCases();
        for (std::size_t i = 0; i < cases.size(); ++i) {
            for (const TransposedPath path : {TransposedPath::Col2im, TransposedPath::Subpixel}) {
                for (const int threads : {1, 2}) {
                    QTest::addRow("%s, %s, %d thread(s)", cases[i].name,
                                  path == TransposedPath::Col2im ? "col2im" : "sub-pixel", threads)
                        << static_cast<int>(i) << threads << path;
                }
            }
        }
    }

    void conv2dTranspose() {
        QFETCH(int, index);
        QFETCH(int, threads);
        QFETCH(TransposedPath, path);
        const TransposedCase& c = transposedCases()[static_cast<std::size_t>(index)];
        const TransposedConvParams& p = c.params;
        const Tensor input = test::randomTensor(c.input, 400U + static_cast<unsigned>(index));
        const std::vector<float> weights =
            randomValues(c.input.c * (p.filters / p.groups) * p.kernel.h * p.kernel.w,
                         500U + static_cast<unsigned>(index));
        const std::vector<float> bias =
            c.bias ? randomValues(p.filters, 600U) : std::vector<float>{};
        const Tensor expected = test::referenceConv2dTranspose(input, weights, bias, p);
        const Tensor actual = optimizedConvTranspose(input, weights, bias, p, threads, path);
        QString why;
        QVERIFY2(closeToReference(actual, expected, &why), qPrintable(why));
    }

    void conv2dTransposeSubpixelThreadsBitIdentical_data() {
        QTest::addColumn<int>("index");
        const auto& cases = transposedCases();
        for (std::size_t i = 0; i < cases.size(); ++i) {
            QTest::addRow("%s", cases[i].name) << static_cast<int>(i);
        }
    }

    // Each output is written by one task whose tiling ignores the thread count.
    void conv2dTransposeSubpixelThreadsBitIdentical() {
        QFETCH(int, index);
        const TransposedCase& c = transposedCases()[static_cast<std::size_t>(index)];
        const TransposedConvParams& p = c.params;
        const Tensor input = test::randomTensor(c.input, 17);
        const std::vector<float> weights =
            randomValues(c.input.c * (p.filters / p.groups) * p.kernel.h * p.kernel.w, 18);
        const std::vector<float> bias = c.bias ? randomValues(p.filters, 19) : std::vector<float>{};
        const Tensor one =
            optimizedConvTranspose(input, weights, bias, p, 1, TransposedPath::Subpixel);
        const Tensor two =
            optimizedConvTranspose(input, weights, bias, p, 2, TransposedPath::Subpixel);
        QVERIFY(bitIdentical(one, two));
    }
};

QTEST_GUILESS_MAIN(TestKernelsReference)
#include "tst_kernels_reference.moc"
