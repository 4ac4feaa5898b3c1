package io.pixpool.cli;

import io.pixpool.core.Anchor;
import io.pixpool.core.Border;
import io.pixpool.core.Decoration;
import io.pixpool.core.Fonts;
import io.pixpool.core.ImageException;
import io.pixpool.core.ImageMark;
import io.pixpool.core.MarkImages;
import io.pixpool.core.Padding;
import io.pixpool.core.Preset;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeMode;
import io.pixpool.core.ResizeSpec;
import io.pixpool.core.TextMark;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * The {@code batch} options for presets, watermarks, padding and border (a picocli mixin of {@link BatchOptions}),
 * and their mapping onto a recipe. An explicit option overrides the preset's value.
 */
final class LookOptions {

    @Option(names = "--preset", paramLabel = "NAME",
            description = "Start from a shipped preset (see --list-presets); other options override its values.")
    String preset;

    @Option(names = "--list-presets", help = true, description = "List the shipped presets and exit.")
    boolean listPresets;

    @Option(names = "--watermark-text", paramLabel = "TEXT", description = "Draw this text on every output.")
    String text;

    @Option(names = "--watermark-font", paramLabel = "FAMILY",
            description = "Font family: SansSerif (default), Serif, Monospaced or an installed family.")
    String font;

    @Option(names = "--watermark-size", paramLabel = "PCT",
            description = "Text height in percent of the output's shorter side (default 4).")
    String size;

    @Option(names = "--watermark-color", paramLabel = "RRGGBB", description = "Text colour (default FFFFFF).")
    String color;

    @Option(names = "--watermark-opacity", paramLabel = "PCT", description = "Text opacity 0..100 (default 50).")
    String opacity;

    @Option(names = "--watermark-position", paramLabel = "POS",
            description = "Text position: top-left, top, top-right, left, center, right, bottom-left, bottom, "
                    + "bottom-right (default).")
    String position;

    @Option(names = "--watermark-margin", paramLabel = "PCT",
            description = "Text distance from the edges in percent of the shorter side (default 2).")
    String margin;

    @Option(names = "--watermark-image", paramLabel = "FILE",
            description = "Draw this image (e.g. a PNG logo with transparency) on every output.")
    Path image;

    @Option(names = "--watermark-scale", paramLabel = "PCT",
            description = "Watermark image width in percent of the output width (default 20).")
    String scale;

    @Option(names = "--watermark-image-opacity", paramLabel = "PCT",
            description = "Watermark image opacity 0..100 (default 70).")
    String imageOpacity;

    @Option(names = "--watermark-image-position", paramLabel = "POS",
            description = "Watermark image position, as --watermark-position (default bottom-right).")
    String imagePosition;

    @Option(names = "--watermark-image-margin", paramLabel = "PCT",
            description = "Watermark image distance from the edges in percent of the shorter side (default 2).")
    String imageMargin;

    @Option(names = "--pad", paramLabel = "WxH|box",
            description = "Centre the output on a canvas of exactly WxH (letterbox), shrinking it to fit if needed; "
                    + "'box' takes WxH from --fit/--fill/--exact (NxN for --long-edge).")
    String pad;

    @Option(names = "--pad-color", paramLabel = "RRGGBB", description = "Colour of the padding (default FFFFFF).")
    String padColor;

    @Option(names = "--border", paramLabel = "N", description = "A plain border N pixels wide around the output.")
    String border;

    @Option(names = "--border-color", paramLabel = "RRGGBB", description = "Colour of the border (default 000000).")
    String borderColor;

    /** The preset's recipe, or the defaults. */
    Recipe base() throws UsageException {
        if (preset == null) return Recipe.defaults();
        return Preset.shipped(preset).map(Preset::recipe).orElseThrow(() -> new UsageException("--preset: no preset '"
                + preset + "' (known: " + Preset.SHIPPED.stream().map(Preset::id).collect(Collectors.joining(", "))
                + ")"));
    }

    /** {@code r} with the decoration these options give on top of {@code r}'s own. */
    Recipe decorate(Recipe r) throws UsageException {
        Decoration d = r.decoration();
        d = d.withText(text(d.text()));
        d = d.withImage(image(d.image()));
        d = d.withPad(pad(d.pad(), r.resize()));
        d = d.withBorder(border(d.border()));
        return r.withDecoration(d);
    }

    static void printPresets(PrintStream out) {
        for (Preset p : Preset.SHIPPED) {
            out.printf(Locale.ROOT, "%-12s %s: %s%n", p.id(), p.label(), p.description());
        }
    }

    private TextMark text(TextMark current) throws UsageException {
        TextMark t = current;
        if (text != null) {
            t = OptionsMapper.option("--watermark-text", () -> current == null ? TextMark.of(text)
                    : new TextMark(text, current.font(), current.sizePercent(), current.color(), current.opacity(),
                    current.anchor(), current.marginPercent()));
        }
        if (t == null) {
            needs("--watermark-text", "--watermark-font", font, "--watermark-size", size, "--watermark-color", color,
                    "--watermark-opacity", opacity, "--watermark-position", position, "--watermark-margin", margin);
            return null;
        }
        TextMark m = t;
        if (font != null) {
            if (!Fonts.isAvailable(font)) {
                throw new UsageException("--watermark-font: no font family '" + font + "' here; use SansSerif, Serif, "
                        + "Monospaced or an installed family");
            }
            m = m.withFont(font.trim());
        }
        TextMark a = m;
        if (size != null) m = OptionsMapper.option("--watermark-size", () -> a.withSize(OptionsMapper.percent(size)));
        TextMark b = m;
        if (color != null) m = OptionsMapper.option("--watermark-color", () -> b.withColor(OptionsMapper.color(color)));
        TextMark c = m;
        if (opacity != null) m = OptionsMapper.option("--watermark-opacity", () -> c.withOpacity(opacity(opacity)));
        TextMark e = m;
        if (position != null) m = OptionsMapper.option("--watermark-position", () -> e.withAnchor(Anchor.fromId(position)));
        TextMark f = m;
        if (margin != null) m = OptionsMapper.option("--watermark-margin", () -> f.withMargin(OptionsMapper.percent(margin)));
        return m;
    }

    private ImageMark image(ImageMark current) throws UsageException {
        ImageMark i = current;
        if (image != null) {
            if (image.toString().isBlank()) throw new UsageException("--watermark-image: the file name is empty");
            String file = image.toAbsolutePath().normalize().toString();
            i = current == null ? ImageMark.of(file)
                    : new ImageMark(file, current.scalePercent(), current.opacity(), current.anchor(), current.marginPercent());
        }
        if (i == null) {
            needs("--watermark-image", "--watermark-scale", scale, "--watermark-image-opacity", imageOpacity,
                    "--watermark-image-position", imagePosition, "--watermark-image-margin", imageMargin);
            return null;
        }
        try {
            MarkImages.check(i.file());
        } catch (ImageException e) {
            throw new UsageException(e.getMessage());
        }
        ImageMark m = i;
        ImageMark a = m;
        if (scale != null) m = OptionsMapper.option("--watermark-scale", () -> a.withScale(OptionsMapper.percent(scale)));
        ImageMark b = m;
        if (imageOpacity != null) {
            m = OptionsMapper.option("--watermark-image-opacity", () -> b.withOpacity(opacity(imageOpacity)));
        }
        ImageMark c = m;
        if (imagePosition != null) {
            m = OptionsMapper.option("--watermark-image-position", () -> c.withAnchor(Anchor.fromId(imagePosition)));
        }
        ImageMark e = m;
        if (imageMargin != null) {
            m = OptionsMapper.option("--watermark-image-margin", () -> e.withMargin(OptionsMapper.percent(imageMargin)));
        }
        return m;
    }

    private Padding pad(Padding current, ResizeSpec resize) throws UsageException {
        if (pad == null) {
            if (current == null) {
                needs("--pad", "--pad-color", padColor);
                return null;
            }
            return padColor == null ? current : OptionsMapper.option("--pad-color",
                    () -> new Padding(current.width(), current.height(), OptionsMapper.color(padColor)));
        }
        int rgb = padColor == null ? (current == null ? 0xFFFFFF : current.color())
                : OptionsMapper.option("--pad-color", () -> OptionsMapper.color(padColor));
        if (!pad.trim().equalsIgnoreCase("box")) {
            return OptionsMapper.option("--pad", () -> {
                int[] wh = OptionsMapper.size(pad);
                return new Padding(wh[0], wh[1], rgb);
            });
        }
        ResizeMode mode = resize.mode();
        if (mode == ResizeMode.LONG_EDGE) return new Padding(resize.width(), resize.width(), rgb);
        if (mode.needsWidth() && mode.needsHeight()) return new Padding(resize.width(), resize.height(), rgb);
        throw new UsageException("--pad: box needs --fit, --fill, --exact or --long-edge; or give the size, e.g. --pad 1080x1080");
    }

    private Border border(Border current) throws UsageException {
        if (border == null) {
            if (current == null) {
                needs("--border", "--border-color", borderColor);
                return null;
            }
            return borderColor == null ? current : OptionsMapper.option("--border-color",
                    () -> new Border(current.width(), OptionsMapper.color(borderColor)));
        }
        int rgb = borderColor == null ? (current == null ? 0x000000 : current.color())
                : OptionsMapper.option("--border-color", () -> OptionsMapper.color(borderColor));
        return OptionsMapper.option("--border", () -> new Border(OptionsMapper.pixels(border), rgb));
    }

    /** Opacity in percent, {@code 50} or {@code 50%}, as 0..1. */
    static double opacity(String s) {
        double p = OptionsMapper.percent(s);
        if (!(p >= 0 && p <= 100)) throw new IllegalArgumentException("opacity must be 0..100 percent, was " + s);
        return p / 100;
    }

    /** Refuses the first given option of {@code pairs} (name, value, ...) that needs {@code main}. */
    private static void needs(String main, String... pairs) throws UsageException {
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) throw new UsageException(pairs[i] + " needs " + main);
        }
    }
}
