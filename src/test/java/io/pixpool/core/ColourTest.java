package io.pixpool.core;

import static io.pixpool.core.TestImages.assertColor;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.icc.IccDirectory;
import io.pixpool.core.jpeg.JpegDecoder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Embedded ICC profiles: wide-gamut sources come out in sRGB (checked against colours computed from the published
 * matrices, which a naive copy would miss), or keep their profile and pixels; CMYK comes out right.
 */
class ColourTest {

    /** Adobe RGB colours whose sRGB values are in gamut but far from the stored numbers. */
    private static final int GREENISH = 0x64A064;
    private static final int REDDISH = 0xC8503C;

    @TempDir
    Path dir;

    /** 64x32, left half GREENISH, right half REDDISH. */
    private static BufferedImage halves() {
        BufferedImage img = new BufferedImage(64, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) img.setRGB(x, y, x < 32 ? GREENISH : REDDISH);
        }
        return img;
    }

    private Path adobeJpeg() throws Exception {
        byte[] jpeg = MetaSamples.jpegWith(TestImages.jpegBytes(halves(), 1f, false),
                MetaSamples.iccSegments(MetaSamples.adobeRgbProfile(), 300));
        return Files.write(dir.resolve("adobe.jpg"), jpeg);
    }

    private Path profiledPng(byte[] profile, BufferedImage img) throws Exception {
        byte[] png = MetaSamples.pngWith(io.pixpool.testing.TestImages.encode(img, "png"),
                "iCCP", MetaSamples.iccpChunk(profile));
        return Files.write(dir.resolve("profiled.png"), png);
    }

    private Path run(Path src, ColorPolicy color, OutputFormat format) throws Exception {
        Recipe r = Jobs.recipe(ResizeSpec.fit(32, 32), format)
                .withMetadata(MetadataSpec.defaults().withColor(color));
        return Jobs.run(src, dir.resolve("out-" + color.id() + "-" + format.id()), r);
    }

    @Test
    void expectedValuesDifferFromANaiveCopy() {
        assertThat(MetaSamples.adobeToSrgb(GREENISH) >> 16).isLessThan((GREENISH >> 16) - 30);
        assertThat(MetaSamples.adobeToSrgb(REDDISH) >> 16).isGreaterThan((REDDISH >> 16) + 20);
    }

    @Test
    void adobeRgbJpegIsConvertedToSrgb() throws Exception {
        Path src = adobeJpeg();
        for (OutputFormat f : new OutputFormat[] {OutputFormat.PNG, OutputFormat.JPG, OutputFormat.BMP}) {
            BufferedImage out = TestImages.read(run(src, ColorPolicy.SRGB, f));
            assertColor(out, 8, 8, MetaSamples.adobeToSrgb(GREENISH), 6);
            assertColor(out, 24, 8, MetaSamples.adobeToSrgb(REDDISH), 6);
        }
        assertThat(ImageMetadataReader.readMetadata(run(src, ColorPolicy.SRGB, OutputFormat.JPG).toFile())
                .getFirstDirectoryOfType(IccDirectory.class)).as("no profile in an sRGB output").isNull();
    }

    @Test
    void fullSizeOutputIsConvertedByTheDecoderAndOnlyOnce() throws Exception {
        Recipe r = Jobs.recipe(ResizeSpec.none(), OutputFormat.PNG).withMetadata(MetadataSpec.defaults());
        BufferedImage out = TestImages.read(Jobs.run(adobeJpeg(), dir.resolve("full"), r));
        assertThat(out.getWidth()).isEqualTo(64);
        assertColor(out, 8, 8, MetaSamples.adobeToSrgb(GREENISH), 6);
        assertColor(out, 40, 8, MetaSamples.adobeToSrgb(REDDISH), 6);
    }

    @Test
    void keptProfileIsEmbeddedInJpegWithPixelsLeftInItsSpace() throws Exception {
        Path out = run(adobeJpeg(), ColorPolicy.KEEP_PROFILE, OutputFormat.JPG);
        IccDirectory icc = ImageMetadataReader.readMetadata(out.toFile()).getFirstDirectoryOfType(IccDirectory.class);
        assertThat(icc).isNotNull();
        assertThat(icc.getDescription(IccDirectory.TAG_TAG_desc)).contains("Adobe RGB");
        BufferedImage raw = new JpegDecoder(Files.readAllBytes(out)).decode(1);
        assertColor(raw, 8, 8, GREENISH, 6);
        assertColor(raw, 24, 8, REDDISH, 6);
        // a colour-managed reader (TwelveMonkeys applies the embedded profile) shows the right colours
        BufferedImage managed = TestImages.read(out);
        assertColor(managed, 8, 8, MetaSamples.adobeToSrgb(GREENISH), 7);
    }

    /**
     * An RGB-coded JPEG (Adobe transform 0), which {@code core.jpeg} leaves to the other decoders: they apply the
     * profile themselves, and the step must not convert a second time.
     */
    @Test
    void jpegWhoseDecoderAppliesTheProfileIsConvertedOnce() throws Exception {
        java.awt.image.WritableRaster r = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, 64, 32, 3, null);
        BufferedImage h = halves();
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) {
                int p = h.getRGB(x, y);
                r.setPixel(x, y, new int[] {p >> 16 & 0xFF, p >> 8 & 0xFF, p & 0xFF});
            }
        }
        javax.imageio.ImageWriter w = TestImages.jdkWriter("jpeg");
        javax.imageio.ImageWriteParam param = w.getDefaultWriteParam();
        param.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(1f);
        java.io.ByteArrayOutputStream bos = new java.io.ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(bos)) {
            w.setOutput(ios);
            w.write(null, new javax.imageio.IIOImage(r, null, null), param);
        }
        w.dispose();
        byte[] adobe = MetaSamples.segment(0xEE, "Adobe".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1),
                new byte[] {0, 100, 0, 0, 0, 0, 0});
        byte[] jpeg = MetaSamples.jpegWith(bos.toByteArray(), adobe,
                MetaSamples.iccSegments(MetaSamples.adobeRgbProfile(), 1000));
        Path src = Files.write(dir.resolve("rgb-coded.jpg"), jpeg);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new JpegDecoder(jpeg).decode(1))
                .isInstanceOf(io.pixpool.core.jpeg.UnsupportedJpegException.class);
        BufferedImage out = TestImages.read(run(src, ColorPolicy.SRGB, OutputFormat.PNG));
        assertColor(out, 8, 8, MetaSamples.adobeToSrgb(GREENISH), 6);
        assertColor(out, 24, 8, MetaSamples.adobeToSrgb(REDDISH), 6);
        // the decoder delivered sRGB, so a kept profile cannot be embedded: the output is sRGB without one
        Path kept = run(src, ColorPolicy.KEEP_PROFILE, OutputFormat.PNG);
        assertColor(TestImages.read(kept), 8, 8, MetaSamples.adobeToSrgb(GREENISH), 6);
        assertThat(ImageMetadataReader.readMetadata(kept.toFile()).getFirstDirectoryOfType(IccDirectory.class))
                .isNull();
    }

    @Test
    void keptProfileIsEmbeddedInPngAsIccp() throws Exception {
        Path src = profiledPng(MetaSamples.adobeRgbProfile(), halves());
        Path out = run(src, ColorPolicy.KEEP_PROFILE, OutputFormat.PNG);
        assertThat(ImageMetadataReader.readMetadata(out.toFile()).getFirstDirectoryOfType(IccDirectory.class)
                .getDescription(IccDirectory.TAG_TAG_desc)).contains("Adobe RGB");
        java.util.List<String> chunks = MetaSamples.pngChunkTypes(Files.readAllBytes(out));
        assertThat(chunks).as("iCCP before the image data, no competing sRGB/gAMA chunk")
                .doesNotContain("sRGB", "gAMA").containsSubsequence("IHDR", "iCCP", "IDAT", "IEND");
        BufferedImage raw = TestImages.read(out); // the JDK PNG reader leaves iCCP alone
        assertColor(raw, 8, 8, GREENISH, 2);
        assertColor(raw, 24, 8, REDDISH, 2);
    }

    @Test
    void adobeRgbPngIsConvertedToSrgb() throws Exception {
        Path out = run(profiledPng(MetaSamples.adobeRgbProfile(), halves()), ColorPolicy.SRGB, OutputFormat.PNG);
        BufferedImage img = TestImages.read(out);
        assertColor(img, 8, 8, MetaSamples.adobeToSrgb(GREENISH), 3);
        assertColor(img, 24, 8, MetaSamples.adobeToSrgb(REDDISH), 3);
    }

    @Test
    void jdkLinearRgbProfileIsConverted() throws Exception {
        byte[] linear = ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData();
        Path src = profiledPng(linear, TestImages.filled(32, 32, 0x404080));
        BufferedImage img = TestImages.read(run(src, ColorPolicy.SRGB, OutputFormat.PNG));
        assertColor(img, 16, 16, MetaSamples.linearToSrgb(0x404080), 3);
    }

    @Test
    void embeddedSrgbProfileChangesNothing() throws Exception {
        byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
        Path src = profiledPng(srgb, halves());
        Path out = run(src, ColorPolicy.KEEP_PROFILE, OutputFormat.PNG);
        assertColor(TestImages.read(out), 8, 8, GREENISH, 1);
        assertThat(ImageMetadataReader.readMetadata(out.toFile()).getFirstDirectoryOfType(IccDirectory.class))
                .isNull();
    }

    /**
     * A JPEG whose embedded profile is sRGB in effect, decoded whole by the JDK reader, is not run through the colour
     * management (a conversion that changes nothing visible and cost about 40% of such a decode): its pixels are
     * those of the same file without the profile, as the pure-Java decoder's are at every scale; a profile that is
     * not sRGB (linear RGB) is still converted.
     */
    @Test
    void fullSizeJpegWithAnSrgbProfileIsNotConvertedAndOthersAre() throws Exception {
        BufferedImage pic = new BufferedImage(96, 64, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 64; y++) {
            for (int x = 0; x < 96; x++) pic.setRGB(x, y, (x * 255 / 95) << 16 | (y * 255 / 63) << 8 | (x + y) * 255 / 158);
        }
        byte[] plain = TestImages.jpegBytes(pic, 0.9f, false);
        int[] ref = decodeWhole(Files.write(dir.resolve("none.jpg"), plain));
        // sRGB as profiles in the wild are: not the JDK's own bytes, and converting through it moves some colours
        // by one level (the JDK's sRGB with its red colorant 1% off)
        ICC_Profile nearSrgb = ICC_Profile.getInstance(ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData());
        java.nio.ByteBuffer red = java.nio.ByteBuffer.wrap(nearSrgb.getData(ICC_Profile.icSigRedColorantTag));
        for (int i = 8; i < 20; i += 4) red.putInt(i, (int) Math.round(red.getInt(i) * 1.01));
        nearSrgb.setData(ICC_Profile.icSigRedColorantTag, red.array());
        assertThat(IccProfiles.srgbInEffect(nearSrgb.getData())).isTrue();
        int[] srgb = decodeWhole(Files.write(dir.resolve("srgb.jpg"), MetaSamples.jpegWith(plain,
                MetaSamples.iccSegments(nearSrgb.getData(), 60000))));
        int[] linear = decodeWhole(Files.write(dir.resolve("linear.jpg"), MetaSamples.jpegWith(plain,
                MetaSamples.iccSegments(ICC_Profile.getInstance(ColorSpace.CS_LINEAR_RGB).getData(), 60000))));
        assertThat(java.util.stream.IntStream.range(0, ref.length).filter(i -> srgb[i] != ref[i]).count())
                .as("pixels a conversion changed").isZero();
        assertThat(linear[96 * 32 + 48] & 0xFF).isGreaterThan((ref[96 * 32 + 48] & 0xFF) + 20); // linear: brighter
    }

    private static int[] decodeWhole(Path jpeg) throws Exception {
        try (ImageDecoder d = ImageDecoder.open(jpeg, Long.MAX_VALUE / 4)) {
            BufferedImage img = d.decode(1);
            assertThat(d.source().eighths()).as("a full-size decode by the JDK reader").isZero();
            return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
        }
    }

    @Test
    void keepFallsBackToSrgbForOutputsWithoutProfiles() throws Exception {
        BufferedImage out = TestImages.read(run(adobeJpeg(), ColorPolicy.KEEP_PROFILE, OutputFormat.BMP));
        assertColor(out, 8, 8, MetaSamples.adobeToSrgb(GREENISH), 6);
    }

    @Test
    void previewShowsSrgbEvenWhenTheProfileIsKept() throws Exception {
        Recipe r = Recipe.defaults().withMetadata(MetadataSpec.defaults().withColor(ColorPolicy.KEEP_PROFILE));
        BufferedImage img = new ImagePipeline().render(adobeJpeg(), r);
        assertColor(img, 8, 8, MetaSamples.adobeToSrgb(GREENISH), 6);
    }

    @Test
    void cmykAndYcckJpegsComeOutWithTheRightColours() throws Exception {
        Path cmyk = Files.write(dir.resolve("cmyk.jpg"), TestImages.cmykJpeg(64, 32));
        Path ycck = Files.write(dir.resolve("ycck.jpg"), MetaSamples.ycckJpeg(64, 32));
        assertThat(ImageMetadataReader.readMetadata(ycck.toFile())
                .getFirstDirectoryOfType(com.drew.metadata.adobe.AdobeJpegDirectory.class)
                .getInt(com.drew.metadata.adobe.AdobeJpegDirectory.TAG_COLOR_TRANSFORM)).isEqualTo(2);
        for (Path src : new Path[] {cmyk, ycck}) {
            for (ColorPolicy c : ColorPolicy.values()) checkCyanAndRed(src, c);
        }
    }

    @Test
    void tiffWithAProfileIsConvertedByItsDecoder() throws Exception {
        java.awt.color.ICC_ColorSpace cs = new java.awt.color.ICC_ColorSpace(
                ICC_Profile.getInstance(MetaSamples.adobeRgbProfile()));
        java.awt.image.ComponentColorModel cm = new java.awt.image.ComponentColorModel(cs, false, false,
                java.awt.Transparency.OPAQUE, java.awt.image.DataBuffer.TYPE_BYTE);
        java.awt.image.WritableRaster r = cm.createCompatibleWritableRaster(64, 32);
        for (int y = 0; y < 32; y++) {
            for (int x = 0; x < 64; x++) r.setPixel(x, y, new int[] {0x64, 0xA0, 0x64});
        }
        Path src = dir.resolve("adobe.tif");
        assertThat(javax.imageio.ImageIO.write(new BufferedImage(cm, r, false, null), "tiff", src.toFile())).isTrue();
        assertThat(ImageMetadataReader.readMetadata(src.toFile()).getFirstDirectoryOfType(IccDirectory.class))
                .isNotNull();
        for (ColorPolicy c : ColorPolicy.values()) {
            assertColor(TestImages.read(run(src, c, OutputFormat.PNG)), 8, 8, MetaSamples.adobeToSrgb(GREENISH), 3);
        }
    }

    private void checkCyanAndRed(Path src, ColorPolicy c) throws Exception {
        Path out = run(src, c, OutputFormat.JPG);
        BufferedImage img = TestImages.read(out);
        int cyan = img.getRGB(8, 8);
        int red = img.getRGB(24, 8);
        assertThat(cyan >> 16 & 0xFF).as("cyan has little red").isLessThan(80);
        assertThat(cyan >> 8 & 0xFF).as("cyan has green").isGreaterThan(120);
        assertThat(cyan & 0xFF).as("cyan has blue").isGreaterThan(180);
        assertThat(red >> 16 & 0xFF).as("red").isGreaterThan(180);
        assertThat(red >> 8 & 0xFF).as("red has little green").isLessThan(80);
        assertThat(red & 0xFF).as("red has little blue").isLessThan(80);
        assertThat(ImageMetadataReader.readMetadata(out.toFile()).getFirstDirectoryOfType(IccDirectory.class))
                .as("no CMYK profile on an RGB output").isNull();
    }
}
