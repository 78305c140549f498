#!/usr/bin/python3
"""Times the layers of stridelab_bench_layers in PyTorch and prints both side by side.

Runs the C++ benchmark binary with --benchmark_format=json (median of the repetitions, wall
time), times the same layers with torch (batch of one, float32, torch.set_num_threads(1) and
(2), median of the repetitions), and prints milliseconds per layer call.

    /usr/bin/python3 tests/bench/torch_compare.py --bench build/<dir>/tests/bench/stridelab_bench_layers

Run PyTorch with GLIBC_TUNABLES=glibc.malloc.mmap_max=0 (otherwise every call page-faults its
output). --filter REGEX limits both sides to the matching layer names. Made for Debian's
python3-torch; the machine should be otherwise idle, as the numbers on a
shared machine move with the other load.
"""

import argparse
import json
import re
import statistics
import subprocess
import sys
import time

import torch
import torch.nn.functional as F

THREADS = (1, 2)


def layers():
    """name -> (description, function building a zero-argument callable)."""
    g = torch.Generator().manual_seed(0)

    def rand(*shape):
        return torch.rand(*shape, generator=g) * 2 - 1

    def conv(cin, cout, size, stride):
        x, w, b = rand(1, cin, size, size), rand(cout, cin, 3, 3), rand(cout)
        return lambda: F.conv2d(x, w, b, stride=stride, padding=1)

    def conv_transpose(cin, cout, size):
        x, w, b = rand(1, cin, size, size), rand(cin, cout, 3, 3), rand(cout)
        return lambda: F.conv_transpose2d(x, w, b, stride=2, padding=1, output_padding=1)

    def max_pool(size, indices):
        x = rand(1, 64, size, size)
        # Ours records the argmax only where a max_unpool2d reads it: both sides alike.
        return lambda: F.max_pool2d(x, 2, return_indices=indices)

    def bilinear():
        x = rand(1, 64, 64, 64)
        return lambda: F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)

    def w5():
        x = rand(1, 64, 256, 256)
        return lambda: F.avg_pool2d(x, 3, stride=2, padding=1)

    def w6():
        x = rand(1, 64, 128, 128)
        return lambda: F.interpolate(x, scale_factor=2, mode="nearest")

    def w7():
        x = rand(1, 64, 128, 128)
        return lambda: F.interpolate(x, scale_factor=2, mode="bilinear", align_corners=False)

    def w9():
        _, indices = F.max_pool2d(rand(1, 64, 256, 256), 2, return_indices=True)
        x = rand(1, 64, 128, 128)
        return lambda: F.max_unpool2d(x, indices, 2)

    return {
        "W4_max_pool2d_2_64x256x256": ("W4 max_pool2d 2, 64x256x256",
                                       lambda: max_pool(256, False)),
        "max_pool2d_2_argmax_64x256x256": ("max_pool2d 2, 64x256x256 (+argmax, W9's pool)",
                                           lambda: max_pool(256, True)),
        "W5_avg_pool2d_3_s2_p1_64x256x256": ("W5 avg_pool2d 3 s2 p1, 64x256x256", w5),
        "W6_nearest_x2_64x128x128": ("W6 nearest x2, 64x128x128", w6),
        "W7_bilinear_x2_64x128x128": ("W7 bilinear x2 half_pixel, 64x128x128", w7),
        "W9_max_unpool2d_x2_64x128x128": ("W9 max_unpool2d x2, 64x128x128", w9),
        "conv2d_3x3_64to64_128x128": ("conv2d 3x3 64->64, 128x128, p1", lambda: conv(64, 64, 128, 1)),
        "conv2d_3x3_3to32_224x224_s2": ("conv2d 3x3 3->32, 224x224, s2 p1", lambda: conv(3, 32, 224, 2)),
        "conv2d_transpose_3x3_s2_64to64_64x64": ("conv2d_transpose 3x3 s2 64->64, 64x64",
                                                 lambda: conv_transpose(64, 64, 64)),
        # W8; ours through the sub-pixel phases (the layer's path), then through col2im.
        "conv2d_transpose_3x3_s2_64to32_128x128": ("conv2d_transpose 3x3 s2 64->32, 128x128",
                                                   lambda: conv_transpose(64, 32, 128)),
        "conv2d_transpose_3x3_s2_64to32_128x128_col2im": ("  the same through col2im",
                                                          lambda: conv_transpose(64, 32, 128)),
        "max_pool2d_2_argmax_64x128x128": ("max_pool2d 2, 64x128x128 (+argmax)",
                                           lambda: max_pool(128, True)),
        "bilinear_x2_64x64x64": ("bilinear x2, 64x64x64", bilinear),
    }


def time_torch(make, threads, repetitions, min_seconds):
    torch.set_num_threads(threads)
    fn = make()
    with torch.no_grad():
        for _ in range(3):
            fn()
        start = time.perf_counter()
        fn()
        once = max(time.perf_counter() - start, 1e-6)
        iterations = max(1, int(min_seconds / once))
        samples = []
        for _ in range(repetitions):
            start = time.perf_counter()
            for _ in range(iterations):
                fn()
            samples.append((time.perf_counter() - start) / iterations * 1e3)
    return statistics.median(samples)


def time_cpp(bench, repetitions, name_filter):
    out = subprocess.run(
        [bench, "--benchmark_format=json", f"--benchmark_repetitions={repetitions}",
         "--benchmark_report_aggregates_only=true", f"--benchmark_filter={name_filter}"],
        check=True, capture_output=True, text=True).stdout
    result = {}
    for b in json.loads(out)["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        # e.g. "conv2d_3x3_64to64_128x128/threads:1/real_time_median"
        parts = b["run_name"].split("/")
        threads = int(parts[1].split(":")[1])
        assert b["time_unit"] == "ms", b["time_unit"]
        result[(parts[0], threads)] = b["real_time"]
    return result


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", help="path of stridelab_bench_layers (omit to time PyTorch only)")
    parser.add_argument("--repetitions", type=int, default=5)
    parser.add_argument("--filter", default=".", help="regular expression on the layer names")
    parser.add_argument("--min-seconds", type=float, default=0.3, help="per PyTorch repetition")
    args = parser.parse_args()

    cpp = time_cpp(args.bench, args.repetitions, args.filter) if args.bench else {}
    print(f"torch {torch.__version__}, {args.repetitions} repetitions, medians, ms per layer call")
    header = f"{'layer':44} {'thr':>3} {'StrideLab':>10} {'PyTorch':>10}  ours vs PyTorch"
    print(header)
    print("-" * len(header))
    for key, (description, make) in layers().items():
        if not re.search(args.filter, key):
            continue
        for threads in THREADS:
            theirs = time_torch(make, threads, args.repetitions, args.min_seconds)
            ours = cpp.get((key, threads))
            if ours is None:
                verdict, ours_text = "", "-"
            else:
                ratio = ours / theirs
                verdict = (f"{ratio:.2f}x the time (slower)" if ratio > 1.0
                           else f"{1 / ratio:.2f}x faster")
                ours_text = f"{ours:.3f}"
            print(f"{description:44} {threads:>3} {ours_text:>10} {theirs:>10.3f}  {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
