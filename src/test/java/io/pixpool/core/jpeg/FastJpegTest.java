package io.pixpool.core.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixpool.core.ImagePipeline;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FastJpegTest {

    @TempDir
    Path dir;

    private Path write(String name, byte[] b) throws Exception {
        return Files.write(dir.resolve(name), b);
    }

    @Test
    void scaleIsTheLargestPowerOfTwoUpToEightNotAboveTheStep() {
        int[] expected = {1, 1, 2, 2, 4, 4, 4, 4, 8, 8, 8};
        for (int step = 0; step <= 10; step++) assertThat(FastJpeg.scaleFor(step)).as("step " + step)
                .isEqualTo(expected[step]);
        assertThat(FastJpeg.scaleFor(1000)).isEqualTo(8);
    }

    @Test
    void headerIsReadFromTheMarkersBeforeTheFrame() throws Exception {
        BufferedImage pic = JpegSamples.picture(50, 40, false);
        Path base = write("b.jpg", JpegSamples.encode(pic, JpegSamples.BASELINE_420, 0.9f));
        Path prog = write("p.jpg", JpegSamples.encode(pic, JpegSamples.PROGRESSIVE_420, 0.9f));
        assertThat(FastJpeg.header(base)).isEqualTo(new FastJpeg.Header(0xC0, false));
        assertThat(FastJpeg.header(prog)).isEqualTo(new FastJpeg.Header(0xC2, false));
        byte[] full = Files.readAllBytes(prog);
        int sof = JpegSamples.firstMarker(full, 0xC2);
        assertThat(FastJpeg.header(write("h.jpg", Arrays.copyOf(full, sof + 4))).frameMarker()).isEqualTo(0xC2);
        assertThat(FastJpeg.header(write("x.jpg", Arrays.copyOf(full, sof))).frameMarker()).isEqualTo(-1);
    }

    @Test
    void onlyProgressiveFilesAreDecodedHere() throws Exception {
        BufferedImage pic = JpegSamples.picture(101, 75, false);
        Path base = write("b.jpg", JpegSamples.encode(pic, JpegSamples.BASELINE_420, 0.9f));
        Path prog = write("p.jpg", JpegSamples.encode(pic, JpegSamples.PROGRESSIVE_420, 0.9f));
        assertThat(FastJpeg.decodeProgressive(base, 1)).isNull();
        BufferedImage img = FastJpeg.decodeProgressive(prog, 3);
        assertThat(new int[] {img.getWidth(), img.getHeight()}).containsExactly(51, 38);
        byte[] twelveBit = Files.readAllBytes(prog);
        twelveBit[JpegSamples.firstMarker(twelveBit, 0xC2) + 4] = 12;
        assertThat(FastJpeg.decodeProgressive(write("12.jpg", twelveBit), 1)).as("unsupported: left to others")
                .isNull();
        byte[] cut = Arrays.copyOf(Files.readAllBytes(prog), (int) Files.size(prog) / 2);
        assertThatThrownBy(() -> FastJpeg.decodeProgressive(write("cut.jpg", cut), 1))
                .isInstanceOf(JpegException.class);
    }

    /**
     * Through the pipeline: a progressive file resized to 1/2, 1/4, 1/8 is close to the box-averaged full decode,
     * at least as close as the baseline encoding of the same picture (decoded by the JDK reader, subsampled).
     */
    @Test
    void pipelineRendersProgressiveAtLeastAsWellAsBaseline() throws Exception {
        BufferedImage pic = JpegSamples.picture(1200, 800, false);
        byte[] baseBytes = JpegSamples.encode(pic, JpegSamples.BASELINE_420, 0.95f);
        byte[] progBytes = JpegSamples.encode(pic, JpegSamples.PROGRESSIVE_420, 0.95f);
        Path base = write("b.jpg", baseBytes);
        Path prog = write("p.jpg", progBytes);
        int[] baseRef = JpegSamples.jdkDecode(baseBytes);
        int[] progRef = JpegSamples.jdkDecode(progBytes);
        for (int k : new int[] {1, 2, 4, 8}) {
            Recipe r = Recipe.defaults().withResize(ResizeSpec.fit(1200 / k, 800 / k));
            BufferedImage a = new ImagePipeline().render(base, r);
            BufferedImage b = new ImagePipeline().render(prog, r);
            assertThat(new int[] {b.getWidth(), b.getHeight()}).containsExactly(1200 / k, 800 / k);
            double baseErr = JpegSamples.diff(a, baseRef, 1200, 800, k)[0];
            double progErr = JpegSamples.diff(b, progRef, 1200, 800, k)[0];
            assertThat(progErr).as("mean difference at 1/" + k).isLessThan(Math.max(1, baseErr + 0.25));
        }
    }

    /**
     * A progressive JPEG with an ICC profile still goes to the JDK reader, which converts its colours to sRGB: a
     * mid-grey in linear RGB comes out much brighter than the raw samples this decoder would give.
     */
    @Test
    void progressiveJpegWithAnotherColourProfileIsColourConverted() throws Exception {
        BufferedImage grey = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 64; x++) grey.setRGB(x, y, 0x404040);
        }
        byte[] plain = JpegSamples.encode(grey, JpegSamples.PROGRESSIVE_444, 0.95f);
        byte[] icc = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(plain, 0, 2);
        int len = 2 + 14 + icc.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (len >> 8), (byte) len});
        out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {1, 1});
        out.writeBytes(icc);
        out.write(plain, 2, plain.length - 2);
        Path p = write("linear.jpg", out.toByteArray());
        assertThat(FastJpeg.header(p)).isEqualTo(new FastJpeg.Header(0xC2, true));
        assertThat(FastJpeg.decodeProgressive(p, 1)).as("left to the JDK reader").isNull();
        int raw = new JpegDecoder(out.toByteArray()).decode(1).getRGB(32, 32) & 0xFF;
        assertThat(raw).isBetween(0x3C, 0x44);
        BufferedImage img = new ImagePipeline().render(p, Recipe.defaults().withResize(ResizeSpec.none()));
        assertThat(img.getRGB(32, 32) & 0xFF).as("converted from linear RGB").isGreaterThan(raw + 40);
    }

    /** {@code jpeg} with an APP2 ICC_PROFILE segment holding {@code profile} right after SOI. */
    private static byte[] withProfile(byte[] jpeg, ICC_Profile profile) {
        byte[] icc = profile.getData();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        int len = 2 + 14 + icc.length;
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (len >> 8), (byte) len});
        out.writeBytes("ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(new byte[] {1, 1});
        out.writeBytes(icc);
        out.write(jpeg, 2, jpeg.length - 2);
        return out.toByteArray();
    }

    @Test
    void pipelineDecodeTakesBaselineOnlyWhenScaled() throws Exception {
        BufferedImage pic = JpegSamples.picture(101, 75, false);
        Path base = write("b.jpg", JpegSamples.encode(pic, JpegSamples.BASELINE_420, 0.9f));
        Path prog = write("p.jpg", JpegSamples.encode(pic, JpegSamples.PROGRESSIVE_420, 0.9f));
        assertThat(FastJpeg.decodeEighths(base, 8)).as("full-size baseline: libjpeg's").isNull();
        BufferedImage half = FastJpeg.decodeEighths(base, 4);
        assertThat(new int[] {half.getWidth(), half.getHeight()}).containsExactly(51, 38);
        assertThat(FastJpeg.decodeEighths(prog, 8).getWidth()).isEqualTo(101);
    }

    /**
     * An sRGB profile changes nothing in the JDK reader's conversion, so such files are decoded here; any other
     * profile (linear RGB here) leaves the file to the JDK reader.
     */
    @Test
    void filesWithAnSrgbProfileAreDecodedHereOthersAreNot() throws Exception {
        byte[] plain = JpegSamples.encode(JpegSamples.picture(160, 120, false), JpegSamples.BASELINE_420, 0.9f);
        byte[] srgb = withProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_sRGB));
        byte[] linear = withProfile(plain, ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB));
        assertThat(IccCheck.isSrgb(IccCheck.profile(srgb))).isTrue();
        assertThat(IccCheck.isSrgb(IccCheck.profile(linear))).isFalse();
        assertThat(IccCheck.profile(plain)).isNull();
        assertThat(FastJpeg.decodeEighths(write("l.jpg", linear), 4)).isNull();
        BufferedImage img = FastJpeg.decodeEighths(write("s.jpg", srgb), 4);
        BufferedImage ref = FastJpeg.decodeEighths(write("p.jpg", plain), 4);
        for (int y = 0; y < 60; y++) {
            for (int x = 0; x < 80; x++) assertThat(img.getRGB(x, y)).isEqualTo(ref.getRGB(x, y));
        }
        // and through the pipeline the file with the profile comes out as the plain one
        Recipe r = Recipe.defaults().withResize(ResizeSpec.fit(40, 40));
        BufferedImage viaProfile = new ImagePipeline().render(write("s2.jpg", srgb), r);
        BufferedImage viaPlain = new ImagePipeline().render(write("p2.jpg", plain), r);
        for (int y = 0; y < viaPlain.getHeight(); y++) {
            for (int x = 0; x < viaPlain.getWidth(); x++) assertThat(viaProfile.getRGB(x, y)).isEqualTo(viaPlain.getRGB(x, y));
        }
    }
}
