package io.pixpool.core;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A named recipe for a common job. The presets shipped with the app are {@link #SHIPPED}, defined here once for the
 * command line ({@code --preset web}) and the window (listed before the user's own, never deleted).
 *
 * @param id          the command-line name: lower case, no spaces
 * @param label       what the window shows
 * @param description one line for {@code --list-presets} and tool tips
 */
public record Preset(String id, String label, String description, Recipe recipe) {

    private static final int WEB_QUALITY = 85;
    private static final int EMAIL_QUALITY = 80;

    /** Web 1600 px, e-mail 1024 px, thumbnails 200 px (long edge, JPEG), Instagram square 1080 (fill, always 1080x1080, JPEG 85). */
    public static final List<Preset> SHIPPED = List.of(
            new Preset("web", "Web 1600 px", "long edge 1600 px, JPEG quality 85",
                    jpeg(ResizeSpec.longEdge(1600), WEB_QUALITY)),
            new Preset("email", "E-mail 1024 px", "long edge 1024 px, JPEG quality 80",
                    jpeg(ResizeSpec.longEdge(1024), EMAIL_QUALITY)),
            new Preset("thumbnails", "Thumbnails 200 px", "long edge 200 px, JPEG quality 80",
                    jpeg(ResizeSpec.longEdge(200), EMAIL_QUALITY)),
            new Preset("instagram", "Instagram square 1080",
                    "1080x1080, filled and centre-cropped (small photos enlarged), JPEG quality 85",
                    jpeg(ResizeSpec.fill(1080, 1080).withUpscale(true), WEB_QUALITY)));

    public Preset {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9-]+")) throw new IllegalArgumentException("preset id must be lower-case a-z 0-9 -: " + id);
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(recipe, "recipe");
    }

    /** The shipped preset with this id or label (any case). */
    public static Optional<Preset> shipped(String name) {
        String n = name.trim();
        return SHIPPED.stream()
                .filter(p -> p.id().equals(n.toLowerCase(Locale.ROOT)) || p.label().equalsIgnoreCase(n))
                .findFirst();
    }

    private static Recipe jpeg(ResizeSpec resize, int quality) {
        return Recipe.defaults().withResize(resize)
                .withOutput(OutputSpec.defaults().withFormat(OutputFormat.JPG).withQuality(quality));
    }
}
