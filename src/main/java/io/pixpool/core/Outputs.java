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
