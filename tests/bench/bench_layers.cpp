// Layer kernels timed as the executor runs them: Eigen limited to the same thread count as
// the kernel, padding done by padTensor inside the timed loop (as Conv2d::forward does),
// outputs preallocated. Times are wall-clock (UseRealTime) since the work is spread over
// threads. tests/bench/torch_compare.py runs the same layers in PyTorch. The W4-W9 names are
// the workloads of issue 5; bytes/s counts the bytes read and written once. STRIDELAB_ISA=
// plain|avx2|avx512 selects the kernels' instruction set (kernels/isa.h).

#include "host_probes.h"
#include "kernels/conv2d_direct.h"
#include "kernels/conv2d_gemm.h"
#include "kernels/conv2d_transpose_direct.h"
#include "kernels/conv2d_transpose_subpixel.h"
#include "kernels/isa.h"
#include "kernels/padding.h"
#include "kernels/pooling.h"
#include "kernels/resize.h"
#include "tensor/tensor.h"

#include <benchmark/benchmark.h>
#include <Eigen/Core>

#include <cstdint>
#include <memory>
#include <random>
#include <string>
#include <utility>
#include <vector>

using namespace stridelab;

namespace {

std::vector<float> randomValues(std::int64_t count, unsigned seed) {
    std::mt19937 engine(seed);
    std::uniform_real_distribution<float> uniform(-1.0F, 1.0F);
    std::vector<float> v(static_cast<std::size_t>(count));
    for (float& x : v) {
        x = uniform(engine);
    }
    return v;
}

Tensor randomTensor(const Shape& shape, unsigned seed) {
    return Tensor(shape, randomValues(shape.elements(), seed));
}

void setCounters(benchmark::State& state, std::int64_t outputElements, double flopsPerIteration) {
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * outputElements);
    if (flopsPerIteration > 0.0) {
        state.counters["FLOP/s"] =
            benchmark::Counter(flopsPerIteration, benchmark::Counter::kIsIterationInvariantRate,
                               benchmark::Counter::OneK::kIs1000);
    }
}

struct ConvSetup {
    std::int64_t inChannels;
    std::int64_t filters;
    std::int64_t size;  // square input
    std::int64_t stride;
};

// 3x3 convolution with padding 1 (PyTorch padding=1), bias, no activation.
void conv3x3(benchmark::State& state, ConvSetup s) {
    const int threads = static_cast<int>(state.range(0));
    Eigen::setNbThreads(threads);
    const Shape in{s.inChannels, s.size, s.size};
    const std::int64_t outSize = (s.size + 2 - 3) / s.stride + 1;
    const Shape out{s.filters, outSize, outSize};
    const Padding2d padding{1, 1, 1, 1};
    const ConvGeometry geometry{in, out, {3, 3}, {s.stride, s.stride}, {1, 1}, padding, 1};
    const Tensor input = randomTensor(in, 1);
    const std::vector<float> weights = randomValues(s.filters * s.inChannels * 9, 2);
    const std::vector<float> bias = randomValues(s.filters, 3);
    Tensor padded;
    Tensor output(out);
    for (auto _ : state) {
        padTensor(input, padding, PaddingMode::Zeros, padded);
        conv2dGemm(padded, weights.data(), bias.data(), geometry, output, threads);
        benchmark::DoNotOptimize(output.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, out.elements(),
                2.0 * static_cast<double>(out.elements() * s.inChannels * 9));
}

// The direct convolution the conv2d layer runs on AVX2 and AVX-512 (padding inside the
// kernel), on the instruction set `isa`; 3x3, padding 1, bias, no activation.
void conv3x3Direct(benchmark::State& state, ConvSetup s, Isa isa) {
    const int threads = static_cast<int>(state.range(0));
    const Isa applied = forceIsa(isa);
    if (applied != isa || !conv2dDirectAvailable()) {
        forceIsa(std::nullopt);
        state.SkipWithError("instruction set not available");
        return;
    }
    const Shape in{s.inChannels, s.size, s.size};
    const std::int64_t outSize = (s.size + 2 - 3) / s.stride + 1;
    const Shape out{s.filters, outSize, outSize};
    const ConvGeometry geometry{in, out, {3, 3}, {s.stride, s.stride}, {1, 1}, {1, 1, 1, 1}, 1};
    const Tensor input = randomTensor(in, 1);
    const std::vector<float> weights = randomValues(s.filters * s.inChannels * 9, 2);
    const std::vector<float> bias = randomValues(s.filters, 3);
    Tensor output(out);
    // Packed once, as the layer keeps them.
    const std::shared_ptr<const DirectConvWeights> packed =
        DirectConvWeights::pack(weights.data(), geometry);
    for (auto _ : state) {
        conv2dDirect(input, *packed, bias.data(), geometry, PaddingMode::Zeros, {}, output,
                     threads);
        benchmark::DoNotOptimize(output.data());
        benchmark::ClobberMemory();
    }
    forceIsa(std::nullopt);
    setCounters(state, out.elements(),
                2.0 * static_cast<double>(out.elements() * s.inChannels * 9));
}

struct TransposedSetup {
    std::int64_t inChannels;
    std::int64_t filters;
    std::int64_t size;  // square input
    bool subpixel;      // the layer's path; otherwise GEMM + col2im
};

// 3x3 transposed convolution, stride 2, PyTorch padding=1, output_padding=1: n -> 2n.
void convTranspose3x3(benchmark::State& state, TransposedSetup s) {
    const int threads = static_cast<int>(state.range(0));
    Eigen::setNbThreads(threads);
    const Shape in{s.inChannels, s.size, s.size};
    const Shape out{s.filters, 2 * s.size, 2 * s.size};
    const TransposedConvGeometry geometry{in, out, {3, 3}, {2, 2}, {1, 1}, {1, 1}, 1};
    const Tensor input = randomTensor(in, 4);
    const std::vector<float> weights = randomValues(s.inChannels * s.filters * 9, 5);
    const std::vector<float> bias = randomValues(s.filters, 6);
    Tensor output(out);
    for (auto _ : state) {
        if (s.subpixel) {
            conv2dTransposeSubpixel(input, weights.data(), bias.data(), geometry, output, threads);
        } else {
            conv2dTransposeGemm(input, weights.data(), bias.data(), geometry, output, threads);
        }
        benchmark::DoNotOptimize(output.data());
        benchmark::ClobberMemory();
    }
    // Every input element meets every (filter, tap): C_in * H * W * filters * 9 MACs.
    setCounters(state, out.elements(), 2.0 * static_cast<double>(in.elements() * s.filters * 9));
}

// The same through the direct kernels the layer runs on AVX2 and AVX-512 (phases packed once,
// as the layer does), on the instruction set `isa`.
void convTranspose3x3Direct(benchmark::State& state, TransposedSetup s, Isa isa) {
    const int threads = static_cast<int>(state.range(0));
    const Isa applied = forceIsa(isa);
    if (applied != isa || !conv2dDirectAvailable()) {
        forceIsa(std::nullopt);
        state.SkipWithError("instruction set not available");
        return;
    }
    const Shape in{s.inChannels, s.size, s.size};
    const Shape out{s.filters, 2 * s.size, 2 * s.size};
    const TransposedConvGeometry geometry{in, out, {3, 3}, {2, 2}, {1, 1}, {1, 1}, 1};
    const Tensor input = randomTensor(in, 4);
    const std::vector<float> weights = randomValues(s.inChannels * s.filters * 9, 5);
    const std::vector<float> bias = randomValues(s.filters, 6);
    const std::shared_ptr<const TransposedDirectWeights> packed =
        TransposedDirectWeights::pack(weights.data(), geometry);
    Tensor output(out);
    for (auto _ : state) {
        conv2dTransposeDirect(input, *packed, bias.data(), geometry, output, threads);
        benchmark::DoNotOptimize(output.data());
        benchmark::ClobberMemory();
    }
    forceIsa(std::nullopt);
    setCounters(state, out.elements(), 2.0 * static_cast<double>(in.elements() * s.filters * 9));
}

void setBytes(benchmark::State& state, std::int64_t bytesPerIteration) {
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * bytesPerIteration);
}

constexpr std::int64_t kFloat = 4;

// 2x2 max pool, stride 2, on 64 channels of `size` x `size`, with the argmax a max_unpool2d
// needs (the pool before W9's unpool at 256) or the values alone (W4 at 256).
void maxPool2(benchmark::State& state, std::int64_t size, bool withArgmax) {
    const int threads = static_cast<int>(state.range(0));
    const Shape in{64, size, size};
    const Shape out{64, size / 2, size / 2};
    const PoolGeometry geometry{in, out, {2, 2}, {2, 2}, {}};
    const Tensor input = randomTensor(in, 9);
    Tensor output(out);
    std::vector<std::int32_t> argmax;
    for (auto _ : state) {
        if (withArgmax) {
            maxPool2d(input, geometry, output, argmax, threads);
        } else {
            maxPool2d(input, geometry, output, threads);
        }
        benchmark::DoNotOptimize(output.data());
        benchmark::DoNotOptimize(argmax.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, out.elements(), 0.0);
    setBytes(state, (in.elements() + (withArgmax ? 2 : 1) * out.elements()) * kFloat);
}

// W5 (64 channels): avg_pool2d 3, stride 2, padding 1 (count_include_pad, PyTorch's default) on
// channelsx256x256.
void avgPool3s2(benchmark::State& state, std::int64_t channels) {
    const int threads = static_cast<int>(state.range(0));
    const Shape in{channels, 256, 256};
    const Shape out{channels, 128, 128};
    const PoolGeometry geometry{in, out, {3, 3}, {2, 2}, {1, 1, 1, 1}};
    const Tensor input = randomTensor(in, 10);
    Tensor output(out);
    for (auto _ : state) {
        avgPool2d(input, geometry, AverageDivisor::PaddedWindow, output, threads);
        benchmark::DoNotOptimize(output.data());
        benchmark::ClobberMemory();
    }
    setBytes(state, (in.elements() + out.elements()) * kFloat);
}

// W6 / W7 (64 channels): x2 resize of channelsx128x128.
void resizeX2(benchmark::State& state, Interpolation interpolation, std::int64_t channels) {
    const int threads = static_cast<int>(state.range(0));
    const Shape in{channels, 128, 128};
    const Tensor input = randomTensor(in, 11);
    Tensor output(Shape{channels, 256, 256});
    for (auto _ : state) {
        resize2d(input, interpolation, CoordinateMode::HalfPixel, output, threads);
        benchmark::DoNotOptimize(output.data());
        benchmark::ClobberMemory();
    }
    setBytes(state, (in.elements() + output.size()) * kFloat);
}

// W9: max_unpool2d x2 of 64x128x128 with the indices of a 2x2 max pool of 64x256x256.
void w9MaxUnpool(benchmark::State& state) {
    const int threads = static_cast<int>(state.range(0));
    const Shape big{64, 256, 256};
    const Shape small{64, 128, 128};
    Tensor pooled(small);
    std::vector<std::int32_t> indices;
    maxPool2d(randomTensor(big, 12), PoolGeometry{big, small, {2, 2}, {2, 2}, {}}, pooled, indices,
              1);
    const Tensor input = randomTensor(small, 13);
    Tensor output(big);
    for (auto _ : state) {
        maxUnpool2d(input, indices, output, threads);
        benchmark::DoNotOptimize(output.data());
        benchmark::ClobberMemory();
    }
    setBytes(state, (2 * small.elements() + big.elements()) * kFloat);
}

// Bilinear x2, half-pixel (PyTorch align_corners=False).
void bilinear2(benchmark::State& state) {
    const int threads = static_cast<int>(state.range(0));
    const Shape in{64, 64, 64};
    const Tensor input = randomTensor(in, 8);
    Tensor output(Shape{64, 128, 128});
    for (auto _ : state) {
        resize2d(input, Interpolation::Bilinear, CoordinateMode::HalfPixel, output, threads);
        benchmark::DoNotOptimize(output.data());
        benchmark::ClobberMemory();
    }
    setCounters(state, output.size(), 0.0);
}

}  // namespace

int main(int argc, char** argv) {
    auto configure = [](benchmark::internal::Benchmark* b) {
        b->ArgName("threads")->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);
    };
    configure(benchmark::RegisterBenchmark("conv2d_3x3_64to64_128x128", conv3x3,
                                           ConvSetup{64, 64, 128, 1}));
    configure(benchmark::RegisterBenchmark("conv2d_3x3_3to32_224x224_s2", conv3x3,
                                           ConvSetup{3, 32, 224, 2}));
    // W1-W3 of issue 5 and the convolutions of W10 (3->16 on 512, 16->32 s2 on 256, 16->3 on
    // 512) through the direct kernel, on each vector instruction set.
    for (const Isa isa : {Isa::Avx512, Isa::Avx2}) {
        const std::string suffix = std::string("_direct_") + isaName(isa);
        const std::pair<const char*, ConvSetup> direct[] = {
            {"W1_conv2d_3x3_3to32_512x512", {3, 32, 512, 1}},
            {"W2_conv2d_3x3_s2_32to64_256x256", {32, 64, 256, 2}},
            {"W3_conv2d_3x3_64to64_128x128", {64, 64, 128, 1}},
            {"W10_conv2d_3x3_3to16_512x512", {3, 16, 512, 1}},
            {"W10_conv2d_3x3_s2_16to32_256x256", {16, 32, 256, 2}},
            {"W10_conv2d_3x3_16to3_512x512", {16, 3, 512, 1}},
        };
        for (const auto& [name, setup] : direct) {
            configure(
                benchmark::RegisterBenchmark((name + suffix).c_str(), conv3x3Direct, setup, isa));
        }
    }
    configure(benchmark::RegisterBenchmark("conv2d_transpose_3x3_s2_64to64_64x64", convTranspose3x3,
                                           TransposedSetup{64, 64, 64, true}));
    // W8 of issue 5, through the sub-pixel phases (the layer's path) and through col2im.
    configure(benchmark::RegisterBenchmark("conv2d_transpose_3x3_s2_64to32_128x128",
                                           convTranspose3x3, TransposedSetup{64, 32, 128, true}));
    configure(benchmark::RegisterBenchmark("conv2d_transpose_3x3_s2_64to32_128x128_col2im",
                                           convTranspose3x3, TransposedSetup{64, 32, 128, false}));
    // W8 and W10's transposed convolution (32->16 on 256) through the direct kernels.
    for (const Isa isa : {Isa::Avx512, Isa::Avx2}) {
        const std::string suffix = std::string("_direct_") + isaName(isa);
        configure(benchmark::RegisterBenchmark(
            ("W8_conv2d_transpose_3x3_s2_64to32_128x128" + suffix).c_str(), convTranspose3x3Direct,
            TransposedSetup{64, 32, 128, true}, isa));
        configure(benchmark::RegisterBenchmark(
            ("W10_conv2d_transpose_3x3_s2_32to16_256x256" + suffix).c_str(), convTranspose3x3Direct,
            TransposedSetup{32, 16, 256, true}, isa));
    }
    configure(benchmark::RegisterBenchmark("max_pool2d_2_argmax_64x128x128", maxPool2, 128, true));
    configure(benchmark::RegisterBenchmark("bilinear_x2_64x64x64", bilinear2));
    configure(benchmark::RegisterBenchmark("W4_max_pool2d_2_64x256x256", maxPool2, 256, false));
    configure(benchmark::RegisterBenchmark("max_pool2d_2_argmax_64x256x256", maxPool2, 256, true));
    configure(benchmark::RegisterBenchmark("W5_avg_pool2d_3_s2_p1_64x256x256", avgPool3s2, 64));
    // W5's arithmetic alone: its input and output fit in the L2.
    configure(benchmark::RegisterBenchmark("avg_pool2d_3_s2_p1_2x256x256", avgPool3s2, 2));
    configure(benchmark::RegisterBenchmark("W6_nearest_x2_64x128x128", resizeX2,
                                           Interpolation::Nearest, 64));
    configure(benchmark::RegisterBenchmark("W7_bilinear_x2_64x128x128", resizeX2,
                                           Interpolation::Bilinear, 64));
    // W7's arithmetic alone: its input and output fit in the L2.
    configure(benchmark::RegisterBenchmark("bilinear_x2_2x128x128", resizeX2,
                                           Interpolation::Bilinear, 2));
    configure(benchmark::RegisterBenchmark("W9_max_unpool2d_x2_64x128x128", w9MaxUnpool));
    bench::registerHostProbes(configure);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) {
        return 1;
    }
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
