package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * WebP outputs carry the kept metadata like JPEG and PNG do. Found by QA: {@code --format webp --metadata keep}
 * (and the default strip-gps) silently wrote WebP files without any EXIF or XMP.
 */
class WebpMetadataTest {

    @TempDir
    Path dir;

    private Path cameraSource(int orientation) throws Exception {
        BufferedImage upright = io.pixpool.testing.TestImages.pattern(600, 400, 3);
        BufferedImage stored = orientation == 6 ? MetaSamples.storedForOrientation6(upright) : upright;
        byte[] thumb = thumb();
        return Files.write(dir.resolve("cam.jpg"), MetaSamples.jpegWith(
                io.pixpool.testing.TestImages.encode(stored, "jpg"),
                MetaSamples.exifSegment(MetaSamples.exif(ByteOrder.LITTLE_ENDIAN, orientation, stored.getWidth(),
                        stored.getHeight(), thumb)),
                MetaSamples.xmpSegment(MetaSamples.xmp(orientation))));
    }

    private static byte[] thumb() {
        return io.pixpool.testing.TestImages.encode(io.pixpool.testing.TestImages.pattern(8, 8, 1), "jpg");
    }

    private static Recipe webp(MetadataPolicy policy, boolean lossless, OutputOptions options) {
        return Recipe.defaults().withResize(ResizeSpec.longEdge(300))
                .withOutput(OutputSpec.defaults().withFormat(OutputFormat.WEBP).withOptions(
                        options.withWebpLossless(lossless)))
                .withMetadata(new MetadataSpec(policy, ColorPolicy.SRGB));
    }

    @Test
    void keptExifAndXmpGoIntoEveryWebpOutputCorrected() throws Exception {
        Path src = cameraSource(6);
        OutputOptions two = OutputOptions.defaults().withVariants(List.of(OutputVariant.parse("100", false)));
        for (boolean lossless : new boolean[] {false, true}) {
            EncodedImage e = Jobs.process(src, dir.resolve("out" + lossless), webp(MetadataPolicy.KEEP, lossless, two));
            assertThat(e.all()).hasSize(2);
            for (EncodedImage one : e.all()) {
                Metadata md = ImageMetadataReader.readMetadata(one.tempFile().toFile());
                ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
                assertThat(ifd0).as("EXIF in %s (lossless %s)", one.fileName(), lossless).isNotNull();
                assertThat(ifd0.getString(ExifIFD0Directory.TAG_MODEL)).isEqualTo(MetaSamples.MODEL);
                assertThat(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(1);
                assertThat(md.getFirstDirectoryOfType(ExifSubIFDDirectory.class)
                        .getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH)).isEqualTo(one.width());
                assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
                assertThat(md.getFirstDirectoryOfType(XmpDirectory.class)).isNotNull();
                assertThat(Files.size(one.tempFile())).isEqualTo(one.bytes());
                BufferedImage img = TestImages.read(one.tempFile());
                assertThat(img.getWidth()).isEqualTo(one.width());
                assertThat(img.getHeight()).isEqualTo(one.height());
            }
            assertThat(e.width()).isGreaterThan(e.height()); // the 600x400 picture turned upright
        }
    }

    @Test
    void stripGpsAndStripAreHonouredInWebp() throws Exception {
        Path src = cameraSource(1);
        Path gpsFree = Jobs.run(src, dir.resolve("g"), webp(MetadataPolicy.STRIP_GPS, false, OutputOptions.defaults()));
        Metadata md = ImageMetadataReader.readMetadata(gpsFree.toFile());
        assertThat(md.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNotNull();
        assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(new String(Files.readAllBytes(gpsFree), StandardCharsets.ISO_8859_1)).doesNotContain("GPSLatitude");

        Path none = Jobs.run(src, dir.resolve("s"), webp(MetadataPolicy.STRIP, false, OutputOptions.defaults()));
        byte[] b = Files.readAllBytes(none);
        assertThat(new String(b, 12, 4, StandardCharsets.ISO_8859_1)).isEqualTo("VP8 ");
    }

    @Test
    void transparentWebpKeepsItsAlphaWithMetadata() throws Exception {
        BufferedImage img = TestImages.halfTransparent(300, 200, 0x3366CC);
        byte[] png = io.pixpool.testing.TestImages.encode(img, "png");
        byte[] exif = MetaSamples.exif(ByteOrder.BIG_ENDIAN, 1, 300, 200, thumb());
        Path src = Files.write(dir.resolve("a.png"), MetaSamples.pngWith(png, "eXIf", exif));
        for (boolean lossless : new boolean[] {false, true}) {
            Path out = Jobs.run(src, dir.resolve("a" + lossless), webp(MetadataPolicy.KEEP, lossless,
                    OutputOptions.defaults()).withResize(ResizeSpec.none()));
            assertThat(ImageMetadataReader.readMetadata(out.toFile()).getFirstDirectoryOfType(ExifIFD0Directory.class))
                    .isNotNull();
            BufferedImage back = TestImages.read(out);
            assertThat(back.getColorModel().hasAlpha()).isTrue();
            assertThat(back.getRGB(0, 0) >>> 24).isLessThan(200);
        }
    }

    @Test
    void maxKbCountsTheWebpMetadata() throws Exception {
        byte[] noise = io.pixpool.testing.TestImages.encode(io.pixpool.testing.TestImages.noise(1200, 900, 5), "jpg");
        byte[] padding = new byte[30_000];
        java.util.Arrays.fill(padding, (byte) 'x');
        byte[] xmp = (new String(MetaSamples.xmp(1), StandardCharsets.UTF_8) + "<!--" + new String(padding,
                StandardCharsets.ISO_8859_1) + "-->").getBytes(StandardCharsets.UTF_8);
        Path src = Files.write(dir.resolve("big.jpg"), MetaSamples.jpegWith(noise, MetaSamples.exifSegment(
                MetaSamples.exif(ByteOrder.BIG_ENDIAN, 1, 1200, 900, thumb())), MetaSamples.xmpSegment(xmp)));
        OutputOptions kb = new OutputOptions(List.of(), SizeTarget.none().withMaxKilobytes(60), false);
        Path p = Jobs.run(src, dir.resolve("kb"), webp(MetadataPolicy.KEEP, false, kb).withResize(ResizeSpec.longEdge(500)));
        assertThat(Files.size(p)).isLessThanOrEqualTo(60 * 1024);
        assertThat(ImageMetadataReader.readMetadata(p.toFile()).getFirstDirectoryOfType(XmpDirectory.class)).isNotNull();
    }
}
