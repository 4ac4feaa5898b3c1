package io.pixpool.core;

/**
 * The output size a {@link ResizeSpec} gives for an (upright) source size.
 * {@code scaledWidth x scaledHeight} is the size the source is scaled to; it differs from {@code width x height}
 * only for {@link ResizeMode#FILL}, whose scaled image is then centre-cropped.
 * <p>
 * Without {@code upscale}, no side is ever enlarged: FIT, WIDTH, HEIGHT, PERCENT and LONG_EDGE keep the source size
 * when they would enlarge it; EXACT and FILL shrink the requested box uniformly (keeping its shape) until it fits
 * inside the source, so the output still has the requested aspect ratio.
 */
record TargetSize(int width, int height, int scaledWidth, int scaledHeight) {

    TargetSize {
        if (width < 1 || height < 1 || scaledWidth < width || scaledHeight < height) {
            throw new IllegalArgumentException("bad target " + width + "x" + height + " / " + scaledWidth + "x" + scaledHeight);
        }
    }

    static TargetSize of(ResizeSpec spec, int srcW, int srcH) {
        boolean up = spec.upscale();
        switch (spec.mode()) {
            case FIT: {
                TargetSize t = spec.width() * (long) srcH <= spec.height() * (long) srcW
                        ? scaled(spec.width(), ratio(srcH, spec.width(), srcW))
                        : scaled(ratio(srcW, spec.height(), srcH), spec.height());
                return !up && (t.width > srcW || t.height > srcH) ? scaled(srcW, srcH) : t;
            }
            case EXACT: {
                int[] box = box(spec.width(), spec.height(), srcW, srcH, up);
                return scaled(box[0], box[1]);
            }
            case FILL: {
                int[] box = box(spec.width(), spec.height(), srcW, srcH, up);
                int bw = box[0];
                int bh = box[1];
                if (bw * (long) srcH >= bh * (long) srcW) {
                    return new TargetSize(bw, bh, bw, Math.max(bh, ratio(srcH, bw, srcW)));
                }
                return new TargetSize(bw, bh, Math.max(bw, ratio(srcW, bh, srcH)), bh);
            }
            case WIDTH:
                return !up && spec.width() > srcW ? scaled(srcW, srcH) : scaled(spec.width(), ratio(srcH, spec.width(), srcW));
            case HEIGHT:
                return !up && spec.height() > srcH ? scaled(srcW, srcH) : scaled(ratio(srcW, spec.height(), srcH), spec.height());
            case PERCENT: {
                if (!up && spec.percent() > 100) return scaled(srcW, srcH);
                return scaled(atLeastOne(srcW * spec.percent() / 100), atLeastOne(srcH * spec.percent() / 100));
            }
            case LONG_EDGE: {
                int n = spec.width();
                if (!up && n > Math.max(srcW, srcH)) return scaled(srcW, srcH);
                return srcW >= srcH ? scaled(n, ratio(srcH, n, srcW)) : scaled(ratio(srcW, n, srcH), n);
            }
            case NONE:
            default:
                return scaled(srcW, srcH);
        }
    }

    /** The requested box, shrunk uniformly to fit inside the source unless upscaling is allowed. */
    private static int[] box(int w, int h, int srcW, int srcH, boolean up) {
        if (up || (w <= srcW && h <= srcH)) return new int[] {w, h};
        double f = Math.min((double) srcW / w, (double) srcH / h);
        return new int[] {Math.min(srcW, atLeastOne(w * f)), Math.min(srcH, atLeastOne(h * f))};
    }

    private static TargetSize scaled(int w, int h) {
        return new TargetSize(w, h, w, h);
    }

    /** {@code side * num / den}, rounded, at least 1. */
    private static int ratio(int side, int num, int den) {
        return atLeastOne((double) side * num / den);
    }

    private static int atLeastOne(double v) {
        // absurd upscales saturate here and are then refused by the pipeline's pixel limit
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, Math.round(v)));
    }

    long pixels() {
        return (long) width * height;
    }

    /** The size after the recipe's filters (a quarter turn swaps the sides). */
    TargetSize turned(boolean quarterTurn) {
        return quarterTurn ? new TargetSize(height, width, scaledHeight, scaledWidth) : this;
    }
}
