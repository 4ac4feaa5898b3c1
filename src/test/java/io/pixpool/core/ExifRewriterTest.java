package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.ExifThumbnailDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.lang.ByteArrayReader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The EXIF block corrections on their own, read back with metadata-extractor. */
class ExifRewriterTest {

    private static final byte[] THUMB = TestImages.jpegBytes(TestImages.filled(16, 16, 0x406080), 0.9f, false);

    private static Metadata parse(byte[] tiff) {
        Metadata md = new Metadata();
        new ExifReader().extract(new ByteArrayReader(tiff), md, 0);
        return md;
    }

    @Test
    void thumbnailAtTheEndIsCutOffAndGpsBytesAreZeroed() throws Exception {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN}) {
            byte[] src = MetaSamples.exif(order, 8, 4000, 3000, THUMB);
            byte[] out = ExifRewriter.rewrite(src, 800, 600, true);
            assertThat(out.length).as("thumbnail and IFD1 cut off").isLessThanOrEqualTo(src.length - THUMB.length);
            Metadata md = parse(out);
            assertThat(md.getFirstDirectoryOfType(ExifIFD0Directory.class).getInt(ExifIFD0Directory.TAG_ORIENTATION))
                    .isEqualTo(1);
            ExifSubIFDDirectory sub = md.getFirstDirectoryOfType(ExifSubIFDDirectory.class);
            assertThat(sub.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_WIDTH)).isEqualTo(800);
            assertThat(sub.getInt(ExifSubIFDDirectory.TAG_EXIF_IMAGE_HEIGHT)).isEqualTo(600);
            assertThat(md.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
            assertThat(md.getFirstDirectoryOfType(ExifThumbnailDirectory.class)).isNull();
            byte[] seconds = MetaSamples.longs(order, MetaSamples.LAT_SECONDS_X100);
            assertThat(contains(out, seconds)).isFalse();
        }
    }

    @Test
    void keepingGpsKeepsItsValues() throws Exception {
        byte[] out = ExifRewriter.rewrite(MetaSamples.exif(ByteOrder.BIG_ENDIAN, 6, 40, 30, THUMB), 40, 30, false);
        GpsDirectory gps = parse(out).getFirstDirectoryOfType(GpsDirectory.class);
        assertThat(gps.getGeoLocation()).isNotNull();
        assertThat(gps.getString(GpsDirectory.TAG_LATITUDE_REF)).isEqualTo("N");
    }

    @Test
    void orientationOnlyBlockKeepsItsSize() throws Exception {
        byte[] src = TestImages.exifTiff(6);
        byte[] out = ExifRewriter.rewrite(src, 10, 10, true);
        assertThat(out).hasSize(src.length);
        assertThat(parse(out).getFirstDirectoryOfType(ExifIFD0Directory.class)
                .getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(1);
    }

    @Test
    void anUnreadableThumbnailPointerIsDroppedNotTheWholeBlock() throws Exception {
        byte[] src = TestImages.exifTiff(3);
        ByteBuffer.wrap(src).putInt(8 + 2 + 12, 0x7FFF0000); // IFD1 far outside the block
        byte[] out = ExifRewriter.rewrite(src, 10, 10, false);
        assertThat(ByteBuffer.wrap(out).getInt(8 + 2 + 12)).isZero();
        assertThat(parse(out).getFirstDirectoryOfType(ExifIFD0Directory.class)
                .getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(1);
    }

    @Test
    void blocksThatDoNotParseAreRefused() {
        assertThatThrownBy(() -> ExifRewriter.rewrite("not a tiff".getBytes(), 1, 1, false))
                .isInstanceOf(ExifRewriter.MalformedExifException.class);
        byte[] cut = Arrays.copyOf(MetaSamples.exif(ByteOrder.BIG_ENDIAN, 1, 1, 1, THUMB), 30);
        assertThatThrownBy(() -> ExifRewriter.rewrite(cut, 1, 1, false))
                .isInstanceOf(ExifRewriter.MalformedExifException.class);
    }

    private static boolean contains(byte[] data, byte[] pattern) {
        for (int i = 0; i + pattern.length <= data.length; i++) {
            if (Arrays.equals(data, i, i + pattern.length, pattern, 0, pattern.length)) return true;
        }
        return false;
    }
}
