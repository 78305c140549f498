// Benchmarks of the host rather than of StrideLab: the write ceiling, the FMA peak and where the
// two vCPUs sit, measured beside the workloads (tests/bench/workloads.py --ceiling).
#pragma once

#include <benchmark/benchmark.h>

#include <functional>

namespace stridelab::bench {

// Registers memory_write_ceiling_16MiB and fma_peak (x86-64; through `configure`, as the
// kernels' are) and vcpu_round_trip (Linux; two threads pinned to the first two CPUs allowed).
void registerHostProbes(const std::function<void(benchmark::internal::Benchmark*)>& configure);

}  // namespace stridelab::bench
