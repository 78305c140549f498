// The optimized pooling, resizing and activation kernels of core/kernels/ against the naive
// loop nests of tests/support/reference_kernels, over odd shapes, ceil_mode overhangs, ties,
// every interpolation and coordinate mode, with 1 and 2 threads, and the pools and resizes on
// every instruction set this machine has (plain, avx2, avx512; forced through forceIsa), with
// widths that leave vector tails (convolutions are in tst_kernels_reference).

#include "kernels/activation.h"
#include "kernels/antialiased_resize.h"
#include "kernels/padding.h"
#include "kernels/pool_resize_simd.h"
#include "kernels/pooling.h"
#include "kernels/resize.h"
#include "kernels/streamed_stores.h"
#include "support/kernel_checks.h"
#include "support/reference_kernels.h"
#include "support/test_support.h"

#include <QTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>

using namespace stridelab;
using namespace stridelab::test;
using stridelab::test::PoolParams;

namespace {

PoolGeometry poolGeometry(const Shape& input, const PoolParams& p) {
    return {input, test::referencePoolShape(input, p), p.kernel, p.stride, p.padding};
}

struct PoolCase {
    const char* name;
    Shape input;
    PoolParams params;
    bool ties = false;  // values rounded to halves so that windows hold equal maxima
};

const std::vector<PoolCase>& poolCases() {
    static const std::vector<PoolCase> cases = {
        {"3x7x9 k2 s2", {3, 7, 9}, {{2, 2}, {2, 2}, pads(0), false}},
        {"3x7x9 k2 s2 ceil", {3, 7, 9}, {{2, 2}, {2, 2}, pads(0), true}},
        {"2x15x17 k3 s2 p1 ceil", {2, 15, 17}, {{3, 3}, {2, 2}, pads(1), true}},
        {"2x17x15 k3 s2 p1", {2, 17, 15}, {{3, 3}, {2, 2}, pads(1), false}},
        {"4x9x7 k3 s3 p1 ceil", {4, 9, 7}, {{3, 3}, {3, 3}, pads(1), true}},
        {"2x8x8 k3 s2 p(0,1,0,1), TF same", {2, 8, 8}, {{3, 3}, {2, 2}, pads(0, 1, 0, 1), false}},
        {"2x7x7 k2 s2 p(0,1,0,1), TF same", {2, 7, 7}, {{2, 2}, {2, 2}, pads(0, 1, 0, 1), false}},
        {"1x1x1 k1", {1, 1, 1}, {{1, 1}, {1, 1}, pads(0), false}},
        {"1x2x2 k2 s1 p1 ceil", {1, 2, 2}, {{2, 2}, {1, 1}, pads(1), true}},
        {"3x9x15 k3x5 s1x2 p(1,1,2,2) ceil", {3, 9, 15}, {{3, 5}, {1, 2}, pads(1, 1, 2, 2), true}},
        {"2x17x17 k5 s4 p2 ceil", {2, 17, 17}, {{5, 5}, {4, 4}, pads(2), true}},
        // ceil gives 4 windows, the last would start in the padding: dropped, 3 remain.
        {"3x5x5 k2 s2 p1 ceil, last window dropped", {3, 5, 5}, {{2, 2}, {2, 2}, pads(1), true}},
        {"2x6x6 k3 s2 p1 ceil, overhang past the padding",
         {2, 6, 6},
         {{3, 3}, {2, 2}, pads(1), true}},
        {"2x9x9 k3 s1 p1 ties", {2, 9, 9}, {{3, 3}, {1, 1}, pads(1), false}, true},
        {"2x15x17 k3 s2 ceil ties", {2, 15, 17}, {{3, 3}, {2, 2}, pads(0), true}, true},
        {"16x15x17 k2 s2 ceil", {16, 15, 17}, {{2, 2}, {2, 2}, pads(0), true}},
        {"3x7x17 k1x3 s1x2 p(0,0,1,1)", {3, 7, 17}, {{1, 3}, {1, 2}, pads(0, 0, 1, 1), false}},
        // Wide enough for whole AVX2 and AVX-512 vectors plus tails.
        {"3x9x67 k2 s2", {3, 9, 67}, {{2, 2}, {2, 2}, pads(0), false}},
        {"3x9x67 k2 s2 ceil", {3, 9, 67}, {{2, 2}, {2, 2}, pads(0), true}},
        {"2x8x64 k2 s2 ties", {2, 8, 64}, {{2, 2}, {2, 2}, pads(0), false}, true},
        {"2x11x71 k3 s2 p1", {2, 11, 71}, {{3, 3}, {2, 2}, pads(1), false}},
        {"2x10x70 k3 s2 p1 ceil ties", {2, 10, 70}, {{3, 3}, {2, 2}, pads(1), true}, true},
        {"2x7x45 k3 s1 p1 ties", {2, 7, 45}, {{3, 3}, {1, 1}, pads(1), false}, true},
        {"2x6x40 k2 s1", {2, 6, 40}, {{2, 2}, {1, 1}, pads(0), false}},
        {"2x9x50 k3 s2 p(0,1,0,1), TF same", {2, 9, 50}, {{3, 3}, {2, 2}, pads(0, 1, 0, 1), false}},
        {"2x9x37 k5x4 s2 p(2,2,1,2) ceil", {2, 9, 37}, {{5, 4}, {2, 2}, pads(2, 2, 1, 2), true}},
        {"2x6x53 k2x7 s1 p(0,0,3,3)", {2, 6, 53}, {{2, 7}, {1, 1}, pads(0, 0, 3, 3), false}},
        {"2x5x66 k1x2 s1x2", {2, 5, 66}, {{1, 2}, {1, 2}, pads(0), false}},
        // Windows taller than the input: no row is inner (fuzz_layer_stack hung on this).
        {"2x2x15 k4x2 ceil", {2, 2, 15}, {{4, 2}, {4, 2}, pads(0), true}},
        {"2x3x40 k5x3 s1x2 p(1,1,0,0)", {2, 3, 40}, {{5, 3}, {1, 2}, pads(1, 1, 0, 0), false}},
    };
    return cases;
}

// Adds an "isa" column with a row for every instruction set this machine runs, to the rows
// that `addRows(isaName, isa)` adds.
template <typename AddRows>
void forEachIsa(AddRows addRows) {
    for (const Isa isa : supportedIsas()) {
        addRows(isaName(isa), static_cast<int>(isa));
    }
}

Tensor poolInput(const PoolCase& c, unsigned seed) {
    Tensor input = test::randomTensor(c.input, seed);
    if (c.ties) {
        for (float& v : input.values()) {
            v = std::round(v * 2.0F) / 2.0F;
        }
    }
    return input;
}

}  // namespace

class TestPoolResizeReference : public QObject {
    Q_OBJECT

private slots:
    void maxPool2d_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("isa");
        const auto& cases = poolCases();
        forEachIsa([&](const char* isaText, int isa) {
            for (std::size_t i = 0; i < cases.size(); ++i) {
                for (const int threads : {1, 2}) {
                    QTest::addRow("%s, %d thread(s), %s", cases[i].name, threads, isaText)
                        << static_cast<int>(i) << threads << isa;
                }
            }
        });
    }

    // Max pool selects values, so values and argmax must match exactly; the unpool of the
    // recorded indices is checked with other values, so that where overlapping windows
    // recorded one position twice the later write is seen to win.
    void maxPool2d() {
        QFETCH(int, index);
        QFETCH(int, threads);
        QFETCH(int, isa);
        const ForcedIsa forced(static_cast<Isa>(isa));
        QCOMPARE(static_cast<int>(forced.applied()), isa);
        const PoolCase& c = poolCases()[static_cast<std::size_t>(index)];
        const Tensor input = poolInput(c, 700U + static_cast<unsigned>(index));
        std::vector<std::int32_t> expectedArgmax;
        const Tensor expected = test::referenceMaxPool2d(input, c.params, &expectedArgmax);
        const PoolGeometry geometry = poolGeometry(c.input, c.params);
        Tensor actual(geometry.output);
        std::vector<std::int32_t> argmax;
        stridelab::maxPool2d(input, geometry, actual, argmax, threads);
        QString why;
        QVERIFY2(test::tensorsClose(actual, expected, 0.0, 0.0, &why), qPrintable(why));
        QCOMPARE(argmax, expectedArgmax);
        Tensor valuesOnly(geometry.output, std::numeric_limits<float>::quiet_NaN());
        stridelab::maxPool2d(input, geometry, valuesOnly, threads);  // no unpool: no indices
        QVERIFY2(test::tensorsClose(valuesOnly, expected, 0.0, 0.0, &why), qPrintable(why));

        const Tensor scattered =
            test::randomTensor(geometry.output, 800U + static_cast<unsigned>(index));
        Tensor unpooled(c.input);
        stridelab::maxUnpool2d(scattered, argmax, unpooled, threads);
        const Tensor expectedUnpooled =
            test::referenceMaxUnpool2d(scattered, expectedArgmax, c.input);
        QVERIFY2(test::tensorsClose(unpooled, expectedUnpooled, 0.0, 0.0, &why), qPrintable(why));
    }

    void avgPool2d_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<bool>("countIncludePad");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("isa");
        const auto& cases = poolCases();
        forEachIsa([&](const char* isaText, int isa) {
            for (std::size_t i = 0; i < cases.size(); ++i) {
                for (const bool include : {true, false}) {
                    // Alternate the thread count so both run on every divisor.
                    const int threads = 1 + static_cast<int>((i + (include ? 0 : 1) + isa) % 2);
                    QTest::addRow("%s, %s, %d thread(s), %s", cases[i].name,
                                  include ? "count_include_pad" : "real elements", threads, isaText)
                        << static_cast<int>(i) << include << threads << isa;
                }
            }
        });
    }

    void avgPool2d() {
        QFETCH(int, index);
        QFETCH(bool, countIncludePad);
        QFETCH(int, threads);
        QFETCH(int, isa);
        const ForcedIsa forced(static_cast<Isa>(isa));
        QCOMPARE(static_cast<int>(forced.applied()), isa);
        const PoolCase& c = poolCases()[static_cast<std::size_t>(index)];
        const Tensor input = poolInput(c, 900U + static_cast<unsigned>(index));
        const Tensor expected = test::referenceAvgPool2d(input, c.params, countIncludePad);
        const PoolGeometry geometry = poolGeometry(c.input, c.params);
        Tensor actual(geometry.output);
        stridelab::avgPool2d(
            input, geometry,
            countIncludePad ? AverageDivisor::PaddedWindow : AverageDivisor::RealElements, actual,
            threads);
        QString why;
        QVERIFY2(closeToReference(actual, expected, &why), qPrintable(why));
    }

    void resize2d_data() {
        QTest::addColumn<Shape>("input");
        QTest::addColumn<Pair>("output");
        QTest::addColumn<Interpolation>("interpolation");
        QTest::addColumn<CoordinateMode>("mode");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("isa");
        struct Sizes {
            const char* name;
            Shape input;
            Pair output;
        };
        const std::vector<Sizes> sizes = {
            {"3x7x9 -> 14x18 (x2)", {3, 7, 9}, {14, 18}},
            {"2x7x9 -> 15x17", {2, 7, 9}, {15, 17}},
            {"2x17x15 -> 7x9 (down)", {2, 17, 15}, {7, 9}},
            {"1x1x1 -> 3x2", {1, 1, 1}, {3, 2}},
            {"1x2x2 -> 1x1", {1, 2, 2}, {1, 1}},
            {"2x9x7 -> 27x14 (x3, x2)", {2, 9, 7}, {27, 14}},
            // Whole AVX2 and AVX-512 vectors plus tails on the doubled-width paths.
            {"3x5x37 -> 10x74 (x2)", {3, 5, 37}, {10, 74}},
            {"2x4x32 -> 9x64 (x2.25, x2)", {2, 4, 32}, {9, 64}},
            {"2x6x17 -> 3x34 (down, x2)", {2, 6, 17}, {3, 34}},
            {"1x3x1 -> 6x2 (x2)", {1, 3, 1}, {6, 2}},
            // Rows of exactly one vector (both edges in it) and of whole vectors only.
            {"2x3x8 -> 6x16 (x2)", {2, 3, 8}, {6, 16}},
            {"2x5x16 -> 10x32 (x2)", {2, 5, 16}, {10, 32}},
            {"2x4x48 -> 8x96 (x2)", {2, 4, 48}, {8, 96}},
        };
        int row = 0;
        forEachIsa([&](const char* isaText, int isa) {
            for (const Interpolation interpolation :
                 {Interpolation::Nearest, Interpolation::NearestExact}) {
                for (const Sizes& s : sizes) {
                    const int threads = 1 + (row++ % 2);
                    QTest::addRow("%s %s, %d thread(s), %s", interpolationName(interpolation),
                                  s.name, threads, isaText)
                        << s.input << s.output << interpolation << CoordinateMode::HalfPixel
                        << threads << isa;
                }
            }
            for (const Interpolation interpolation :
                 {Interpolation::Bilinear, Interpolation::Bicubic}) {
                for (const CoordinateMode mode :
                     {CoordinateMode::HalfPixel, CoordinateMode::AlignCorners,
                      CoordinateMode::Asymmetric}) {
                    for (const Sizes& s : sizes) {
                        const int threads = 1 + (row++ % 2);
                        QTest::addRow("%s %s %s, %d thread(s), %s",
                                      interpolationName(interpolation), coordinateName(mode),
                                      s.name, threads, isaText)
                            << s.input << s.output << interpolation << mode << threads << isa;
                    }
                }
            }
        });
    }

    void resize2d() {
        QFETCH(Shape, input);
        QFETCH(Pair, output);
        QFETCH(Interpolation, interpolation);
        QFETCH(CoordinateMode, mode);
        QFETCH(int, threads);
        QFETCH(int, isa);
        const ForcedIsa forced(static_cast<Isa>(isa));
        QCOMPARE(static_cast<int>(forced.applied()), isa);
        const Tensor x = test::randomTensor(input, 1000);
        const Tensor expected = test::referenceResize(x, output.h, output.w, interpolation, mode);
        Tensor actual(Shape{input.c, output.h, output.w});
        stridelab::resize2d(x, interpolation, mode, actual, threads);
        QString why;
        QVERIFY2(closeToReference(actual, expected, &why), qPrintable(why));
    }

    // Unpooling to twice the size writes whole rows where every index lies in its own 2x2
    // cell and falls back to zeroing and scattering where one does not: both must give the
    // reference, every output element written (the output starts as NaN), rows with tails.
    void maxUnpool2dCells_data() {
        QTest::addColumn<int>("isa");
        QTest::addColumn<int>("threads");
        QTest::addColumn<bool>("oneOutside");
        QTest::addColumn<Shape>("in");
        forEachIsa([&](const char* isaText, int isa) {
            for (const int threads : {1, 2}) {
                for (const bool outside : {false, true}) {
                    QTest::addRow("%s, %d thread(s), %s", isaText, threads,
                                  outside ? "one index outside its cell" : "indices in their cells")
                        << isa << threads << outside << Shape{3, 5, 37};
                }
            }
            // 16 MiB of output: written around the caches (kernels/cache_size.h).
            QTest::addRow("%s, 64x128x128 -> 64x256x256", isaText)
                << isa << 2 << false << Shape{64, 128, 128};
        });
    }

    void maxUnpool2dCells() {
        QFETCH(int, isa);
        QFETCH(int, threads);
        QFETCH(bool, oneOutside);
        QFETCH(Shape, in);
        const ForcedIsa forced(static_cast<Isa>(isa));
        const Shape out{in.c, 2 * in.h, 2 * in.w};
        const Tensor values = test::randomTensor(in, 1400);
        std::vector<std::int32_t> indices;
        unsigned state = 17;
        for (std::int64_t c = 0; c < in.c; ++c) {
            for (std::int64_t y = 0; y < in.h; ++y) {
                for (std::int64_t x = 0; x < in.w; ++x) {
                    state = state * 1103515245U + 12345U;
                    const std::int64_t dy = (state >> 16) & 1U;
                    const std::int64_t dx = (state >> 17) & 1U;
                    indices.push_back(static_cast<std::int32_t>((2 * y + dy) * out.w + 2 * x + dx));
                }
            }
        }
        if (oneOutside) {
            // Channel 1, row 2, column 20 records the top-left of the cell two to its left, as
            // an overlapping pool may: that position then holds the later value.
            const std::int64_t at = 1 * in.h * in.w + 2 * in.w + 20;
            indices[static_cast<std::size_t>(at)] = static_cast<std::int32_t>(4 * out.w + 36);
        }
        Tensor actual(out, std::numeric_limits<float>::quiet_NaN());
        stridelab::maxUnpool2d(values, indices, actual, threads);
        const Tensor expected = test::referenceMaxUnpool2d(values, indices, out);
        QVERIFY(bitIdentical(actual, expected));
    }

    // The transposed convolution's interleave of its column phases, with ordinary stores and
    // streamed (outputs of half the last-level cache or more), on every vector instruction set:
    // rows on and off a vector boundary, pair counts that leave a tail or no whole vector, and
    // nothing written outside the row.
    void interleavePairs_data() {
        QTest::addColumn<int>("isa");
        QTest::addColumn<bool>("streaming");
        QTest::addColumn<int>("offset");  // floats after a 64-byte boundary
        QTest::addColumn<int>("pairs");
        for (const Isa isa : supportedIsas()) {
            if (isa == Isa::Plain) {
                continue;  // no vector kernels: the transposed convolution interleaves itself
            }
            for (const bool streaming : {false, true}) {
                for (const int offset : {0, 1, 8}) {
                    for (const int pairs : {1, 7, 8, 16, 37, 64}) {
                        QTest::addRow("%s, %s, +%d floats, %d pairs", isaName(isa),
                                      streaming ? "streamed" : "cached", offset, pairs)
                            << static_cast<int>(isa) << streaming << offset << pairs;
                    }
                }
            }
        }
        if (supportedIsas() == std::vector<Isa>{Isa::Plain}) {
            QSKIP("no vector instruction set on this machine or build");
        }
    }

    void interleavePairs() {
        QFETCH(int, isa);
        QFETCH(bool, streaming);
        QFETCH(int, offset);
        QFETCH(int, pairs);
        const ForcedIsa forced(static_cast<Isa>(isa));
        const simd::PoolResizeKernels* k = simd::poolResizeKernels();
        QVERIFY(k != nullptr);
        std::vector<float> evens;
        std::vector<float> odds;
        for (int i = 0; i < pairs; ++i) {
            evens.push_back(static_cast<float>(1000 + i));
            odds.push_back(static_cast<float>(-1 - i));
        }
        constexpr float kUntouched = 12345.0F;
        constexpr int kGuard = 16;
        std::vector<float> buffer(static_cast<std::size_t>(2 * pairs + offset + kGuard + 16),
                                  kUntouched);
        const auto address = reinterpret_cast<std::uintptr_t>(buffer.data());
        float* base = buffer.data() + (64 - address % 64) % 64 / sizeof(float);
        float* dst = base + offset;
        k->interleavePairs(evens.data(), odds.data(), pairs, dst, streaming);
        fenceStreamedStores();
        for (int i = 0; i < pairs; ++i) {
            QCOMPARE(dst[2 * i], evens[static_cast<std::size_t>(i)]);
            QCOMPARE(dst[2 * i + 1], odds[static_cast<std::size_t>(i)]);
        }
        for (float* p = buffer.data(); p < dst; ++p) {
            QCOMPARE(*p, kUntouched);
        }
        for (int i = 2 * pairs; i < 2 * pairs + kGuard; ++i) {
            QCOMPARE(dst[i], kUntouched);
        }
    }

    // The reference knows no NaN; PyTorch lets the first NaN of a window win (so it is not
    // hidden). Every instruction set must give the plain path's values and argmax, NaN
    // positions included, in vector lanes and tails alike.
    void maxPool2dNaNSameOnEveryIsa() {
        const Shape in{2, 6, 70};
        Tensor input = test::randomTensor(in, 1300);
        for (const std::int64_t i : {0, 3, 71, 140, 141, 300, 419, 421, 500, 839}) {
            input.values()[static_cast<std::size_t>(i)] = std::nanf("");
        }
        for (const PoolParams& p :
             {PoolParams{{2, 2}, {2, 2}, pads(0), true}, PoolParams{{3, 3}, {1, 1}, pads(1), false},
              PoolParams{{3, 3}, {2, 2}, pads(1), false}}) {
            const PoolGeometry geometry = poolGeometry(in, p);
            Tensor plain(geometry.output);
            std::vector<std::int32_t> plainArgmax;
            {
                const ForcedIsa forced(Isa::Plain);
                stridelab::maxPool2d(input, geometry, plain, plainArgmax, 1);
            }
            QVERIFY(std::any_of(plain.values().begin(), plain.values().end(),
                                [](float v) { return std::isnan(v); }));
            for (const Isa isa : supportedIsas()) {
                const ForcedIsa forced(isa);
                Tensor actual(geometry.output);
                std::vector<std::int32_t> argmax;
                stridelab::maxPool2d(input, geometry, actual, argmax, 2);
                QVERIFY2(bitIdentical(actual, plain), isaName(isa));
                QCOMPARE(argmax, plainArgmax);
                // The values-only path (no unpool reads the indices) has its own loops.
                Tensor valuesOnly(geometry.output);
                stridelab::maxPool2d(input, geometry, valuesOnly, 1);
                QVERIFY2(bitIdentical(valuesOnly, plain), isaName(isa));
            }
        }
    }

    void antialiasedResize_data() {
        QTest::addColumn<Shape>("input");
        QTest::addColumn<Pair>("output");
        QTest::addRow("3x17x15 -> 7x9 (shrink)") << Shape{3, 17, 15} << Pair{7, 9};
        QTest::addRow("2x7x9 -> 15x17 (enlarge)") << Shape{2, 7, 9} << Pair{15, 17};
        QTest::addRow("1x16x16 -> 5x5") << Shape{1, 16, 16} << Pair{5, 5};
        QTest::addRow("1x9x9 -> 9x9 (same size)") << Shape{1, 9, 9} << Pair{9, 9};
        QTest::addRow("3x15x9 -> 4x18 (shrink one axis, enlarge the other)")
            << Shape{3, 15, 9} << Pair{4, 18};
    }

    void antialiasedResize() {
        QFETCH(Shape, input);
        QFETCH(Pair, output);
        const Tensor x = test::randomTensor(input, 1100);
        const Tensor expected = test::referenceAntialiasedResize(x, output.h, output.w);
        const Tensor actual = stridelab::antialiasedResize(x, output.h, output.w);
        QString why;
        QVERIFY2(closeToReference(actual, expected, &why), qPrintable(why));
    }

    void activation_data() {
        QTest::addColumn<Activation>("activation");
        QTest::addColumn<int>("threads");
        QTest::addRow("linear") << Activation::Linear << 1;
        QTest::addRow("relu") << Activation::Relu << 2;
        QTest::addRow("leaky_relu") << Activation::LeakyRelu << 1;
        QTest::addRow("sigmoid") << Activation::Sigmoid << 2;
        QTest::addRow("tanh") << Activation::Tanh << 2;
    }

    void activation() {
        QFETCH(Activation, activation);
        QFETCH(int, threads);
        const Tensor x = test::randomTensor(Shape{3, 15, 17}, 1200);
        const Tensor expected = test::referenceActivation(x, activation, 0.2F);
        Tensor actual = x;
        applyActivation(actual, activation, 0.2F, threads);
        QString why;
        QVERIFY2(test::tensorsClose(actual, expected, 1e-6, 1e-7, &why), qPrintable(why));
    }

    // PyTorch: relu(NaN) = NaN (a NaN is never hidden as 0), relu(-0) = -0, leaky_relu
    // likewise (checked against torch 1.13).
    void activationKeepsNaNAndSignedZero() {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        const std::vector<float> values = {nan, -0.0F, -inf, inf, -2.0F, 3.0F};
        Tensor relu(Shape{1, 1, 6}, values);
        applyActivation(relu, Activation::Relu, 0.0F, 1);
        QVERIFY(std::isnan(relu.at(0, 0, 0)));
        QVERIFY(relu.at(0, 0, 1) == 0.0F && std::signbit(relu.at(0, 0, 1)));
        QCOMPARE(relu.at(0, 0, 2), 0.0F);
        QCOMPARE(relu.at(0, 0, 3), inf);
        QCOMPARE(relu.at(0, 0, 4), 0.0F);
        QCOMPARE(relu.at(0, 0, 5), 3.0F);
        Tensor leaky(Shape{1, 1, 6}, values);
        applyActivation(leaky, Activation::LeakyRelu, 0.1F, 1);
        QVERIFY(std::isnan(leaky.at(0, 0, 0)));
        QVERIFY(leaky.at(0, 0, 1) == 0.0F && std::signbit(leaky.at(0, 0, 1)));
        QCOMPARE(leaky.at(0, 0, 2), -inf);
        QCOMPARE(leaky.at(0, 0, 4), -2.0F * 0.1F);
    }

    // Sigmoid and tanh go four at a time through glibc's vector expf / tanhf where the build
    // has them, the last values through the scalar ones: every value within 4 ulp of the
    // exact function (computed in double), the special values as PyTorch gives them. (Over 4
    // million values in [-100, 100]: 1 / (1 + exp(-x)) in float is off by up to 2.4 ulp with
    // the scalar expf, 3.4 ulp with the vector one; tanhf 2.1, the vector tanhf 1.0.)
    void sigmoidAndTanhCloseToExact_data() {
        QTest::addColumn<int>("activation");
        QTest::addColumn<int>("threads");
        for (const int threads : {1, 2}) {
            QTest::addRow("sigmoid, %d thread(s)", threads)
                << static_cast<int>(Activation::Sigmoid) << threads;
            QTest::addRow("tanh, %d thread(s)", threads)
                << static_cast<int>(Activation::Tanh) << threads;
        }
    }

    void sigmoidAndTanhCloseToExact() {
        QFETCH(int, activation);
        QFETCH(int, threads);
        const auto which = static_cast<Activation>(activation);
        auto exact = [which](double x) {
            return which == Activation::Sigmoid ? 1.0 / (1.0 + std::exp(-x)) : std::tanh(x);
        };
        // 20,003 values (not a multiple of four) over [-100, 100], dense near 0.
        std::vector<float> values;
        for (int i = -10000; i <= 10002; ++i) {
            const double t = i / 10000.0;
            values.push_back(static_cast<float>(100.0 * t * t * t));
        }
        Tensor tensor(Shape{1, 1, static_cast<std::int64_t>(values.size())}, values);
        applyActivation(tensor, which, 0.0F, threads);
        for (std::size_t i = 0; i < values.size(); ++i) {
            const double want = exact(values[i]);
            const float got = tensor.values()[i];
            const double ulp = std::nextafter(static_cast<float>(std::abs(want)),
                                              std::numeric_limits<float>::infinity()) -
                               static_cast<float>(std::abs(want));
            // Below float's smallest normal, only the absolute error means anything.
            const double allowed = std::max(4.0 * ulp, 1e-37);
            QVERIFY2(std::abs(got - want) <= allowed,
                     qPrintable(QStringLiteral("f(%1) = %2, exact %3")
                                    .arg(double(values[i]), 0, 'g', 9)
                                    .arg(double(got), 0, 'g', 9)
                                    .arg(want, 0, 'g', 17)));
        }
        const float nan = std::numeric_limits<float>::quiet_NaN();
        const float inf = std::numeric_limits<float>::infinity();
        Tensor special(Shape{1, 1, 5}, {nan, inf, -inf, -0.0F, 0.0F});
        applyActivation(special, which, 0.0F, threads);
        QVERIFY(std::isnan(special.at(0, 0, 0)));
        QCOMPARE(special.at(0, 0, 1), 1.0F);
        if (which == Activation::Sigmoid) {
            QCOMPARE(special.at(0, 0, 2), 0.0F);
            QCOMPARE(special.at(0, 0, 3), 0.5F);
        } else {
            QCOMPARE(special.at(0, 0, 2), -1.0F);
            QVERIFY(special.at(0, 0, 3) == 0.0F && std::signbit(special.at(0, 0, 3)));
        }
    }
};

QTEST_GUILESS_MAIN(TestPoolResizeReference)
#include "tst_pool_resize_reference.moc"
