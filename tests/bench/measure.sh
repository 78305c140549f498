#!/usr/bin/env bash
# Everything docs/performance.md reports, in one command: builds the `bench` preset (Release
# with the Google Benchmark programs), then runs the workloads W1-W10 in StrideLab and in
# PyTorch side by side (1 and 2 threads) with probes of the host beside them, and the
# GUI latency tool. The kernel microbenchmarks are built, not run (several minutes):
# build/bench/tests/bench/stridelab_bench_layers. Needs Debian's python3-torch for the PyTorch
# column. Run on an otherwise idle machine.
set -euo pipefail
cd "$(dirname "$0")/../.."

# PyTorch for the comparison column, and OpenBLAS as its BLAS (as issue 5 asks, for fairness).
missing=()
for p in python3-torch libopenblas0-openmp; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake --preset bench >/dev/null
cmake --build build/bench -j "$(nproc)"

echo "== machine"
lscpu | grep -E "Model name|^CPU\(s\)|Flags" | sed 's/Flags:.*avx512f.*/Flags: ... avx512f .../'
echo
echo "== workloads W1-W10: StrideLab against PyTorch (medians of 20 runs), with probes of the"
echo "   host after each of our rounds: the write ceiling (16 MiB stored around the caches), the"
echo "   vCPUs' round trip, two threads' FMA rate over one's, the time stolen from our vCPUs"
/usr/bin/python3 tests/bench/workloads.py --stridelab build/bench/app/stridelab --markdown \
  --ceiling build/bench/tests/bench/stridelab_bench_layers
echo
echo "== GUI: edit to repaint on the default example"
build/bench/tests/bench/stridelab_gui_latency --edits 20
echo
echo "== GUI: the same on W10's six layers over a 512x512 picture"
build/bench/tests/bench/stridelab_gui_latency tests/bench/gui_six_layers_512.stridelab.json --edits 20
