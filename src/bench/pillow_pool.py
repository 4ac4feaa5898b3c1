#!/usr/bin/python3
"""Reference batch resizer for the benchmark: multiprocessing.Pool + Pillow.

Every image under INPUT is opened, converted to RGB, fitted inside SIZE x SIZE (aspect kept, never enlarged) with
Image.resize(..., LANCZOS) and saved as JPEG. Without --draft the whole image is decoded (what a plain Pillow script
does); with --draft Pillow's JPEG draft mode decodes at the smallest 1/2, 1/4, 1/8 scale still >= the target first.

Usage: pillow_pool.py [--workers N] [--size PX] [--quality Q] [--draft] INPUT_DIR OUT_DIR
"""
import argparse
import os
import sys
from multiprocessing import Pool

from PIL import Image

try:
    LANCZOS = Image.Resampling.LANCZOS
except AttributeError:  # Pillow < 9.1
    LANCZOS = Image.LANCZOS

EXTENSIONS = (".jpg", ".jpeg", ".jpe", ".jfif", ".png", ".gif", ".bmp", ".tif", ".tiff", ".webp")
OPTS = {}


def init(opts):
    OPTS.update(opts)


def fit(w, h, size):
    scale = min(size / w, size / h, 1.0)
    return max(1, round(w * scale)), max(1, round(h * scale))


def resize_one(job):
    src, dst = job
    size = OPTS["size"]
    with Image.open(src) as im:
        if OPTS["draft"]:
            im.draft("RGB", (size, size))
        im = im.convert("RGB")
        out = im.resize(fit(im.width, im.height, size), LANCZOS)
    out.save(dst, "JPEG", quality=OPTS["quality"])
    return 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--size", type=int, default=500)
    ap.add_argument("--quality", type=int, default=85)
    ap.add_argument("--draft", action="store_true")
    ap.add_argument("input")
    ap.add_argument("out")
    a = ap.parse_args()
    jobs = []
    for root, _dirs, files in os.walk(a.input):
        for f in sorted(files):
            if f.lower().endswith(EXTENSIONS):
                base = os.path.splitext(f)[0]
                jobs.append((os.path.join(root, f), os.path.join(a.out, base + ".jpg")))
    os.makedirs(a.out, exist_ok=True)
    with Pool(a.workers, initializer=init, initargs=({"size": a.size, "quality": a.quality, "draft": a.draft},)) as pool:
        done = sum(pool.map(resize_one, jobs, chunksize=1))
    if done != len(jobs):
        sys.exit("only %d of %d done" % (done, len(jobs)))


if __name__ == "__main__":
    main()
