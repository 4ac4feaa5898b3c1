package io.pixpool.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The outputs a recipe asks for per source: the main one, then its variants. */
final class Outputs {

    private Outputs() {
    }

    /** The main output (the recipe's resize and name pattern) followed by the variants, in order. */
    static List<OutputVariant> of(Recipe r) {
        List<OutputVariant> all = new ArrayList<>();
        all.add(new OutputVariant(r.resize(), r.output().namePattern()));
        all.addAll(r.output().options().variants());
        return all;
    }

    /**
     * The recipe for one output: the main one's with the output's size. A variant's padding box is scaled (keeping
     * its shape) to fit the variant's own box, so {@code --also 320} with {@code --pad box} (or 1080x1080) is a
     * 320x320 letterbox, not a small picture on a canvas the size of the main output (nor a 1600 px variant shrunk
     * into a 200 px box).
     */
    static Recipe recipe(Recipe r, OutputVariant v, boolean main) {
        if (main) return r.withResize(v.resize());
        ResizeSpec s = followCrop(r.resize(), v.resize());
        Recipe rv = r.withResize(s);
        Padding pad = r.decoration().pad();
        if (pad == null) return rv;
        int boxW = switch (s.mode()) {
            case LONG_EDGE, FIT, FILL, EXACT, WIDTH -> s.width();
            default -> Integer.MAX_VALUE;
        };
        int boxH = switch (s.mode()) {
            case LONG_EDGE -> s.width();
            case FIT, FILL, EXACT, HEIGHT -> s.height();
            default -> Integer.MAX_VALUE;
        };
        return rv.withDecoration(r.decoration().withPad(pad.scaledToFit(boxW, boxH)));
    }

    /**
     * A variant of a main output that crops (FILL) or stretches (EXACT) to a box does the same with its own box, so
     * {@code --fill 1080x1080 --also 320} gives a 320x320 square too: a plain size {@code N} is the main box's shape
     * scaled so its long side is N, and {@code WxH} is that box. Other main modes leave the variant as typed (a long
     * edge, or fit inside WxH).
     */
    static ResizeSpec followCrop(ResizeSpec main, ResizeSpec variant) {
        ResizeMode m = main.mode();
        if (m != ResizeMode.FILL && m != ResizeMode.EXACT) return variant;
        int w;
        int h;
        if (variant.mode() == ResizeMode.LONG_EDGE) {
            int n = variant.width();
            boolean wide = main.width() >= main.height();
            w = wide ? n : (int) Math.max(1, Math.round((double) n * main.width() / main.height()));
            h = wide ? (int) Math.max(1, Math.round((double) n * main.height() / main.width())) : n;
        } else if (variant.mode() == ResizeMode.FIT) {
            w = variant.width();
            h = variant.height();
        } else {
            return variant;
        }
        ResizeSpec box = m == ResizeMode.FILL ? ResizeSpec.fill(w, h) : ResizeSpec.exact(w, h);
        return box.withUpscale(variant.upscale());
    }

    /** Two outputs of one source may not get the same file name (the second would replace or rename the first). */
    static void checkDistinct(List<String> names) throws ImageException {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new ImageException("two outputs of this file would both be named " + n
                        + ": give each output its own name pattern");
            }
        }
    }
}
