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
        Recipe rv = r.withResize(v.resize());
        Padding pad = r.decoration().pad();
        if (main || pad == null) return rv;
        ResizeSpec s = v.resize();
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
