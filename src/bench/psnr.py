#!/usr/bin/python3
"""PSNR of each tool's resized outputs against a high-quality reference made from the full-resolution decode.

Usage: psnr.py --corpus DIR --refs DIR [--jobs N] [--csv FILE] TOOL=OUT_DIR...

For every output OUT_DIR/NAME.jpg the source is CORPUS/NAME.jpg. The reference is
    vips resize SOURCE REF HSCALE --vscale VSCALE --kernel lanczos3 --gap 0
with HSCALE = output width / source width and VSCALE = output height / source height: libvips' lanczos3 kernel,
stretched over the whole reduction (--gap 0 turns off the box pre-shrink), applied to the full-resolution decode
(no JPEG shrink-on-load), to exactly the output's own size (tools may differ by a pixel in rounding). No colour
management: the corpus has only sRGB profiles or none. References are kept as PPM/PGM in --refs and reused.

PSNR per image = 10 log10(255^2 / MSE), MSE over all pixels of the R, G and B channels (8 bit; a grey image is
compared as R = G = B). The table gives per tool the mean and the minimum of the per-image values, and the mean
PSNR of the luma channel alone (Y = 0.299 R + 0.587 G + 0.114 B, BT.601) for reference.
"""
import argparse
import math
import os
import subprocess
import sys
from multiprocessing import Pool

import numpy as np
from PIL import Image

SOURCE_EXTENSIONS = (".jpg", ".jpeg", ".JPG", ".JPEG")
LUMA = np.array([0.299, 0.587, 0.114])


def find_source(corpus, stem):
    for ext in SOURCE_EXTENSIONS:
        path = os.path.join(corpus, stem + ext)
        if os.path.exists(path):
            return path
    sys.exit("psnr.py: no source for output %s in %s" % (stem, corpus))


def make_reference(job):
    """job = (source, width, height, ref_path); writes the reference unless it is already there."""
    src, w, h, ref = job
    if os.path.exists(ref):
        return ref
    with Image.open(src) as im:
        sw, sh = im.size
    tmp = ref + ".part.ppm"
    subprocess.run(["vips", "resize", src, tmp, repr(w / sw), "--vscale", repr(h / sh), "--kernel", "lanczos3",
                    "--gap", "0"], check=True, env=dict(os.environ, VIPS_WARNING="1"))
    with Image.open(tmp) as r:
        if r.size != (w, h):
            sys.exit("psnr.py: vips made %dx%d instead of %dx%d for %s" % (r.width, r.height, w, h, src))
    os.replace(tmp, ref)
    return ref


def rgb(path):
    with Image.open(path) as im:
        return np.asarray(im.convert("RGB"), dtype=np.float64)


def psnr(mse):
    return math.inf if mse == 0 else 10 * math.log10(255.0 ** 2 / mse)


def compare(job):
    """job = (tool, output, reference) -> (tool, output, RGB PSNR, luma PSNR)."""
    tool, out, ref = job
    a, b = rgb(out), rgb(ref)
    d = a - b
    return tool, out, psnr(float(np.mean(d * d))), psnr(float(np.mean((d @ LUMA) ** 2)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--refs", required=True, help="folder for the reference images (made if missing, reused)")
    ap.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    ap.add_argument("--csv", help="also write one row per output: tool,file,psnr_rgb,psnr_luma")
    ap.add_argument("tools", nargs="+", metavar="TOOL=OUT_DIR")
    a = ap.parse_args()
    os.makedirs(a.refs, exist_ok=True)

    outputs = []  # (tool, output path, source, width, height)
    for spec in a.tools:
        tool, sep, folder = spec.partition("=")
        if not sep:
            sys.exit("psnr.py: expected TOOL=OUT_DIR, got %s" % spec)
        names = sorted(f for f in os.listdir(folder) if f.lower().endswith(".jpg") and not f.startswith("."))
        if not names:
            sys.exit("psnr.py: no outputs in %s" % folder)
        for f in names:
            out = os.path.join(folder, f)
            with Image.open(out) as im:
                w, h = im.size
            outputs.append((tool, out, find_source(a.corpus, os.path.splitext(f)[0]), w, h))

    refs = {}
    for _tool, _out, src, w, h in outputs:
        stem = os.path.splitext(os.path.basename(src))[0]
        refs[(src, w, h)] = os.path.join(a.refs, "%s_%dx%d.ppm" % (stem, w, h))
    with Pool(a.jobs) as pool:
        pool.map(make_reference, [(src, w, h, ref) for (src, w, h), ref in refs.items()], chunksize=1)
        results = pool.map(compare, [(t, out, refs[(src, w, h)]) for t, out, src, w, h in outputs], chunksize=4)

    if a.csv:
        with open(a.csv, "w") as f:
            f.write("tool,file,psnr_rgb,psnr_luma\n")
            for tool, out, p, y in results:
                f.write("%s,%s,%.3f,%.3f\n" % (tool, os.path.basename(out), p, y))

    print("%-26s %6s %14s %13s %15s  %s" % ("tool", "images", "mean PSNR dB", "min PSNR dB", "mean luma dB", "worst file"))
    for spec in a.tools:
        tool = spec.partition("=")[0]
        rows = [(p, y, out) for t, out, p, y in results if t == tool]
        worst = min(rows)
        print("%-26s %6d %14.2f %13.2f %15.2f  %s" % (tool, len(rows), sum(r[0] for r in rows) / len(rows), worst[0],
                                                    sum(r[1] for r in rows) / len(rows), os.path.basename(worst[2])))


if __name__ == "__main__":
    main()
