package io.pixpool.core;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * An output stream that inserts prepared bytes into an encoder's JPEG or PNG stream as it passes: after SOI and a
 * JFIF APP0 segment (JPEG), or after the signature and IHDR chunk (PNG). Everything else passes unchanged.
 */
final class MetadataWriter extends FilterOutputStream {

    private final byte[] insert;
    private final boolean jpeg;
    /** The start of the stream, held until the insertion point is known. */
    private byte[] head = new byte[64];
    private int held;
    private boolean done;

    private MetadataWriter(OutputStream out, byte[] insert, boolean jpeg) {
        super(out);
        this.insert = insert;
        this.jpeg = jpeg;
    }

    /** {@code out} itself when there is nothing to insert. */
    static OutputStream jpeg(OutputStream out, byte[] segments) {
        return segments.length == 0 ? out : new MetadataWriter(out, segments, true);
    }

    static OutputStream png(OutputStream out, byte[] chunks) {
        return chunks.length == 0 ? out : new MetadataWriter(out, chunks, false);
    }

    @Override
    public void write(int b) throws IOException {
        if (done) out.write(b);
        else write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (done) {
            out.write(b, off, len);
            return;
        }
        if (held + len > head.length) head = Arrays.copyOf(head, Math.max(head.length * 2, held + len));
        System.arraycopy(b, off, head, held, len);
        held += len;
        int at = jpeg ? jpegPoint() : pngPoint();
        if (at >= 0) {
            out.write(head, 0, at);
            out.write(insert);
            out.write(head, at, held - at);
            head = null;
            done = true;
        }
    }

    /** Where the JPEG segments go: after SOI, and after APP0 when it follows; -1 until enough is known. */
    private int jpegPoint() throws IOException {
        if (held < 4) return -1;
        if ((head[0] & 0xFF) != 0xFF || (head[1] & 0xFF) != 0xD8) throw new IOException("encoder wrote no JPEG SOI");
        if ((head[2] & 0xFF) != 0xFF || (head[3] & 0xFF) != 0xE0) return 2;
        if (held < 6) return -1;
        int end = 4 + ((head[4] & 0xFF) << 8 | head[5] & 0xFF);
        return held >= end ? end : -1;
    }

    /** After the 8-byte signature and the IHDR chunk (4 length + 4 type + 13 data + 4 CRC). */
    private int pngPoint() throws IOException {
        int end = 8 + 25;
        if (held < end) return -1;
        if (!Arrays.equals(head, 0, 8, PngChunks.SIGNATURE, 0, 8) || head[12] != 'I' || head[13] != 'H') {
            throw new IOException("encoder wrote no PNG header");
        }
        return end;
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (!done && held > 0) {
            out.write(head, 0, held);
            done = true;
        }
        super.close();
    }
}
