// The transposed convolution through the direct convolution's vector kernels
// (core/kernels/conv2d_transpose_direct) against the naive scatter of
// tests/support/reference_kernels, on every instruction set this machine has vector kernels
// for (avx2, avx512; forced through forceIsa): a sweep of widths 1..48 with kernels 1-5,
// strides 1-3, dilation 1-2, groups, output windows that start before, at and past the
// kernel's reach (phases whose correlation pads, or crops, the input), output_padding and
// windows past the end of the full result, bias on and off; then named cases for the
// workloads' geometry, phases without taps, dilation sharing a factor with the stride, bands
// that hold only some channels. Also thread-count independence, cancellation, and the
// conv2d_transpose layer on every instruction set (plain runs the sub-pixel GEMM path),
// keeping its packed phases between forwards of different sizes.

#include "kernels/conv2d_transpose_direct.h"
#include "pipeline/executor.h"
#include "pipeline/pipeline_analysis.h"
#include "support/kernel_checks.h"
#include "support/reference_kernels.h"
#include "support/test_support.h"

#include <QTest>

#include <algorithm>
#include <atomic>

using namespace stridelab;
using namespace stridelab::test;

namespace {

struct Case {
    QByteArray name;
    Shape input;
    TransposedConvParams params;
    bool bias = true;
};

// The full result's extent on one axis: (n - 1) * s + (k - 1) * d + 1.
std::int64_t fullExtent(std::int64_t n, std::int64_t k, std::int64_t s, std::int64_t d) {
    return (n - 1) * s + (k - 1) * d + 1;
}

Case makeCase(Shape input, std::int64_t filters, Pair kernel, Pair stride, Pair dilation,
              std::int64_t groups, Pair offset, Pair output, bool bias, const char* note = "") {
    Case c{{}, input, {filters, kernel, stride, dilation, groups, offset, output}, bias};
    c.name = QStringLiteral("%1x%2x%3 f%4 k%5x%6 s%7x%8 d%9x%10 g%11 offset(%12,%13) out(%14,%15)")
                 .arg(input.c)
                 .arg(input.h)
                 .arg(input.w)
                 .arg(filters)
                 .arg(kernel.h)
                 .arg(kernel.w)
                 .arg(stride.h)
                 .arg(stride.w)
                 .arg(dilation.h)
                 .arg(dilation.w)
                 .arg(groups)
                 .arg(offset.h)
                 .arg(offset.w)
                 .arg(output.h)
                 .arg(output.w)
                 .toUtf8() +
             (bias ? "" : " no bias") + note;
    return c;
}

// Offset and output extent of one axis. Kind 0: the whole full result (PyTorch p 0);
// 1: PyTorch p = (k-1)*d/2 with output_padding s-1; 2: an offset past the kernel's reach
// (every phase starts inside the input: a crop), 3: Keras 'same' (n*s, centred).
std::pair<std::int64_t, std::int64_t> axisWindow(int kind, std::int64_t n, std::int64_t k,
                                                 std::int64_t s, std::int64_t d) {
    const std::int64_t full = fullExtent(n, k, s, d);
    std::int64_t offset = 0;
    std::int64_t out = full;
    if (kind == 1) {
        offset = (k - 1) * d / 2;
        out = full - 2 * offset + (s - 1);
    } else if (kind == 2) {
        offset = (k - 1) * d + 1 + s;
        out = full - offset - 1;
    } else if (kind == 3) {
        out = n * s;
        offset = std::max<std::int64_t>(full - out, 0) / 2;
    }
    if (out < 1) {
        return {0, full};
    }
    return {offset, out};
}

std::vector<Case> buildCases() {
    std::vector<Case> cases;
    for (std::int64_t w = 1; w <= 48; ++w) {
        const std::int64_t kw = 1 + w % 5;
        const std::int64_t kh = 1 + (w * 3) % 5;
        const std::int64_t sw = 1 + w % 3;
        const std::int64_t sh = 1 + (w / 3) % 3;
        const std::int64_t d = w % 4 == 3 ? 2 : 1;
        const std::int64_t groups = w % 7 == 2 ? 2 + w % 2 : 1;
        const std::int64_t inPerGroup = 1 + (w * 7) % (groups > 1 ? 6 : 20);
        const std::int64_t outPerGroup = 1 + (w * 5) % 9;
        const std::int64_t h = 1 + (w * 5) % 9;
        const int kindH = static_cast<int>(w % 4);
        const int kindW = static_cast<int>((w / 4) % 4);
        const auto y = axisWindow(kindH, h, kh, sh, d);
        const auto x = axisWindow(kindW, w, kw, sw, d);
        cases.push_back(makeCase({inPerGroup * groups, h, w}, outPerGroup * groups, {kh, kw},
                                 {sh, sw}, {d, d}, groups, {y.first, x.first}, {y.second, x.second},
                                 w % 5 != 0));
    }
    // W8 and W10 at small sizes (p 1, output_padding 1).
    cases.push_back(
        makeCase({64, 21, 35}, 32, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {42, 70}, true, ", W8-like"));
    cases.push_back(makeCase({32, 19, 40}, 16, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {38, 80}, true,
                             ", W10-like"));
    // 20 MiB of output: written around the caches where that is at least half the last-level
    // cache (up to 40 MiB of L3; kernels/cache_size.h). The streamed interleave itself, with
    // its tails and unaligned rows, is tested on every machine in tst_pool_resize_reference.
    cases.push_back(makeCase({2, 256, 256}, 20, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {512, 512}, true,
                             ", 20 MiB out, streamed"));
    // Stride 1: one phase, the kernel flipped with padding (k-1)*d - p.
    cases.push_back(
        makeCase({5, 9, 17}, 7, {3, 5}, {1, 1}, {1, 2}, 1, {1, 3}, {9, 21}, true, ", stride 1"));
    // gcd(s, d) = 2: all taps of an axis in one phase (step 1), the other phase bias only.
    cases.push_back(makeCase({3, 6, 7}, 4, {3, 3}, {2, 2}, {2, 2}, 1, {1, 1}, {14, 16}, true,
                             ", dilation sharing the stride"));
    // gcd(3, 2) = 1: taps 0 and 3 of k5 d2 in one phase, shifts 0 and 2 (step 2).
    cases.push_back(makeCase({3, 7, 9}, 5, {5, 5}, {3, 3}, {2, 2}, 1, {2, 1}, {25, 31}, true,
                             ", s3 d2: dilated phases"));
    cases.push_back(makeCase({5, 8, 6}, 7, {2, 2}, {3, 3}, {1, 1}, 1, {0, 0}, {23, 17}, true,
                             ", kernel < stride: bias-only phases"));
    cases.push_back(makeCase({2, 1, 1}, 3, {3, 3}, {5, 5}, {1, 1}, 1, {0, 0}, {3, 3}, true,
                             ", stride above the output"));
    cases.push_back(makeCase({2, 3, 1}, 2, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {5, 1}, false,
                             ", one output column"));
    cases.push_back(makeCase({4, 6, 7}, 3, {3, 3}, {2, 2}, {1, 1}, 1, {9, 11}, {2, 3}, true,
                             ", window deep inside the input"));
    cases.push_back(makeCase({3, 5, 6}, 2, {3, 3}, {2, 3}, {1, 1}, 1, {0, 1}, {15, 22}, true,
                             ", window past the end of full"));
    cases.push_back(
        makeCase({8, 9, 33}, 8, {3, 3}, {2, 2}, {1, 1}, 8, {1, 1}, {18, 66}, true, ", depthwise"));
    cases.push_back(
        makeCase({6, 7, 9}, 9, {3, 3}, {2, 2}, {1, 1}, 3, {1, 2}, {13, 16}, true, ", groups 3"));
    cases.push_back(makeCase({4, 8, 7}, 6, {4, 3}, {2, 3}, {1, 1}, 2, {1, 2}, {17, 19}, true,
                             ", groups 2, s2x3"));
    // Tasks of a few phase rows each (the planes of all phases within 128 Ki floats, so
    // 131072 / (filters x width x stride) rows): 64 filters x 600 columns x stride 2 gives one
    // row a task, 40 tasks; the odd output height leaves the last task a row of phase 0 only.
    cases.push_back(makeCase({4, 40, 300}, 64, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {79, 600}, true,
                             ", 40 tasks, last one short"));
    cases.push_back(makeCase({3, 23, 70}, 64, {4, 5}, {3, 3}, {1, 2}, 1, {2, 3}, {68, 213}, false,
                             ", s3: 3 row phases a task"));
    cases.push_back(makeCase({6, 30, 41}, 48, {3, 3}, {2, 2}, {1, 1}, 2, {1, 1}, {60, 82}, true,
                             ", groups, 16 rows a task: 2 tasks"));
    // One output row of a phase reads 3 rows of 272 floats a channel: a band of 96 Ki floats
    // holds 120 of the 300 channels, later blocks adding to the stored plane.
    cases.push_back(makeCase({300, 4, 250}, 5, {5, 5}, {2, 2}, {1, 1}, 1, {2, 2}, {8, 500}, true,
                             ", channel blocks"));
    return cases;
}

const std::vector<Case>& cases() {
    static const std::vector<Case> all = buildCases();
    return all;
}

std::vector<Isa> vectorIsas() {
    std::vector<Isa> isas = supportedIsas();
    isas.erase(std::remove(isas.begin(), isas.end(), Isa::Plain), isas.end());
    return isas;
}

struct Inputs {
    Tensor input;
    std::vector<float> weights;
    std::vector<float> bias;
};

Inputs inputsFor(const Case& c, unsigned seed) {
    const TransposedConvParams& p = c.params;
    return {test::randomTensor(c.input, seed),
            randomValues(c.input.c * (p.filters / p.groups) * p.kernel.h * p.kernel.w, seed + 1),
            c.bias ? randomValues(p.filters, seed + 2) : std::vector<float>{}};
}

Tensor direct(const Inputs& in, const TransposedConvParams& p, int threads,
              const std::atomic<bool>* cancel = nullptr) {
    const Shape out{p.filters, p.output.h, p.output.w};
    const TransposedConvGeometry g{in.input.shape(), out,      p.kernel, p.stride,
                                   p.dilation,       p.offset, p.groups};
    // Filled first so a position no phase writes shows up.
    Tensor output(out, 1e30F);
    conv2dTransposeDirect(in.input, in.weights.data(), in.bias.empty() ? nullptr : in.bias.data(),
                          g, output, threads, cancel);
    return output;
}

}  // namespace

class TestConv2dTransposeDirectReference : public QObject {
    Q_OBJECT

private slots:
    void transposeDirect_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("isa");
        for (const Isa isa : vectorIsas()) {
            for (std::size_t i = 0; i < cases().size(); ++i) {
                for (const int threads : {1, 2}) {
                    QTest::addRow("%s, %d thread(s), %s", cases()[i].name.constData(), threads,
                                  isaName(isa))
                        << static_cast<int>(i) << threads << static_cast<int>(isa);
                }
            }
        }
        if (vectorIsas().empty()) {
            QSKIP("no vector instruction set on this machine or build");
        }
    }

    void transposeDirect() {
        QFETCH(int, index);
        QFETCH(int, threads);
        QFETCH(int, isa);
        const ForcedIsa forced(static_cast<Isa>(isa));
        QCOMPARE(static_cast<int>(forced.applied()), isa);
        const Case& c = cases()[static_cast<std::size_t>(index)];
        const Inputs in = inputsFor(c, 700U + 3U * static_cast<unsigned>(index));
        const Tensor expected =
            test::referenceConv2dTranspose(in.input, in.weights, in.bias, c.params);
        QString why;
        QVERIFY2(closeToReference(direct(in, c.params, threads), expected, &why), qPrintable(why));
    }

    void threadsBitIdentical_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("isa");
        for (const Isa isa : vectorIsas()) {
            for (std::size_t i = 0; i < cases().size(); i += 3) {
                QTest::addRow("%s, %s", cases()[i].name.constData(), isaName(isa))
                    << static_cast<int>(i) << static_cast<int>(isa);
            }
        }
        if (vectorIsas().empty()) {
            QSKIP("no vector instruction set on this machine or build");
        }
    }

    void threadsBitIdentical() {
        QFETCH(int, index);
        QFETCH(int, isa);
        const ForcedIsa forced(static_cast<Isa>(isa));
        const Case& c = cases()[static_cast<std::size_t>(index)];
        const Inputs in = inputsFor(c, 41);
        QVERIFY(bitIdentical(direct(in, c.params, 1), direct(in, c.params, 2)));
    }

    // With the flag already set no phase is computed and nothing is written.
    void cancelledStopsEarly() {
        for (const Isa isa : vectorIsas()) {
            const ForcedIsa forced(isa);
            const std::atomic<bool> cancel{true};
            const Case c =
                makeCase({4, 9, 11}, 6, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {18, 22}, true);
            const Tensor out = direct(inputsFor(c, 5), c.params, 2, &cancel);
            QVERIFY(std::all_of(out.values().begin(), out.values().end(),
                                [](float v) { return v == 1e30F; }));
        }
    }

    // The layer on every instruction set (plain: the sub-pixel GEMMs), run on inputs of other
    // sizes and channel counts in turn: the packed phases it keeps must be re-made when the
    // channels or the instruction set change, and reused (same taps) when only the size does.
    void layerOnEveryIsa() {
        const Pipeline pipeline = test::pipelineFromJson(QByteArrayLiteral(
            R"({"format": "stridelab.pipeline", "version": 1, "input": {"shape": [3, 11, 19]},
                "layers": [{"type": "conv2d_transpose", "filters": 5, "kernel_size": 3,
                            "strides": 2, "padding": 1, "output_padding": 1,
                            "kernel_initializer": "he_uniform",
                            "seed": 3}]})"));
        const Layer& layer = *pipeline.layers[0].layer;
        struct Run {
            std::int64_t channels, h, w;
            Isa isa;
        };
        std::vector<Run> runs;
        for (const Isa isa : supportedIsas()) {
            runs.push_back({3, 11, 19, isa});
            runs.push_back({3, 6, 33, isa});
            runs.push_back({4, 11, 19, isa});
        }
        for (const Isa isa : supportedIsas()) {
            runs.push_back({3, 11, 19, isa});
        }
        for (const Run& r : runs) {
            const ForcedIsa forced(r.isa);
            const Shape in{r.channels, r.h, r.w};
            const Tensor input = test::randomTensor(in, static_cast<unsigned>(r.channels * r.w));
            const PipelineReport report = analyzePipeline(pipeline, in);
            QVERIFY(report.ok());
            RunOptions options;
            options.threads = 2;
            auto run = runPipeline(pipeline, report, input, options);
            QVERIFY(run.ok());
            const std::optional<NdArray> kernel = layer.kernel(r.channels);
            QVERIFY(kernel.has_value());
            // PyTorch: (n - 1) * 2 - 2 + 3 + 1 = 2n, offset p = 1.
            const TransposedConvParams p{5, {3, 3}, {2, 2}, {1, 1}, 1, {1, 1}, {2 * r.h, 2 * r.w}};
            const Tensor expected = test::referenceConv2dTranspose(input, kernel->values,
                                                                   std::vector<float>(5, 0.0F), p);
            QString why;
            QVERIFY2(closeToReference(run->layers[0]->values, expected, &why),
                     qPrintable(QStringLiteral("%1x%2x%3, %4: %5")
                                    .arg(r.channels)
                                    .arg(r.h)
                                    .arg(r.w)
                                    .arg(QLatin1String(isaName(r.isa)), why)));
        }
    }
};

QTEST_GUILESS_MAIN(TestConv2dTransposeDirectReference)
#include "tst_conv2d_transpose_direct_reference.moc"
