package io.pixpool.core;

import static io.pixpool.core.TestImages.assertColor;
import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import java.awt.image.BufferedImage;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Metadata keep / strip / strip-GPS on real EXIF, XMP and IPTC, through the real pipeline, checked with
 * metadata-extractor; orientation is never applied twice.
 */
class MetadataTest {

    @TempDir
    Path dir;

    /** Upright 60x40: left half red, right half blue, a green band along the top. */
    private static BufferedImage upright() {
        BufferedImage img = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 40; y++) {
            for (int x = 0; x < 60; x++) img.setRGB(x, y, y < 10 ? 0x00C000 : x < 30 ? 0xE00000 : 0x0000E0);
        }
        return img;
    }

    /** A JPEG stored sideways with orientation 6, carrying EXIF (GPS, camera, date, thumbnail), XMP and IPTC. */
    private Path camera(ByteOrder order) throws Exception {
        BufferedImage stored = MetaSamples.storedForOrientation6(upright());
        byte[] thumb = TestImages.jpegBytes(TestImages.filled(8, 8, 0x808080), 0.8f, false);
        byte[] tiff = MetaSamples.exif(order, 6, stored.getWidth(), stored.getHeight(), thumb);
        byte[] jpeg = MetaSamples.jpegWith(TestImages.jpegBytes(stored, 0.95f, false),
                MetaSamples.exifSegment(tiff), MetaSamples.xmpSegment(MetaSamples.xmp(6)),
                MetaSamples.iptcSegment(MetaSamples.photoshopIrb()));
        Path p = dir.resolve("camera.jpg");
        Files.write(p, jpeg);
        Metadata src = ImageMetadataReader.readMetadata(p.toFile());
        assertThat(src.getFirstDirectoryOfType(GpsDirectory.class).getGeoLocation()).isNotNull();
        assertThat(src.getFirstDirectoryOfType(ExifThumbnailDirectory.class)).isNotNull();
        assertThat(src.getFirstDirectoryOfType(IptcDirectory.class)).isNotNull();
        return p;
    }

    private Path run(Path source, MetadataPolicy policy, OutputFormat format) throws Exception {
        Recipe r = Jobs.recipe(ResizeSpec.fit(30, 30), format)
                .withMetadata(MetadataSpec.defaults().withMetadata(policy));
        Path out = dir.resolve("out-" + policy.id() + "-" + format.id());
        return Jobs.run(source, out, r);
    }

    private static void assertUpright(Path out) {
        BufferedImage img = TestImages.read(out);
        assertThat(img.getWidth()).isEqualTo(30);
        assertThat(img.getHeight()).isEqualTo(20);
        assertColor(img, 15, 1, 0x00C000, 40);
        assertColor(img, 5, 15, 0xE00000, 40);
        assertColor(img, 25, 15, 0x0000E0, 40);
    }

    @Test
    void keepKeepsEverythingButWritesOrientation1() throws Exception {
        Path out = run(camera(ByteOrder.BIG_ENDIAN), MetadataPolicy.KEEP, OutputFormat.JPG);
        assertUpright(out);
        Metadata md = ImageMetadataReader.readMetadata(out.toFile());
        assertNoErrors(md);
        ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertThat(ifd0.getString(ExifIFD0Directory.TAG_MAKE)).isEqualTo(MetaSamples.MAKE);
        assertThat(ifd0.getString(ExifIFD0Directory.TAG_MODEL)).isEqualTo(MetaSamples.MODEL);
        assertThat(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(1);
        ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
        assertThat(sub.getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL)).isEqualTo(MetaSamples.DATE);
        assertThat(sub.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH)).isEqualTo(30);
        assertThat(sub.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_HEIGHT)).isEqualTo(20);
        GpsDirectory gps = md.getFirstDirectoryOfType(GpsDirectory.class);
        assertThat(gps.getGeoLocation().getLatitude()).isCloseTo(48 + 51 / 60.0 + 0xBADA55 / 100.0 / 3600, within());
        assertThat(gps.getGeoLocation().getLongitude()).isCloseTo(2 + 17 / 60.0 + 40 / 3600.0, within());
        assertThat(md.getFirstDirectoryOfType(ExifThumbnailDirectory.class)).as("stale thumbnail dropped").isNull();
        String xmp = xmp(md);
        assertThat(xmp).contains(MetaSamples.CREATOR).contains("exif:GPSLatitude").contains("photoshop:City")
                .contains("tiff:Orientation=\"1\"").doesNotContain("PixelXDimension");
        IptcDirectory iptc = md.getFirstDirectoryOfType(IptcDirectory.class);
        assertThat(iptc.getString(IptcDirectory.TAG_BY_LINE)).isEqualTo(MetaSamples.CREATOR);
        assertThat(iptc.getString(IptcDirectory.TAG_COPYRIGHT_NOTICE)).isEqualTo(MetaSamples.COPYRIGHT);
    }

    @Test
    void extraBytesIsWhatTheMetadataAddsToTheFile() throws Exception {
        Path src = camera(ByteOrder.BIG_ENDIAN);
        Path kept = run(src, MetadataPolicy.KEEP, OutputFormat.JPG);
        Path none = run(src, MetadataPolicy.STRIP, OutputFormat.JPG);
        MetaStep step = MetaStep.open(src, "jpeg", MetadataSpec.defaults().withMetadata(MetadataPolicy.KEEP),
                OutputFormat.JPG);
        assertThat(step.extraBytes(30, 20)).isPositive()
                .isEqualTo(Files.size(kept) - Files.size(none));
        assertThat(MetaStep.open(src, "jpeg", MetadataSpec.defaults().withMetadata(MetadataPolicy.STRIP),
                OutputFormat.JPG).extraBytes(30, 20)).isZero();
    }

    @Test
    void stripRemovesEverything() throws Exception {
        Path out = run(camera(ByteOrder.BIG_ENDIAN), MetadataPolicy.STRIP, OutputFormat.JPG);
        assertUpright(out);
        Metadata md = ImageMetadataReader.readMetadata(out.toFile());
        assertThat(md.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(md.getFirstDirectoryOfType(ExifSubIFDDirectory.class)).isNull();
        assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(md.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
        assertThat(md.getFirstDirectoryOfType(IptcDirectory.class)).isNull();
        assertThat(new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1))
                .doesNotContain(MetaSamples.MAKE).doesNotContain(MetaSamples.CREATOR);
    }

    @Test
    void stripGpsRemovesOnlyTheLocation() throws Exception {
        Path out = run(camera(ByteOrder.LITTLE_ENDIAN), MetadataPolicy.STRIP_GPS, OutputFormat.JPG);
        assertUpright(out);
        Metadata md = ImageMetadataReader.readMetadata(out.toFile());
        assertNoErrors(md);
        ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertThat(ifd0.getString(ExifIFD0Directory.TAG_MAKE)).isEqualTo(MetaSamples.MAKE);
        assertThat(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(1);
        assertThat(ifd0.containsTag(ExifIFD0Directory.TAG_GPS_INFO_OFFSET)).isFalse();
        assertThat(md.getFirstDirectoryOfType(ExifSubIFDDirectory.class)
                .getString(ExifSubIFDDirectory.TAG_DATETIME_ORIGINAL)).isEqualTo(MetaSamples.DATE);
        assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        String xmp = xmp(md);
        assertThat(xmp).contains(MetaSamples.CREATOR).contains("photoshop:City").doesNotContain("GPS");
        assertThat(md.getFirstDirectoryOfType(IptcDirectory.class).getString(IptcDirectory.TAG_COPYRIGHT_NOTICE))
                .isEqualTo(MetaSamples.COPYRIGHT);
        byte[] seconds = MetaSamples.longs(ByteOrder.LITTLE_ENDIAN, MetaSamples.LAT_SECONDS_X100);
        assertThat(indexOf(Files.readAllBytes(out), seconds)).as("GPS bytes gone from the file").isEqualTo(-1);
    }

    @Test
    void defaultKeepsMetadataWithoutLocationAndConvertsToSrgb() {
        assertThat(Recipe.defaults().metadata())
                .isEqualTo(new MetadataSpec(MetadataPolicy.STRIP_GPS, ColorPolicy.SRGB));
    }

    @Test
    void pngOutputCarriesExifAndXmpChunks() throws Exception {
        Path out = run(camera(ByteOrder.BIG_ENDIAN), MetadataPolicy.KEEP, OutputFormat.PNG);
        assertUpright(out);
        Metadata md = ImageMetadataReader.readMetadata(out.toFile());
        ExifIFD0Directory ifd0 = md.getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertThat(ifd0.getString(ExifIFD0Directory.TAG_MODEL)).isEqualTo(MetaSamples.MODEL);
        assertThat(ifd0.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(1);
        assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        assertThat(xmp(md)).contains(MetaSamples.CREATOR);
    }

    @Test
    void pngSourceExifGoesIntoJpegOutput() throws Exception {
        BufferedImage stored = MetaSamples.storedForOrientation6(upright());
        byte[] thumb = TestImages.jpegBytes(TestImages.filled(8, 8, 0x808080), 0.8f, false);
        byte[] png = MetaSamples.pngWith(io.pixpool.testing.TestImages.encode(stored, "png"),
                "eXIf", MetaSamples.exif(ByteOrder.BIG_ENDIAN, 6, 40, 60, thumb),
                "iTXt", MetaSamples.xmpItxt(MetaSamples.xmp(6)));
        Path src = Files.write(dir.resolve("phone.png"), png);
        Path out = run(src, MetadataPolicy.STRIP_GPS, OutputFormat.JPG);
        assertUpright(out);
        Metadata md = ImageMetadataReader.readMetadata(out.toFile());
        assertThat(md.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION))
                .isEqualTo(1);
        assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(xmp(md)).contains(MetaSamples.CREATOR).doesNotContain("GPS");
    }

    @Test
    void webpSourceExifAndXmpGoIntoJpegOutput() throws Exception {
        byte[] simple = io.pixpool.testing.TestImages.webp();
        BufferedImage decoded = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(simple));
        int w = decoded.getWidth();
        int h = decoded.getHeight();
        byte[] thumb = TestImages.jpegBytes(TestImages.filled(8, 8, 0x808080), 0.8f, false);
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        body.writeBytes("WEBP".getBytes(StandardCharsets.ISO_8859_1));
        byte[] vp8x = new byte[10];
        vp8x[0] = 0x08 | 0x04; // EXIF and XMP present
        vp8x[4] = (byte) (w - 1);
        vp8x[5] = (byte) ((w - 1) >> 8);
        vp8x[7] = (byte) (h - 1);
        vp8x[8] = (byte) ((h - 1) >> 8);
        riffChunk(body, "VP8X", vp8x);
        body.write(simple, 12, simple.length - 12); // the image chunk
        riffChunk(body, "EXIF", MetaSamples.exif(ByteOrder.LITTLE_ENDIAN, 1, w, h, thumb));
        riffChunk(body, "XMP ", MetaSamples.xmp(1));
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        file.writeBytes("RIFF".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes(MetaSamples.longs(ByteOrder.LITTLE_ENDIAN, body.size()));
        file.writeBytes(body.toByteArray());
        Path src = Files.write(dir.resolve("web.webp"), file.toByteArray());
        Path out = Jobs.run(src, dir.resolve("webp-out"), Jobs.recipe(ResizeSpec.none(), OutputFormat.JPG)
                .withMetadata(MetadataSpec.defaults().withMetadata(MetadataPolicy.KEEP)));
        assertThat(TestImages.read(out).getWidth()).isEqualTo(w);
        Metadata md = ImageMetadataReader.readMetadata(out.toFile());
        assertThat(md.getFirstDirectoryOfType(ExifIFD0Directory.class).getString(ExifIFD0Directory.TAG_MAKE))
                .isEqualTo(MetaSamples.MAKE);
        assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        assertThat(xmp(md)).contains(MetaSamples.CREATOR);
    }

    private static void riffChunk(java.io.ByteArrayOutputStream out, String type, byte[] data) {
        out.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(MetaSamples.longs(ByteOrder.LITTLE_ENDIAN, data.length));
        out.writeBytes(data);
        if ((data.length & 1) == 1) out.write(0);
    }

    @Test
    void formatsWithoutMetadataStillWorkAndCarryNone() throws Exception {
        Path src = camera(ByteOrder.BIG_ENDIAN);
        for (OutputFormat f : new OutputFormat[] {OutputFormat.BMP, OutputFormat.GIF, OutputFormat.TIFF}) {
            Path out = run(src, MetadataPolicy.KEEP, f);
            assertUpright(out);
            assertThat(new String(Files.readAllBytes(out), StandardCharsets.ISO_8859_1)).as(f.id())
                    .doesNotContain(MetaSamples.MODEL);
        }
    }

    @Test
    void brokenExifIsLeftOutNotCopied() throws Exception {
        byte[] thumb = TestImages.jpegBytes(TestImages.filled(8, 8, 0x808080), 0.8f, false);
        byte[] tiff = MetaSamples.exif(ByteOrder.BIG_ENDIAN, 1, 60, 40, thumb);
        byte[] cut = Arrays.copyOf(tiff, 40); // IFD0 runs past the end
        Path src = Files.write(dir.resolve("broken.jpg"), MetaSamples.jpegWith(
                TestImages.jpegBytes(upright(), 0.95f, false), MetaSamples.exifSegment(cut)));
        Path out = run(src, MetadataPolicy.KEEP, OutputFormat.JPG);
        assertUpright(out);
        assertThat(ImageMetadataReader.readMetadata(out.toFile()).getFirstDirectoryOfType(ExifIFD0Directory.class))
                .isNull();
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(1e-6);
    }

    private static String xmp(Metadata md) {
        XmpDirectory x = md.getFirstDirectoryOfType(XmpDirectory.class);
        assertThat(x).as("XMP present").isNotNull();
        try {
            return com.adobe.internal.xmp.XMPMetaFactory.serializeToString(x.getXMPMeta(), null);
        } catch (com.adobe.internal.xmp.XMPException e) {
            throw new AssertionError(e);
        }
    }

    private static void assertNoErrors(Metadata md) {
        for (Directory d : md.getDirectories()) assertThat(d.getErrors()).as(d.getName()).isEmpty();
    }

    private static int indexOf(byte[] data, byte[] pattern) {
        outer:
        for (int i = 0; i + pattern.length <= data.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) continue outer;
            }
            return i;
        }
        return -1;
    }
}
