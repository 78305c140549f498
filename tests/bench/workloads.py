#!/usr/bin/python3
"""Runs the workloads W1-W10 of issue 5 in StrideLab (`stridelab bench`) and in PyTorch, in the
same run on the same machine, and prints both side by side with the ratios.

    /usr/bin/python3 tests/bench/workloads.py --stridelab build/release/app/stridelab \
        [--threads 1 2] [--repeat 20] [--markdown] [--ceiling build/bench/.../stridelab_bench_layers]

For each workload file in tests/bench/workloads/, a random float32 input of the file's shape
(numpy, seed 0) is written as .npy and given to `stridelab bench --input`; the workload's time
is its layer's median (W9: the max_unpool2d layer, after the pool that records its indices;
W10: the whole pipeline). PyTorch runs the same layers (W9: the pool untimed before each timed
unpool, as in the pipeline) under torch.no_grad(), batch 1, NCHW, torch.set_num_threads(T),
median of the same number of runs after one warm-up. Each side is measured --rounds times,
alternating (and the thread counts alternate within each round), and the median of the
rounds is reported (this machine's memory-bound timings move by 2x from one process to the
next).

PyTorch is run with GLIBC_TUNABLES=glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=16G
(set here by re-executing): without mmap_max=0 every call page-faults its output, and with it
alone free() hands the top of the heap back to the system after each call, so the next one
page-faults it again (nearest x2: 1.6 ms without tunables, 8.2 ms with mmap_max=0 alone,
1.6 ms with both). OpenBLAS is its BLAS where Debian's libopenblas0-openmp is installed (the
BLAS in use is printed). The machine should be otherwise idle.

With --ceiling (the stridelab_bench_layers program), each round of ours is followed by probes
of the host at that moment (tests/bench/host_probes.cpp), and the table gets their medians per
row: the machine's write ceiling (memory_write_ceiling_16MiB: 16 MiB stored around the caches on
the same threads; the memory-bound rows, W9 above all with 16 MiB written per run, cannot be
faster than it), the round trip of a cache line between the two vCPUs (vcpu_round_trip) and how
much faster two threads multiply-add than one (fma_peak). The hypervisor moves the two vCPUs
between two hardware threads of one core (round trip about 70-90 ns here, FMA 1.15-1.5x: no
arithmetic scales to two threads), two cores of one CCD (90-160 ns, FMA about 2x, but the two
share the CCD's link to memory: the two-thread write ceiling is the one-thread one) and two CCDs
(440-600 ns, both about 2x). The last column is the time the hypervisor gave our vCPUs to others
(steal, from /proc/stat) during our rounds of the row, summed.
"""

import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

OPENBLAS_DIR = "/usr/lib/x86_64-linux-gnu/openblas-openmp"  # Debian's libopenblas0-openmp

if os.environ.get("GLIBC_TUNABLES") is None:
    os.environ["GLIBC_TUNABLES"] = "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=17179869184"
    # PyTorch's BLAS (conv_transpose2d's GEMM) is whatever libblas.so.3 resolves to; OpenBLAS
    # where it is installed, whatever the system's alternative says.
    if os.path.isdir(OPENBLAS_DIR):
        os.environ["LD_LIBRARY_PATH"] = ":".join(
            p for p in (OPENBLAS_DIR, os.environ.get("LD_LIBRARY_PATH")) if p)
    os.execv(sys.executable, [sys.executable] + sys.argv)

import numpy as np
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))

# Targets of issue 5, as text for the table.
TARGETS = {"w01": "<= 1.0", "w02": "<= 1.0", "w03": "<= 1.0", "w04": "<= 0.2", "w05": "<= 0.2",
           "w06": "<= 0.2", "w07": "<= 0.2", "w08": "<= 0.5", "w09": "<= 0.2", "w10": "<= 0.5"}


def blas_in_use():
    """The BLAS library this process has loaded (PyTorch links libblas.so.3)."""
    torch.mm(torch.ones(64, 64), torch.ones(64, 64))
    with open("/proc/self/maps") as maps:
        libs = {line.split()[-1] for line in maps if "blas" in line and "/" in line}
    return ", ".join(sorted(libs)) or "none found"


def torch_workload(key, x):
    """A zero-argument callable computing workload `key` on input `x` in PyTorch, and
    optionally a second one that runs untimed before each call of the first."""
    g = torch.Generator().manual_seed(1)

    def w(*shape):
        return torch.rand(*shape, generator=g) * 0.2 - 0.1

    if key == "w01":
        k, b = w(32, 3, 3, 3), w(32)
        return lambda: F.conv2d(x, k, b, padding=1)
    if key == "w02":
        k, b = w(64, 32, 3, 3), w(64)
        return lambda: F.conv2d(x, k, b, stride=2, padding=1)
    if key == "w03":
        k, b = w(64, 64, 3, 3), w(64)
        return lambda: F.conv2d(x, k, b, padding=1)
    if key == "w04":
        # No max_unpool2d follows, so StrideLab records no argmax; PyTorch's CPU kernel finds
        # it either way (F.max_pool2d takes the same time with and without return_indices).
        return lambda: F.max_pool2d(x, 2)
    if key == "w05":
        return lambda: F.avg_pool2d(x, 3, stride=2, padding=1)
    if key == "w06":
        return lambda: F.interpolate(x, scale_factor=2, mode="nearest")
    if key == "w07":
        return lambda: F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)
    if key == "w08":
        k, b = w(64, 32, 3, 3), w(32)
        return lambda: F.conv_transpose2d(x, k, b, stride=2, padding=1, output_padding=1)
    if key == "w09":
        # As in StrideLab's pipeline, the pool runs before every unpool (untimed): the unpool
        # then finds the cache as the pool left it, not warm from its own previous call.
        pooled = {}

        def pool():
            pooled["values"], pooled["indices"] = F.max_pool2d(x, 2, return_indices=True)
        return lambda: F.max_unpool2d(pooled["values"], pooled["indices"], 2), pool
    if key == "w10":
        k1, b1 = w(16, 3, 3, 3), w(16)
        k2, b2 = w(32, 16, 3, 3), w(32)
        k3, b3 = w(32, 16, 3, 3), w(16)
        k4, b4 = w(3, 16, 3, 3), w(3)

        def run():
            y = F.relu(F.conv2d(x, k1, b1, padding=1))
            y = F.max_pool2d(y, 2, return_indices=True)[0]
            y = F.relu(F.conv2d(y, k2, b2, stride=2, padding=1))
            y = F.interpolate(y, scale_factor=2, mode="bilinear", align_corners=False)
            y = F.conv_transpose2d(y, k3, b3, stride=2, padding=1, output_padding=1)
            return F.conv2d(y, k4, b4, padding=1)
        return run
    raise ValueError(key)


def time_torch(workload, repeat):
    fn, before = workload if isinstance(workload, tuple) else (workload, lambda: None)
    with torch.no_grad():
        before()
        fn()
        times = []
        for _ in range(repeat):
            before()
            start = time.perf_counter()
            fn()
            times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times)


def time_stridelab(exe, pipeline, npy, threads, repeat, key):
    out = subprocess.run([exe, "bench", pipeline, "--input", npy, "--threads", str(threads),
                          "--repeat", str(repeat), "--format", "json"],
                         check=True, capture_output=True, text=True).stdout
    report = json.loads(out)
    if key == "w10":
        return report["total_median_ms"]
    return report["layers"][-1]["median_ms"]


def probe_host(exe, threads):
    """(ms to store 16 MiB around the caches on `threads` threads, ns for a cache line's round
    trip between the two vCPUs, two threads' FMA rate over one thread's), now."""
    pattern = "^(memory_write_ceiling_16MiB/threads:%d/|vcpu_round_trip|fma_peak/)" % threads
    out = subprocess.run([exe, "--benchmark_filter=" + pattern, "--benchmark_min_time=0.1",
                          "--benchmark_format=json"],
                         check=True, capture_output=True, text=True).stdout
    runs = {r["name"].rsplit("/", 1)[0]: r for r in json.loads(out)["benchmarks"]}
    ceiling = runs["memory_write_ceiling_16MiB/threads:%d" % threads]
    assert ceiling["time_unit"] == "ms", ceiling["time_unit"]
    fma = runs["fma_peak/threads:2"]["FLOP/s"] / runs["fma_peak/threads:1"]["FLOP/s"]
    return ceiling["real_time"], runs["vcpu_round_trip"]["round_trip_ns"], fma


def stolen_ms():
    """Milliseconds of all CPUs' time the hypervisor has given to others since boot."""
    with open("/proc/stat") as stat:
        fields = stat.readline().split()  # "cpu user nice system idle iowait irq softirq steal"
    return int(fields[8]) * 1000.0 / os.sysconf("SC_CLK_TCK")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--stridelab", required=True)
    parser.add_argument("--threads", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", nargs="*", help="workload keys, e.g. w03 w08")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--ceiling", help="stridelab_bench_layers, to probe the host beside ours")
    args = parser.parse_args()
    if args.ceiling and not set(args.threads) <= {1, 2}:
        parser.error("--ceiling: memory_write_ceiling_16MiB runs on 1 and 2 threads only")

    files = sorted(glob.glob(os.path.join(HERE, "workloads", "w*.stridelab.json")))
    print("PyTorch %s, BLAS: %s" % (torch.__version__, blas_in_use()))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            key = os.path.basename(path)[:3]
            if args.only and key not in args.only:
                continue
            spec = json.load(open(path))
            shape = spec["input"]["shape"]
            data = np.random.default_rng(0).random(shape, dtype=np.float32) * 2 - 1
            npy = os.path.join(tmp, key + ".npy")
            np.save(npy, data)
            x = torch.from_numpy(data).unsqueeze(0)
            fn = torch_workload(key, x)
            # The thread counts alternate within each round, so that the two-thread figure and
            # the one-thread figure it is divided by are taken seconds apart, not a minute.
            ours_rounds = {t: [] for t in args.threads}
            theirs_rounds = {t: [] for t in args.threads}
            host_rounds = {t: [] for t in args.threads}
            steal = {t: 0.0 for t in args.threads}
            for _ in range(args.rounds):
                for t in args.threads:
                    torch.set_num_threads(t)
                    stolen_before = stolen_ms()
                    ours_rounds[t].append(
                        time_stridelab(args.stridelab, path, npy, t, args.repeat, key))
                    steal[t] += stolen_ms() - stolen_before
                    if args.ceiling:
                        host_rounds[t].append(probe_host(args.ceiling, t))
                    theirs_rounds[t].append(time_torch(fn, args.repeat))
                    # PyTorch's OpenMP workers spin-wait after a parallel region: let them go
                    # to sleep before StrideLab's next round needs both cores.
                    time.sleep(0.5)
            for t in args.threads:
                ours = statistics.median(ours_rounds[t])
                theirs = statistics.median(theirs_rounds[t])
                host = None
                if host_rounds[t]:
                    host = tuple(statistics.median(probe[i] for probe in host_rounds[t])
                                 for i in range(3)) + (steal[t],)
                rows.append((key.upper(), spec["name"].split(" ", 1)[1], t, ours, theirs,
                             ours / theirs, TARGETS[key], host))
    if args.markdown:
        extra = (" 16 MiB write ceiling ms | vCPU round trip ns | FMA 2T/1T | steal ms |",
                 "---|---|---|---|")
        extra = extra if args.ceiling else ("", "")
        print("| workload | | threads | StrideLab ms | PyTorch ms | ratio | target |" + extra[0])
        print("|---|---|---|---|---|---|---|" + extra[1])
        for r in rows:
            print("| %s | %s | %d | %.3f | %.3f | %.2f | %s |" % r[:7]
                  + (" %.3f | %.0f | %.2f | %.0f |" % r[7] if args.ceiling else ""))
    else:
        for r in rows:
            print("%-4s %-70.70s %d thr  ours %9.3f ms  torch %9.3f ms  ratio %5.2f  (target %s)"
                  % r[:7] + ("  write ceiling %.3f ms  vCPU round trip %.0f ns  FMA 2T/1T %.2f"
                             "  steal %.0f ms" % r[7] if args.ceiling else ""))


if __name__ == "__main__":
    sys.exit(main())
