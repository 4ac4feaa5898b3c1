package io.pixpool.core;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/** Reads the metadata chunks of a PNG file (eXIf, iTXt XMP, iCCP) and builds chunks to write. */
final class PngChunks {

    static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    static final String XMP_KEYWORD = "XML:com.adobe.xmp";
    /** Decompressed text and profiles above this are ignored (a zip bomb must not fill the heap). */
    private static final int MAX_INFLATED = 16 << 20;

    private PngChunks() {
    }

    static SourceMetadata read(Path file) throws IOException {
        byte[] exif = null;
        byte[] xmp = null;
        byte[] icc = null;
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 14))) {
            byte[] sig = in.readNBytes(8);
            if (!Arrays.equals(sig, SIGNATURE)) return SourceMetadata.NONE;
            while (true) {
                int len = in.readInt();
                String type = new String(in.readNBytes(4), StandardCharsets.ISO_8859_1);
                if (len < 0 || type.equals("IEND")) break;
                boolean wanted = type.equals("eXIf") || type.equals("iTXt") || type.equals("iCCP");
                if (!wanted || len > MAX_INFLATED) {
                    in.skipNBytes(len + 4L);
                    continue;
                }
                byte[] d = in.readNBytes(len);
                if (d.length < len) break;
                in.skipNBytes(4);
                if (type.equals("eXIf") && exif == null) {
                    exif = d;
                } else if (type.equals("iCCP") && icc == null) {
                    int z = indexOf(d, 0);
                    if (z > 0 && z + 2 <= d.length && d[z + 1] == 0) icc = inflate(d, z + 2);
                } else if (type.equals("iTXt") && xmp == null) {
                    xmp = xmp(d);
                }
            }
        } catch (EOFException truncated) {
            // what was read before the end still counts; the decoder reports the truncation
            return new SourceMetadata(exif, xmp, null, icc);
        }
        return new SourceMetadata(exif, xmp, null, icc);
    }

    /** The text of an iTXt chunk with the XMP keyword, else null. */
    private static byte[] xmp(byte[] d) {
        int z = indexOf(d, 0);
        if (z < 0 || !new String(d, 0, z, StandardCharsets.ISO_8859_1).equals(XMP_KEYWORD) || z + 3 > d.length) {
            return null;
        }
        boolean compressed = d[z + 1] != 0;
        int lang = indexOf(d, z + 3);
        int translated = lang < 0 ? -1 : indexOf(d, lang + 1);
        if (translated < 0) return null;
        return compressed ? inflate(d, translated + 1) : Arrays.copyOfRange(d, translated + 1, d.length);
    }

    private static int indexOf(byte[] d, int from) {
        for (int i = from; i < d.length; i++) {
            if (d[i] == 0) return i;
        }
        return -1;
    }

    /** Inflates a zlib stream; null when it is corrupt or too large. */
    private static byte[] inflate(byte[] d, int from) {
        Inflater inf = new Inflater();
        try {
            inf.setInput(d, from, d.length - from);
            ByteArrayOutputStream out = new ByteArrayOutputStream(d.length * 3);
            byte[] buf = new byte[8192];
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) return null;
                out.write(buf, 0, n);
                if (out.size() > MAX_INFLATED) return null;
            }
            return out.toByteArray();
        } catch (DataFormatException corrupt) {
            return null;
        } finally {
            inf.end();
        }
    }

    static byte[] deflate(byte[] d) {
        Deflater def = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            def.setInput(d);
            def.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(d.length / 2 + 64);
            byte[] buf = new byte[8192];
            while (!def.finished()) out.write(buf, 0, def.deflate(buf));
            return out.toByteArray();
        } finally {
            def.end();
        }
    }

    /** One chunk: length, type, data, CRC of type and data. */
    static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        int n = data.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        long c = crc.getValue();
        out.write((int) (c >>> 24));
        out.write((int) (c >>> 16));
        out.write((int) (c >>> 8));
        out.write((int) c);
    }

    static byte[] iccp(byte[] profile) {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes("ICC Profile".getBytes(StandardCharsets.ISO_8859_1));
        d.write(0);
        d.write(0);
        d.writeBytes(deflate(profile));
        return d.toByteArray();
    }

    static byte[] itxtXmp(byte[] xmp) {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes(XMP_KEYWORD.getBytes(StandardCharsets.ISO_8859_1));
        d.write(0);
        d.write(0); // not compressed
        d.write(0); // method
        d.write(0); // no language
        d.write(0); // no translated keyword
        d.writeBytes(xmp);
        return d.toByteArray();
    }
}
