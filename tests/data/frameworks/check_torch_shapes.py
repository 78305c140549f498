#!/usr/bin/python3
"""Checks, with real PyTorch, every PyTorch shape and error that tests/core/tst_framework_comparison.cpp
asserts: each row's PyTorch spelling and its PyTorch look-alikes are run on a random input of
the row's shape. Where the test says "values", the look-alike is also run with the same
weights and must give other numbers than the spelling (and "same" the same numbers).

Run: /usr/bin/python3 tests/data/frameworks/check_torch_shapes.py   (torch 1.13 was used)
The C++ test itself does not need torch."""

import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)


def run(lines, x, modules):
    """Runs StrideLab's compact PyTorch lines on x; modules are built once per line index so
    that a look-alike can share the spelling's weights."""
    env = {"x": x, "F": F, "nn": nn, "torch": torch}
    for i, line in enumerate(lines):
        if line.startswith("#"):
            continue
        code = line.split("  #")[0]
        if code.startswith("x = ") or code.startswith("ones = "):
            exec(code, env)
        else:
            module = modules.setdefault((i, code), eval(code, env))
            env["x"] = module(env["x"])
    return env["x"]


def same_weights(spelling_modules, lookalike_lines, env):
    """Modules of the look-alike with the weights of the spelling's first parameterised module."""
    weights = [m for m in spelling_modules.values() if list(m.parameters())]
    modules = {}
    for i, line in enumerate(lookalike_lines):
        code = line.split("  #")[0]
        if code.startswith("nn."):
            m = eval(code, env)
            if weights and list(m.parameters()):
                m.load_state_dict(weights[0].state_dict())
            modules[(i, code)] = m
    return modules


def shape_of(t):
    return "(%d, %d, %d)" % tuple(t.shape[1:])


failures = 0


def check(name, input_shape, spelling, expected, lookalikes):
    """lookalikes: (code, 'shape'|'values'|'same', expected shape) or (code, 'error', text)."""
    global failures
    x = torch.randn(1, *input_shape)
    modules = {}
    with torch.no_grad():
        y = run(spelling, x, modules)
    if shape_of(y) != expected:
        failures += 1
        print("FAIL %s: spelling gives %s, expected %s" % (name, shape_of(y), expected))
    env = {"F": F, "nn": nn, "torch": torch}
    for code, kind, want in lookalikes:
        lines = code.split("\n")
        try:
            with torch.no_grad():
                z = run(lines, x, same_weights(modules, lines, env))
        except Exception as e:  # noqa: BLE001 - the errors are what is checked
            if kind == "error" and want in str(e):
                print("ok   %s: %s raises %r" % (name, code, str(e)[:60]))
            else:
                failures += 1
                print("FAIL %s: %s raised %s" % (name, code, e))
            continue
        if kind == "error":
            failures += 1
            print("FAIL %s: %s did not raise" % (name, code))
            continue
        ok = shape_of(z) == want
        if kind == "values":
            ok = ok and not torch.allclose(y, z)
        if kind == "same":
            ok = ok and torch.allclose(y, z, atol=1e-6)
        print("%s %s: %s -> %s (%s)" % ("ok  " if ok else "FAIL", name, code.replace("\n", "; "),
                                         shape_of(z), kind))
        failures += 0 if ok else 1


check("conv same k3 s2 on 8", (32, 8, 8),
      ["x = F.pad(x, (0, 1, 0, 1))", "nn.Conv2d(32, 64, 3, stride=2)"], "(64, 4, 4)",
      [("nn.Conv2d(32, 64, 3, stride=2, padding='same')", "error",
        "padding='same' is not supported for strided convolutions"),
       ("nn.Conv2d(32, 64, 3, stride=2, padding=1)", "values", "(64, 4, 4)")])
check("conv same k3 s2 on 7", (3, 7, 7), ["nn.Conv2d(3, 8, 3, stride=2, padding=1)", "nn.ReLU()"],
      "(8, 4, 4)",
      [("nn.Conv2d(3, 8, 3, stride=2, padding='same')", "error", "not supported"),
       ("nn.Conv2d(3, 8, 3, stride=2, padding=1)\nnn.ReLU()", "same", "(8, 4, 4)")])
check("conv same k4 s1", (3, 8, 8), ["nn.Conv2d(3, 8, 4, padding='same')"], "(8, 8, 8)",
      [("nn.Conv2d(3, 8, 4, padding=2)", "shape", "(8, 9, 9)")])
# PyTorch's padding='same' pads as TensorFlow: 1 before, 2 after for a 4-tap kernel.
check("conv same k4 s1 = tf padding", (3, 8, 8), ["x = F.pad(x, (1, 2, 1, 2))", "nn.Conv2d(3, 8, 4)"],
      "(8, 8, 8)", [("nn.Conv2d(3, 8, 4, padding='same')", "same", "(8, 8, 8)")])
check("conv same k3 d2", (1, 9, 9), ["nn.Conv2d(1, 1, 3, padding='same', dilation=2)"], "(1, 9, 9)",
      [("nn.Conv2d(1, 1, 3, padding=2, dilation=2)", "same", "(1, 9, 9)")])
check("conv padding 1 s2", (16, 8, 8), ["nn.Conv2d(16, 16, 3, stride=2, padding=1, bias=False)"],
      "(16, 4, 4)", [])
check("conv tf padding written out", (1, 8, 8),
      ["x = F.pad(x, (0, 1, 0, 1))", "nn.Conv2d(1, 1, 3, stride=2)"], "(1, 4, 4)", [])
check("conv reflect", (1, 6, 6), ["nn.Conv2d(1, 2, 3, padding=1, padding_mode='reflect')"],
      "(2, 6, 6)", [])
check("conv leaky relu", (1, 5, 5), ["nn.Conv2d(1, 1, 3)", "nn.LeakyReLU(0.01)"], "(1, 3, 3)", [])
check("maxpool same k3 s2", (4, 8, 8),
      ["x = F.pad(x, (0, 1, 0, 1), value=float('-inf'))", "nn.MaxPool2d(3, stride=2)"], "(4, 4, 4)",
      [("nn.MaxPool2d(3, stride=2, padding='same')", "error", "must be tuple of ints, not str"),
       ("nn.MaxPool2d(3, stride=2, padding=1)", "values", "(4, 4, 4)")])
check("maxpool same k2", (1, 8, 8), ["nn.MaxPool2d(2)"], "(1, 4, 4)",
      [("nn.MaxPool2d(2, padding='same')", "error", "must be tuple of ints, not str"),
       ("nn.MaxPool2d(2, padding=1)", "shape", "(1, 5, 5)")])
check("avgpool same k3 s1", (1, 4, 4),
      ["nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)"], "(1, 4, 4)",
      [("nn.AvgPool2d(3, stride=1, padding='same')", "error", "must be tuple of ints, not str"),
       ("nn.AvgPool2d(3, stride=1, padding=1)", "values", "(1, 4, 4)")])
check("avgpool padding 1", (1, 4, 4), ["nn.AvgPool2d(3, stride=1, padding=1)"], "(1, 4, 4)", [])
check("avgpool padding 1 no count", (1, 4, 4),
      ["nn.AvgPool2d(3, stride=1, padding=1, count_include_pad=False)"], "(1, 4, 4)", [])
check("maxpool ceil_mode", (1, 5, 5), ["nn.MaxPool2d(2, ceil_mode=True)"], "(1, 3, 3)",
      [("nn.MaxPool2d(2)", "shape", "(1, 2, 2)")])
check("upsampling bilinear x2", (3, 4, 4), ["nn.Upsample(scale_factor=2, mode='bilinear')"],
      "(3, 8, 8)",
      [("nn.Upsample(size=2, mode='bilinear')", "shape", "(3, 2, 2)"),
       ("nn.Upsample(scale_factor=2, mode='bilinear', align_corners=True)", "values", "(3, 8, 8)")])
check("upsampling align_corners", (1, 4, 6),
      ["nn.Upsample(scale_factor=(2, 3), mode='bilinear', align_corners=True)"], "(1, 8, 18)",
      [("nn.Upsample(size=(2, 3), mode='bilinear', align_corners=True)", "shape", "(1, 2, 3)"),
       ("nn.Upsample(scale_factor=(2, 3), mode='bilinear')", "values", "(1, 8, 18)")])
check("upsampling bicubic", (1, 4, 4), ["nn.Upsample(scale_factor=2, mode='bicubic')"], "(1, 8, 8)",
      [("nn.Upsample(size=2, mode='bicubic')", "shape", "(1, 2, 2)"),
       ("nn.Upsample(scale_factor=2, mode='bicubic', align_corners=True)", "values", "(1, 8, 8)")])
# nearest 3 -> 5 samples 0 0 1 1 2; nearest-exact (TensorFlow 2's nearest) 0 0 1 2 2.
row = torch.arange(3.0).view(1, 1, 1, 3)
print("ok   " if F.interpolate(row, size=(1, 5), mode="nearest").flatten().tolist() == [0, 0, 1, 1, 2]
      and F.interpolate(row, size=(1, 5), mode="nearest-exact").flatten().tolist() == [0, 0, 1, 2, 2]
      else "FAIL", "resize nearest 3 to 5: nearest 0 0 1 1 2, nearest-exact 0 0 1 2 2")
check("resize nearest 3 to 5", (1, 3, 3), ["nn.Upsample(size=5)"], "(1, 5, 5)", [])
# Unpooling: the pool's indices first.
pool = nn.MaxPool2d(2, return_indices=True)
p_out, indices_p = pool(torch.randn(1, 1, 5, 5))
y = F.max_unpool2d(p_out, indices_p, 2, output_size=(5, 5))
# Without output_size: 4 x 4, when every recorded index fits in it (maxima at the windows'
# top-left corners: 0, 2, 10, 12), and an error as soon as one does not (5*3 + 3 = 18).
corner = torch.zeros(1, 1, 5, 5)
corner[0, 0, 0:4:2, 0:4:2] = 1
c_out, c_indices = pool(corner)
z = nn.MaxUnpool2d(2)(c_out, c_indices)
late = torch.zeros(1, 1, 5, 5)
late[0, 0, 3, 3] = 1
l_out, l_indices = pool(late)
try:
    nn.MaxUnpool2d(2)(l_out, l_indices)
    raised = ""
except RuntimeError as e:
    raised = str(e)
ok = shape_of(y) == "(1, 5, 5)" and shape_of(z) == "(1, 4, 4)" and "invalid max index: 18" in raised
failures += 0 if ok else 1
print("ok  " if ok else "FAIL", "unpool after odd pool: with output_size", shape_of(y),
      "without", shape_of(z), "or", raised[:50])
check("tconv same k3 s2", (8, 5, 5),
      ["nn.ConvTranspose2d(8, 4, 3, stride=2)", "x = x[:, :, 0:0 + 10, 0:0 + 10]"], "(4, 10, 10)",
      [("nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1)", "shape", "(4, 9, 9)"),
       ("nn.ConvTranspose2d(8, 4, 3, stride=2, padding=1, output_padding=1)", "values",
        "(4, 10, 10)")])
check("tconv same k4 s2", (1, 5, 5), ["nn.ConvTranspose2d(1, 1, 4, stride=2, padding=1)"],
      "(1, 10, 10)", [])
check("tconv valid k1 s2", (1, 4, 4), ["nn.ConvTranspose2d(1, 1, 1, stride=2, output_padding=1)"],
      "(1, 8, 8)", [("nn.ConvTranspose2d(1, 1, 1, stride=2)", "shape", "(1, 7, 7)")])
check("tconv padding 1 output_padding 1", (2, 5, 5),
      ["nn.ConvTranspose2d(2, 2, 3, stride=2, padding=1, output_padding=1)"], "(2, 10, 10)", [])
check("tconv output_padding from dilation", (1, 4, 4),
      ["nn.ConvTranspose2d(1, 1, 3, output_padding=2, dilation=3)"], "(1, 12, 12)",
      [("nn.ConvTranspose2d(1, 1, 3, output_padding=3, dilation=3)", "error",
        "output padding must be smaller than either stride or dilation")])
print("failures:", failures)
raise SystemExit(1 if failures else 0)
