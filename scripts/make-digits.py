"""Make examples/train/data/digits.bin from scikit-learn's bundled copy of the UCI digits.

Run once with Debian's Python (apt-get install python3-sklearn):

    /usr/bin/python3 scripts/make-digits.py

Input: sklearn/datasets/data/digits.csv.gz (1,797 rows of 64 pixel values in 0..16, then the class
0..9), read as a plain file so the output does not depend on scikit-learn's loader code.
Output layout (no header, all uint8): the 1,797 labels, then the 1,797 images of 8x8 pixels,
row-major, each pixel 0..16. 1,797 x 65 = 116,805 bytes; the order is the CSV's.
"""

import gzip
import os

import sklearn

N, PIXELS = 1797, 64

src = os.path.join(os.path.dirname(sklearn.__file__), 'datasets', 'data', 'digits.csv.gz')
dst = os.path.join(os.path.dirname(__file__), '..', 'examples', 'train', 'data', 'digits.bin')

with gzip.open(src, 'rt') as f:
    rows = [[int(v) for v in line.split(',')] for line in f if line.strip()]

assert len(rows) == N, f'expected {N} rows, got {len(rows)}'
for r in rows:
    assert len(r) == PIXELS + 1, f'expected {PIXELS + 1} values per row, got {len(r)}'
    assert all(0 <= v <= 16 for v in r[:PIXELS]), 'pixel outside 0..16'
    assert 0 <= r[PIXELS] <= 9, 'label outside 0..9'

labels = bytes(r[PIXELS] for r in rows)
pixels = bytes(v for r in rows for v in r[:PIXELS])
with open(dst, 'wb') as f:
    f.write(labels + pixels)
print(f'wrote {os.path.normpath(dst)}: {len(labels) + len(pixels)} bytes (scikit-learn {sklearn.__version__})')
