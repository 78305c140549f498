// The direct convolution of core/kernels/conv2d_direct against the naive loop nest of
// tests/support/reference_kernels, on every instruction set this machine has vector kernels
// for (avx2, avx512; forced through forceIsa): a sweep of widths 1..40 (vector tails of 8
// and 16), strides 1-3, kernels 1/3/5/7, symmetric, TF 'same' (asymmetric) and valid
// padding in every padding mode, 1..70 input channels, filter counts that leave every
// filter-block size, dilation, groups, bias on and off; then the cases that exercise the
// tiling (row tiles, bands too large for all channels at once, stride above the kernel),
// the fused activations through the conv2d layer, thread-count independence and
// cancellation, and the weights the layer keeps between forwards. On the plain path the
// layer falls back to im2col + GEMM (tested in tst_kernels_reference).

#include "kernels/cache_size.h"
#include "kernels/conv2d_direct.h"
#include "pipeline/executor.h"
#include "pipeline/pipeline_analysis.h"
#include "support/kernel_checks.h"
#include "support/reference_kernels.h"
#include "support/test_support.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <limits>

using namespace stridelab;
using namespace stridelab::test;
using stridelab::test::ConvParams;

namespace {

struct DirectCase {
    QByteArray name;
    Shape input;
    ConvParams params;
    bool bias = true;
};

// Padding of one axis: 0 symmetric k/2 (dilated), 1 TensorFlow 'same' (the odd one after),
// 2 valid where the kernel fits, else symmetric.
std::pair<std::int64_t, std::int64_t> axisPadding(int kind, std::int64_t n, std::int64_t k,
                                                  std::int64_t s, std::int64_t d) {
    const std::int64_t extent = d * (k - 1) + 1;
    if (kind == 1) {
        const std::int64_t total =
            std::max<std::int64_t>(((n + s - 1) / s - 1) * s + extent - n, 0);
        return {total / 2, total - total / 2};
    }
    if (kind == 2 && n >= extent) {
        return {0, 0};
    }
    return {extent / 2, extent / 2};
}

const char* modeName(PaddingMode m) {
    switch (m) {
        case PaddingMode::Zeros:
            return "zeros";
        case PaddingMode::Reflect:
            return "reflect";
        case PaddingMode::Replicate:
            return "replicate";
        case PaddingMode::Circular:
            return "circular";
    }
    return "?";
}

DirectCase makeCase(Shape input, std::int64_t filters, Pair kernel, Pair stride, Pair dilation,
                    std::int64_t groups, Padding2d padding, PaddingMode mode, bool bias,
                    const char* note = "") {
    DirectCase c{{}, input, {filters, kernel, stride, dilation, groups, padding, mode}, bias};
    c.name = QStringLiteral("%1x%2x%3 f%4 k%5x%6 s%7x%8 d%9x%10 g%11 p(%12,%13,%14,%15) %16%17%18")
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
                 .arg(padding.top)
                 .arg(padding.bottom)
                 .arg(padding.left)
                 .arg(padding.right)
                 .arg(QLatin1String(modeName(mode)), bias ? QString() : QStringLiteral(" no bias"),
                      QLatin1String(note))
                 .toUtf8();
    return c;
}

// Whether `mode` can pad an axis of n by (before, after) (shape inference's rule).
bool modeFits(PaddingMode mode, std::int64_t n, std::pair<std::int64_t, std::int64_t> p) {
    const std::int64_t pad = std::max(p.first, p.second);
    return mode == PaddingMode::Reflect ? pad < n
                                        : (mode == PaddingMode::Circular ? pad <= n : true);
}

std::vector<DirectCase> buildCases() {
    std::vector<DirectCase> cases;
    const std::int64_t kernels[] = {1, 3, 5, 7};
    const PaddingMode modes[] = {PaddingMode::Zeros, PaddingMode::Reflect, PaddingMode::Replicate,
                                 PaddingMode::Circular};
    // The sweep: every width 1..40 with the other parameters cycling at co-prime periods.
    for (std::int64_t w = 1; w <= 40; ++w) {
        const std::int64_t k = kernels[w % 4];
        const std::int64_t s = 1 + w % 3;
        const std::int64_t d = w % 6 == 5 ? 2 : 1;
        const std::int64_t h = 1 + (w * 5) % 11;
        std::int64_t groups = w % 7 == 3 ? 1 + w % 3 : 1;
        const std::int64_t inPerGroup = 1 + (w * 7) % (groups > 1 ? 9 : 70);
        const std::int64_t outPerGroup = 1 + (w * 5) % 13;
        const int kind = static_cast<int>(w % 3);
        const auto py = axisPadding(kind, h, k, s, d);
        const auto px = axisPadding(kind, w, k, s, d);
        PaddingMode mode = modes[(w / 2) % 4];
        if (!modeFits(mode, h, py) || !modeFits(mode, w, px)) {
            mode = PaddingMode::Zeros;
        }
        cases.push_back(makeCase({inPerGroup * groups, h, w}, outPerGroup * groups, {k, k}, {s, s},
                                 {d, d}, groups, pads(py.first, py.second, px.first, px.second),
                                 mode, w % 5 != 0));
    }
    using M = PaddingMode;
    // The workloads' geometry at small sizes; widths crossing every tile width (16 * 1..8).
    cases.push_back(
        makeCase({3, 37, 67}, 32, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), M::Zeros, true, ", W1-like"));
    cases.push_back(makeCase({32, 33, 45}, 64, {3, 3}, {2, 2}, {1, 1}, 1, pads(1), M::Zeros, true,
                             ", W2-like"));
    cases.push_back(makeCase({64, 21, 70}, 64, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), M::Zeros, true,
                             ", W3-like"));
    for (const std::int64_t w : {63, 64, 65, 80, 95, 96, 97, 112, 127, 128, 129, 131}) {
        for (const std::int64_t f : {1, 2, 3, 4, 5, 6, 7}) {
            cases.push_back(makeCase({2, 3, w}, f, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), M::Zeros,
                                     true, ", tile widths"));
        }
    }
    cases.push_back(makeCase({16, 18, 130}, 3, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), M::Reflect, true,
                             ", 3 filters"));
    // Output rows in 16 tiles; a band of 7 rows x 528 floats holds 26 of the 70 channels, so
    // the sums run over 3 channel blocks, the later ones adding to the stored output.
    cases.push_back(makeCase({70, 9, 500}, 5, {7, 7}, {1, 1}, {1, 1}, 1, pads(3), M::Zeros, true,
                             ", 3 channel blocks"));
    cases.push_back(makeCase({70, 40, 30}, 9, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), M::Replicate,
                             true, ", 20 row tiles"));
    cases.push_back(makeCase({3, 17, 23}, 4, {2, 2}, {4, 5}, {1, 1}, 1, pads(1, 0, 3, 2),
                             M::Replicate, true, ", stride over the kernel"));
    // 33 columns split into 17 even and 16 odd; the 16 outputs fill whole vectors.
    cases.push_back(makeCase({2, 5, 33}, 3, {2, 2}, {2, 2}, {1, 1}, 1, pads(0), M::Zeros, true,
                             ", stride 2 odd width"));
    cases.push_back(makeCase({2, 9, 15}, 3, {3, 3}, {1, 1}, {3, 4}, 1, pads(3, 3, 4, 4), M::Reflect,
                             true, ", dilation 3x4"));
    cases.push_back(makeCase({4, 17, 15}, 6, {3, 3}, {2, 2}, {2, 2}, 1, pads(2), M::Reflect, true,
                             ", stride 2 dilation 2: one phase"));
    cases.push_back(makeCase({8, 9, 33}, 8, {3, 3}, {1, 1}, {1, 1}, 8, pads(1), M::Zeros, false,
                             ", depthwise"));
    cases.push_back(makeCase({8, 9, 35}, 16, {3, 3}, {2, 2}, {1, 1}, 8, pads(1), M::Circular, true,
                             ", depthwise x2"));
    cases.push_back(makeCase({6, 15, 19}, 9, {3, 5}, {2, 3}, {1, 1}, 3, pads(1, 2, 2, 1),
                             M::Circular, true, ", groups 3"));
    cases.push_back(makeCase({2, 7, 9}, 3, {9, 11}, {1, 1}, {1, 1}, 1, pads(1), M::Zeros, true,
                             ", one output"));
    cases.push_back(makeCase({1, 1, 1}, 2, {1, 1}, {1, 1}, {1, 1}, 1, pads(0), M::Zeros, true,
                             ", one element"));
    cases.push_back(makeCase({2, 3, 3}, 2, {3, 3}, {65536, 65536}, {1, 1}, 1, pads(0), M::Zeros,
                             true, ", largest stride"));
    return cases;
}

const std::vector<DirectCase>& directCases() {
    static const std::vector<DirectCase> cases = buildCases();
    return cases;
}

// The instruction sets with vector kernels on this machine.
std::vector<Isa> vectorIsas() {
    std::vector<Isa> isas = supportedIsas();
    isas.erase(std::remove(isas.begin(), isas.end(), Isa::Plain), isas.end());
    return isas;
}

ConvGeometry geometryOf(const Shape& input, const ConvParams& p) {
    return {input,   test::referenceConvShape(input, p), p.kernel, p.stride, p.dilation, p.padding,
            p.groups};
}

Tensor directConv(const Tensor& input, const std::vector<float>& weights,
                  const std::vector<float>& bias, const ConvParams& p, int threads,
                  const std::atomic<bool>* cancel = nullptr,
                  DirectConvStores stores = DirectConvStores::BySize) {
    const ConvGeometry geometry = geometryOf(input.shape(), p);
    Tensor output(geometry.output, 7.0F);
    conv2dDirect(input, weights.data(), bias.empty() ? nullptr : bias.data(), geometry, p.mode, {},
                 output, threads, cancel, stores);
    return output;
}

// A pipeline with one conv2d layer whose kernel and bias are given inline.
QByteArray layerPipeline(const Shape& input, const ConvParams& p, const std::vector<float>& kernel,
                         const std::vector<float>& bias, const char* activation, double slope) {
    const std::int64_t inPerGroup = input.c / p.groups;
    QJsonArray filters;
    for (std::int64_t f = 0; f < p.filters; ++f) {
        QJsonArray channels;
        for (std::int64_t c = 0; c < inPerGroup; ++c) {
            QJsonArray rows;
            for (std::int64_t y = 0; y < p.kernel.h; ++y) {
                QJsonArray row;
                for (std::int64_t x = 0; x < p.kernel.w; ++x) {
                    row.append(static_cast<double>(kernel[static_cast<std::size_t>(
                        ((f * inPerGroup + c) * p.kernel.h + y) * p.kernel.w + x)]));
                }
                rows.append(row);
            }
            channels.append(rows);
        }
        filters.append(channels);
    }
    QJsonArray biasArray;
    for (const float b : bias) {
        biasArray.append(static_cast<double>(b));
    }
    auto pair = [](std::int64_t a, std::int64_t b) {
        return QJsonArray{static_cast<double>(a), static_cast<double>(b)};
    };
    QJsonObject layer{
        {QStringLiteral("type"), QStringLiteral("conv2d")},
        {QStringLiteral("filters"), static_cast<double>(p.filters)},
        {QStringLiteral("kernel_size"), pair(p.kernel.h, p.kernel.w)},
        {QStringLiteral("strides"), pair(p.stride.h, p.stride.w)},
        {QStringLiteral("padding"), pair(p.padding.top, p.padding.left)},
        {QStringLiteral("padding_mode"), QLatin1String(modeName(p.mode))},
        {QStringLiteral("activation"), QLatin1String(activation)},
        {QStringLiteral("weights"),
         QJsonObject{{QStringLiteral("kernel"), filters}, {QStringLiteral("bias"), biasArray}}},
    };
    if (QLatin1String(activation) == QLatin1String("leaky_relu")) {
        layer.insert(QStringLiteral("negative_slope"), slope);
    }
    const QJsonObject pipeline{
        {QStringLiteral("format"), QStringLiteral("stridelab.pipeline")},
        {QStringLiteral("version"), 1},
        {QStringLiteral("input"),
         QJsonObject{{QStringLiteral("shape"),
                      QJsonArray{static_cast<double>(input.c), static_cast<double>(input.h),
                                 static_cast<double>(input.w)}}}},
        {QStringLiteral("layers"), QJsonArray{layer}},
    };
    return QJsonDocument(pipeline).toJson();
}

}  // namespace

class TestConv2dDirectReference : public QObject {
    Q_OBJECT

private slots:
    void directAvailableOnlyWithVectorKernels() {
        for (const Isa isa : supportedIsas()) {
            const ForcedIsa forced(isa);
            QCOMPARE(conv2dDirectAvailable(), isa != Isa::Plain);
        }
        QVERIFY(conv2dDirectFuses(Activation::Relu));
        QVERIFY(conv2dDirectFuses(Activation::LeakyRelu));
        QVERIFY(!conv2dDirectFuses(Activation::Sigmoid));
        QVERIFY(!conv2dDirectFuses(Activation::Tanh));
    }

    // The fused ReLU of every instruction set lets a NaN through, as PyTorch's does.
    void fusedReluKeepsNaN() {
        const float nan = std::numeric_limits<float>::quiet_NaN();
        Tensor input(Shape{1, 2, 37});
        for (std::int64_t x = 0; x < 37; ++x) {
            input.at(0, 0, x) = static_cast<float>(x % 5) - 2.0F;
            input.at(0, 1, x) = static_cast<float>(x % 3) - 1.0F;
        }
        input.at(0, 0, 7) = nan;
        input.at(0, 1, 33) = nan;  // in a vector tail
        const ConvGeometry geometry{input.shape(), input.shape(), {1, 1}, {1, 1}, {1, 1}, {}, 1};
        const float one = 1.0F;
        for (const Isa isa : vectorIsas()) {
            const ForcedIsa forced(isa);
            Tensor output(input.shape(), 7.0F);
            stridelab::conv2dDirect(input, &one, nullptr, geometry, PaddingMode::Zeros,
                                    {Activation::Relu, 0.0F}, output, 1);
            for (std::int64_t y = 0; y < 2; ++y) {
                for (std::int64_t x = 0; x < 37; ++x) {
                    const float in = input.at(0, y, x);
                    const float out = output.at(0, y, x);
                    QVERIFY2(std::isnan(in) ? std::isnan(out) : out == std::max(in, 0.0F),
                             qPrintable(QStringLiteral("%1 at (%2, %3): %4 -> %5")
                                            .arg(QLatin1String(isaName(isa)))
                                            .arg(y)
                                            .arg(x)
                                            .arg(in)
                                            .arg(out)));
                }
            }
        }
    }

    void conv2dDirect_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("threads");
        QTest::addColumn<int>("isa");
        QTest::addColumn<bool>("streamed");
        const auto& cases = directCases();
        for (const Isa isa : vectorIsas()) {
            for (std::size_t i = 0; i < cases.size(); ++i) {
                for (const int threads : {1, 2}) {
                    // Streamed where the rows allow (widths of whole vectors, one pass), cached
                    // elsewhere: both must give the reference's values.
                    for (const bool streamed : {false, true}) {
                        QTest::addRow("%s, %d thread(s), %s%s", cases[i].name.constData(), threads,
                                      isaName(isa), streamed ? ", streamed" : "")
                            << static_cast<int>(i) << threads << static_cast<int>(isa) << streamed;
                    }
                }
            }
        }
        if (vectorIsas().empty()) {
            QSKIP("no vector instruction set on this machine or build");
        }
    }

    void conv2dDirect() {
        QFETCH(int, index);
        QFETCH(int, threads);
        QFETCH(int, isa);
        QFETCH(bool, streamed);
        const ForcedIsa forced(static_cast<Isa>(isa));
        QCOMPARE(static_cast<int>(forced.applied()), isa);
        const DirectCase& c = directCases()[static_cast<std::size_t>(index)];
        const ConvParams& p = c.params;
        const Tensor input = test::randomTensor(c.input, 900U + static_cast<unsigned>(index));
        const std::vector<float> weights =
            randomValues(p.filters * (c.input.c / p.groups) * p.kernel.h * p.kernel.w,
                         1000U + static_cast<unsigned>(index));
        const std::vector<float> bias =
            c.bias ? randomValues(p.filters, 1100U + static_cast<unsigned>(index))
                   : std::vector<float>{};
        const Tensor expected = test::referenceConv2d(input, weights, bias, p);
        const Tensor actual =
            directConv(input, weights, bias, p, threads, nullptr,
                       streamed ? DirectConvStores::Streamed : DirectConvStores::Cached);
        QString why;
        QVERIFY2(closeToReference(actual, expected, &why), qPrintable(why));
    }

    // Which outputs go around the caches: by size, from the whole last-level cache (whatever
    // this machine's is); never where a row would start off a vector boundary or a later block
    // of input channels would read the stores back.
    void streamsWhereRowsAndSizeAllow() {
        if (vectorIsas().empty()) {
            QSKIP("no vector instruction set on this machine or build");
        }
        using M = PaddingMode;
        const auto conv = [](std::int64_t filters, std::int64_t k, Padding2d pad) {
            return ConvParams{filters, {k, k}, {1, 1}, {1, 1}, 1, pad, M::Zeros};
        };
        struct Expectation {
            const char* what;
            Shape input;
            ConvParams params;
            DirectConvStores stores;
            bool streams;
        };
        const std::int64_t mib = std::int64_t{1} << 20;
        const Expectation expectations[] = {
            {"W1, 32 MiB out",
             {3, 512, 512},
             conv(32, 3, pads(1)),
             DirectConvStores::BySize,
             outgrowsLastLevelCache(32 * mib)},
            {"W10's first layer, 16 MiB out",
             {3, 512, 512},
             conv(16, 3, pads(1)),
             DirectConvStores::BySize,
             outgrowsLastLevelCache(16 * mib)},
            {"W1, cached", {3, 512, 512}, conv(32, 3, pads(1)), DirectConvStores::Cached, false},
            {"64 wide", {2, 5, 64}, conv(3, 3, pads(1)), DirectConvStores::Streamed, true},
            {"67 wide", {2, 5, 67}, conv(3, 3, pads(1)), DirectConvStores::Streamed, false},
            {"3 channel blocks",
             {70, 9, 512},
             conv(5, 7, pads(3)),
             DirectConvStores::Streamed,
             false},
        };
        for (const Isa isa : vectorIsas()) {
            const ForcedIsa forced(isa);
            for (const Expectation& e : expectations) {
                const ConvGeometry geometry = geometryOf(e.input, e.params);
                const Tensor output(geometry.output);
                QVERIFY2(conv2dDirectStreams(output, geometry, e.stores) == e.streams,
                         qPrintable(QStringLiteral("%1 on %2: expected %3")
                                        .arg(QLatin1String(e.what), QLatin1String(isaName(isa)),
                                             e.streams ? QStringLiteral("streamed")
                                                       : QStringLiteral("cached"))));
            }
        }
    }

    // W1 at its size, through the size rule: streamed where its 32 MiB reach the last-level
    // cache, the reference's values either way.
    void largeOutputMatchesTheReference() {
        if (vectorIsas().empty()) {
            QSKIP("no vector instruction set on this machine or build");
        }
        const ConvParams p{32, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), PaddingMode::Zeros};
        const Tensor input = test::randomTensor({3, 512, 512}, 31);
        const std::vector<float> weights = randomValues(32 * 3 * 9, 32);
        const std::vector<float> bias = randomValues(32, 33);
        const Tensor expected = test::referenceConv2d(input, weights, bias, p);
        for (const Isa isa : vectorIsas()) {
            const ForcedIsa forced(isa);
            QString why;
            QVERIFY2(closeToReference(directConv(input, weights, bias, p, 2), expected, &why),
                     qPrintable(QStringLiteral("%1: %2").arg(QLatin1String(isaName(isa)), why)));
        }
    }

    void conv2dDirectThreadsBitIdentical_data() {
        QTest::addColumn<int>("index");
        QTest::addColumn<int>("isa");
        const auto& cases = directCases();
        for (const Isa isa : vectorIsas()) {
            for (std::size_t i = 0; i < cases.size(); i += 3) {
                QTest::addRow("%s, %s", cases[i].name.constData(), isaName(isa))
                    << static_cast<int>(i) << static_cast<int>(isa);
            }
        }
        if (vectorIsas().empty()) {
            QSKIP("no vector instruction set on this machine or build");
        }
    }

    // Tiles and channel blocks do not depend on the thread count: the same sums in the
    // same order.
    void conv2dDirectThreadsBitIdentical() {
        QFETCH(int, index);
        QFETCH(int, isa);
        const ForcedIsa forced(static_cast<Isa>(isa));
        const DirectCase& c = directCases()[static_cast<std::size_t>(index)];
        const ConvParams& p = c.params;
        const Tensor input = test::randomTensor(c.input, 21);
        const std::vector<float> weights =
            randomValues(p.filters * (c.input.c / p.groups) * p.kernel.h * p.kernel.w, 22);
        const std::vector<float> bias = c.bias ? randomValues(p.filters, 23) : std::vector<float>{};
        QVERIFY(bitIdentical(directConv(input, weights, bias, p, 1),
                             directConv(input, weights, bias, p, 2)));
    }

    // With the flag already set nothing is computed: the output keeps its fill.
    void cancelledDirectStopsEarly() {
        for (const Isa isa : vectorIsas()) {
            const ForcedIsa forced(isa);
            const std::atomic<bool> cancel{true};
            const ConvParams p{8, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), PaddingMode::Zeros};
            const Tensor input = test::randomTensor(Shape{4, 33, 35}, 5);
            const Tensor out =
                directConv(input, std::vector<float>(8 * 4 * 9, 1.0F), {}, p, 2, &cancel);
            QVERIFY(std::all_of(out.values().begin(), out.values().end(),
                                [](float v) { return v == 7.0F; }));
        }
    }

    void layerActivations_data() {
        QTest::addColumn<QString>("activation");
        QTest::addColumn<int>("isa");
        for (const Isa isa : supportedIsas()) {
            for (const char* a : {"linear", "relu", "leaky_relu", "sigmoid", "tanh"}) {
                QTest::addRow("%s, %s", a, isaName(isa))
                    << QString::fromLatin1(a) << static_cast<int>(isa);
            }
        }
    }

    // The conv2d layer on every instruction set: direct with ReLU and leaky ReLU fused into
    // the stores, sigmoid and tanh applied after; im2col + GEMM on the plain path.
    void layerActivations() {
        QFETCH(QString, activation);
        QFETCH(int, isa);
        const ForcedIsa forced(static_cast<Isa>(isa));
        const Shape in{5, 19, 37};
        const ConvParams p{7, {3, 3}, {2, 2}, {1, 1}, 1, pads(1), PaddingMode::Reflect};
        const Tensor input = test::randomTensor(in, 31);
        const std::vector<float> weights = randomValues(7 * 5 * 9, 32);
        const std::vector<float> bias = randomValues(7, 33);
        const double slope = 0.2;
        const Pipeline pipeline = test::pipelineFromJson(
            layerPipeline(in, p, weights, bias, activation.toLatin1().constData(), slope));
        const PipelineReport report = analyzePipeline(pipeline, in);
        QVERIFY(report.ok());
        RunOptions options;
        options.threads = 2;
        auto run = runPipeline(pipeline, report, input, options);
        QVERIFY2(run.ok(), run.ok() ? "" : qPrintable(run.error().message));
        const Activation a = activation == QStringLiteral("relu")         ? Activation::Relu
                             : activation == QStringLiteral("leaky_relu") ? Activation::LeakyRelu
                             : activation == QStringLiteral("sigmoid")    ? Activation::Sigmoid
                             : activation == QStringLiteral("tanh")       ? Activation::Tanh
                                                                          : Activation::Linear;
        const Tensor expected = test::referenceActivation(
            test::referenceConv2d(input, weights, bias, p), a, static_cast<float>(slope));
        QString why;
        QVERIFY2(closeToReference(run->layers[0]->values, expected, &why), qPrintable(why));
    }

    // The layer keeps its generated kernel and the packed weights between forwards: running
    // the same layer on another channel count or instruction set must not reuse them.
    void layerWeightsKeptPerChannelsAndIsa() {
        const Pipeline pipeline = test::pipelineFromJson(QByteArrayLiteral(
            R"({"format": "stridelab.pipeline", "version": 1, "input": {"shape": [3, 11, 19]},
                "layers": [{"type": "conv2d", "filters": 5, "kernel_size": 3, "padding": 1,
                            "kernel_initializer": "he_uniform", "seed": 3}]})"));
        const Layer& layer = *pipeline.layers[0].layer;
        std::vector<std::pair<std::int64_t, Isa>> runs;
        for (const Isa isa : supportedIsas()) {
            runs.emplace_back(3, isa);
            runs.emplace_back(4, isa);
        }
        for (const Isa isa : supportedIsas()) {
            runs.emplace_back(3, isa);
        }
        for (const auto& [channels, isa] : runs) {
            const ForcedIsa forced(isa);
            const Shape in{channels, 11, 19};
            const Tensor input = test::randomTensor(in, static_cast<unsigned>(channels));
            const PipelineReport report = analyzePipeline(pipeline, in);
            QVERIFY(report.ok());
            auto run = runPipeline(pipeline, report, input, RunOptions{});
            QVERIFY(run.ok());
            const std::optional<NdArray> kernel = layer.kernel(channels);
            QVERIFY(kernel.has_value());
            const ConvParams p{5, {3, 3}, {1, 1}, {1, 1}, 1, pads(1), PaddingMode::Zeros};
            const Tensor expected =
                test::referenceConv2d(input, kernel->values, std::vector<float>(5, 0.0F), p);
            QString why;
            QVERIFY2(closeToReference(run->layers[0]->values, expected, &why),
                     qPrintable(QStringLiteral("%1 channels, %2: %3")
                                    .arg(channels)
                                    .arg(QLatin1String(isaName(isa)), why)));
        }
    }
};

QTEST_GUILESS_MAIN(TestConv2dDirectReference)
#include "tst_conv2d_direct_reference.moc"
