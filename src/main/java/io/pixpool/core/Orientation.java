package io.pixpool.core;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The EXIF orientation (TIFF tag 274) of a source: how the stored pixels must be turned to be shown upright.
 * Values as in the EXIF spec: 1 upright, 2 mirrored, 3 turned 180, 4 flipped, 5 transposed, 6 needs 90 clockwise,
 * 7 transversed, 8 needs 90 counter-clockwise.
 */
enum Orientation {
    NORMAL, MIRROR_H, ROTATE_180, MIRROR_V, TRANSPOSE, ROTATE_90, TRANSVERSE, ROTATE_270;

    /** The orientation for an EXIF value; anything outside 1..8 counts as upright. */
    static Orientation of(int exifValue) {
        return exifValue >= 1 && exifValue <= 8 ? values()[exifValue - 1] : NORMAL;
    }

    int exifValue() {
        return ordinal() + 1;
    }

    /** Whether width and height trade places. */
    boolean swapsSides() {
        return ordinal() >= TRANSPOSE.ordinal();
    }

    /**
     * The orientation of the file {@code dec} has open. JPEG, PNG (eXIf chunk) and WebP carry it in the EXIF block
     * the decoder reads with the other metadata blocks anyway (IFD0 read directly: for the one tag, a full
     * metadata-extractor parse cost a fresh worker about 70 ms of class loading and warm-up, and a second read of the
     * file); TIFF files in their own first IFD, read with metadata-extractor. A missing or unreadable EXIF block
     * means upright: broken metadata must not stop an otherwise readable picture from being processed.
     */
    static Orientation read(ImageDecoder dec) throws IOException {
        switch (dec.format()) {
            case "jpeg":
            case "png":
            case "webp":
                return of(ExifRewriter.orientation(dec.metadata().exif()));
            case "tiff":
                return tiff(dec.path());
            default:
                return NORMAL;
        }
    }

    private static Orientation tiff(Path file) throws IOException {
        Metadata md;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            try {
                md = TiffMetadataReader.readMetadata(in);
            } catch (ImageProcessingException | IOException | RuntimeException unparseable) {
                // the decoder is the judge of whether the file is readable; here it only means "no orientation"
                return NORMAL;
            }
        }
        for (ExifIFD0Directory dir : md.getDirectoriesOfType(ExifIFD0Directory.class)) {
            if (dir.containsTag(ExifIFD0Directory.TAG_ORIENTATION)) {
                try {
                    return of(dir.getInt(ExifIFD0Directory.TAG_ORIENTATION));
                } catch (MetadataException notANumber) {
                    return NORMAL;
                }
            }
        }
        return NORMAL;
    }

    /** The stored image turned upright; the same object for {@link #NORMAL}. */
    BufferedImage apply(BufferedImage stored) {
        if (this == NORMAL) return stored;
        BufferedImage src = Pixels.plain(stored);
        int w = src.getWidth();
        int h = src.getHeight();
        int ow = swapsSides() ? h : w;
        int oh = swapsSides() ? w : h;
        BufferedImage dst = Pixels.blank(src, ow, oh);
        int[] in = Pixels.data(src);
        int[] out = Pixels.data(dst);
        for (int y = 0; y < oh; y++) {
            int o = y * ow;
            for (int x = 0; x < ow; x++) {
                out[o + x] = in[sourceIndex(x, y, w, h)];
            }
        }
        return dst;
    }

    /** Index into the stored pixels of the pixel shown at upright position (x, y). */
    private int sourceIndex(int x, int y, int w, int h) {
        switch (this) {
            case MIRROR_H: return y * w + (w - 1 - x);
            case ROTATE_180: return (h - 1 - y) * w + (w - 1 - x);
            case MIRROR_V: return (h - 1 - y) * w + x;
            case TRANSPOSE: return x * w + y;
            case ROTATE_90: return (h - 1 - x) * w + y;
            case TRANSVERSE: return (h - 1 - x) * w + (w - 1 - y);
            case ROTATE_270: return x * w + (w - 1 - y);
            default: return y * w + x;
        }
    }
}
