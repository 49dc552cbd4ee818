"""Make the bundled sample images in samples/ from scikit-image's bundled data.

Run with Debian's Python (python3-skimage, python3-pil):

    /usr/bin/python3 scripts/make-samples.py

Each image is centre-cropped to a square (the largest that fits), resized to 96x96 with
anti-aliasing (skimage.transform.resize, order 1, Gaussian pre-filter), converted to RGB (the grey
photographs get three equal channels) and saved as an 8-bit RGB PNG named after its class.
Only photographs whose skimage docstring states CC0 or public domain are used; the licence of each
one is written to samples/LICENSE.md (by hand, from those docstrings).
"""

import os

import numpy as np
from PIL import Image
from skimage import data, transform

SIZE = 96

# class name (the file name, and the label the demo prints) -> skimage.data loader
SAMPLES = [
    ('astronaut', data.astronaut),
    ('cat', data.chelsea),
    ('coffee', data.coffee),
    ('rocket', data.rocket),
    ('camera', data.camera),
    ('hubble', data.hubble_deep_field),
    ('retina', data.retina),
    ('clock', data.clock),
]


def centre_square(img: np.ndarray) -> np.ndarray:
    """The largest centred square of an H x W (x C) image."""
    h, w = img.shape[:2]
    s = min(h, w)
    y0 = (h - s) // 2
    x0 = (w - s) // 2
    return img[y0:y0 + s, x0:x0 + s]


def to_rgb_u8(img: np.ndarray) -> np.ndarray:
    """H x W x 3 uint8 from a float image in [0, 1], grey or RGB(A)."""
    if img.ndim == 2:
        img = np.stack([img] * 3, axis=-1)
    img = img[..., :3]
    return np.clip(np.floor(img * 255.0 + 0.5), 0, 255).astype(np.uint8)


def main() -> None:
    out_dir = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'samples')
    os.makedirs(out_dir, exist_ok=True)
    total = 0
    for name, load in SAMPLES:
        src = load()
        square = centre_square(src)
        small = transform.resize(square, (SIZE, SIZE), order=1, anti_aliasing=True,
                                 preserve_range=False)
        rgb = to_rgb_u8(small)
        path = os.path.join(out_dir, f'{name}.png')
        Image.fromarray(rgb, mode='RGB').save(path, optimize=True)
        size = os.path.getsize(path)
        total += size
        print(f'{name:10s} {str(src.shape):16s} -> {rgb.shape} {size:6d} bytes')
    print(f'total {total} bytes in {len(SAMPLES)} files')


if __name__ == '__main__':
    main()
