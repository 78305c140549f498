#!/usr/bin/env bash
# StrideLab set-up on Debian 12: installs the Debian packages that are missing, builds a
# Release, then either opens the app on a built-in example (`run`) or runs every test (`test`:
# the suite, then the sanitizer, fuzzing and thread-safety checks of scripts/reliability.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

mode="${1:-run}"
case "$mode" in run | test | build) ;; *)
  echo "usage: scripts/setup.sh run|test|build" >&2
  exit 2
  ;;
esac

# qt6-tools-dev and qt6-l10n-tools: Qt6LinguistTools (lupdate, lrelease) for the translations;
# qt6-translations-l10n: Qt's own Chinese texts (dialog buttons); fonts-noto-cjk: glyphs for
# the Chinese interface.
packages=(build-essential cmake ninja-build pkg-config
  qt6-base-dev qt6-base-dev-tools qt6-svg-dev libqcustomplot-dev libeigen3-dev libgl-dev libgif-dev
  qt6-tools-dev qt6-l10n-tools qt6-translations-l10n fonts-noto-cjk
  libbenchmark-dev xvfb xauth
  librsvg2-bin poppler-utils # rsvg-convert and pdftoppm: the tests render the exported diagrams
  clang libclang-rt-dev libomp-dev) # the fuzz targets: Clang's libFuzzer, OpenMP for Clang
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing missing Debian packages: ${missing[*]}"
  sudo_cmd=()
  [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -q
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake --preset release
cmake --build --preset release -j "$(nproc)"

case "$mode" in
  run) exec build/release/app/stridelab ;;
  test)
    ctest --preset release -j "$(nproc)"
    # Then the whole suite under ASan+UBSan, each fuzz target for a bounded time, and the
    # compute stress test under TSan (docs/reliability.md).
    bash scripts/reliability.sh
    ;;
  build) ;;
esac
