package io.pixpool.core;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The metadata blocks of a source file, as stored (null when absent).
 *
 * @param exif EXIF as a TIFF structure (starting with II or MM, without the "Exif\0\0" prefix)
 * @param xmp  the XMP packet (UTF-8 XML)
 * @param iptc Photoshop image resource blocks (the payload of a JPEG APP13 "Photoshop 3.0" segment)
 * @param icc  the ICC colour profile
 */
record SourceMetadata(byte[] exif, byte[] xmp, byte[] iptc, byte[] icc) {

    static final SourceMetadata NONE = new SourceMetadata(null, null, null, null);

    /**
     * Reads the blocks of {@code file}, whose format ImageIO named {@code format}: JPEG segments, PNG chunks or
     * WebP chunks. Other formats (TIFF, BMP, GIF) give {@link #NONE}. Unparseable metadata counts as absent: the
     * decoder is the judge of whether the picture itself is readable.
     */
    static SourceMetadata read(Path file, String format) throws IOException {
        switch (format) {
            case "jpeg": return JpegSegments.read(file);
            case "png": return PngChunks.read(file);
            case "webp": return WebpChunks.read(file);
            default: return NONE;
        }
    }
}
