#!/usr/bin/env python3
"""Writes the PyTorch reference fixtures of batchmix into test/fixtures/ (run: `npm run fixtures`).

Needs Debian's python3-torch (1.13) and python3-numpy; deterministic (fixed seeds, one CPU thread).

F.interpolate(x, size, mode, align_corners=False where torch takes it, else None) for nearest,
nearest-exact, bilinear, bicubic and area:
interpolate.json        2-D resizes of a random [1, C, H, W] float32 input (up, down, odd sizes,
                        identity, 1x1 in and out, H-1 x W+3, 224 -> 3), one output per mode;
interpolate-sweep.json  every in -> out in 1..16 along one axis (input [1, 1, in, 1]);
nearest-indices.json    nearest and nearest-exact source indices (torch resizing arange(in)) for
                        every in, out in 1..32 and a few large pairs;
taps-weights.json       bilinear, bicubic and area weights (torch resizing the rows of an identity,
                        [in, 2, in, 1] -> [in, 2, out, 1]) for every in, out in 1..16, sparse: the
                        positions o*in + k of the non-zero weights and their values.
mixes.json        whole MMClassification 0.25 BatchMixup / BatchCutMix / BatchResizeMix calls on
                  float32 NCHW batches, computed below with mmcls's own lines of math, given the raw
                  lambda, the partner permutation and the box centre (cy, cx); each case stores the
                  input, the MixParams batchmix replays (lam = the label lambda; one box per sample),
                  and the expected images and labels.

Float arrays are little-endian float32, base64. Raw lambdas are float32 values, so torch's float32
math with a Python-float lambda is exactly the float32 math of SPEC section 2 with params.lam.
"""
import base64
import json
import os

import numpy as np
import torch
import torch.nn.functional as F

SEED = 20240611
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
OUT = os.path.join(ROOT, 'test', 'fixtures')
MODES = ['nearest', 'nearest-exact', 'bilinear', 'bicubic', 'area']


def b64(a):
    return base64.b64encode(np.ascontiguousarray(a, dtype='<f4').tobytes()).decode('ascii')


def interpolate(x, size, mode):
    """torch's resize as ResizeMix calls it: align_corners left to torch (False for the linear modes)."""
    align = False if mode in ('bilinear', 'bicubic') else None
    return F.interpolate(x, size=tuple(int(s) for s in size), mode=mode, align_corners=align)


def write(name, header, cases):
    """One case per line, so that a regenerated file diffs by case."""
    body = ',\n'.join(json.dumps(c, separators=(',', ':')) for c in cases)
    head = json.dumps(header, separators=(',', ':'))[:-1]
    with open(os.path.join(OUT, name), 'w') as f:
        f.write(head + ',"cases":[\n' + body + '\n]}\n')


# ---- F.interpolate ---------------------------------------------------------------------------

RESIZES = [  # name, C, (H, W) -> (outH, outW)
    ('down 7x5 -> 3x2', 3, (7, 5), (3, 2)),
    ('odd 13x29 -> 17x11', 2, (13, 29), (17, 11)),
    ('down 32x24 -> 5x7', 3, (32, 24), (5, 7)),
    ('nearest-exact rounding 224x2 -> 3x5', 1, (224, 2), (3, 5)),
    ('identity 6x9', 2, (6, 9), (6, 9)),
    ('to 1x1 from 9x7', 3, (9, 7), (1, 1)),
    ('H-1 x W+3: 10x8 -> 9x11', 2, (10, 8), (9, 11)),
    ('up 2x: 5x4 -> 10x8', 1, (5, 4), (10, 8)),
    ('up odd: 3x2 -> 7x5', 2, (3, 2), (7, 5)),
    ('from 1x1 -> 4x3', 2, (1, 1), (4, 3)),
    ('down big windows 64x48 -> 5x3', 1, (64, 48), (5, 3)),
    ('up non-integer 12x10 -> 31x23', 1, (12, 10), (31, 23)),
]


def interpolate_fixtures(rng):
    cases = []
    for name, c, (h, w), (oh, ow) in RESIZES:
        x = (rng.standard_normal((1, c, h, w)) * 2).astype(np.float32)
        t = torch.from_numpy(x)
        outs = {m: b64(interpolate(t, (oh, ow), m).numpy()) for m in MODES}
        cases.append({'name': name, 'c': c, 'inH': h, 'inW': w, 'outH': oh, 'outW': ow,
                      'input': b64(x), 'outputs': outs})
    sweep = []
    for n_in in range(1, 17):
        x = rng.standard_normal((1, 1, n_in, 1)).astype(np.float32)
        t = torch.from_numpy(x)
        for n_out in range(1, 17):
            outs = {m: b64(interpolate(t, (n_out, 1), m).numpy()) for m in MODES}
            sweep.append({'inSize': n_in, 'outSize': n_out, 'input': b64(x), 'outputs': outs})
    pairs = [(i, o) for i in range(1, 33) for o in range(1, 33)]
    pairs += [(224, 3), (224, 7), (225, 224), (500, 333), (333, 500), (1000, 999), (999, 1000), (97, 1), (1, 97)]
    indices = []
    for i, o in pairs:
        src = torch.arange(i, dtype=torch.float32).view(1, 1, i, 1)
        entry = {'inSize': i, 'outSize': o}
        for m in ('nearest', 'nearest-exact'):
            entry[m] = [int(v) for v in interpolate(src, (o, 1), m).flatten().tolist()]
        indices.append(entry)
    weights = []
    for i in range(1, 17):
        eye = torch.eye(i, dtype=torch.float32).view(i, 1, i, 1).repeat(1, 2, 1, 1)
        for o in range(1, 17):
            entry = {'inSize': i, 'outSize': o}
            for m in ('bilinear', 'bicubic', 'area'):
                dense = interpolate(eye, (o, 1), m)[:, 0, :, 0].numpy().T.reshape(-1)  # [o, k] -> o*in + k
                pos = np.nonzero(dense)[0]
                entry[m] = {'pos': [int(v) for v in pos], 'w': b64(dense[pos])}
            weights.append(entry)
    return cases, sweep, indices, weights


# ---- MMClassification 0.25 reference math -----------------------------------------------------

def one_hot(labels, k):
    return F.one_hot(torch.as_tensor(labels, dtype=torch.int64), k)  # mmcls one_hot_encoding, 1-D ids


def rand_bbox(h, w, lam, cy, cx):
    """mmcls BaseCutMixLayer.rand_bbox with the centre given instead of drawn (margin 0)."""
    ratio = np.sqrt(1 - lam)
    cut_h, cut_w = int(h * ratio), int(w * ratio)
    yl, yh = np.clip(cy - cut_h // 2, 0, h), np.clip(cy + cut_h // 2, 0, h)
    xl, xh = np.clip(cx - cut_w // 2, 0, w), np.clip(cx + cut_w // 2, 0, w)
    return int(yl), int(yh), int(xl), int(xh)


def cutmix_bbox_and_lam(h, w, lam, cy, cx, correct_lam):
    yl, yu, xl, xu = rand_bbox(h, w, lam, cy, cx)
    if correct_lam:
        lam = 1. - (yu - yl) * (xu - xl) / float(h * w)
    return (yl, yu, xl, xu), float(lam)


def mixup(img, y1h, lam, index):  # BatchMixupLayer.mixup
    return lam * img + (1 - lam) * img[index, :], lam * y1h + (1 - lam) * y1h[index, :]


def cutmix(img, y1h, lam, index, cy, cx, correct_lam):  # BatchCutMixLayer.cutmix
    (y1, y2, x1, x2), lam = cutmix_bbox_and_lam(img.shape[2], img.shape[3], lam, cy, cx, correct_lam)
    img[:, :, y1:y2, x1:x2] = img[index, :, y1:y2, x1:x2]
    return img, lam * y1h + (1 - lam) * y1h[index, :], (y1, y2, x1, x2), lam


def resizemix(img, y1h, lam, index, cy, cx, correct_lam, mode):  # BatchResizeMixLayer.cutmix
    (y1, y2, x1, x2), lam = cutmix_bbox_and_lam(img.shape[2], img.shape[3], lam, cy, cx, correct_lam)
    img[:, :, y1:y2, x1:x2] = interpolate(img[index], (y2 - y1, x2 - x1), mode)
    return img, lam * y1h + (1 - lam) * y1h[index, :], (y1, y2, x1, x2), lam


MIXES = [  # name, op, (N, C, H, W), K, extra: rawLam (None: drawn), cy/cx (None: drawn), correctLam, mode
    ('mixup N=4 3x8x10', 'mixup', (4, 3, 8, 10), 5, {}),
    ('mixup N=1 1x5x7', 'mixup', (1, 1, 5, 7), 3, {}),
    ('mixup N=6 2x12x9', 'mixup', (6, 2, 12, 9), 10, {}),
    ('cutmix interior', 'cutmix', (4, 3, 16, 16), 4, {'rawLam': 0.6, 'cy': 8, 'cx': 7, 'correctLam': True}),
    ('cutmix border, raw lam', 'cutmix', (4, 3, 16, 16), 4, {'rawLam': 0.3, 'cy': 1, 'cx': 12, 'correctLam': False}),
    ('cutmix corner', 'cutmix', (3, 2, 11, 13), 6, {'rawLam': 0.45, 'cy': 10, 'cx': 0, 'correctLam': True}),
    ('cutmix empty box', 'cutmix', (2, 1, 8, 8), 2, {'rawLam': 0.995, 'cy': 3, 'cx': 4, 'correctLam': True}),
    ('cutmix big clipped, raw lam', 'cutmix', (5, 4, 9, 7), 7, {'rawLam': 0.05, 'cy': 2, 'cx': 5, 'correctLam': False}),
    ('cutmix drawn N=3', 'cutmix', (3, 3, 10, 12), 3, {'correctLam': True}),
    ('resizemix bilinear', 'resizemix', (4, 3, 16, 16), 5, {'cy': 8, 'cx': 8, 'correctLam': True, 'mode': 'bilinear'}),
    ('resizemix bilinear border, raw lam', 'resizemix', (4, 3, 16, 16), 5, {'cy': 2, 'cx': 13, 'correctLam': False, 'mode': 'bilinear'}),
    ('resizemix bicubic', 'resizemix', (3, 3, 14, 18), 4, {'correctLam': True, 'mode': 'bicubic'}),
    ('resizemix bicubic border, raw lam', 'resizemix', (3, 2, 12, 12), 4, {'cy': 11, 'cx': 1, 'correctLam': False, 'mode': 'bicubic'}),
    ('resizemix nearest', 'resizemix', (4, 2, 13, 17), 6, {'correctLam': True, 'mode': 'nearest'}),
    ('resizemix nearest-exact', 'resizemix', (4, 2, 13, 17), 6, {'correctLam': True, 'mode': 'nearest-exact'}),
    ('resizemix area', 'resizemix', (3, 3, 16, 20), 3, {'correctLam': True, 'mode': 'area'}),
    ('resizemix area border, raw lam', 'resizemix', (3, 1, 15, 15), 3, {'cy': 0, 'cx': 7, 'correctLam': False, 'mode': 'area'}),
    ('resizemix bilinear N=1', 'resizemix', (1, 3, 12, 12), 2, {'correctLam': True, 'mode': 'bilinear'}),
]


def mix_case(rng, gen, name, op, shape, k, extra):
    n, c, h, w = shape
    x = (rng.standard_normal(shape) * 2).astype(np.float32)
    labels = [int(v) for v in rng.randint(0, k, size=n)]
    raw = extra.get('rawLam')
    if raw is None:
        raw = rng.beta(1.0, 1.0)
        if op == 'resizemix':
            raw = raw * (0.8 - 0.1) + 0.1  # BatchResizeMix: lam * (lam_max - lam_min) + lam_min
    raw = float(np.float32(raw))  # float32-representable, see the module docstring
    index = torch.randperm(n, generator=gen)
    cy = extra.get('cy', int(rng.randint(0, h)))
    cx = extra.get('cx', int(rng.randint(0, w)))
    img, y1h = torch.from_numpy(x.copy()), one_hot(labels, k)
    params = {'op': op, 'index': index.tolist()}
    reference = {'rawLam': raw}
    if op == 'mixup':
        out, y = mixup(img, y1h, raw, index)
        lam = raw
    else:
        correct = extra['correctLam']
        reference.update({'cy': cy, 'cx': cx, 'correctLam': correct})
        if op == 'cutmix':
            out, y, box, lam = cutmix(img, y1h, raw, index, cy, cx, correct)
        else:
            out, y, box, lam = resizemix(img, y1h, raw, index, cy, cx, correct, extra['mode'])
            params['interpolation'] = extra['mode']
        params['boxes'] = list(box) * n
    params['lam'] = [lam] * n
    return {'name': name, 'shape': list(shape), 'layout': 'NCHW', 'numClasses': k, 'labels': labels,
            'params': params, 'reference': reference, 'input': b64(x),
            'expected': {'images': b64(out.numpy()), 'labels': b64(y.to(torch.float32).numpy())}}


def main():
    torch.set_num_threads(1)
    os.makedirs(OUT, exist_ok=True)
    rng = np.random.RandomState(SEED)
    header = {'generator': 'scripts/gen_fixtures.py', 'torch': torch.__version__, 'seed': SEED}
    cases, sweep, indices, weights = interpolate_fixtures(rng)
    write('interpolate.json', header, cases)
    write('interpolate-sweep.json', header, sweep)
    write('nearest-indices.json', header, indices)
    write('taps-weights.json', header, weights)
    gen = torch.Generator().manual_seed(SEED)
    mixes = [mix_case(rng, gen, *m) for m in MIXES]
    write('mixes.json', header, mixes)
    for f in ('interpolate.json', 'interpolate-sweep.json', 'nearest-indices.json', 'taps-weights.json', 'mixes.json'):
        print(f'{f}: {os.path.getsize(os.path.join(OUT, f))} bytes')


if __name__ == '__main__':
    main()
