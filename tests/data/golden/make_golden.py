#!/usr/bin/python3
"""Generate StrideLab's golden test cases with real PyTorch.

Usage:  python3 tests/data/golden/make_golden.py [--sweep]

Needs Debian's python3-torch and python3-numpy (the C++ tests only read the
files this script writes).  Every sub-folder of this directory that holds a
pipeline.json is owned by this script: it is deleted and written anew on each
run.  The output is deterministic (rerunning gives byte-identical files).

Each case folder holds
    pipeline.json                a pipeline in the format of shared/spec/pipeline-format.md
    input.npy                    float32 (C, H, W)
    <layer>_kernel.npy/_bias.npy explicit weights, PyTorch layouts
    expected/NN_<layer>.npy      float32 output of layer NN (1-based)

Numbers are computed in float64 from the float32-rounded output of the
previous layer and rounded to float32 when saved.  Besides computing with
PyTorch, the script checks PyTorch against an independent NumPy reference that
follows the spec text (shapes, pooling windows and divisors, resize formulas,
unpool order, transposed-convolution cropping) and reports any disagreement.
--sweep additionally runs wide randomized/exhaustive comparisons of the same
rules (writes nothing).
"""

import json
import math
import os
import shutil
import sys
import zlib

import numpy as np
import torch
import torch.nn.functional as F

# One thread: PyTorch's CPU max_unpool2d splits all N*C*H*W input elements into
# per-thread chunks, so where overlapping pool windows recorded the same
# position from two different chunks the result depends on thread timing.  Only
# single-threaded is it "the later output position in row-major order wins".
torch.set_num_threads(1)

HERE = os.path.dirname(os.path.abspath(__file__))
F32 = np.float32
F64 = np.float64

PROBLEMS = []   # PyTorch vs spec disagreements
FRAGILE = []    # numbers a float32 implementation could legitimately decide otherwise
NOTES = []      # things worth reporting that are not disagreements


def disagree(msg):
    PROBLEMS.append(msg)
    print("DISAGREE: " + msg)


def fragile(msg):
    FRAGILE.append(msg)
    print("  warning: " + msg)


def note(msg):
    NOTES.append(msg)


# --------------------------------------------------------------------------
# small helpers

def pair(v):
    if isinstance(v, (int, np.integer)):
        return (int(v), int(v))
    assert len(v) == 2, v
    return (int(v[0]), int(v[1]))


def t64(a):
    """(C,H,W) numpy -> (1,C,H,W) float64 torch tensor."""
    return torch.from_numpy(np.array(a, dtype=F64, copy=True))[None]


def np64(t):
    return t[0].detach().numpy().astype(F64)


def ceil_div(a, b):
    return -((-a) // b)


def case_rng(key):
    return np.random.default_rng(zlib.crc32(key.encode("utf-8")))


def resolve_pad(padding, n, ke, s):
    """Spec padding -> (top, bottom, left, right)."""
    if padding == "valid":
        return (0, 0, 0, 0)
    if padding == "same":
        res = []
        for a in range(2):
            out = ceil_div(n[a], s[a])
            pt = max((out - 1) * s[a] + ke[a] - n[a], 0)
            res += [pt // 2, pt - pt // 2]
        return tuple(res)
    if isinstance(padding, int):
        return (padding,) * 4
    if len(padding) == 2:
        return (padding[0], padding[0], padding[1], padding[1])
    assert len(padding) == 4
    return tuple(padding)


def activation(y, L):
    a = L.get("activation", "linear")
    if a == "linear":
        return y
    if a in ("relu", "leaky_relu"):
        # pre-activations this close to 0 could flip sign in a float32
        # implementation; with a max pool behind it that could move an index
        m = float(y.abs().min())
        if m < 1e-6:
            fragile("|pre-activation| as small as %.3g" % m)
        if a == "relu":
            return torch.relu(y)
        return F.leaky_relu(y, L.get("negative_slope", 0.01))
    if a == "sigmoid":
        return torch.sigmoid(y)
    if a == "tanh":
        return torch.tanh(y)
    raise ValueError(a)


# --------------------------------------------------------------------------
# weights

IMAGE3 = {
    "sobel_x": [[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]],
    "sobel_y": [[-1, -2, -1], [0, 0, 0], [1, 2, 1]],
    "laplacian": [[0, 1, 0], [1, -4, 1], [0, 1, 0]],
    "sharpen": [[0, -1, 0], [-1, 5, -1], [0, -1, 0]],
}


def gaussian_1d(k, sigma):
    if sigma is None:
        sigma = 0.3 * ((k - 1) * 0.5 - 1) + 0.8
    t = np.arange(k, dtype=F64) - (k - 1) / 2.0
    g = np.exp(-t * t / (2.0 * sigma * sigma))
    return g / g.sum()


def init_kernel(init, ltype, cin, filters, groups, k):
    if isinstance(init, dict):
        name = init["name"]
        opts = {a: b for a, b in init.items() if a != "name"}
    else:
        name, opts = init, {}
    cig, cog = cin // groups, filters // groups
    shape = (filters, cig) + k if ltype == "conv2d" else (cin, cog) + k
    if name == "zeros":
        return np.zeros(shape, F32)
    if name == "ones":
        return np.ones(shape, F32)
    if name == "identity":
        K = np.zeros(shape, F64)
        ch, cw = (k[0] - 1) // 2, (k[1] - 1) // 2
        for o in range(filters):
            if ltype == "conv2d":
                K[o, o % cig, ch, cw] = 1.0
            else:
                g = o // cog
                K[g * cig + o % cig, o % cog, ch, cw] = 1.0
        return K.astype(F32)
    if name == "box":
        M = np.full(k, 1.0 / (k[0] * k[1]), F64)
    elif name == "gaussian":
        sig = opts.get("sigma")
        M = np.outer(gaussian_1d(k[0], sig), gaussian_1d(k[1], sig))
    elif name in IMAGE3:
        assert k == (3, 3)
        M = np.array(IMAGE3[name], F64)
    else:
        raise ValueError("golden cases never use initializer %r" % name)
    return np.ascontiguousarray(np.broadcast_to(M / cig, shape)).astype(F32)


def get_weights(L, ltype, cin, filters, groups, k, rng, wmode, case_dir):
    use_bias = L.get("use_bias", True)
    cig, cog = cin // groups, filters // groups
    shape = (filters, cig) + k if ltype == "conv2d" else (cin, cog) + k
    if wmode is None:
        K = init_kernel(L.get("kernel_initializer", "glorot_uniform"),
                        ltype, cin, filters, groups, k)
        B = np.zeros(filters, F32) if use_bias else None
        return K, B
    if wmode == "inline":
        K = (rng.integers(-8, 9, size=shape) / 8.0).astype(F32)
        B = (rng.integers(-4, 5, size=filters) / 8.0).astype(F32) if use_bias else None
        w = {"kernel": K.astype(F64).tolist()}
        if B is not None:
            w["bias"] = B.astype(F64).tolist()
    else:
        fan_in = cig * k[0] * k[1]
        a = math.sqrt(3.0 / fan_in)
        K = rng.uniform(-a, a, size=shape).astype(F32)
        B = rng.uniform(-0.25, 0.25, size=filters).astype(F32) if use_bias else None
        kn = "%s_kernel.npy" % L["name"]
        np.save(os.path.join(case_dir, kn), np.ascontiguousarray(K.astype("<f4")))
        w = {"kernel": kn}
        if B is not None:
            bn = "%s_bias.npy" % L["name"]
            np.save(os.path.join(case_dir, bn), np.ascontiguousarray(B.astype("<f4")))
            w["bias"] = bn
    L["weights"] = w
    return K, B


# --------------------------------------------------------------------------
# conv2d

def do_conv2d(L, x, rng, wmode, case_dir):
    cin, H, W = x.shape
    f = L["filters"]
    k = pair(L["kernel_size"])
    s = pair(L.get("strides", 1))
    d = pair(L.get("dilation_rate", 1))
    g = L.get("groups", 1)
    assert cin % g == 0 and f % g == 0
    ke = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)
    padding = L.get("padding", "valid")
    t, b, l, r = resolve_pad(padding, (H, W), ke, s)
    mode = L.get("padding_mode", "zeros")
    K, B = get_weights(L, "conv2d", cin, f, g, k, rng, wmode, case_dir)
    xt = t64(x)
    wt = torch.from_numpy(K.astype(F64))
    bt = None if B is None else torch.from_numpy(B.astype(F64))
    if mode == "zeros" and t == b and l == r:
        y = F.conv2d(xt, wt, bt, s, (t, l), d, g)
    else:
        if mode == "reflect":
            assert max(t, b) < H and max(l, r) < W
        if mode == "circular":
            assert max(t, b) <= H and max(l, r) <= W
        xp = F.pad(xt, (l, r, t, b), mode="constant" if mode == "zeros" else mode)
        y = F.conv2d(xp, wt, bt, s, 0, d, g)
    # spec output size
    exp = []
    for a, n, bef, aft in ((0, H, t, b), (1, W, l, r)):
        if padding == "valid":
            exp.append((n - ke[a]) // s[a] + 1)
        elif padding == "same":
            exp.append(ceil_div(n, s[a]))
        else:
            exp.append((n + bef + aft - ke[a]) // s[a] + 1)
    assert tuple(y.shape[2:]) == tuple(exp), (y.shape, exp)
    return np64(activation(y, L)), None


# --------------------------------------------------------------------------
# pools

def pool_params(L, H, W):
    k = pair(L.get("pool_size", 2))
    s = pair(L.get("strides", list(k)))
    padding = L.get("padding", "valid")
    pads = resolve_pad(padding, (H, W), k, s)
    ceil = L.get("ceil_mode", False)
    cip = L.get("count_include_pad", True)
    if padding != "same" and padding != "valid":
        t, b, l, r = pads
        assert max(t, b) <= k[0] // 2 and max(l, r) <= k[1] // 2, "spec: at most half the pool size"
    assert not (ceil and padding == "same")
    return k, s, padding, pads, ceil, cip


def ref_pool(x, kind, k, s, padding, pads, ceil, cip):
    """Independent NumPy reference that follows the spec text literally."""
    C, H, W = x.shape
    t, b, l, r = pads
    outs = []
    for n, kk, ss, bef, aft in ((H, k[0], s[0], t, b), (W, k[1], s[1], l, r)):
        if padding == "same":
            out = ceil_div(n, ss)
        else:
            num = n + bef + aft - kk
            out = (ceil_div(num, ss) if ceil else num // ss) + 1
            if ceil and (out - 1) * ss >= n + bef:
                out -= 1
        outs.append(out)
    Ho, Wo = outs
    y = np.zeros((C, Ho, Wo), F64)
    idx = np.zeros((C, Ho, Wo), np.int64)
    for oh in range(Ho):
        hs = oh * s[0] - t
        he = hs + k[0]
        h0, h1 = max(hs, 0), min(he, H)
        hp = min(he, H + b) - hs          # part of the window inside the padded input
        for ow in range(Wo):
            ws = ow * s[1] - l
            we = ws + k[1]
            w0, w1 = max(ws, 0), min(we, W)
            wp = min(we, W + r) - ws
            assert h1 > h0 and w1 > w0, "window without real elements"
            win = x[:, h0:h1, w0:w1].astype(F64)
            if kind == "max":
                for c in range(C):
                    j = int(np.argmax(win[c]))     # first max in row-major order
                    rr, cc = divmod(j, w1 - w0)
                    y[c, oh, ow] = win[c].flat[j]
                    idx[c, oh, ow] = (h0 + rr) * W + (w0 + cc)
            else:
                real = (h1 - h0) * (w1 - w0)
                if padding == "same" or not cip:
                    div = real
                else:
                    div = hp * wp
                y[:, oh, ow] = win.sum(axis=(1, 2)) / div
    return y, idx


def do_max_pool2d(L, x):
    C, H, W = x.shape
    k, s, padding, pads, ceil, cip = pool_params(L, H, W)
    assert "count_include_pad" not in L
    t, b, l, r = pads
    xt = t64(x)
    if padding == "same" or (t, l) != (b, r):
        assert not ceil
        xp = F.pad(xt, (l, r, t, b), value=-math.inf)
        y, ip = F.max_pool2d(xp, k, s, 0, return_indices=True)
        ip = ip[0].numpy()
        Wp = W + l + r
        hh, ww = ip // Wp - t, ip % Wp - l
        assert (hh >= 0).all() and (hh < H).all() and (ww >= 0).all() and (ww < W).all()
        idx = hh * W + ww
    else:
        y, ip = F.max_pool2d(xt, k, s, (t, l), ceil_mode=ceil, return_indices=True)
        idx = ip[0].numpy()
    y = np64(y)
    ry, ridx = ref_pool(x, "max", k, s, padding, pads, ceil, cip)
    if y.shape != ry.shape:
        disagree("%s: max_pool2d shape torch %s spec %s" % (L["name"], y.shape, ry.shape))
    elif not (np.array_equal(y, ry) and np.array_equal(idx, ridx)):
        disagree("%s: max_pool2d values/indices differ from spec reference" % L["name"])
    # robustness of the winners: a runner-up closer than 1e-5 that is not an
    # exact tie could be decided differently by a float32 implementation
    gap_check(x, ridx, ry, k, s, pads)
    return y, idx.astype(np.int64)


def gap_check(x, idx, y, k, s, pads):
    C, H, W = x.shape
    t, b, l, r = pads
    ties = 0
    for c in range(C):
        for oh in range(y.shape[1]):
            hs = oh * s[0] - t
            for ow in range(y.shape[2]):
                ws = ow * s[1] - l
                win = x[c, max(hs, 0):min(hs + k[0], H), max(ws, 0):min(ws + k[1], W)].astype(F64)
                v = y[c, oh, ow]
                other = win[win != v]
                if (win == v).sum() > 1:
                    ties += 1
                if other.size and v - other.max() < 1e-5 * max(1.0, abs(v)):
                    fragile("near tie in max pool window (gap %.3g)" % (v - other.max()))
    return ties


def do_avg_pool2d(L, x):
    C, H, W = x.shape
    k, s, padding, pads, ceil, cip = pool_params(L, H, W)
    t, b, l, r = pads
    xt = t64(x)
    if padding == "same" or (t, l) != (b, r):
        assert not ceil
        xp = F.pad(xt, (l, r, t, b))
        num = F.avg_pool2d(xp, k, s, 0, divisor_override=1)
        if padding != "same" and cip:
            y = num / (k[0] * k[1])
        else:
            mp = F.pad(torch.ones_like(xt), (l, r, t, b))
            y = num / F.avg_pool2d(mp, k, s, 0, divisor_override=1)
    else:
        y = F.avg_pool2d(xt, k, s, (t, l), ceil_mode=ceil, count_include_pad=cip)
    y = np64(y)
    ry, _ = ref_pool(x, "avg", k, s, padding, pads, ceil, cip)
    if y.shape != ry.shape:
        disagree("%s: avg_pool2d shape torch %s spec %s" % (L["name"], y.shape, ry.shape))
    elif not np.allclose(y, ry, rtol=1e-12, atol=1e-12):
        disagree("%s: avg_pool2d values differ from spec reference (max %g)"
                 % (L["name"], np.abs(y - ry).max()))
    return y, None


# --------------------------------------------------------------------------
# upsampling2d

def cubic_weights(t, A=-0.75):
    def cc1(x):
        return ((A + 2) * x - (A + 3)) * x * x + 1

    def cc2(x):
        return ((A * x - 5 * A) * x + 8 * A) * x - 4 * A
    return [cc2(t + 1.0), cc1(t), cc1(1.0 - t), cc2(2.0 - t)]


def axis_matrix(n_in, n_out, interp, cm):
    """Spec resize along one axis as an (n_out, n_in) matrix."""
    M = np.zeros((n_out, n_in), F64)
    for x in range(n_out):
        if interp == "nearest":
            M[x, min((x * n_in) // n_out, n_in - 1)] = 1.0
            continue
        if interp == "nearest_exact":
            M[x, min(((2 * x + 1) * n_in) // (2 * n_out), n_in - 1)] = 1.0
            continue
        scale = n_in / n_out
        if cm == "half_pixel":
            src = (x + 0.5) * scale - 0.5
            if interp == "bilinear":
                src = max(src, 0.0)
        elif cm == "align_corners":
            src = x * (n_in - 1) / (n_out - 1) if n_out > 1 else 0.0
        elif cm == "asymmetric":
            src = x * scale
        else:
            raise ValueError(cm)
        i0 = math.floor(src)
        tt = src - i0

        def cl(i):
            return min(max(i, 0), n_in - 1)
        if interp == "bilinear":
            M[x, cl(i0)] += 1.0 - tt
            M[x, cl(i0 + 1)] += tt
        elif interp == "bicubic":
            for j, w in zip(range(i0 - 1, i0 + 3), cubic_weights(tt)):
                M[x, cl(j)] += w
        else:
            raise ValueError(interp)
    return M


def resize_ref(x, Ho, Wo, interp, cm):
    C, H, W = x.shape
    Mh = axis_matrix(H, Ho, interp, cm)
    Mw = axis_matrix(W, Wo, interp, cm)
    return np.einsum("oh,chw,pw->cop", Mh, x.astype(F64), Mw)


def torch_resize(x, Ho, Wo, interp, cm):
    xt = t64(x)
    if interp == "nearest":
        return np64(F.interpolate(xt, size=(Ho, Wo), mode="nearest"))
    if interp == "nearest_exact":
        return np64(F.interpolate(xt, size=(Ho, Wo), mode="nearest-exact"))
    if cm == "asymmetric":
        return None
    return np64(F.interpolate(xt, size=(Ho, Wo), mode=interp,
                              align_corners=(cm == "align_corners")))


def do_upsampling2d(L, x):
    C, H, W = x.shape
    assert not ("size" in L and "output_size" in L)
    if "output_size" in L:
        Ho, Wo = pair(L["output_size"])
    else:
        f = pair(L.get("size", 2))
        Ho, Wo = H * f[0], W * f[1]
    interp = L.get("interpolation", "nearest")
    cm = L.get("coordinate_mode", "half_pixel")
    if interp.startswith("nearest"):
        assert "coordinate_mode" not in L
    ref = resize_ref(x, Ho, Wo, interp, cm)
    y = torch_resize(x, Ho, Wo, interp, cm)
    if y is None:       # asymmetric: no PyTorch mode, the NumPy reference is the golden
        return ref, None
    if interp.startswith("nearest"):
        if not np.array_equal(y, ref):
            disagree("%s: %s %dx%d -> %dx%d: torch picks other source pixels than the "
                     "spec's integer formula" % (L["name"], interp, H, W, Ho, Wo))
    elif not np.allclose(y, ref, rtol=1e-10, atol=1e-12):
        disagree("%s: %s/%s differs from spec reference by %g"
                 % (L["name"], interp, cm, np.abs(y - ref).max()))
    return y, None


# --------------------------------------------------------------------------
# max_unpool2d

def unpool_ref(x, idx, H, W, later_wins=True):
    C = x.shape[0]
    out = np.zeros((C, H * W), F64)
    for c in range(C):
        xs, ids = x[c].ravel(), idx[c].ravel()
        order = range(len(ids)) if later_wins else reversed(range(len(ids)))
        for p in order:
            out[c, ids[p]] = xs[p]
    return out.reshape(C, H, W)


def do_max_unpool2d(L, x, pools):
    idx, (H, W), shp = pools[L["indices_from"]]
    assert x.shape == shp, (x.shape, shp)
    y = np64(torch.ops.aten.max_unpool2d(t64(x), torch.from_numpy(idx)[None], [H, W]))
    ref = unpool_ref(x, idx, H, W, later_wins=True)
    if not np.array_equal(y, ref):
        disagree("%s: torch max_unpool2d differs from 'later output position wins'" % L["name"])
    dup = sum(len(idx[c].ravel()) - len(np.unique(idx[c])) for c in range(idx.shape[0]))
    if dup:
        first = unpool_ref(x, idx, H, W, later_wins=False)
        visible = not np.array_equal(first, ref)
        print("  %d positions recorded twice; tie order %s in the result"
              % (dup, "visible" if visible else "invisible (equal values)"))
        L["_dup"] = (dup, visible)
    return y, None


# --------------------------------------------------------------------------
# conv2d_transpose

def ref_tconv_full(x, K, s, d, groups):
    cin, H, W = x.shape
    cog = K.shape[1]
    cig = cin // groups
    kh, kw = K.shape[2:]
    keh, kew = d[0] * (kh - 1) + 1, d[1] * (kw - 1) + 1
    full = np.zeros((cog * groups, (H - 1) * s[0] + keh, (W - 1) * s[1] + kew), F64)
    for ci in range(cin):
        g = ci // cig
        for ol in range(cog):
            o = g * cog + ol
            for j in range(kh):
                for jj in range(kw):
                    full[o, j * d[0]: j * d[0] + (H - 1) * s[0] + 1: s[0],
                         jj * d[1]: jj * d[1] + (W - 1) * s[1] + 1: s[1]] += \
                        x[ci].astype(F64) * float(K[ci, ol, j, jj])
    return full


def crop(full, off, out):
    C = full.shape[0]
    y = np.zeros((C, out[0], out[1]), F64)
    ha = max(0, min(out[0], full.shape[1] - off[0]))
    wa = max(0, min(out[1], full.shape[2] - off[1]))
    y[:, :ha, :wa] = full[:, off[0]:off[0] + ha, off[1]:off[1] + wa]
    return y


def do_conv2d_transpose(L, x, rng, wmode, case_dir):
    cin, H, W = x.shape
    f = L["filters"]
    k = pair(L["kernel_size"])
    s = pair(L.get("strides", 1))
    d = pair(L.get("dilation_rate", 1))
    g = L.get("groups", 1)
    assert cin % g == 0 and f % g == 0
    ke = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)
    padding = L.get("padding", "valid")
    op = L.get("output_padding")
    K, B = get_weights(L, "conv2d_transpose", cin, f, g, k, rng, wmode, case_dir)
    xt = t64(x)
    wt = torch.from_numpy(K.astype(F64))
    bt = None if B is None else torch.from_numpy(B.astype(F64))
    full_t = np64(F.conv_transpose2d(xt, wt, None, s, 0, 0, g, d))
    full_r = ref_tconv_full(x, K, s, d, g)
    if not np.allclose(full_t, full_r, rtol=1e-12, atol=1e-12):
        disagree("%s: full transposed conv differs from 'input i adds w[j] at i*s+j*d'" % L["name"])
    n = (H, W)
    if padding in ("valid", "same"):
        out, off = [], []
        for a in range(2):
            full_len = (n[a] - 1) * s[a] + ke[a]
            if op is None:
                o = n[a] * s[a] + max(ke[a] - s[a], 0) if padding == "valid" else n[a] * s[a]
            else:
                opa = pair(op)[a]
                assert 0 <= opa < s[a], "Keras: output_padding < strides"
                pad = 0 if padding == "valid" else ke[a] // 2
                o = (n[a] - 1) * s[a] + ke[a] - 2 * pad + opa
                if padding == "same":
                    assert ceil_div(o, s[a]) == n[a], "TF: ceil(out/s) == n"
            out.append(o)
            off.append(max(full_len - o, 0) // 2)
        y = crop(full_t, off, out)
        if B is not None:
            y = y + B.astype(F64)[:, None, None]
        L["_crop"] = (off, out, full_t.shape[1:])
        y = np64(activation(t64(y), L))
    else:
        p = pair(padding)
        opp = pair(op if op is not None else 0)
        for a in range(2):
            assert opp[a] < max(s[a], d[a]), "PyTorch: output_padding < max(stride, dilation)"
        y = F.conv_transpose2d(xt, wt, bt, s, p, opp, g, d)
        out = [(n[a] - 1) * s[a] - 2 * p[a] + ke[a] + opp[a] for a in range(2)]
        assert list(y.shape[2:]) == out, (y.shape, out)
        ref = crop(full_r, p, out)
        if B is not None:
            ref = ref + B.astype(F64)[:, None, None]
        ypre = np64(y)
        if not np.allclose(ypre, ref, rtol=1e-12, atol=1e-12):
            disagree("%s: torch conv_transpose2d (padding %s, output_padding %s) differs from "
                     "the spec's crop of the full result" % (L["name"], p, opp))
        y = np64(activation(y, L))
    return y, None


# --------------------------------------------------------------------------
# running and writing a case

CASES = []


def case(name, desc, layers, shape=None, x=None, lo=-1.0, hi=1.0, data=None):
    """data: key of the random input (default the case name; paired cases share one)."""
    assert all(c.islower() or c.isdigit() or c == "_" for c in name)
    assert name not in [c["name"] for c in CASES], name
    if x is None:
        x = case_rng(data or name).uniform(lo, hi, size=shape)
    x = np.ascontiguousarray(x, dtype=F32)
    CASES.append(dict(name=name, desc=desc, x=x, layers=layers))
    return x


def lay(ltype, name, w=None, **kw):
    d = {"type": ltype, "name": name}
    d.update(kw)
    if w is not None and "kernel_initializer" not in kw:
        d["_w"] = w
    return d


def conv(name, filters, kernel_size, w="npy", **kw):
    return lay("conv2d", name, w=w, filters=filters, kernel_size=kernel_size, **kw)


def tconv(name, filters, kernel_size, w="npy", **kw):
    return lay("conv2d_transpose", name, w=w, filters=filters, kernel_size=kernel_size, **kw)


def maxpool(name, **kw):
    return lay("max_pool2d", name, **kw)


def avgpool(name, **kw):
    return lay("avg_pool2d", name, **kw)


def up(name, **kw):
    return lay("upsampling2d", name, **kw)


def unpool(name, src):
    return lay("max_unpool2d", name, indices_from=src)


def dumps_layer(L):
    return json.dumps({a: b for a, b in L.items() if not a.startswith("_")})


def run_case(c):
    name = c["name"]
    print("%s" % name)
    d = os.path.join(HERE, name)
    os.makedirs(os.path.join(d, "expected"))
    rng = case_rng(name + ":weights")
    x = c["x"]
    np.save(os.path.join(d, "input.npy"), np.ascontiguousarray(x.astype("<f4")))
    cur = x
    pools = {}
    names = set()
    outs = []
    for i, L in enumerate(c["layers"], 1):
        assert L["name"] not in names and L["name"] != "input"
        names.add(L["name"])
        wmode = L.pop("_w", None)
        ltype = L["type"]
        if ltype == "conv2d":
            y, _ = do_conv2d(L, cur, rng, wmode, d)
        elif ltype == "conv2d_transpose":
            y, _ = do_conv2d_transpose(L, cur, rng, wmode, d)
        elif ltype == "max_pool2d":
            y, idx = do_max_pool2d(L, cur)
            pools[L["name"]] = (idx, cur.shape[1:], y.shape)
        elif ltype == "avg_pool2d":
            y, _ = do_avg_pool2d(L, cur)
        elif ltype == "upsampling2d":
            y, _ = do_upsampling2d(L, cur)
        elif ltype == "max_unpool2d":
            y, _ = do_max_unpool2d(L, cur, pools)
        else:
            raise ValueError(ltype)
        assert np.isfinite(y).all()
        y32 = np.ascontiguousarray(y.astype("<f4"))
        np.save(os.path.join(d, "expected", "%02d_%s.npy" % (i, L["name"])), y32)
        outs.append(y32)
        cur = y32
    lines = ['{',
             '  "format": "stridelab.pipeline",',
             '  "version": 1,',
             '  "name": %s,' % json.dumps(c["desc"]),
             '  "input": {"tensor": "input.npy"},',
             '  "layers": [']
    lines += ["    " + dumps_layer(L) + ("," if j + 1 < len(c["layers"]) else "")
              for j, L in enumerate(c["layers"])]
    lines += ['  ]', '}', '']
    with open(os.path.join(d, "pipeline.json"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("\n".join(lines))
    c["outs"] = outs
    shapes = " -> ".join(["%dx%dx%d" % x.shape] + ["%dx%dx%d" % o.shape for o in outs])
    c["shapes"] = shapes
    print("  " + shapes)


# --------------------------------------------------------------------------
# the cases

def define_cases():
    R = case_rng

    # ---- conv2d ----
    case("conv_valid_basic", "conv2d 3x3 valid, 3 -> 4 channels, bias",
         [conv("conv", 4, 3)], (3, 9, 13))
    case("conv_valid_rect_kernel_strides", "conv2d kernel [3,5], strides [2,3], valid",
         [conv("conv", 3, [3, 5], strides=[2, 3])], (2, 15, 17))
    case("conv_pad_pair_leaky02", "conv2d kernel [3,5], padding [1,2], leaky_relu 0.2",
         [conv("conv", 3, [3, 5], padding=[1, 2], activation="leaky_relu", negative_slope=0.2)],
         (2, 7, 11))
    case("conv_pad_tblr_tanh", "conv2d explicit padding [top 0, bottom 2, left 1, right 3], strides [1,2], tanh",
         [conv("conv", 2, 3, padding=[0, 2, 1, 3], strides=[1, 2], activation="tanh")], (2, 9, 7))
    case("conv_reflect_pad2", "conv2d 5x5, padding 2, padding_mode reflect",
         [conv("conv", 2, 5, padding=2, padding_mode="reflect")], (2, 7, 11))
    case("conv_replicate_pad_pair_s2", "conv2d kernel [3,5], padding [1,2], replicate, strides 2",
         [conv("conv", 3, [3, 5], padding=[1, 2], padding_mode="replicate", strides=2)], (2, 9, 13))
    case("conv_circular_tblr", "conv2d 3x3, padding [2,0,1,1], padding_mode circular",
         [conv("conv", 2, 3, padding=[2, 0, 1, 1], padding_mode="circular")], (1, 7, 9))
    case("conv_reflect_max_pad", "conv2d 3x3 reflect with the largest allowed padding [4,4,6,6] on 5x7 (n - 1)",
         [conv("conv", 1, 3, padding=[4, 4, 6, 6], padding_mode="reflect")], (1, 5, 7))
    case("conv_circular_full_pad", "conv2d kernel [5,7] circular with padding [5,0,0,7] on 5x7 (a whole period)",
         [conv("conv", 2, [5, 7], padding=[5, 0, 0, 7], padding_mode="circular")], (1, 5, 7))
    case("conv_same_s1_leaky_default", "conv2d 3x3 same stride 1, leaky_relu with the default slope 0.01",
         [conv("conv", 4, 3, padding="same", activation="leaky_relu")], (3, 9, 13))
    case("conv_same_s2_odd_kernel", "conv2d 3x3 same stride 2 on 10x13 (pads: H 0/1, W 1/1)",
         [conv("conv", 3, 3, strides=2, padding="same", activation="relu")], (2, 10, 13))
    case("conv_same_s2_even_kernel", "conv2d 4x4 same stride 2 on 9x11 (pads 1/2 on both axes)",
         [conv("conv", 2, 4, strides=2, padding="same")], (2, 9, 11))
    case("conv_same_rect_s3_s2", "conv2d kernel [5,2] same strides [3,2] on 11x9 (pads H 1/2, W 0/1)",
         [conv("conv", 2, [5, 2], strides=[3, 2], padding="same")], (2, 11, 9))
    case("conv_same_dilation2_s2", "conv2d 3x3 dilation 2 same stride 2 on 10x13",
         [conv("conv", 2, 3, dilation_rate=2, strides=2, padding="same")], (2, 10, 13))
    case("conv_dilation_valid", "conv2d 3x3 dilation [2,3] valid",
         [conv("conv", 3, 3, dilation_rate=[2, 3])], (2, 13, 15))
    case("conv_groups2_pad1_relu", "conv2d groups 2, 4 -> 4 channels, padding 1, relu",
         [conv("conv", 4, 3, groups=2, padding=1, activation="relu")], (4, 9, 11))
    case("conv_depthwise_mult2", "depthwise conv2d groups 3, 3 -> 6 channels, same",
         [conv("conv", 6, 3, groups=3, padding="same")], (3, 9, 11))
    case("conv_sigmoid_no_bias", "conv2d use_bias false (kernel only), sigmoid",
         [conv("conv", 2, 3, use_bias=False, padding=1, activation="sigmoid")], (2, 7, 9))
    case("conv_kernel2_stride3", "conv2d kernel 2 stride 3 (skips pixels), valid",
         [conv("conv", 2, 2, strides=3)], (2, 13, 17))
    case("conv_inline_weights", "conv2d with kernel and bias as inline JSON arrays",
         [conv("conv", 2, [2, 3], w="inline", padding=[1, 1])], (2, 7, 9))

    # ---- fixed initializers ----
    case("init_identity_same", "identity initializer, 3x3 same: copies the input",
         [conv("conv", 3, 3, padding="same", kernel_initializer="identity")], (3, 9, 13))
    case("init_identity_even_k4_same", "identity initializer 4x4 (centre tap 1) with same: copies the input",
         [conv("conv", 2, 4, padding="same", kernel_initializer="identity")], (2, 7, 11))
    case("init_identity_more_filters", "identity initializer [3,5], 2 -> 3 channels (o mod C_in)",
         [conv("conv", 3, [3, 5], padding="same", kernel_initializer="identity")], (2, 7, 9))
    case("init_box_groups2", "box initializer [2,3], groups 2, 4 -> 2 channels (divided by C_in/groups)",
         [conv("conv", 2, [2, 3], groups=2, kernel_initializer="box")], (4, 9, 11), lo=0.0)
    case("init_box_same", "box 3x3 same on RGB-like input (divided by 3)",
         [conv("conv", 1, 3, padding="same", kernel_initializer="box")], (3, 9, 13), lo=0.0)
    case("init_gaussian_default_rect", "gaussian [3,5] with the default sigma per axis (0.8, 1.1)",
         [conv("conv", 1, [3, 5], padding="same", kernel_initializer="gaussian")], (1, 11, 13), lo=0.0)
    case("init_gaussian_sigma", "gaussian 5x5 with sigma 1.5 on 3 channels",
         [conv("conv", 1, 5, padding="same",
               kernel_initializer={"name": "gaussian", "sigma": 1.5})], (3, 11, 13), lo=0.0)
    xs = R("init_sobel_x").uniform(0, 0.1, size=(3, 9, 11)) + np.linspace(0, 1, 11)[None, None, :]
    case("init_sobel_x", "sobel_x 3x3 same on a rightwards ramp (positive inside)",
         [conv("conv", 1, 3, padding="same", kernel_initializer="sobel_x")], x=xs)
    case("init_sobel_y", "sobel_y 3x3, 2 -> 2 channels, padding 1",
         [conv("conv", 2, 3, padding=1, kernel_initializer="sobel_y")], (2, 9, 11), lo=0.0)
    case("init_laplacian", "laplacian 3x3 valid",
         [conv("conv", 1, 3, kernel_initializer="laplacian")], (1, 9, 11), lo=0.0)
    case("init_sharpen_depthwise", "sharpen 3x3 depthwise (groups 3, undivided), same",
         [conv("conv", 3, 3, groups=3, padding="same", kernel_initializer="sharpen")], (3, 9, 11), lo=0.0)
    case("init_ones", "ones initializer 3x3 valid (plain sums, undivided)",
         [conv("conv", 2, 3, kernel_initializer="ones")], (2, 7, 9))
    case("init_zeros_sigmoid", "zeros initializer with sigmoid: every output is 0.5",
         [conv("conv", 2, 3, kernel_initializer="zeros", activation="sigmoid")], (2, 7, 9))

    # ---- max_pool2d ----
    case("maxpool_default_2x2", "max_pool2d with all defaults (2x2, stride 2, valid, odd sizes)",
         [maxpool("pool")], (3, 9, 13))
    case("maxpool_k3_s2_pad1", "max_pool2d 3x3 stride 2 padding 1",
         [maxpool("pool", pool_size=3, strides=2, padding=1)], (2, 9, 13))
    case("maxpool_rect_pad_pair", "max_pool2d pool [2,3] strides [1,2] padding [1,1]",
         [maxpool("pool", pool_size=[2, 3], strides=[1, 2], padding=[1, 1])], (2, 7, 11))
    case("maxpool_ceil_mode", "max_pool2d 2x2 ceil_mode on 9x11 (last windows run past the input)",
         [maxpool("pool", ceil_mode=True)], (2, 9, 11))
    case("maxpool_ceil_drop_last", "max_pool2d [2,3] s2 p1 ceil_mode: H 7 drops the window starting in the padding, W 10 keeps an extra one",
         [maxpool("pool", pool_size=[2, 3], strides=2, padding=1, ceil_mode=True)], (2, 7, 10))
    case("maxpool_same_k3_s2", "max_pool2d 3x3 stride 2 same on 10x13 (pads H 0/1, W 1/1)",
         [maxpool("pool", pool_size=3, strides=2, padding="same")], (2, 10, 13))
    case("maxpool_same_k2_odd", "max_pool2d 2x2 same on 9x11 (pad bottom/right 1)",
         [maxpool("pool", padding="same")], (2, 9, 11))
    case("maxpool_tblr", "max_pool2d 3x3 stride 2 explicit [1,0,0,1]",
         [maxpool("pool", pool_size=3, strides=2, padding=[1, 0, 0, 1])], (2, 9, 11))
    xt_ = R("maxpool_ties").integers(0, 3, size=(2, 9, 11)) / 2.0
    case("maxpool_ties", "max_pool2d 3x3 s2 p1 on values in {0, 0.5, 1}: ties go to the first in row-major order",
         [maxpool("pool", pool_size=3, strides=2, padding=1)], x=xt_)

    # ---- avg_pool2d ----
    case("avgpool_pad1_count_true", "avg_pool2d 3x3 s2 p1, count_include_pad true (default)",
         [avgpool("pool", pool_size=3, strides=2, padding=1)], (2, 9, 13), data="avgpool_pad1")
    case("avgpool_pad1_count_false", "avg_pool2d 3x3 s2 p1, count_include_pad false (same input as _count_true)",
         [avgpool("pool", pool_size=3, strides=2, padding=1, count_include_pad=False)], (2, 9, 13), data="avgpool_pad1")
    case("avgpool_ceil_pad_count_true", "avg_pool2d 3x3 s2 p1 ceil_mode on 10x12: last window runs past the padding; divisor = part inside the padded input",
         [avgpool("pool", pool_size=3, strides=2, padding=1, ceil_mode=True, count_include_pad=True)],
         (2, 10, 12), data="avgpool_ceil_pad")
    case("avgpool_ceil_pad_count_false", "avg_pool2d 3x3 s2 p1 ceil_mode on 10x12, count_include_pad false (same input as _count_true)",
         [avgpool("pool", pool_size=3, strides=2, padding=1, ceil_mode=True, count_include_pad=False)],
         (2, 10, 12), data="avgpool_ceil_pad")
    case("avgpool_ceil_nopad_count", "avg_pool2d 2x2 ceil_mode without padding on 9x11 (edge windows divide by their real elements)",
         [avgpool("pool", ceil_mode=True)], (2, 9, 11))
    case("avgpool_same_k3_s2", "avg_pool2d 3x3 s2 same (TensorFlow: divides by real elements)",
         [avgpool("pool", pool_size=3, strides=2, padding="same")], (2, 10, 13))
    case("avgpool_same_k4_s1", "avg_pool2d 4x4 stride 1 same (pads 1/2)",
         [avgpool("pool", pool_size=4, strides=1, padding="same")], (1, 7, 9))
    case("avgpool_tblr_count_false", "avg_pool2d 3x3 s2 explicit [0,1,1,0], count_include_pad false",
         [avgpool("pool", pool_size=3, strides=2, padding=[0, 1, 1, 0], count_include_pad=False)],
         (2, 9, 12))
    case("avgpool_tblr_count_true", "avg_pool2d [2,3] s [2,1] explicit [1,0,1,1], count_include_pad true",
         [avgpool("pool", pool_size=[2, 3], strides=[2, 1], padding=[1, 0, 1, 1])], (2, 9, 8))

    # ---- upsampling2d ----
    case("up_nearest_default", "upsampling2d with defaults (nearest x2)",
         [up("up")], (3, 7, 9))
    case("up_nearest_2x3", "upsampling2d nearest size [2,3]",
         [up("up", size=[2, 3])], (2, 7, 9))
    case("up_nearest_output_size", "upsampling2d nearest output_size [12,5] from 7x9 (7 -> 12 up, 9 -> 5 down)",
         [up("up", output_size=[12, 5])], (2, 7, 9))
    case("up_nearest_exact_output_size", "upsampling2d nearest_exact output_size [12,5] from 7x9",
         [up("up", output_size=[12, 5], interpolation="nearest_exact")], (2, 7, 9))
    case("up_bilinear_half_pixel", "upsampling2d bilinear half_pixel size [2,3]",
         [up("up", size=[2, 3], interpolation="bilinear")], (2, 7, 9))
    case("up_bilinear_align_corners", "upsampling2d bilinear align_corners output_size [12,20] from 7x9",
         [up("up", output_size=[12, 20], interpolation="bilinear", coordinate_mode="align_corners")],
         (2, 7, 9))
    case("up_bilinear_asymmetric", "upsampling2d bilinear asymmetric (TF1) size [2,3]",
         [up("up", size=[2, 3], interpolation="bilinear", coordinate_mode="asymmetric")], (2, 7, 9))
    case("up_bilinear_downsample", "upsampling2d bilinear half_pixel output_size [7,6] from 15x17 (downsampling, no antialias)",
         [up("up", output_size=[7, 6], interpolation="bilinear")], (2, 15, 17))
    case("up_bicubic_half_pixel", "upsampling2d bicubic half_pixel x2",
         [up("up", size=2, interpolation="bicubic")], (2, 7, 9))
    case("up_bicubic_align_corners", "upsampling2d bicubic align_corners output_size [12,20]",
         [up("up", output_size=[12, 20], interpolation="bicubic", coordinate_mode="align_corners")],
         (2, 7, 9))
    case("up_bicubic_asymmetric", "upsampling2d bicubic asymmetric output_size [12,20]",
         [up("up", output_size=[12, 20], interpolation="bicubic", coordinate_mode="asymmetric")],
         (2, 7, 9))

    # ---- max_unpool2d ----
    case("unpool_direct", "max_pool2d 2x2 then max_unpool2d (odd input: last row/col stay 0)",
         [maxpool("pool"), unpool("unpool", "pool")], (2, 9, 11))
    case("unpool_segnet", "max_pool2d, conv2d 3x3 same keeping C, max_unpool2d with the pool's indices",
         [maxpool("pool"), conv("conv", 2, 3, padding="same"), unpool("unpool", "pool")], (2, 9, 11))
    case("unpool_overlap_segnet", "max_pool2d 3x3 s2 (overlapping), conv2d, unpool: positions recorded twice, later output wins",
         [maxpool("pool", pool_size=3, strides=2), conv("conv", 2, 3, padding="same"),
          unpool("unpool", "pool")], (2, 11, 13))
    case("unpool_after_same_pool", "max_pool2d 3x3 s2 same, then max_unpool2d",
         [maxpool("pool", pool_size=3, strides=2, padding="same"), unpool("unpool", "pool")], (2, 10, 13))
    case("unpool_after_ceil_pad_pool", "max_pool2d 2x2 s2 p1 ceil_mode, then max_unpool2d",
         [maxpool("pool", padding=1, ceil_mode=True), unpool("unpool", "pool")], (2, 9, 10))

    # ---- conv2d_transpose ----
    case("tconv_s2_p1_outpad1", "conv2d_transpose 3x3 stride 2 padding 1 output_padding 1",
         [tconv("tconv", 3, 3, strides=2, padding=1, output_padding=1)], (2, 7, 9))
    case("tconv_s3_pad_pair_outpad21", "conv2d_transpose 4x4 stride 3 padding [1,2] output_padding [2,1]",
         [tconv("tconv", 2, 4, strides=3, padding=[1, 2], output_padding=[2, 1])], (2, 5, 7))
    case("tconv_dilation2_s1_outpad1", "conv2d_transpose 3x3 dilation 2 stride 1 padding 1 output_padding 1 (op < dilation)",
         [tconv("tconv", 2, 3, dilation_rate=2, padding=1, output_padding=1)], (2, 7, 9))
    case("tconv_groups2_relu", "conv2d_transpose groups 2, 4 -> 4 channels, 3x3 stride 2 padding 1, relu",
         [tconv("tconv", 4, 3, groups=2, strides=2, padding=1, activation="relu")], (4, 5, 7))
    case("tconv_p0_outpad1", "conv2d_transpose 3x3 stride 2 padding 0 output_padding 1 (extra zero row/col plus bias)",
         [tconv("tconv", 2, 3, strides=2, padding=0, output_padding=[1, 1])], (2, 5, 7))
    case("tconv_keras_valid_k3_s2", "conv2d_transpose Keras valid 3x3 stride 2",
         [tconv("tconv", 2, 3, strides=2, padding="valid")], (2, 5, 7))
    case("tconv_keras_valid_k2_s3", "conv2d_transpose Keras valid kernel 2 < stride 3 (zero tail plus bias)",
         [tconv("tconv", 2, 2, strides=3)], (2, 5, 6))
    case("tconv_keras_valid_outpad1", "conv2d_transpose Keras valid 3x3 stride 2 output_padding 1",
         [tconv("tconv", 2, 3, strides=2, padding="valid", output_padding=1)], (2, 5, 7))
    case("tconv_keras_same_k3_s2", "conv2d_transpose Keras same 3x3 stride 2 (offset 0)",
         [tconv("tconv", 2, 3, strides=2, padding="same")], (2, 5, 7))
    case("tconv_keras_same_k4_s2", "conv2d_transpose Keras same 4x4 stride 2 (offset 1)",
         [tconv("tconv", 2, 4, strides=2, padding="same")], (2, 5, 7))
    case("tconv_keras_same_k4_s2_outpad1", "conv2d_transpose Keras same 4x4 stride 2 output_padding 1",
         [tconv("tconv", 2, 4, strides=2, padding="same", output_padding=1)], (2, 5, 7))
    case("tconv_keras_same_rect_outpad1", "conv2d_transpose Keras same kernel [5,3] strides [3,2] output_padding [1,1]",
         [tconv("tconv", 2, [5, 3], strides=[3, 2], padding="same", output_padding=[1, 1])], (2, 5, 7))
    case("tconv_keras_same_dilation2", "conv2d_transpose Keras same 3x3 dilation 2 stride 2, leaky_relu 0.2",
         [tconv("tconv", 2, 3, strides=2, dilation_rate=2, padding="same",
                activation="leaky_relu", negative_slope=0.2)], (2, 5, 7))
    xs = R("tconv_sobel_x_ramp").uniform(0, 0.1, size=(2, 7, 9)) + np.linspace(0, 1, 9)[None, None, :]
    case("tconv_sobel_x_ramp", "conv2d_transpose sobel_x, Keras same stride 1, on a rightwards ramp (negative inside)",
         [tconv("tconv", 1, 3, padding="same", kernel_initializer="sobel_x")], x=xs)
    case("tconv_identity", "conv2d_transpose identity 3x3, 2 -> 3 channels, Keras same stride 1: copies (o mod C_in)",
         [tconv("tconv", 3, 3, padding="same", kernel_initializer="identity")], (2, 7, 9))
    case("tconv_inline_no_bias_tanh", "conv2d_transpose inline JSON kernel, use_bias false, stride 2 padding 1, tanh",
         [tconv("tconv", 2, [3, 2], w="inline", strides=2, padding=1, use_bias=False,
                activation="tanh")], (2, 5, 6))

    # ---- multi-layer pipelines ----
    case("pipeline_spec_example", "The spec's example with explicit weights and an input tensor",
         [conv("conv", 4, 3, strides=2, padding="same", activation="relu"),
          maxpool("pool", pool_size=2),
          unpool("unpool", "pool"),
          up("up", size=2, interpolation="bilinear"),
          tconv("tconv", 1, 3, strides=2, padding=1, output_padding=1, kernel_initializer="box")],
         (1, 18, 14), lo=0.0)
    case("pipeline_segnet_nested", "SegNet-like encoder-decoder with two pools and nested unpools",
         [conv("enc1", 3, 3, padding="same", activation="relu"),
          maxpool("pool1"),
          conv("enc2", 4, 3, padding=1, activation="relu"),
          maxpool("pool2", pool_size=3, strides=2, padding=1),
          unpool("unpool2", "pool2"),
          conv("dec2", 3, 3, padding="same", activation="relu"),
          unpool("unpool1", "pool1"),
          conv("head", 2, 1)],
         (2, 17, 19))
    case("pipeline_mixed", "reflect conv, same avg pool, bicubic resize, Keras same transposed conv, sigmoid conv",
         [conv("conv1", 3, 3, padding=1, padding_mode="reflect", activation="leaky_relu",
               negative_slope=0.1),
          avgpool("pool", pool_size=3, strides=2, padding="same"),
          up("up", output_size=[9, 7], interpolation="bicubic"),
          tconv("tconv", 2, 4, strides=2, padding="same", activation="relu"),
          conv("conv2", 1, 3, activation="sigmoid")],
         (3, 15, 11))


def post_checks():
    """Sanity checks of specific cases' meaning."""
    by = {c["name"]: c for c in CASES}

    def ok(cond, msg):
        if not cond:
            raise AssertionError(msg)
    for n in ("init_identity_same", "init_identity_even_k4_same"):
        ok(np.array_equal(by[n]["outs"][0], by[n]["x"]), n + " does not copy")
    x = by["init_identity_more_filters"]["x"]
    ok(np.array_equal(by["init_identity_more_filters"]["outs"][0], x[[0, 1, 0]]), "identity o mod C_in")
    x = by["tconv_identity"]["x"]
    ok(np.array_equal(by["tconv_identity"]["outs"][0], x[[0, 1, 0]]), "tconv identity")
    ok((by["init_sobel_x"]["outs"][0][:, :, 1:-1] > 0).all(), "sobel_x sign")
    ok((by["tconv_sobel_x_ramp"]["outs"][0][:, :, 1:-1] < 0).all(), "tconv sobel_x sign")
    ok(np.all(by["init_zeros_sigmoid"]["outs"][0] == 0.5), "zeros sigmoid")
    # the drop rule really fires in maxpool_ceil_drop_last: H 7 -> 4 (5 without the rule), W 10 -> 6
    ok(by["maxpool_ceil_drop_last"]["outs"][0].shape[1:] == (4, 6), "ceil drop shape")
    # overlapping unpool: tie order visible
    L = by["unpool_overlap_segnet"]["layers"][2]
    ok(L.get("_dup", (0, False))[1], "overlap case does not show the tie order")


# --------------------------------------------------------------------------
# --sweep: wide comparisons of PyTorch with the spec text (writes nothing)

def sweep():
    print("== sweep: nearest / nearest_exact, n_in, n_out in 1..64")
    bad = {"nearest": [], "nearest_exact": []}
    for n_in in range(1, 65):
        x = np.arange(n_in, dtype=F64).reshape(1, 1, n_in)
        xt = t64(x)
        for n_out in range(1, 65):
            for interp, mode in (("nearest", "nearest"), ("nearest_exact", "nearest-exact")):
                got = F.interpolate(xt, size=(1, n_out), mode=mode)[0, 0, 0].numpy().astype(int)
                want = axis_matrix(n_in, n_out, interp, None).argmax(axis=1)
                if not np.array_equal(got, want):
                    xs = np.nonzero(got != want)[0]
                    bad[interp].append((n_in, n_out, [(int(i), int(want[i]), int(got[i])) for i in xs]))
    for k, v in bad.items():
        print("%s: %d of 4096 (n_in, n_out) pairs differ" % (k, len(v)))
        for n_in, n_out, lst in v[:12]:
            print("   %d -> %d: (x, spec, torch) %s" % (n_in, n_out, lst[:4]))
        if v:
            note("%s: torch differs from the spec's integer formula for %d of 4096 size pairs "
                 "(n_in, n_out <= 64), e.g. %s" % (k, len(v), v[:3]))

    print("== sweep: nearest with integer factors f <= 16, n_in <= 128 (spec: all agree)")
    nint = 0
    for n_in in range(1, 129):
        xt = t64(np.arange(n_in, dtype=F64).reshape(1, 1, n_in))
        for f in range(1, 17):
            for mode in ("nearest", "nearest-exact"):
                got = F.interpolate(xt, size=(1, n_in * f), mode=mode)[0, 0, 0].numpy().astype(int)
                want = np.minimum(np.arange(n_in * f) // f, n_in - 1)
                if not np.array_equal(got, want):
                    nint += 1
                    disagree("%s with integer factor %d on n_in %d differs" % (mode, f, n_in))
    print("integer factors: %d mismatches" % nint)

    print("== sweep: pools")
    rng = np.random.default_rng(1)
    nbad = ntot = ncmp = nboth = 0
    for it in range(3000):
        H, W = rng.integers(1, 14, size=2)
        k = tuple(int(a) for a in rng.integers(1, 6, size=2))
        s = tuple(int(a) for a in rng.integers(1, 5, size=2))
        kind = "max" if it % 2 else "avg"
        same = rng.random() < 0.2
        ceil = (not same) and rng.random() < 0.6
        cip = rng.random() < 0.5
        if same:
            padding = "same"
            pads = resolve_pad("same", (H, W), k, s)
        else:
            p = (int(rng.integers(0, k[0] // 2 + 1)), int(rng.integers(0, k[1] // 2 + 1)))
            padding = list(p)
            pads = (p[0], p[0], p[1], p[1])
        x = rng.uniform(-1, 1, size=(1, H, W)).astype(F32)
        if kind == "max" and rng.random() < 0.3:
            x = (rng.integers(0, 2, size=(1, H, W)) * 1.0).astype(F32)  # many ties
        L = {"name": "p", "pool_size": list(k), "strides": list(s), "padding": padding,
             "ceil_mode": ceil}
        if kind == "avg" and padding != "same":
            L["count_include_pad"] = cip
        try:
            with_torch = True
            if kind == "max":
                do_max_pool2d(L, x)
            else:
                do_avg_pool2d(L, x)
        except RuntimeError:
            with_torch = False
        except (AssertionError, ValueError):
            with_torch = False
        ntot += 1
        ncmp += with_torch
        if not with_torch:
            # torch refused: the spec must give out < 1 too
            try:
                ry, _ = ref_pool(x, kind, k, s, padding, pads, ceil, cip)
                if ry.size:
                    nbad += 1
                    disagree("pool sweep: torch refused %s k%s s%s pad %s ceil %s on %dx%d"
                             % (kind, k, s, padding, ceil, H, W))
            except (AssertionError, ValueError):
                nboth += 1
    print("pools: %d configurations, %d compared with torch, %d refused by both, "
          "%d torch refusals the spec accepts" % (ntot, ncmp, nboth, nbad))

    print("== sweep: output_padding limits")
    x = torch.zeros(1, 1, 4, 4, dtype=torch.float64)
    mism = []
    for s_ in range(1, 5):
        for d_ in range(1, 5):
            for op in range(0, 6):
                w = torch.zeros(1, 1, 3, 3, dtype=torch.float64)
                try:
                    F.conv_transpose2d(x, w, None, s_, 0, op, 1, d_)
                    acc = True
                except RuntimeError:
                    acc = False
                if acc != (op < max(s_, d_)):
                    mism.append((s_, d_, op, acc))
    print("output_padding: %d mismatches with op < max(s, d): %s" % (len(mism), mism[:10]))
    if mism:
        disagree("output_padding limit: %s" % mism[:10])

    print("== sweep: explicit conv2d_transpose vs spec crop, bilinear/bicubic vs spec")
    for it in range(300):
        C = 2
        H, W = (int(a) for a in rng.integers(1, 8, size=2))
        k = tuple(int(a) for a in rng.integers(1, 5, size=2))
        s = tuple(int(a) for a in rng.integers(1, 4, size=2))
        d = tuple(int(a) for a in rng.integers(1, 3, size=2))
        ke = (d[0] * (k[0] - 1) + 1, d[1] * (k[1] - 1) + 1)
        p = tuple(int(rng.integers(0, ke[a])) for a in range(2))
        op = tuple(int(rng.integers(0, max(s[a], d[a]))) for a in range(2))
        out = [(n - 1) * s[a] - 2 * p[a] + ke[a] + op[a] for a, n in enumerate((H, W))]
        if min(out) < 1:
            continue
        L = {"name": "t", "filters": 2, "kernel_size": list(k), "strides": list(s),
             "dilation_rate": list(d), "padding": list(p), "output_padding": list(op)}
        x = rng.uniform(-1, 1, size=(C, H, W)).astype(F32)
        do_conv2d_transpose(L, x, rng, "inline", None)
    for it in range(300):
        H, W = (int(a) for a in rng.integers(1, 12, size=2))
        Ho, Wo = (int(a) for a in rng.integers(1, 25, size=2))
        interp = ["bilinear", "bicubic"][it % 2]
        cm = ["half_pixel", "align_corners"][(it // 2) % 2]
        x = rng.uniform(-1, 1, size=(2, H, W)).astype(F32)
        do_upsampling2d({"name": "u", "output_size": [Ho, Wo], "interpolation": interp,
                         "coordinate_mode": cm}, x)
    print("== sweep: unpool order")
    for it in range(200):
        H, W = (int(a) for a in rng.integers(3, 12, size=2))
        x = rng.uniform(-1, 1, size=(2, H, W)).astype(F32)
        y, idx = do_max_pool2d({"name": "p", "pool_size": 3, "strides": 1, "padding": 1}, x)
        z = rng.uniform(-1, 1, size=y.shape).astype(F32)
        do_max_unpool2d({"name": "u", "indices_from": "p"}, z, {"p": (idx, (H, W), y.shape)})
    print("sweep done")


# --------------------------------------------------------------------------

README_HEAD = """# Golden test cases

Reference outputs for StrideLab's layers, computed with real PyTorch (CPU,
float64, rounded to float32 when saved) and, where PyTorch has no equivalent
(Keras `"valid"`/`"same"` transposed convolutions, TensorFlow `"same"` pooling,
`asymmetric` resizing), with NumPy/PyTorch code that follows
`shared/spec/pipeline-format.md` literally.

Regenerate (deterministic, byte-identical output; deletes and rewrites every
sub-folder here that has a `pipeline.json`):

    python3 tests/data/golden/make_golden.py            # add --sweep for extra checks

The generator needs Debian's `python3-torch` and `python3-numpy`; the C++ tests
only read the files and need neither.

Each case folder holds `pipeline.json` (input `input.npy`, every layer named),
`input.npy` (float32 `(C, H, W)`), explicit weights as `<layer>_kernel.npy` /
`<layer>_bias.npy` (PyTorch layouts) or inline JSON, and `expected/NN_<layer>.npy`:
the float32 output of layer NN (1-based), each layer fed the float32 output of
the one before. Compare with a float32 tolerance (e.g. `|a - b| <= 1e-5 + 1e-5*|b|`);
pooling and unpooling positions are exact (inputs keep max-pool winners at least
1e-5 apart unless exactly tied).

## Cases

"""


def write_readme():
    lines = [README_HEAD]
    for c in CASES:
        lines.append("- `%s`: %s (%s)\n" % (c["name"], c["desc"], c["shapes"]))
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8", newline="\n") as fh:
        fh.write("".join(lines))


def main():
    if "--sweep" in sys.argv[1:]:
        sweep()
        print("\n%d disagreements" % len(PROBLEMS))
        for n in NOTES:
            print("NOTE: " + n)
        return 1 if PROBLEMS else 0
    define_cases()
    for name in sorted(os.listdir(HERE)):
        p = os.path.join(HERE, name)
        if os.path.isdir(p) and os.path.exists(os.path.join(p, "pipeline.json")):
            shutil.rmtree(p)
    for c in CASES:
        run_case(c)
    post_checks()
    write_readme()
    print("\n%d cases written to %s" % (len(CASES), HERE))
    for n in NOTES:
        print("NOTE: " + n)
    if FRAGILE:
        print("%d fragile numbers (change the case's data):" % len(FRAGILE))
        return 1
    if PROBLEMS:
        print("%d disagreements between PyTorch and the spec:" % len(PROBLEMS))
        for p in PROBLEMS:
            print("  " + p)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
