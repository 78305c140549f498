// What the host gives us at the moment of a measurement. This machine is a 2-vCPU guest on a
// shared AMD EPYC host, and the hypervisor moves the two vCPUs, seconds to minutes apart,
// between two hardware threads of one core, two cores of one CCD and two CCDs: the two-thread
// rows of docs/performance.md move with it, and these probes say where the vCPUs are.

#include "host_probes.h"

#include "tensor/tensor.h"

#include <algorithm>
#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <numeric>
#include <thread>
#include <vector>

#if defined(__x86_64__)
#include <immintrin.h>
#endif

#if defined(__linux__)
#include <pthread.h>
#include <sched.h>
#endif

namespace stridelab::bench {
namespace {

#if defined(__x86_64__)
// The machine's write ceiling now: 16 MiB (W6's and W9's output) stored around the caches,
// split over the threads as the layers split their channels. Memory-bound rows are judged
// against it: on this host two threads take about 0.25 ms on two CCDs and as long as one thread
// (about 0.45 ms) on one CCD, where both share its link to memory (vcpu_round_trip); W9's
// unpool cannot beat it.
void memoryWriteCeiling(benchmark::State& state) {
    const int threads = static_cast<int>(state.range(0));
    Tensor output(Shape{64, 256, 256});
    const std::int64_t channels = output.shape().c;
    const std::int64_t plane = output.shape().h * output.shape().w;
    float value = 0.0F;
    for (auto _ : state) {
        const __m128 v = _mm_set1_ps(value);
#pragma omp parallel for num_threads(threads) schedule(static)
        for (std::int64_t c = 0; c < channels; ++c) {
            float* p = output.channel(c);
            for (std::int64_t i = 0; i < plane; i += 4) {
                _mm_stream_ps(p + i, v);
            }
            _mm_sfence();
        }
        value += 1.0F;
        benchmark::ClobberMemory();
    }
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                            static_cast<std::int64_t>(output.size() * sizeof(float)));
}

// The machine's FP32 multiply-add peak now: 12 independent AVX-512 FMA chains per thread (the
// 245 GFLOP/s a core of issue 5's anchors). Two threads on two hardware threads of one core
// share its FMA units: the ratio of the two rows tells that placement from the others.
__attribute__((target("avx512f"))) float fmaChains(std::int64_t rounds) {
    constexpr int kChains = 12;
    // Different starting values: equal chains would be folded into one. A C array, as
    // std::array<__m512> drops the vector type's attributes (GCC warns).
    __m512 acc[kChains];  // NOLINT(*-avoid-c-arrays)
    float start = 0.0F;
    for (__m512& a : acc) {
        a = _mm512_set1_ps(start);
        start += 0.01F;
    }
    const __m512 scale = _mm512_set1_ps(0.999F);
    const __m512 shift = _mm512_set1_ps(0.001F);
    for (std::int64_t r = 0; r < rounds; ++r) {
        for (__m512& a : acc) {
            a = _mm512_fmadd_ps(a, scale, shift);
        }
    }
    __m512 sum = _mm512_setzero_ps();
    for (const __m512& a : acc) {
        sum = _mm512_add_ps(sum, a);
    }
    alignas(64) std::array<float, 16> lanes{};
    _mm512_store_ps(lanes.data(), sum);
    return std::accumulate(lanes.begin(), lanes.end(), 0.0F);
}

void fmaPeak(benchmark::State& state) {
    if (!static_cast<bool>(__builtin_cpu_supports("avx512f"))) {
        state.SkipWithError("no AVX-512");
        return;
    }
    const int threads = static_cast<int>(state.range(0));
    constexpr std::int64_t kRounds = 100'000;
    float sink = 0.0F;
    for (auto _ : state) {
#pragma omp parallel num_threads(threads) reduction(+ : sink)
        sink += fmaChains(kRounds);
        benchmark::DoNotOptimize(sink);
    }
    // 12 chains x 16 lanes x 2 FLOP per round, on every thread.
    state.counters["FLOP/s"] = benchmark::Counter(
        static_cast<double>(kRounds) * 12 * 16 * 2 * threads,
        benchmark::Counter::kIsIterationInvariantRate, benchmark::Counter::OneK::kIs1000);
}
#endif

#if defined(__linux__)
// Pins the calling thread to one CPU for its lifetime and gives back the mask it had.
class PinnedTo {
public:
    explicit PinnedTo(int cpu) {
        pthread_getaffinity_np(pthread_self(), sizeof(previous_), &previous_);
        cpu_set_t one;
        CPU_ZERO(&one);
        CPU_SET(cpu, &one);
        pthread_setaffinity_np(pthread_self(), sizeof(one), &one);
    }
    ~PinnedTo() { pthread_setaffinity_np(pthread_self(), sizeof(previous_), &previous_); }
    PinnedTo(const PinnedTo&) = delete;
    PinnedTo& operator=(const PinnedTo&) = delete;
    PinnedTo(PinnedTo&&) = delete;
    PinnedTo& operator=(PinnedTo&&) = delete;

private:
    cpu_set_t previous_{};
};

// The CPUs this process may run on, the first `wanted` of them.
std::vector<int> allowedCpus(std::size_t wanted) {
    std::vector<int> cpus;
    cpu_set_t allowed;
    if (sched_getaffinity(0, sizeof(allowed), &allowed) != 0) {
        return cpus;
    }
    for (int cpu = 0; cpu < CPU_SETSIZE && cpus.size() < wanted; ++cpu) {
        if (CPU_ISSET(cpu, &allowed)) {
            cpus.push_back(cpu);
        }
    }
    return cpus;
}

// One cache line passed back and forth between the first two CPUs. On this host, 2026-11-22:
// about 70-90 ns when the two vCPUs are two hardware threads of one core (fma_peak on two
// threads 1.15-1.5x one), 90-160 ns on two cores of one CCD (fma_peak about 2x, write ceiling
// on two threads = one thread's), 440-600 ns on two CCDs (both about 2x).
void vcpuRoundTrip(benchmark::State& state) {
    const std::vector<int> cpus = allowedCpus(2);
    if (cpus.size() < 2) {
        state.SkipWithError("fewer than two CPUs");
        return;
    }
    constexpr int kTripsPerIteration = 2000;
    alignas(64) std::atomic<std::int64_t> ball{0};
    std::atomic<bool> stop{false};
    std::thread partner([&ball, &stop, cpu = cpus[1]] {
        const PinnedTo pinned(cpu);
        std::int64_t seen = 0;
        while (!stop.load(std::memory_order_relaxed)) {
            const std::int64_t now = ball.load(std::memory_order_acquire);
            if (now != seen && now % 2 == 1) {
                ball.store(now + 1, std::memory_order_release);
                seen = now + 1;
            }
        }
    });
    std::chrono::steady_clock::duration playing{};
    {
        const PinnedTo pinned(cpus[0]);
        std::int64_t serve = 1;
        const auto start = std::chrono::steady_clock::now();
        for (auto _ : state) {
            for (int i = 0; i < kTripsPerIteration; ++i, serve += 2) {
                ball.store(serve, std::memory_order_release);
                while (ball.load(std::memory_order_acquire) != serve + 1) {
                }
            }
        }
        playing = std::chrono::steady_clock::now() - start;
    }
    stop.store(true, std::memory_order_relaxed);
    partner.join();
    const double trips = static_cast<double>(state.iterations()) * kTripsPerIteration;
    state.counters["round_trip_ns"] =
        std::chrono::duration<double, std::nano>(playing).count() / std::max(trips, 1.0);
}
#endif

}  // namespace

void registerHostProbes(const std::function<void(benchmark::internal::Benchmark*)>& configure) {
#if defined(__x86_64__)
    configure(benchmark::RegisterBenchmark("memory_write_ceiling_16MiB", memoryWriteCeiling));
    configure(benchmark::RegisterBenchmark("fma_peak", fmaPeak));
#endif
#if defined(__linux__)
    benchmark::RegisterBenchmark("vcpu_round_trip", vcpuRoundTrip)
        ->UseRealTime()
        ->Unit(benchmark::kMicrosecond);
#endif
}

}  // namespace stridelab::bench
