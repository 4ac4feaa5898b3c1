package io.pixpool.core;

import java.util.Objects;

/**
 * How outputs are encoded and named.
 *
 * @param format      output format
 * @param jpegQuality 1..100, JPEG only
 * @param background  RGB (0xRRGGBB) that transparent pixels are flattened onto for formats without alpha
 * @param namePattern file name pattern without extension; tokens {@code {name}} (source base name),
 *                    {@code {ext}} (source extension), {@code {w}}, {@code {h}} (output size), {@code {n}} (counter,
 *                    1-based; {@code {n:3}} zero-pads to 3 digits). Default {@code {name}}.
 * @param onConflict  what to do when the output exists
 * @param options     further outputs, size targets, WebP mode ({@link OutputOptions})
 */
public record OutputSpec(OutputFormat format, int jpegQuality, int background, String namePattern,
                         ConflictPolicy onConflict, OutputOptions options) {

    public static final String DEFAULT_PATTERN = "{name}";
    public static final int DEFAULT_QUALITY = 85;

    public OutputSpec {
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(onConflict, "onConflict");
        if (jpegQuality < 1 || jpegQuality > 100) {
            throw new IllegalArgumentException("JPEG quality must be 1..100, was " + jpegQuality);
        }
        background &= 0xFFFFFF;
        NamePattern.validate(namePattern);
        Objects.requireNonNull(options, "options").checkAgainst(namePattern);
    }

    public OutputSpec(OutputFormat format, int jpegQuality, int background, String namePattern,
                      ConflictPolicy onConflict) {
        this(format, jpegQuality, background, namePattern, onConflict, OutputOptions.defaults());
    }

    public static OutputSpec defaults() {
        return new OutputSpec(OutputFormat.SAME, DEFAULT_QUALITY, 0xFFFFFF, DEFAULT_PATTERN, ConflictPolicy.RENAME);
    }

    public OutputSpec withFormat(OutputFormat f) { return new OutputSpec(f, jpegQuality, background, namePattern, onConflict, options); }
    public OutputSpec withQuality(int q) { return new OutputSpec(format, q, background, namePattern, onConflict, options); }
    public OutputSpec withBackground(int rgb) { return new OutputSpec(format, jpegQuality, rgb, namePattern, onConflict, options); }
    public OutputSpec withNamePattern(String p) { return new OutputSpec(format, jpegQuality, background, p, onConflict, options); }
    public OutputSpec withOnConflict(ConflictPolicy c) { return new OutputSpec(format, jpegQuality, background, namePattern, c, options); }
    public OutputSpec withOptions(OutputOptions o) { return new OutputSpec(format, jpegQuality, background, namePattern, onConflict, o); }
}
