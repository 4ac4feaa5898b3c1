package io.pixpool.core;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** Reads the EXIF and XMP chunks of a WebP file (RIFF). Its ICCP profile is left to the decoder. */
final class WebpChunks {

    private static final int MAX_CHUNK = 16 << 20;

    private WebpChunks() {
    }

    static SourceMetadata read(Path file) throws IOException {
        byte[] exif = null;
        byte[] xmp = null;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 14)) {
            byte[] h = in.readNBytes(12);
            if (h.length < 12 || !ascii(h, 0, 4).equals("RIFF") || !ascii(h, 8, 4).equals("WEBP")) {
                return SourceMetadata.NONE;
            }
            while (true) {
                byte[] c = in.readNBytes(8);
                if (c.length < 8) break;
                String type = ascii(c, 0, 4);
                long len = (c[4] & 0xFFL) | (c[5] & 0xFFL) << 8 | (c[6] & 0xFFL) << 16 | (c[7] & 0xFFL) << 24;
                long padded = len + (len & 1);
                if ((type.equals("EXIF") || type.equals("XMP ")) && len <= MAX_CHUNK) {
                    byte[] d = in.readNBytes((int) len);
                    if (d.length < len) break;
                    in.skipNBytes(padded - len);
                    if (type.equals("EXIF") && exif == null) {
                        exif = JpegSegments.startsWith(d, JpegSegments.EXIF)
                                ? Arrays.copyOfRange(d, JpegSegments.EXIF.length, d.length) : d;
                    } else if (xmp == null) {
                        xmp = d;
                    }
                } else {
                    in.skipNBytes(padded);
                }
            }
        } catch (EOFException truncated) {
            return new SourceMetadata(exif, xmp, null, null);
        }
        return new SourceMetadata(exif, xmp, null, null);
    }

    private static String ascii(byte[] b, int from, int n) {
        return new String(b, from, n, StandardCharsets.ISO_8859_1);
    }
}
