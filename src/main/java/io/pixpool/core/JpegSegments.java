package io.pixpool.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.BufferedInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/** Reads the metadata segments of a JPEG file (up to the first scan) and builds segments to write. */
final class JpegSegments {

    static final byte[] EXIF = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] XMP = "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] PHOTOSHOP = "Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1);
    static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1);

    /** Largest payload of one segment (the 16-bit length counts itself). */
    static final int MAX_PAYLOAD = 65533;
    private static final int ICC_CHUNK = MAX_PAYLOAD - ICC.length - 2;

    private JpegSegments() {
    }

    static SourceMetadata read(Path file) throws IOException {
        return read(file, null);
    }

    /**
     * The metadata blocks of a JPEG; with {@code iccSegments}, also where its ICC_PROFILE segments are: for each, the
     * file offsets of its first byte and of the byte after it.
     */
    static SourceMetadata read(Path file, List<long[]> iccSegments) throws IOException {
        byte[] exif = null;
        byte[] xmp = null;
        byte[] iptc = null;
        TreeMap<Integer, byte[]> icc = new TreeMap<>();
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 14)) {
            if (in.read() != 0xFF || in.read() != 0xD8) return SourceMetadata.NONE;
            long pos = 2;
            while (true) {
                long start = pos;
                int b = in.read();
                if (b != 0xFF) break;
                int m = in.read();
                pos += 2;
                while (m == 0xFF) {
                    m = in.read();
                    pos++;
                }
                if (m < 0 || m == 0xDA || m == 0xD9) break;
                if (m == 0x01 || (m >= 0xD0 && m <= 0xD7)) continue;
                int hi = in.read();
                int lo = in.read();
                if (lo < 0) break;
                int len = (hi << 8 | lo) - 2;
                if (len < 0) break;
                pos += 2 + len;
                boolean wanted = m == 0xE1 || m == 0xE2 || m == 0xED;
                if (!wanted) {
                    if (!skip(in, len)) break;
                    continue;
                }
                byte[] p = in.readNBytes(len);
                if (p.length < len) break;
                if (m == 0xE1 && exif == null && startsWith(p, EXIF)) {
                    exif = Arrays.copyOfRange(p, EXIF.length, p.length);
                } else if (m == 0xE1 && xmp == null && startsWith(p, XMP)) {
                    xmp = Arrays.copyOfRange(p, XMP.length, p.length);
                } else if (m == 0xED && iptc == null && startsWith(p, PHOTOSHOP)) {
                    iptc = Arrays.copyOfRange(p, PHOTOSHOP.length, p.length);
                } else if (m == 0xE2 && startsWith(p, ICC) && p.length > ICC.length + 2) {
                    icc.putIfAbsent(p[ICC.length] & 0xFF, Arrays.copyOfRange(p, ICC.length + 2, p.length));
                    if (iccSegments != null) iccSegments.add(new long[] {start, pos});
                }
            }
        }
        return new SourceMetadata(exif, xmp, iptc, join(icc));
    }

    private static boolean skip(InputStream in, long n) throws IOException {
        while (n > 0) {
            long k = in.skip(n);
            if (k <= 0) {
                if (in.read() < 0) return false;
                k = 1;
            }
            n -= k;
        }
        return true;
    }

    private static byte[] join(TreeMap<Integer, byte[]> chunks) {
        if (chunks.isEmpty()) return null;
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        chunks.values().forEach(all::writeBytes);
        return all.toByteArray();
    }

    static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }

    /** One segment: marker, length, {@code header} then {@code body}. */
    static void segment(ByteArrayOutputStream out, int marker, byte[] header, byte[] body) {
        int len = header.length + body.length + 2;
        if (len - 2 > MAX_PAYLOAD) throw new IllegalArgumentException("segment too large: " + len);
        out.write(0xFF);
        out.write(marker);
        out.write(len >> 8);
        out.write(len & 0xFF);
        out.writeBytes(header);
        out.writeBytes(body);
    }

    /** The profile as a chain of APP2 ICC_PROFILE segments (sequence numbers from 1). */
    static void icc(ByteArrayOutputStream out, byte[] profile) {
        int n = (profile.length + ICC_CHUNK - 1) / ICC_CHUNK;
        if (n > 255) throw new IllegalArgumentException("ICC profile too large for JPEG: " + profile.length);
        for (int i = 0; i < n; i++) {
            byte[] header = Arrays.copyOf(ICC, ICC.length + 2);
            header[ICC.length] = (byte) (i + 1);
            header[ICC.length + 1] = (byte) n;
            int from = i * ICC_CHUNK;
            segment(out, 0xE2, header, Arrays.copyOfRange(profile, from, Math.min(profile.length, from + ICC_CHUNK)));
        }
    }
}
