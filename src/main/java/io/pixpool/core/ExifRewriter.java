package io.pixpool.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Corrects an EXIF block (a TIFF structure) for the output, patching it in place so every offset (maker notes
 * included) stays valid: Orientation becomes 1, the image and pixel dimensions become the output's, the thumbnail
 * (IFD1 and its JPEG) is removed, and optionally the GPS block too. Removed data is zeroed, and cut off when it was
 * at the end.
 */
final class ExifRewriter {

    static final int ORIENTATION = 0x0112;
    static final int IMAGE_WIDTH = 0x0100;
    static final int IMAGE_LENGTH = 0x0101;
    static final int EXIF_IFD = 0x8769;
    static final int GPS_IFD = 0x8825;
    static final int INTEROP_IFD = 0xA005;
    static final int PIXEL_X = 0xA002;
    static final int PIXEL_Y = 0xA003;

    private static final int SHORT = 3;
    private static final int LONG = 4;
    private static final int[] TYPE_SIZE = {0, 1, 1, 2, 4, 8, 1, 1, 2, 4, 8, 4, 8, 4};

    private final byte[] b;
    private final boolean little;
    /** Byte ranges [from, to) still referenced, and ranges removed. */
    private final List<int[]> kept = new ArrayList<>();
    private final List<int[]> dropped = new ArrayList<>();

    private ExifRewriter(byte[] tiff) {
        this.b = tiff.clone();
        this.little = b[0] == 'I';
    }

    /** Thrown for a structure that does not parse; the caller then writes no EXIF rather than a wrong one. */
    static final class MalformedExifException extends Exception {
        MalformedExifException(String message) {
            super(message);
        }
    }

    /**
     * The corrected block.
     *
     * @throws MalformedExifException the block is not a TIFF structure this can follow
     */
    static byte[] rewrite(byte[] tiff, int width, int height, boolean dropGps) throws MalformedExifException {
        if (tiff.length < 8 || !(tiff[0] == 'I' && tiff[1] == 'I' || tiff[0] == 'M' && tiff[1] == 'M')) {
            throw new MalformedExifException("not a TIFF header");
        }
        return new ExifRewriter(tiff).run(width, height, dropGps);
    }

    /**
     * The orientation value (tag 274) in IFD0 of an EXIF block; 0 when there is none or the block does not parse
     * as far as that entry (an IFD cut short still gives the entries before the cut).
     */
    static int orientation(byte[] tiff) {
        if (tiff == null || tiff.length < 8 || !(tiff[0] == 'I' && tiff[1] == 'I' || tiff[0] == 'M' && tiff[1] == 'M')) {
            return 0;
        }
        ExifRewriter r = new ExifRewriter(tiff);
        try {
            if (r.u16(2) != 42) return 0;
            int ifd0 = r.u32(4);
            if (ifd0 < 8) return 0;
            int n = r.u16(ifd0);
            for (int i = 0, e = ifd0 + 2; i < n && e + 12 <= tiff.length; i++, e += 12) {
                if (r.u16(e) != ORIENTATION) continue;
                int type = r.u16(e + 2);
                return type == SHORT ? r.u16(e + 8) : type == LONG ? r.u32(e + 8) : 0;
            }
        } catch (MalformedExifException unparseable) {
            return 0;
        }
        return 0;
    }

    private byte[] run(int width, int height, boolean dropGps) throws MalformedExifException {
        if (u16(2) != 42) throw new MalformedExifException("bad TIFF magic");
        kept.add(new int[] {0, 8});
        int ifd0 = u32(4);
        int n = entries(ifd0);
        int exif = -1;
        int gps = -1;
        int gpsIndex = -1;
        for (int i = 0; i < n; i++) {
            int e = ifd0 + 2 + 12 * i;
            int tag = u16(e);
            if (tag == ORIENTATION) setShort(e, 1);
            else if (tag == IMAGE_WIDTH) setLong(e, width);
            else if (tag == IMAGE_LENGTH) setLong(e, height);
            else if (tag == EXIF_IFD) exif = u32(e + 8);
            else if (tag == GPS_IFD) {
                gps = u32(e + 8);
                gpsIndex = i;
            }
        }
        int next = ifd0 + 2 + 12 * n;
        int ifd1 = u32(next);
        put32(next, 0);
        if (ifd1 != 0) dropThumbnail(ifd1);
        if (gps > 0 && dropGps) {
            tolerant(gps);
            n = removeEntry(ifd0, n, gpsIndex);
        } else if (gps > 0) {
            walk(gps, kept);
        }
        walk(ifd0, kept);
        if (exif > 0) {
            int en = entries(exif);
            for (int i = 0; i < en; i++) {
                int e = exif + 2 + 12 * i;
                int tag = u16(e);
                if (tag == PIXEL_X) setLong(e, width);
                else if (tag == PIXEL_Y) setLong(e, height);
                else if (tag == INTEROP_IFD && u32(e + 8) > 0) walk(u32(e + 8), kept);
            }
            walk(exif, kept);
        }
        boolean[] keep = new boolean[b.length];
        for (int[] r : kept) Arrays.fill(keep, r[0], r[1], true);
        for (int[] r : dropped) {
            // a value shared with a kept entry (some writers share data) stays
            for (int i = r[0]; i < r[1]; i++) {
                if (!keep[i]) b[i] = 0;
            }
        }
        return trimmed();
    }

    /** Marks a block being removed for zeroing as far as it parses: it goes either way. */
    private void tolerant(int ifd) {
        List<int[]> found = new ArrayList<>();
        try {
            walk(ifd, found);
        } catch (MalformedExifException unparseable) {
            // the pointer to it is gone; bytes that cannot be located stay as they are
        }
        dropped.addAll(found);
    }

    private void dropThumbnail(int ifd1) {
        try {
            thumbnail(ifd1);
        } catch (MalformedExifException unparseable) {
            // an unreadable IFD1 is simply no longer pointed to
        }
    }

    private void thumbnail(int ifd1) throws MalformedExifException {
        int n = entries(ifd1);
        int offset = -1;
        int length = 0;
        for (int i = 0; i < n; i++) {
            int e = ifd1 + 2 + 12 * i;
            if (u16(e) == 0x0201) offset = u32(e + 8);
            if (u16(e) == 0x0202) length = u32(e + 8);
        }
        walk(ifd1, dropped);
        if (offset > 0 && length > 0 && (long) offset + length <= b.length) dropped.add(new int[] {offset, offset + length});
    }

    /** Removes entry {@code index} of the IFD at {@code ifd} (entries stay sorted); returns the new count. */
    private int removeEntry(int ifd, int n, int index) {
        int e = ifd + 2 + 12 * index;
        int end = ifd + 2 + 12 * n + 4;
        System.arraycopy(b, e + 12, b, e, end - e - 12);
        Arrays.fill(b, end - 12, end, (byte) 0);
        put16(ifd, n - 1);
        return n - 1;
    }

    /** Records the IFD's own bytes and its out-of-line values in {@code into}. */
    private void walk(int ifd, List<int[]> into) throws MalformedExifException {
        int n = entries(ifd);
        into.add(new int[] {ifd, ifd + 2 + 12 * n + 4});
        for (int i = 0; i < n; i++) {
            int e = ifd + 2 + 12 * i;
            int type = u16(e + 2);
            long size = type < TYPE_SIZE.length ? (long) TYPE_SIZE[type] * (u32(e + 4) & 0xFFFFFFFFL) : 0;
            if (size > 4) {
                long off = u32(e + 8) & 0xFFFFFFFFL;
                if (off + size > b.length) throw new MalformedExifException("value outside the EXIF block");
                into.add(new int[] {(int) off, (int) (off + size)});
            }
        }
    }

    private int entries(int ifd) throws MalformedExifException {
        if (ifd < 8 || ifd + 2 > b.length) throw new MalformedExifException("IFD outside the EXIF block");
        int n = u16(ifd);
        if ((long) ifd + 2 + 12L * n + 4 > b.length) throw new MalformedExifException("IFD runs past the block");
        return n;
    }

    /** Cuts off the tail when nothing kept lives there and it holds nothing but removed (zeroed) bytes. */
    private byte[] trimmed() {
        int end = 0;
        for (int[] r : kept) end = Math.max(end, r[1]);
        for (int i = end; i < b.length; i++) {
            if (b[i] != 0) return b;
        }
        return Arrays.copyOf(b, Math.max(end, 8));
    }

    private void setShort(int e, int v) {
        put16(e + 2, SHORT);
        put32(e + 4, 1);
        put32(e + 8, 0);
        put16(e + 8, v);
    }

    private void setLong(int e, int v) {
        put16(e + 2, LONG);
        put32(e + 4, 1);
        put32(e + 8, v);
    }

    private int u16(int p) throws MalformedExifException {
        if (p < 0 || p + 2 > b.length) throw new MalformedExifException("offset outside the EXIF block");
        int x = b[p] & 0xFF;
        int y = b[p + 1] & 0xFF;
        return little ? y << 8 | x : x << 8 | y;
    }

    private int u32(int p) throws MalformedExifException {
        if (p < 0 || p + 4 > b.length) throw new MalformedExifException("offset outside the EXIF block");
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int k = little ? 3 - i : i;
            v = v << 8 | (b[p + k] & 0xFF);
        }
        return v;
    }

    private void put16(int p, int v) {
        b[p + (little ? 0 : 1)] = (byte) v;
        b[p + (little ? 1 : 0)] = (byte) (v >> 8);
    }

    private void put32(int p, int v) {
        for (int i = 0; i < 4; i++) b[p + (little ? i : 3 - i)] = (byte) (v >> (8 * i));
    }
}
