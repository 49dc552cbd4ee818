"""Formulations of the PyTorch peer (bench/torch_peer.py), one builder per op.

Each builder takes the case, the working batch x (a torch tensor in the case's own layout: float32
NCHW, or uint8 NHWC as [N, H, W, C]) and the permutation, and returns {name: zero-argument function
returning the mixed batch}. In-place formulations write into x. uint8 has no integer path in torch
1.13 (and no uint8 bilinear): it goes through float32 and rounds with add(0.5) then a truncating cast
to uint8, i.e. floor(v + 0.5) for v >= 0 (bicubic clamps to [0, 255] first).
"""
import torch
import torch.nn.functional as F


def box_view(t, nchw, y0, y1, x0, x1):
    """The box of every sample, as a view ([N, C, bh, bw] for NCHW, [N, bh, bw, C] for NHWC)."""
    return t[:, :, y0:y1, x0:x1] if nchw else t[:, y0:y1, x0:x1, :]


def as_nchw(t, nchw):
    """An NCHW-indexed view (channels_last strides for NHWC data) for F.interpolate."""
    return t if nchw else t.permute(0, 3, 1, 2)


def to_pixels(v, dtype, clamp):
    """float32 -> the batch dtype: unchanged for float32, floor(v + 0.5) for uint8."""
    if dtype == torch.float32:
        return v
    v = v.add_(0.5)
    if clamp:
        v = v.clamp_(0, 255)
    return v.to(torch.uint8)


def mixup_formulations(case, x, perm):
    lam = case["lam"]
    if x.dtype == torch.float32:
        buf = torch.empty_like(x)

        def prealloc():
            torch.index_select(x, 0, perm, out=buf)
            return buf.mul_(1 - lam).add_(x, alpha=lam)

        return {
            "idiomatic": lambda: x.mul(lam).add_(x[perm].mul(1 - lam)),
            "lerp": lambda: torch.lerp(x[perm], x, lam),
            "prealloc-index_select": prealloc,
        }
    af, bf = torch.empty(x.shape), torch.empty(x.shape)
    g8, out = torch.empty_like(x), torch.empty_like(x)

    def prealloc_u8():
        torch.index_select(x, 0, perm, out=g8)
        af.copy_(x)
        bf.copy_(g8)
        af.mul_(lam).add_(bf, alpha=1 - lam).add_(0.5)
        return out.copy_(af)

    return {
        "idiomatic": lambda: to_pixels(x.float().mul_(lam).add_(x[perm].float().mul_(1 - lam)), x.dtype, False),
        "lerp": lambda: to_pixels(torch.lerp(x[perm].float(), x.float(), lam), x.dtype, False),
        "prealloc-index_select": prealloc_u8,
    }


def cutmix_formulations(case, x, perm):
    nchw, (y0, y1, x0, x1) = case["layout"] == "NCHW", case["box"]
    if case["inPlace"]:
        def in_place():
            box_view(x, nchw, y0, y1, x0, x1)[...] = box_view(x, nchw, y0, y1, x0, x1)[perm]
            return x

        def slice_assign():
            box_view(x, nchw, y0, y1, x0, x1)[:] = x[perm][:, :, y0:y1, x0:x1] if nchw else x[perm][:, y0:y1, x0:x1, :]
            return x

        return {"box[perm]": in_place, "gather-all": slice_assign}
    out = torch.empty_like(x)

    def prealloc():
        out.copy_(x)
        box_view(out, nchw, y0, y1, x0, x1)[...] = box_view(x, nchw, y0, y1, x0, x1)[perm]
        return out

    def clone():
        o = x.clone()
        box_view(o, nchw, y0, y1, x0, x1)[...] = box_view(x, nchw, y0, y1, x0, x1)[perm]
        return o

    return {"clone+box[perm]": clone, "prealloc+box[perm]": prealloc}


def resizemix_formulations(case, x, perm):
    nchw, (y0, y1, x0, x1) = case["layout"] == "NCHW", case["box"]
    mode, size = case["mode"], (y1 - y0, x1 - x0)
    clamp = mode == "bicubic"
    out = torch.empty_like(x)

    def resize(t):
        v = F.interpolate(as_nchw(t, nchw).float(), size=size, mode=mode, align_corners=False)
        return to_pixels(v, x.dtype, clamp)

    def paste(o, small):
        box_view(as_nchw(o, nchw), True, y0, y1, x0, x1)[...] = small
        return o

    return {
        "clone+interpolate(x[perm])": lambda: paste(x.clone(), resize(x[perm])),
        "prealloc+interpolate(x[perm])": lambda: paste(out.copy_(x), resize(x[perm])),
        "prealloc+interpolate(x)[perm]": lambda: paste(out.copy_(x), resize(x)[perm]),
    }


def agree(kind, dtype, a, b):
    """SPEC §6 between two formulations: exact for cutmix, 1 for uint8, 2e-5·(1+|ref|) for float32."""
    a64, b64 = a.double(), b.double()
    diff = (a64 - b64).abs()
    if kind == "cutmix":
        return bool((diff == 0).all())
    if dtype == torch.uint8:
        return bool((diff <= 1).all())
    return bool((diff <= 2e-5 * (1 + b64.abs())).all())


BUILDERS = {"mixup": mixup_formulations, "cutmix": cutmix_formulations, "resizemix": resizemix_formulations}
