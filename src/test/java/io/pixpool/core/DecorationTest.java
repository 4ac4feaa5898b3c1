package io.pixpool.core;

import static io.pixpool.core.TestImages.assertColor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watermarks, padding and border through the real pipeline, checked pixel by pixel on the written files. */
class DecorationTest {

    private static final int GREY = 0x808080;
    private static final int BLACK = 0x000000;

    @TempDir
    Path tmp;

    private Path source(String name, int w, int h, int rgb) {
        return TestImages.write(TestImages.filled(w, h, rgb), "png", tmp.resolve(name));
    }

    private BufferedImage render(Path src, Recipe r) throws ImageException {
        return Jobs.runAndRead(src, tmp.resolve("out"), r);
    }

    private static Recipe decorated(Decoration d) {
        return Recipe.defaults().withOutput(OutputSpec.defaults().withFormat(OutputFormat.PNG)).withDecoration(d);
    }

    /** The box around every pixel that differs from {@code background} by more than {@code tol} in any channel. */
    private static Rectangle changed(BufferedImage img, int background, int tol) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                if (differs(img.getRGB(x, y), background, tol)) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        return maxX < 0 ? new Rectangle() : new Rectangle(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    private static boolean differs(int p, int rgb, int tol) {
        for (int s = 0; s <= 16; s += 8) {
            if (Math.abs((p >> s & 0xFF) - (rgb >> s & 0xFF)) > tol) return true;
        }
        return false;
    }

    /** The pixel value that is furthest from the background (the fully covered inside of the glyphs). */
    private static int brightest(BufferedImage img, Rectangle box) {
        int best = 0;
        for (int y = box.y; y < box.y + box.height; y++) {
            for (int x = box.x; x < box.x + box.width; x++) best = Math.max(best, img.getRGB(x, y) >> 16 & 0xFF);
        }
        return best;
    }

    @Test
    void textSitsInTheChosenCornerAtTheMarginWithItsColourAndOpacity() throws Exception {
        Path src = source("black.png", 800, 400, BLACK);
        TextMark mark = new TextMark("PIXPOOL", TextMark.DEFAULT_FONT, 10, 0xFF0000, 1.0, Anchor.BOTTOM_RIGHT, 5);
        BufferedImage out = render(src, decorated(Decoration.none().withText(mark)));

        assertThat(out.getWidth()).isEqualTo(800);
        Rectangle ink = changed(out, BLACK, 8);
        int margin = 20; // 5% of the shorter side, 400
        assertThat(ink.x + ink.width).as("right edge of the ink").isBetween(800 - margin - 2, 800 - margin + 1);
        assertThat(ink.y + ink.height).as("bottom of the ink").isBetween(400 - margin - 2, 400 - margin + 1);
        // size relative to the output: capitals are about 0.7 of a 40 px font
        assertThat(ink.height).isBetween(22, 40);
        assertThat(ink.x).as("the text is in the right half").isGreaterThan(400);
        assertThat(ink.y).as("the text is in the bottom half").isGreaterThan(200);
        // opaque red inside the glyphs, no other colour
        assertThat(brightest(out, ink)).isGreaterThanOrEqualTo(250);
        int[] inside = out.getRGB(0, 0, 800, 400, null, 0, 800);
        for (int p : inside) assertThat(p & 0xFFFF).as("green and blue stay 0").isZero();

        BufferedImage half = render(src, decorated(Decoration.none().withText(mark.withOpacity(0.5))));
        assertThat(brightest(half, changed(half, BLACK, 8))).as("half-opaque red over black").isBetween(120, 136);
    }

    @Test
    void everyAnchorPutsTheTextInItsCell() throws Exception {
        Path src = source("grey.png", 300, 300, BLACK);
        for (Anchor a : Anchor.values()) {
            TextMark mark = new TextMark("X", "Monospaced", 10, 0xFFFFFF, 1.0, a, 2);
            Rectangle ink = changed(render(src, decorated(Decoration.none().withText(mark))), BLACK, 30);
            int cx = (ink.x + ink.width / 2) / 100;
            int cy = (ink.y + ink.height / 2) / 100;
            assertThat(new int[] {cx, cy}).as(a.id()).containsExactly(a.ordinal() % 3, a.ordinal() / 3);
        }
    }

    @Test
    void textSizeFollowsTheOutputSoSmallAndLargeOutputsLookAlike() throws Exception {
        Path src = source("big.png", 1000, 500, BLACK);
        TextMark mark = new TextMark("HHHH", "SansSerif", 8, 0xFFFFFF, 1.0, Anchor.TOP_LEFT, 2);
        Recipe r = decorated(Decoration.none().withText(mark));
        Rectangle full = changed(render(src, r), BLACK, 30);
        Rectangle small = changed(render(src, r.withResize(ResizeSpec.width(500))), BLACK, 30);
        assertThat((double) full.height / small.height).isBetween(1.8, 2.2);
        assertThat(small.x).isBetween(4, 6); // 2% of 250
    }

    @Test
    void transparentPngWatermarkIsScaledToTheOutputWidthAndBlendedWithItsAlpha() throws Exception {
        Path src = source("grey.png", 800, 600, GREY);
        // left half transparent, right half opaque blue
        Path logo = TestImages.write(TestImages.halfTransparent(100, 50, TestImages.BLUE), "png", tmp.resolve("logo.png"));
        ImageMark mark = new ImageMark(logo.toString(), 25, 1.0, Anchor.TOP_LEFT, 0);
        Recipe r = decorated(Decoration.none().withImage(mark)).withResize(ResizeSpec.width(400));

        BufferedImage out = render(src, r);

        assertThat(out.getWidth()).isEqualTo(400);
        // the mark is 25% of 400 = 100 x 50 at the top left; its transparent half shows the picture
        assertColor(out, 20, 25, GREY, 2);
        assertColor(out, 80, 25, TestImages.BLUE, 2);
        assertColor(out, 80, 60, GREY, 2);
        assertColor(out, 110, 25, GREY, 2);

        BufferedImage faint = render(src, r.withDecoration(Decoration.none().withImage(mark.withOpacity(0.5))));
        assertColor(faint, 80, 25, 0x4040C0, 3); // half blue over grey
        assertColor(faint, 20, 25, GREY, 2);
    }

    @Test
    void imageAndTextWatermarksTogether() throws Exception {
        Path src = source("black.png", 400, 400, BLACK);
        Path logo = TestImages.write(TestImages.filled(40, 40, TestImages.GREEN), "png", tmp.resolve("g.png"));
        Decoration d = Decoration.none()
                .withImage(new ImageMark(logo.toString(), 10, 1.0, Anchor.TOP_LEFT, 0))
                .withText(new TextMark("W", "SansSerif", 10, 0xFF0000, 1.0, Anchor.BOTTOM_RIGHT, 2));
        BufferedImage out = render(src, decorated(d));
        assertColor(out, 20, 20, TestImages.GREEN, 2);
        Rectangle red = changed(out.getSubimage(200, 200, 200, 200), BLACK, 30);
        assertThat(red.isEmpty()).isFalse();
        assertColor(out, 200, 100, BLACK, 0);
    }

    @Test
    void padCentresAFitResultOnACanvasOfTheBoxAndTheNameUsesTheFinalSize() throws Exception {
        Path src = source("wide.png", 400, 200, TestImages.RED);
        Recipe r = Recipe.defaults().withResize(ResizeSpec.fit(100, 100))
                .withOutput(OutputSpec.defaults().withFormat(OutputFormat.PNG).withNamePattern("{name}-{w}x{h}"))
                .withDecoration(Decoration.none().withPad(new Padding(100, 100, TestImages.WHITE)));

        EncodedImage e = Jobs.process(src, tmp.resolve("out"), r);
        assertThat(e.fileName()).isEqualTo("wide-100x100.png");
        assertThat(e.width()).isEqualTo(100);
        assertThat(e.height()).isEqualTo(100);
        BufferedImage out = render(src, r);
        assertThat(out.getWidth()).isEqualTo(100);
        assertThat(out.getHeight()).isEqualTo(100);
        assertColor(out, 50, 5, TestImages.WHITE, 0);
        assertColor(out, 50, 23, TestImages.WHITE, 0);
        assertColor(out, 50, 27, TestImages.RED, 2);
        assertColor(out, 2, 50, TestImages.RED, 2);
        assertColor(out, 50, 73, TestImages.RED, 2);
        assertColor(out, 50, 77, TestImages.WHITE, 0);
        assertColor(out, 50, 95, TestImages.WHITE, 0);
    }

    @Test
    void padShrinksAnImageLargerThanTheBox() throws Exception {
        Path src = source("tall.png", 200, 400, TestImages.BLUE);
        BufferedImage out = render(src, decorated(Decoration.none().withPad(new Padding(300, 100, 0x00FF00))));
        assertThat(out.getWidth()).isEqualTo(300);
        assertThat(out.getHeight()).isEqualTo(100);
        assertColor(out, 150, 50, TestImages.BLUE, 2); // 50 x 100 in the middle
        assertColor(out, 120, 50, 0x00FF00, 0);
        assertColor(out, 180, 50, 0x00FF00, 0);
    }

    @Test
    void borderFramesTheOutputWithItsWidthAndColour() throws Exception {
        Path src = source("red.png", 50, 40, TestImages.RED);
        Recipe r = decorated(Decoration.none().withBorder(new Border(5, TestImages.BLUE)))
                .withOutput(OutputSpec.defaults().withFormat(OutputFormat.PNG).withNamePattern("{w}x{h}"));
        EncodedImage e = Jobs.process(src, tmp.resolve("names"), r);
        assertThat(e.fileName()).isEqualTo("60x50.png");
        BufferedImage out = render(src, r);
        assertThat(out.getWidth()).isEqualTo(60);
        assertThat(out.getHeight()).isEqualTo(50);
        for (int[] p : new int[][] {{0, 0}, {4, 25}, {55, 25}, {59, 49}, {30, 4}, {30, 45}}) {
            assertColor(out, p[0], p[1], TestImages.BLUE, 0);
        }
        for (int[] p : new int[][] {{5, 5}, {54, 44}, {30, 25}}) assertColor(out, p[0], p[1], TestImages.RED, 0);
    }

    @Test
    void padThenBorderAndAQuarterTurnGiveTheReportedSize() throws Exception {
        Path src = source("s.png", 300, 100, GREY);
        Recipe r = decorated(Decoration.none().withPad(new Padding(120, 200, BLACK)).withBorder(new Border(3, 0xFFFFFF)))
                .withFilters(List.of(new FilterStep(FilterKind.ROTATE, 90)));
        EncodedImage e = Jobs.process(src, tmp.resolve("out"), r);
        assertThat(e.width()).isEqualTo(126);
        assertThat(e.height()).isEqualTo(206);
        BufferedImage out = render(src, r);
        assertThat(out.getWidth()).isEqualTo(126);
        assertColor(out, 1, 100, 0xFFFFFF, 0);
        assertColor(out, 63, 103, GREY, 2);
        assertColor(out, 10, 103, BLACK, 0); // rotated 100 x 300 shrunk to 67 x 200: pad at the sides
    }

    @Test
    void aMissingOrNonImageWatermarkIsAClearPerFileError() throws Exception {
        Path src = source("a.png", 100, 100, GREY);
        Path missing = tmp.resolve("nope.png");
        Recipe r = decorated(Decoration.none().withImage(ImageMark.of(missing.toString())));
        assertThatThrownBy(() -> Jobs.process(src, tmp.resolve("out"), r))
                .isInstanceOf(ImageException.class)
                .hasMessage("watermark image " + missing + ": file not found");
        Path text = Files.writeString(tmp.resolve("logo.png"), "not a picture");
        assertThatThrownBy(() -> MarkImages.check(text.toString()))
                .hasMessage("watermark image " + text + ": not a recognised image format");
        Path out = tmp.resolve("out");
        assertThat(Files.exists(out) ? TestImages.names(out) : List.of()).as("nothing left behind").isEmpty();
    }

    @Test
    void aChangedWatermarkFileIsReadAgain() throws Exception {
        Path src = source("a.png", 200, 200, BLACK);
        Path logo = TestImages.write(TestImages.filled(20, 20, TestImages.RED), "png", tmp.resolve("logo.png"));
        Recipe r = decorated(Decoration.none().withImage(new ImageMark(logo.toString(), 50, 1, Anchor.CENTER, 0)));
        assertColor(render(src, r), 100, 100, TestImages.RED, 2);
        TestImages.write(TestImages.filled(30, 30, TestImages.GREEN), "png", logo);
        Files.setLastModifiedTime(logo, FileTime.fromMillis(Files.getLastModifiedTime(logo).toMillis() + 5000));
        assertColor(render(src, r), 100, 100, TestImages.GREEN, 2);
    }

    @Test
    void anUnknownFontFallsBackButFontsAreListed() throws IOException {
        assertThat(Fonts.families()).startsWith("SansSerif", "Serif", "Monospaced");
        assertThat(Fonts.isAvailable("sansserif")).isTrue();
        assertThat(Fonts.isAvailable("No Such Font 123")).isFalse();
    }

    @Test
    void recordsRefuseNonsense() {
        assertThatThrownBy(() -> TextMark.of(" ")).hasMessageContaining("empty");
        assertThatThrownBy(() -> TextMark.of("x").withOpacity(1.5)).hasMessageContaining("opacity");
        assertThatThrownBy(() -> TextMark.of("x").withSize(80)).hasMessageContaining("text size");
        assertThatThrownBy(() -> new Padding(0, 10, 0)).hasMessageContaining("pad size");
        assertThatThrownBy(() -> new Border(0, 0)).hasMessageContaining("border width");
        assertThatThrownBy(() -> ImageMark.of("/x.png").withScale(0)).hasMessageContaining("scale");
        assertThat(Anchor.fromId("Bottom right")).isEqualTo(Anchor.BOTTOM_RIGHT);
        assertThat(Anchor.fromId("centre")).isEqualTo(Anchor.CENTER);
        assertThatThrownBy(() -> Anchor.fromId("upper")).hasMessageContaining("top-left");
    }

    @Test
    void shippedPresetsProduceTheirDocumentedSizes() throws Exception {
        Path landscape = source("land.png", 3000, 2000, GREY);
        Path portrait = source("port.png", 1500, 2400, GREY);
        int[][] expected = {{1600, 1067, 1000, 1600}, {1024, 683, 640, 1024}, {200, 133, 125, 200},
            {1080, 1080, 1080, 1080}};
        assertThat(Preset.SHIPPED).extracting(Preset::id).containsExactly("web", "email", "thumbnails", "instagram");
        for (int i = 0; i < expected.length; i++) {
            Preset p = Preset.SHIPPED.get(i);
            EncodedImage a = Jobs.process(landscape, tmp.resolve(p.id()), p.recipe());
            EncodedImage b = Jobs.process(portrait, tmp.resolve(p.id()), p.recipe());
            assertThat(new int[] {a.width(), a.height(), b.width(), b.height()}).as(p.id()).containsExactly(expected[i]);
            assertThat(a.fileName()).as(p.id()).isEqualTo("land.jpg");
            BufferedImage written = TestImages.read(a.tempFile());
            assertThat(written.getWidth()).isEqualTo(a.width());
        }
        assertThat(Preset.shipped("Instagram square 1080")).map(Preset::id).contains("instagram");
        assertThat(Preset.shipped("INSTAGRAM").orElseThrow().recipe().output().jpegQuality()).isEqualTo(85);
    }
}
