package io.pixpool.core;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A further output of every source, written in the same pass as the main one from the same decoded pixels: its own
 * size and its own name pattern (e.g. {@code longEdge(800)} named {@code {name}-800}). Format, quality, filters and
 * conflict policy are the recipe's.
 */
public record OutputVariant(ResizeSpec resize, String namePattern) {

    public OutputVariant {
        Objects.requireNonNull(resize, "resize");
        NamePattern.validate(namePattern);
    }

    private static final Pattern SPEC = Pattern.compile("\\s*(\\d{1,9})(?:\\s*[xX\u00d7]\\s*(\\d{1,9}))?\\s*(?::(.*))?");

    /**
     * Parses {@code SIZE[:PATTERN]} as typed by users: SIZE is {@code N} (long edge) or {@code WxH} (fit inside),
     * PATTERN the name (default {@code {name}-SIZE}), e.g. {@code 800}, {@code 200x200:{name}-thumb}.
     *
     * @throws IllegalArgumentException with a user-facing message
     */
    public static OutputVariant parse(String spec, boolean upscale) {
        Matcher m = SPEC.matcher(spec);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected N, WxH, N:PATTERN or WxH:PATTERN such as 800 or "
                    + "200x200:{name}-thumb, got '" + spec + "'");
        }
        int a = Integer.parseInt(m.group(1));
        ResizeSpec resize = m.group(2) == null ? ResizeSpec.longEdge(a) : ResizeSpec.fit(a, Integer.parseInt(m.group(2)));
        String size = m.group(2) == null ? Integer.toString(a) : a + "x" + m.group(2);
        String pattern = m.group(3) == null ? "{name}-" + size.toLowerCase(Locale.ROOT) : m.group(3).trim();
        return new OutputVariant(resize.withUpscale(upscale), pattern);
    }
}
