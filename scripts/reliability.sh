#!/usr/bin/env bash
# The reliability checks CI runs after `scripts/setup.sh test` (docs/reliability.md):
#   asan  the whole test suite built with AddressSanitizer + UBSan (preset debug-asan)
#   fuzz  each libFuzzer target for FUZZ_SECONDS (default 30) from the committed corpus
#   tsan  tst_compute_stress built with ThreadSanitizer (preset tsan)
# `scripts/reliability.sh` runs all three; name steps to run only those. Any sanitizer report,
# fuzzer crash or failing test fails the script. Needs the packages setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."

steps=("$@")
[ ${#steps[@]} -gt 0 ] || steps=(asan fuzz tsan)
jobs="$(nproc)"
fuzz_seconds="${FUZZ_SECONDS:-30}"
fuzz_targets=(pipeline_loader npy_reader image_input layer_stack)

timed() {  # name command...: runs the command, then prints how long it took
  local start=$SECONDS
  "${@:2}"
  echo "== $1: $((SECONDS - start)) s"
}

asan() {
  cmake --preset debug-asan >/dev/null
  timed "asan build" cmake --build --preset debug-asan -j "$jobs"
  timed "asan tests" ctest --preset debug-asan -j "$jobs"
}

fuzz() {
  cmake --preset fuzz >/dev/null
  timed "fuzz build" cmake --build --preset fuzz -j "$jobs"
  mkdir -p build/fuzz/crashes
  local t start summary=()
  for t in "${fuzz_targets[@]}"; do
    # New inputs go to the scratch corpus (first folder), never into the committed seeds.
    mkdir -p "build/fuzz/corpus/$t"
    start=$SECONDS
    if ! LSAN_OPTIONS="suppressions=$PWD/tests/lsan.supp:print_suppressions=0" \
      build/fuzz/tests/fuzz/fuzz_"$t" -max_total_time="$fuzz_seconds" -timeout=20 \
      -rss_limit_mb=2560 -print_final_stats=1 -artifact_prefix="build/fuzz/crashes/$t-" \
      "build/fuzz/corpus/$t" "tests/fuzz/corpus/$t" >"build/fuzz/$t.log" 2>&1; then
      tail -n 60 "build/fuzz/$t.log"
      echo "fuzz_$t found a crash: $(ls build/fuzz/crashes/"$t"-* 2>/dev/null | head -1)" >&2
      echo "Add it to tests/fuzz/corpus/$t/ as crash-<what> (tst_fuzz_corpus replays it) and fix." >&2
      return 1
    fi
    summary+=("$t: $(grep -m1 -o 'number_of_executed_units: [0-9]*' "build/fuzz/$t.log" |
      cut -d' ' -f2) executions in $((SECONDS - start)) s, corpus $(ls "build/fuzz/corpus/$t" | wc -l) new")
  done
  printf '== fuzz %s\n' "${summary[@]}"
}

tsan() {
  cmake --preset tsan >/dev/null
  timed "tsan build" cmake --build --preset tsan -j "$jobs"
  timed "tsan test" ctest --preset tsan
}

for step in "${steps[@]}"; do
  case "$step" in
    asan | fuzz | tsan) timed "$step (total)" "$step" ;;
    *)
      echo "usage: scripts/reliability.sh [asan] [fuzz] [tsan]" >&2
      exit 2
      ;;
  esac
done
