package io.pixpool.core;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * An output stream that adds EXIF and XMP chunks to the WebP file an encoder writes through it. The encoder's file is
 * held in memory (the WebP encoder builds it in memory anyway) and, on close, written as an extended WebP: a
 * {@code VP8X} header with the EXIF/XMP flags (added when the encoder wrote a simple {@code VP8 }/{@code VP8L}
 * file), the encoder's chunks unchanged, then the metadata chunks, with the RIFF size corrected.
 */
final class WebpMetadataWriter extends FilterOutputStream {

    /** A {@code VP8X} chunk: 8 header bytes and 10 of payload. */
    static final int VP8X_BYTES = 18;
    private static final int FLAG_ALPHA = 0x10;
    private static final int FLAG_EXIF = 0x08;
    private static final int FLAG_XMP = 0x04;

    private final byte[] chunks;
    private final int flags;
    private final int width;
    private final int height;
    private final ByteArrayOutputStream file = new ByteArrayOutputStream(1 << 16);
    private boolean closed;

    private WebpMetadataWriter(OutputStream out, byte[] chunks, int flags, int width, int height) {
        super(out);
        this.chunks = chunks;
        this.flags = flags;
        this.width = width;
        this.height = height;
    }

    /** {@code out} itself when there is nothing to add. {@code exif} is a TIFF block (no "Exif" prefix). */
    static OutputStream wrap(OutputStream out, byte[] exif, byte[] xmp, int width, int height) {
        byte[] chunks = chunks(exif, xmp);
        if (chunks.length == 0) return out;
        int flags = (exif != null ? FLAG_EXIF : 0) | (xmp != null ? FLAG_XMP : 0);
        return new WebpMetadataWriter(out, chunks, flags, width, height);
    }

    /** The EXIF and XMP chunks (either may be null), each padded to an even length. */
    static byte[] chunks(byte[] exif, byte[] xmp) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        if (exif != null) chunk(b, "EXIF", exif, 0, exif.length);
        if (xmp != null) chunk(b, "XMP ", xmp, 0, xmp.length);
        return b.toByteArray();
    }

    @Override
    public void write(int b) {
        file.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        file.write(b, off, len);
    }

    @Override
    public void flush() {
        // the file is written on close, when it is complete
    }

    @Override
    public void close() throws IOException {
        if (closed) return;
        closed = true;
        try {
            out.write(extended(file.toByteArray()));
        } finally {
            super.close();
        }
    }

    private byte[] extended(byte[] webp) throws IOException {
        if (webp.length < 20 || !ascii(webp, 0).equals("RIFF") || !ascii(webp, 8).equals("WEBP")) {
            throw new IOException("encoder wrote no WebP header");
        }
        String first = ascii(webp, 12);
        ByteArrayOutputStream b = new ByteArrayOutputStream(webp.length + chunks.length + VP8X_BYTES);
        b.write(webp, 0, 12);
        if (first.equals("VP8X")) {
            b.write(webp, 12, webp.length - 12);
            byte[] r = b.toByteArray();
            r[20] |= (byte) flags;
            return finish(r);
        }
        int alpha = first.equals("VP8L") && webp.length > 24 && (webp[24] & 0x10) != 0 ? FLAG_ALPHA : 0;
        byte[] vp8x = new byte[10];
        vp8x[0] = (byte) (flags | alpha);
        le24(vp8x, 4, width - 1);
        le24(vp8x, 7, height - 1);
        chunk(b, "VP8X", vp8x, 0, vp8x.length);
        b.write(webp, 12, webp.length - 12);
        return finish(b.toByteArray());
    }

    /** Appends the metadata chunks and sets the RIFF size. */
    private byte[] finish(byte[] head) {
        byte[] r = new byte[head.length + chunks.length];
        System.arraycopy(head, 0, r, 0, head.length);
        System.arraycopy(chunks, 0, r, head.length, chunks.length);
        int riff = r.length - 8;
        r[4] = (byte) riff;
        r[5] = (byte) (riff >>> 8);
        r[6] = (byte) (riff >>> 16);
        r[7] = (byte) (riff >>> 24);
        return r;
    }

    private static void chunk(ByteArrayOutputStream b, String type, byte[] data, int off, int len) {
        b.writeBytes(type.getBytes(StandardCharsets.ISO_8859_1));
        b.write(len);
        b.write(len >>> 8);
        b.write(len >>> 16);
        b.write(len >>> 24);
        b.write(data, off, len);
        if ((len & 1) != 0) b.write(0);
    }

    private static void le24(byte[] b, int at, int v) {
        b[at] = (byte) v;
        b[at + 1] = (byte) (v >>> 8);
        b[at + 2] = (byte) (v >>> 16);
    }

    private static String ascii(byte[] b, int from) {
        return new String(b, from, 4, StandardCharsets.ISO_8859_1);
    }
}
