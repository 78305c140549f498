#!/usr/bin/env bash
# Regenerates the seed corpus of tests/fuzz (run by hand; the seeds are committed). Needs
# netpbm and /usr/bin/python3 with numpy. Crash files found by fuzzing (crash-*) are kept.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../../.." && pwd)"
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# pipeline_loader: every golden pipeline and preset, as real users' files.
mkdir -p "$here/pipeline_loader"
for f in "$repo"/tests/data/golden/*/pipeline.json; do
  cp "$f" "$here/pipeline_loader/golden_$(basename "$(dirname "$f")").json"
done
for f in "$repo"/resources/presets/*.json "$repo"/resources/presets/demos/*.json; do
  cp "$f" "$here/pipeline_loader/preset_$(basename "$f" .stridelab.json).json"
done

# npy_reader: small golden arrays plus every header variant the reader must handle or refuse.
mkdir -p "$here/npy_reader"
for d in maxpool_ties conv_inline_weights tconv_keras_valid_k2_s3; do
  cp "$repo/tests/data/golden/$d/input.npy" "$here/npy_reader/golden_$d.npy"
done
/usr/bin/python3 - "$here/npy_reader" <<'PY'
import io, sys, numpy as np
out = sys.argv[1]
a = np.arange(24, dtype=np.float32).reshape(2, 3, 4) / 7
def save(name, arr, **kw):
    np.save(f"{out}/{name}.npy", arr, **kw)
save("f4_chw", a)
save("f8_hw", a[0].astype(np.float64))
save("f8_out_of_float_range", np.array([[1e300, -1e300], [np.inf, np.nan]]))
save("f4_1d", a.ravel())
save("i4_dtype", a.astype(np.int32))
save("f4_big_endian", a.astype(">f4"))
save("f4_fortran", np.asfortranarray(a))
save("f4_empty", np.zeros((0, 3, 3), np.float32))
buf = io.BytesIO(); np.lib.format.write_array(buf, a, version=(2, 0))
open(f"{out}/f4_version2.npy", "wb").write(buf.getvalue())
full = open(f"{out}/f4_chw.npy", "rb").read()
open(f"{out}/f4_truncated.npy", "wb").write(full[:-10])
header = b"{'descr': '<f4', 'fortran_order': False, 'shape': (1048576, 1048576, 1048576), }"
header += b" " * (63 - (10 + len(header)) % 64) + b"\n"
open(f"{out}/f4_terabytes.npy", "wb").write(b"\x93NUMPY\x01\x00" + len(header).to_bytes(2, "little") + header)
PY

# image_input: tiny images of every format Qt reads here. Each seed starts with the target's
# choices: colour mode (0 rgb, 1 grayscale, 2 rgba), no resize (0), file extension index.
mkdir -p "$here/image_input"
/usr/bin/python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
w, h = 8, 6
rgb = bytes(v for y in range(h) for x in range(w) for v in (x * 32, y * 40, (x + y) * 16))
open(f"{d}/rgb.ppm", "wb").write(b"P6 %d %d 255\n" % (w, h) + rgb)
gray = bytes((x * 30 + y * 5) % 256 for y in range(h) for x in range(w))
open(f"{d}/gray.pgm", "wb").write(b"P5 %d %d 255\n" % (w, h) + gray)
g16 = b"".join(((x * 8000 + y * 900) % 65536).to_bytes(2, "big") for y in range(h) for x in range(w))
open(f"{d}/gray16.pgm", "wb").write(b"P5 %d %d 65535\n" % (w, h) + g16)
alpha = bytes(255 - x * 30 for y in range(h) for x in range(w))
open(f"{d}/alpha.pgm", "wb").write(b"P5 %d %d 255\n" % (w, h) + alpha)
open(f"{d}/star.svg", "w").write(
    '<svg xmlns="http://www.w3.org/2000/svg" width="12" height="9">'
    '<rect width="12" height="9" fill="#204080"/><circle cx="6" cy="4" r="3" fill="white"/>'
    '<text x="1" y="8" font-size="4">S</text></svg>\n')
PY
seed() {  # mode extension-index file name
  { printf "\\x$(printf %02x "$1")\\x00\\x$(printf %02x "$2")"; cat "$3"; } > "$here/image_input/$4"
}
pnmtopng "$tmp/rgb.ppm" > "$tmp/rgb.png"
pnmtopng -alpha="$tmp/alpha.pgm" "$tmp/rgb.ppm" > "$tmp/rgba.png"
pnmtopng -alpha="$tmp/alpha.pgm" "$tmp/gray.pgm" > "$tmp/gray_alpha.png"
pnmtopng "$tmp/gray16.pgm" > "$tmp/gray16.png"
pnmquant 4 "$tmp/rgb.ppm" 2>/dev/null | pnmtopng > "$tmp/palette.png"
pnmtojpeg --quality=60 "$tmp/rgb.ppm" > "$tmp/rgb.jpg"
pnmtojpeg --quality=60 "$tmp/gray.pgm" > "$tmp/gray.jpg"
pnmquant 16 "$tmp/rgb.ppm" 2>/dev/null | ppmtogif 2>/dev/null > "$tmp/rgb.gif"
ppmtobmp "$tmp/rgb.ppm" 2>/dev/null > "$tmp/rgb.bmp"
ppmtowinicon "$tmp/rgb.ppm" 2>/dev/null > "$tmp/rgb.ico"
pnmquant 8 "$tmp/rgb.ppm" 2>/dev/null | ppmtoxpm 2>/dev/null > "$tmp/rgb.xpm"
pgmtopbm "$tmp/gray.pgm" 2>/dev/null | pbmtoxbm > "$tmp/mono.xbm"
pnmtoplainpnm "$tmp/rgb.ppm" > "$tmp/plain.ppm"
# Extension indices: 0 none, 1 .png, 2 .jpg, 3 .gif, 4 .bmp, 5 .svg, 6 .ico, 7 .ppm, 8 .pgm,
# 9 .xpm, 10 .xbm (image_input_target.cpp).
seed 0 1 "$tmp/rgb.png" rgb.png.seed
seed 2 1 "$tmp/rgba.png" rgba.png.seed
seed 1 1 "$tmp/gray_alpha.png" gray_alpha.png.seed
seed 1 1 "$tmp/gray16.png" gray16.png.seed
seed 0 1 "$tmp/palette.png" palette.png.seed
seed 0 2 "$tmp/rgb.jpg" rgb.jpg.seed
seed 1 2 "$tmp/gray.jpg" gray.jpg.seed
seed 0 3 "$tmp/rgb.gif" rgb.gif.seed
seed 0 4 "$tmp/rgb.bmp" rgb.bmp.seed
seed 2 5 "$tmp/star.svg" star.svg.seed
seed 0 6 "$tmp/rgb.ico" rgb.ico.seed
seed 0 7 "$tmp/rgb.ppm" rgb.ppm.seed
seed 1 8 "$tmp/gray16.pgm" gray16.pgm.seed
seed 0 9 "$tmp/rgb.xpm" rgb.xpm.seed
seed 1 10 "$tmp/mono.xbm" mono.xbm.seed
seed 0 0 "$tmp/plain.ppm" plain_ppm_no_extension.seed
head -c 60 "$tmp/rgb.png" > "$tmp/truncated.png"
seed 0 1 "$tmp/truncated.png" truncated.png.seed

# layer_stack: the bytes are a recipe (layer_stack_target.cpp); random ones of a few lengths.
mkdir -p "$here/layer_stack"
/usr/bin/python3 - "$here/layer_stack" <<'PY'
import random, sys
rng = random.Random(6)
for i in range(24):
    open(f"{sys.argv[1]}/random_{i:02d}", "wb").write(bytes(rng.randrange(256) for _ in range(rng.choice([16, 48, 96, 160]))))
PY
