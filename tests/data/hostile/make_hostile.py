#!/usr/bin/python3
"""Writes the hostile input files of tests/data/hostile (small files only; the huge ones are
made at test time). Standard library only: PNG chunks by hand, a baseline JPEG encoder for the
CMYK case (Qt cannot write CMYK), .npy headers by hand.

Run from anywhere: /usr/bin/python3 tests/data/hostile/make_hostile.py
"""

import os
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))


def write(name, data):
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(data)


# --- PNG ------------------------------------------------------------------------------------

def chunk(kind, payload):
    return (struct.pack(">I", len(payload)) + kind + payload +
            struct.pack(">I", zlib.crc32(kind + payload) & 0xFFFFFFFF))


def png(width, height, bit_depth, color_type, rows, extra=b""):
    """rows: the raw bytes of each row, without the filter byte."""
    ihdr = struct.pack(">IIBBBBB", width, height, bit_depth, color_type, 0, 0, 0)
    raw = b"".join(b"\x00" + r for r in rows)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + extra +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


# 16-bit grey, 2x2: 0, 65535 / 257 * 256 = 65280, 1, 32768.
write("grey16.png", png(2, 2, 16, 0, [struct.pack(">HH", 0, 65535),
                                      struct.pack(">HH", 1, 32768)]))

# Palette (colour type 3), 2x2, 8-bit indices into red, green, blue, white.
palette = bytes([255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 255])
write("palette.png", png(2, 2, 8, 3, [bytes([0, 1]), bytes([2, 3])],
                         extra=chunk(b"PLTE", palette)))

# Grey with alpha (colour type 4), 2x1: grey 51 opaque, grey 204 at alpha 102.
write("grey_alpha.png", png(2, 1, 8, 4, [bytes([51, 255, 204, 102])]))

# Zero-sized: a header declaring 0 x 0 (the PNG standard forbids it).
write("zero_size.png", png(0, 0, 8, 2, []))

# Truncated: a valid 64x64 RGB PNG cut in the middle of its image data.
rows = [bytes((x * 4 + y) % 256 for x in range(64 * 3)) for y in range(64)]
whole = png(64, 64, 8, 2, rows)
idat = whole.index(b"IDAT")
write("truncated.png", whole[:idat + 4 + 40])

# Corrupt: the image data is not zlib at all (CRC correct, so only the data is bad).
bad = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) + \
    chunk(b"IDAT", b"this is not deflate data at all" * 4) + chunk(b"IEND", b"")
write("corrupt.png", bad)

# Not an image at all, named .png.
write("text.png", b"this is a text file with an image's name\n")

# A format Qt has no plugin for here (TIFF, little-endian header).
write("unsupported.tif", b"II*\x00\x08\x00\x00\x00" + b"\x00" * 32)


# --- JPEG (baseline, DC-only blocks, quantisation 1: decodes exactly) ------------------------

DC_BITS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0]  # JPEG Annex K.3, luminance DC
DC_VALS = list(range(12))
AC_BITS = [1] + [0] * 15  # one symbol: end of block
AC_VALS = [0x00]


def huffman_codes(bits, vals):
    codes, code, k = {}, 0, 0
    for length in range(1, 17):
        for _ in range(bits[length - 1]):
            codes[vals[k]] = (code, length)
            code += 1
            k += 1
        code <<= 1
    return codes


class BitWriter:
    def __init__(self):
        self.out = bytearray()
        self.acc = 0
        self.n = 0

    def put(self, value, length):
        for i in range(length - 1, -1, -1):
            self.acc = (self.acc << 1) | ((value >> i) & 1)
            self.n += 1
            if self.n == 8:
                self.out.append(self.acc)
                if self.acc == 0xFF:
                    self.out.append(0x00)  # byte stuffing
                self.acc, self.n = 0, 0

    def flush(self):
        while self.n != 0:
            self.put(1, 1)
        return bytes(self.out)


def jpeg(width, height, blocks, adobe):
    """blocks[by][bx] = per-component sample value (0..255) of a uniform 8x8 block."""
    comps = len(blocks[0][0])
    seg = lambda marker, payload: marker + struct.pack(">H", len(payload) + 2) + payload
    out = b"\xff\xd8"
    if adobe:  # Adobe APP14, transform 0: the components are CMYK as stored (Photoshop style)
        out += seg(b"\xff\xee", b"Adobe" + struct.pack(">HHHB", 100, 0, 0, 0))
    out += seg(b"\xff\xdb", b"\x00" + bytes([1] * 64))
    sof = struct.pack(">BHHB", 8, height, width, comps)
    for c in range(comps):
        sof += bytes([c + 1, 0x11, 0])
    out += seg(b"\xff\xc0", sof)
    out += seg(b"\xff\xc4", b"\x00" + bytes(DC_BITS) + bytes(DC_VALS))
    out += seg(b"\xff\xc4", b"\x10" + bytes(AC_BITS) + bytes(AC_VALS))
    sos = bytes([comps])
    for c in range(comps):
        sos += bytes([c + 1, 0x00])
    out += seg(b"\xff\xda", sos + bytes([0, 63, 0]))
    dc, ac = huffman_codes(DC_BITS, DC_VALS), huffman_codes(AC_BITS, AC_VALS)
    w = BitWriter()
    pred = [0] * comps
    for row in blocks:
        for block in row:
            for c in range(comps):
                coefficient = 8 * (block[c] - 128)  # the DC term of a uniform block
                diff = coefficient - pred[c]
                pred[c] = coefficient
                size = abs(diff).bit_length()
                w.put(*dc[size])
                if size:
                    w.put(diff if diff > 0 else diff + (1 << size) - 1, size)
                w.put(*ac[0x00])
    return out + w.flush() + b"\xff\xd9"


# CMYK, 16x8: the left block pure cyan ink, the right one 50 % black. Adobe stores inverted
# ink (255 = no ink): cyan ink is stored (0, 255, 255, 255), half black (255, 255, 255, 128).
write("cmyk.jpg", jpeg(16, 8, [[(0, 255, 255, 255), (255, 255, 255, 128)]], adobe=True))

# An ordinary greyscale JPEG (one component), 64x64 in 8x8 uniform blocks, and the same file
# cut in the middle of its image data (no end-of-image marker, half the blocks missing):
# libjpeg decodes it without an error, greying the missing half.
grey = jpeg(64, 64, [[(v * 16 % 256,) for v in range(8)] for _ in range(8)], adobe=False)
write("grey.jpg", grey)
scan = grey.index(b"\xff\xda") + 2 + 8  # the entropy-coded data starts after the SOS header
write("truncated.jpg", grey[:scan + (len(grey) - scan) // 2])


# --- .npy ------------------------------------------------------------------------------------

def npy(header_dict, data=b"", version=1):
    header = header_dict.encode("latin1")
    prefix_len = 6 + 2 + (2 if version == 1 else 4)
    pad = (64 - (prefix_len + len(header) + 1) % 64) % 64
    header += b" " * pad + b"\n"
    size = struct.pack("<H", len(header)) if version == 1 else struct.pack("<I", len(header))
    return b"\x93NUMPY" + bytes([version, 0]) + size + header + data


f4 = lambda values: struct.pack("<%df" % len(values), *values)

write("bad_magic.npy", b"\x93NUMPX\x01\x00" + npy("{}")[8:])
write("int32.npy", npy("{'descr': '<i4', 'fortran_order': False, 'shape': (2, 2), }",
                       struct.pack("<4i", 1, 2, 3, 4)))
write("big_endian.npy", npy("{'descr': '>f4', 'fortran_order': False, 'shape': (2, 2), }",
                            struct.pack(">4f", 1, 2, 3, 4)))
write("fortran.npy", npy("{'descr': '<f4', 'fortran_order': True, 'shape': (2, 2), }",
                         f4([1, 2, 3, 4])))
write("truncated.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (3, 4, 4), }",
                           f4([0.5] * 10)))
# 2^20 x 2^20 float32: 4 TiB declared, 16 bytes present.
write("terabytes.npy", npy("{'descr': '<f4', 'fortran_order': False, "
                           "'shape': (1, 1048576, 1048576), }", f4([1, 2, 3, 4])))
nan, inf = float("nan"), float("inf")
write("nonfinite.npy", npy("{'descr': '<f4', 'fortran_order': False, 'shape': (1, 2, 4), }",
                           f4([0, 1, nan, 2, inf, 3, -inf, nan])))


# --- pipeline JSON ---------------------------------------------------------------------------

def text(name, s):
    write(name, s.encode("utf-8"))


text("syntax.json", '{\n  "format": "stridelab.pipeline",\n  "version": 1,\n'
                    '  "input": { "shape": [1, 8, 8] }\n  "layers": []\n}\n')
text("wrong_type.json", '{ "format": "stridelab.pipeline", "version": 1, '
                        '"input": { "shape": [1, 8, 8] }, '
                        '"layers": [ { "type": "max_pool2d", "pool_size": "two" } ] }\n')
text("out_of_range.json", '{ "format": "stridelab.pipeline", "version": 1, '
                          '"input": { "shape": [1, 8, 8] }, '
                          '"layers": [ { "type": "conv2d", "filters": 1, "kernel_size": 0 } ] }\n')
text("unknown_key.json", '{ "format": "stridelab.pipeline", "version": 1, '
                         '"input": { "shape": [1, 8, 8] }, '
                         '"layers": [ { "type": "conv2d", "filters": 1, "kernel_size": 3, '
                         '"stride": 2 } ] }\n')
text("newer_version.json", '{ "format": "stridelab.pipeline", "version": 7, '
                           '"input": { "shape": [1, 8, 8] }, "layers": [] }\n')
text("wrong_weights.json", '{ "format": "stridelab.pipeline", "version": 1, '
                           '"input": { "shape": [2, 8, 8] }, '
                           '"layers": [ { "type": "conv2d", "filters": 1, "kernel_size": 2, '
                           '"weights": { "kernel": [[[[1, 2], [3, 4]]]] } } ] }\n')
write("not_utf8.json", b'{ "format": "stridelab.pipeline", "name": "\xff\xfe", "version": 1 }')
write("empty.json", b"")
text("top_level_array.json", "[1, 2, 3]\n")
# 100000 nested arrays (200 KB) are made at test time.
