package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Metadata and profiles with several outputs per file, WebP output and size targets (after the merge with main). */
class MetadataOutputsTest {
    @TempDir
    Path dir;

    @Test
    void everyVariantCarriesItsOwnCorrectedMetadataAndColours() throws Exception {
        Path src = Files.write(dir.resolve("cam.jpg"), MetaSamples.jpegWith(MetaSamples.cameraJpeg(400, 300),
                MetaSamples.iccSegments(MetaSamples.adobeRgbProfile(), 60000)));
        OutputSpec out = OutputSpec.defaults().withFormat(OutputFormat.JPG).withOptions(new OutputOptions(
                List.of(OutputVariant.parse("100", false)), SizeTarget.none(), false));
        Recipe r = Recipe.defaults().withResize(ResizeSpec.longEdge(200)).withOutput(out)
                .withMetadata(MetadataSpec.defaults());
        EncodedImage e = Jobs.process(src, dir, r);
        assertThat(e.all()).hasSize(2);
        for (EncodedImage one : e.all()) {
            Metadata md = ImageMetadataReader.readMetadata(one.tempFile().toFile());
            assertThat(md.getFirstDirectoryOfType(ExifIFD0Directory.class).getString(ExifIFD0Directory.TAG_MODEL))
                    .isEqualTo(MetaSamples.MODEL);
            assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(md.getFirstDirectoryOfType(ExifSubIFDDirectory.class)
                    .getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH)).isEqualTo(one.width());
        }
        Path webp = Jobs.run(src, dir.resolve("w"), r.withOutput(OutputSpec.defaults().withFormat(OutputFormat.WEBP)));
        Metadata wmd = ImageMetadataReader.readMetadata(webp.toFile());
        assertThat(wmd.getFirstDirectoryOfType(ExifIFD0Directory.class).getString(ExifIFD0Directory.TAG_MODEL))
                .isEqualTo(MetaSamples.MODEL); // WebP carries the kept EXIF too (see WebpMetadataTest)
        assertThat(wmd.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
    }

    @Test
    void maxKbCountsTheKeptMetadata() throws Exception {
        byte[] noise = io.pixpool.testing.TestImages.encode(io.pixpool.testing.TestImages.noise(1200, 900, 5), "jpg");
        byte[] thumb = io.pixpool.testing.TestImages.encode(io.pixpool.testing.TestImages.pattern(8, 8, 1), "jpg");
        byte[] big = MetaSamples.jpegWith(noise, MetaSamples.exifSegment(MetaSamples.exif(
                java.nio.ByteOrder.BIG_ENDIAN, 1, 1200, 900, thumb)), MetaSamples.xmpSegment(MetaSamples.xmp(1)),
                MetaSamples.iptcSegment(MetaSamples.photoshopIrb()));
        Path src = Files.write(dir.resolve("big.jpg"), MetaSamples.jpegWith(big,
                MetaSamples.iccSegments(MetaSamples.adobeRgbProfile(), 60000)));
        OutputSpec out = OutputSpec.defaults().withFormat(OutputFormat.JPG).withQuality(95).withOptions(
                new OutputOptions(List.of(), SizeTarget.none().withMaxKilobytes(60), false));
        Recipe r = Recipe.defaults().withResize(ResizeSpec.longEdge(800)).withOutput(out)
                .withMetadata(new MetadataSpec(MetadataPolicy.KEEP, ColorPolicy.KEEP_PROFILE));
        Path p = Jobs.run(src, dir.resolve("kb"), r);
        assertThat(Files.size(p)).isLessThanOrEqualTo(60 * 1024);
        assertThat(ImageMetadataReader.readMetadata(p.toFile()).getFirstDirectoryOfType(
                com.drew.metadata.icc.IccDirectory.class)).isNotNull();
    }

    /** Offset of the first segment after APP0 up to the first DQT: the metadata segments cameraJpeg added. */
    private static int indexOfSos(byte[] jpeg) {
        for (int i = 20; i + 1 < jpeg.length; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == 0xDB) return i;
        }
        throw new AssertionError("no DQT");
    }
}
