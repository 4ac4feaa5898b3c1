package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Found by QA: with {@code --color keep} an Adobe RGB photo stays in Adobe RGB (profile embedded), but the pad,
 * border and text colours and the logo, all chosen in sRGB, were written as raw values into it: a #3366CC pad showed
 * as #0066D0 in any colour-managed viewer, logos changed colour, and the preview (sRGB) did not show it.
 */
class KeptProfileDecorationTest {

    @TempDir
    Path dir;

    private static int[] shown(int raw, ICC_Profile p) {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        one.setRGB(0, 0, raw);
        int s = ColourConverter.toSrgb(one, p).getRGB(0, 0);
        return new int[] {s >> 16 & 0xFF, s >> 8 & 0xFF, s & 0xFF};
    }

    private static void assertShownAs(int raw, ICC_Profile p, int expected, String what) {
        int[] s = shown(raw, p);
        assertThat(Math.abs(s[0] - (expected >> 16 & 0xFF))).as(what + " red").isLessThanOrEqualTo(3);
        assertThat(Math.abs(s[1] - (expected >> 8 & 0xFF))).as(what + " green").isLessThanOrEqualTo(3);
        assertThat(Math.abs(s[2] - (expected & 0xFF))).as(what + " blue").isLessThanOrEqualTo(3);
    }

    @Test
    void padBorderAndLogoLookAsChosenInTheKeptProfile() throws Exception {
        byte[] profileBytes = MetaSamples.adobeRgbProfile();
        ICC_Profile adobe = ICC_Profile.getInstance(profileBytes);
        byte[] grey = io.pixpool.testing.TestImages.encode(TestImages.filled(300, 200, 0x808080), "jpg");
        Path src = Files.write(dir.resolve("adobe.jpg"), MetaSamples.jpegWith(grey,
                MetaSamples.iccSegments(profileBytes, 60000)));
        Path logo = TestImages.write(TestImages.filled(60, 60, 0xC83232), "png", dir.resolve("logo.png"));
        Decoration d = Decoration.none().withPad(new Padding(300, 300, 0x3366CC)).withBorder(new Border(6, 0xCC6633))
                .withImage(ImageMark.of(logo.toString()).withScale(20).withOpacity(1).withAnchor(Anchor.TOP_LEFT)
                        .withMargin(0));
        Recipe r = Jobs.recipe(ResizeSpec.none(), OutputFormat.PNG).withDecoration(d)
                .withMetadata(new MetadataSpec(MetadataPolicy.KEEP, ColorPolicy.KEEP_PROFILE));
        BufferedImage out = TestImages.read(Jobs.run(src, dir.resolve("out"), r));

        assertThat(out.getWidth()).isEqualTo(312);
        assertShownAs(out.getRGB(2, 150), adobe, 0xCC6633, "border");
        assertShownAs(out.getRGB(156, 300), adobe, 0x3366CC, "pad"); // below the 300x200 picture
        assertShownAs(out.getRGB(6 + 30, 6 + 30), adobe, 0xC83232, "logo");
    }
}
