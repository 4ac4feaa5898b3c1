package io.pixpool.core;

import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Font families a text watermark can use: Java's logical fonts first, then the installed families. */
public final class Fonts {

    /** Always present, on every platform (mapped to real fonts by the JDK). */
    public static final List<String> LOGICAL = List.of("SansSerif", "Serif", "Monospaced", "Dialog", "DialogInput");

    private static volatile List<String> families;

    private Fonts() {
    }

    /** The logical families, then every installed family (works headless too). */
    public static List<String> families() {
        List<String> f = families;
        if (f == null) {
            List<String> all = new ArrayList<>(LOGICAL);
            for (String name : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
                if (!containsIgnoreCase(all, name)) all.add(name);
            }
            f = List.copyOf(all);
            families = f;
        }
        return f;
    }

    /** Whether {@code family} is a logical or installed family (any case). */
    public static boolean isAvailable(String family) {
        return family != null && containsIgnoreCase(families(), family.trim());
    }

    private static boolean containsIgnoreCase(List<String> names, String name) {
        for (String n : names) {
            if (n.equalsIgnoreCase(name)) return true;
        }
        return false;
    }
}
