package io.pixpool.core;

import com.drew.imaging.ImageProcessingException;
import com.drew.imaging.jpeg.JpegMetadataReader;
import com.drew.imaging.png.PngMetadataReader;
import com.drew.imaging.tiff.TiffMetadataReader;
import com.drew.imaging.webp.WebpMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.MetadataException;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifReader;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

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
     * Reads the orientation of {@code file}, whose format ImageIO named {@code format}. Only JPEG, TIFF, WebP and
     * PNG (eXIf chunk) carry one. A missing or unreadable EXIF block means upright: broken metadata must not stop
     * an otherwise readable picture from being processed.
     */
    static Orientation read(Path file, String format) throws IOException {
        if (!List.of("jpeg", "png", "tiff", "webp").contains(format)) return NORMAL;
        Metadata md;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            md = parse(in, format);
        }
        if (md == null) return NORMAL;
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

    /**
     * The file's metadata, or null when metadata-extractor cannot parse it. The decoders are the judges of whether
     * the file is readable (a truncated PNG fails there, with a better message); here it only means "no EXIF".
     */
    private static Metadata parse(InputStream in, String format) {
        try {
            switch (format) {
                case "jpeg": return JpegMetadataReader.readMetadata(in, List.of(new ExifReader()));
                case "png": return PngMetadataReader.readMetadata(in);
                case "tiff": return TiffMetadataReader.readMetadata(in);
                default: return WebpMetadataReader.readMetadata(in);
            }
        } catch (ImageProcessingException | IOException | RuntimeException unparseable) {
            return null;
        }
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
