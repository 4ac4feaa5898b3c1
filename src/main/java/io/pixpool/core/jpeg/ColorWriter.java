package io.pixpool.core.jpeg;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Turns the decoded component planes into a TYPE_INT_RGB image, or rows of packed pixels for a {@link RowSink}:
 * chroma upsampled to the output size (libjpeg's "fancy" triangle filter for 2x1, 2x2 and 1x2 subsampling, as the
 * JDK reader does; replication otherwise), then YCbCr to RGB with libjpeg's JFIF integer tables.
 */
final class ColorWriter {

    /**
     * libjpeg's JFIF tables, each offset by {@link #LIMIT_OFFSET} so that luma plus a table entry indexes
     * {@link #LIMIT}, which clamps to 0..255 without a branch (libjpeg's range_limit).
     */
    private static final int[] CR_R = new int[256];
    private static final int[] CB_B = new int[256];
    private static final int[] CR_G = new int[256];
    private static final int[] CB_G = new int[256];
    private static final int LIMIT_OFFSET = 256;
    private static final int[] LIMIT = new int[256 + 2 * LIMIT_OFFSET];

    static {
        final int one = 1 << 16;
        final int half = 1 << 15;
        for (int i = 0; i < 256; i++) {
            int x = i - 128;
            CR_R[i] = ((int) Math.round(1.40200 * one) * x + half >> 16) + LIMIT_OFFSET;
            CB_B[i] = ((int) Math.round(1.77200 * one) * x + half >> 16) + LIMIT_OFFSET;
            CR_G[i] = -(int) Math.round(0.71414 * one) * x;
            CB_G[i] = -(int) Math.round(0.34414 * one) * x + half + (LIMIT_OFFSET << 16);
        }
        for (int i = 0; i < LIMIT.length; i++) LIMIT[i] = Math.max(0, Math.min(255, i - LIMIT_OFFSET));
    }

    private final Component[] comps;
    private final int width;
    private final int height;
    private final BufferedImage image;
    private final int[] out;
    private final RowSink sink;
    private final byte[] yRow;
    private final byte[] bRow;
    private final byte[] rRow;
    private final int[] colsum;
    /** Output rows written so far. */
    private int done;

    /** Writes into a new TYPE_INT_RGB image (which {@link #finish} returns), or, with a {@code sink}, row by row there. */
    ColorWriter(Component[] comps, int width, int height, RowSink sink) {
        this.comps = comps;
        this.width = width;
        this.height = height;
        this.sink = sink;
        image = sink == null ? new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB) : null;
        out = image == null ? null : ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
        int rowLen = width + 8;
        yRow = new byte[rowLen];
        bRow = new byte[rowLen];
        rRow = new byte[rowLen];
        colsum = new int[rowLen];
    }

    /**
     * Writes the output rows whose samples are all decoded, now that each component's plane holds
     * {@code planeRows[i]} rows (rows are written while their pixels are still in the cache).
     */
    void advance(int[] planeRows) {
        int to = done;
        while (to < height && ready(to, planeRows)) to++;
        if (comps.length == 1) {
            writeGrey(done, to);
        } else {
            writeColour(done, to);
        }
        done = to;
    }

    /** Writes all rows not yet written; the image, or null when the rows went to a sink. */
    BufferedImage finish() {
        int[] all = new int[comps.length];
        java.util.Arrays.fill(all, Integer.MAX_VALUE);
        advance(all);
        return image;
    }

    /** Whether output row {@code y} needs only plane rows below {@code planeRows} (its own and the neighbour). */
    private boolean ready(int y, int[] planeRows) {
        for (int i = 0; i < comps.length; i++) {
            Component c = comps[i];
            int need = Math.min(y / c.vr + 1, c.ch - 1);
            if (c.vr == 1) need = Math.min(y, c.ch - 1);
            if (need >= planeRows[i]) return false;
        }
        return true;
    }

    private static final long GREY_PACKED = 1L << 2 * RowSink.FIELD | 1L << RowSink.FIELD | 1L;

    private void writeGrey(int from, int to) {
        Component c = comps[0];
        byte[] p = c.plane;
        for (int y = from, o = from * width; y < to; y++) {
            int r = c.rowOffset(y);
            if (sink != null) {
                long[] row = sink.row(y);
                for (int x = 0; x < width; x++) row[x] = (p[r + x] & 0xFF) * GREY_PACKED;
                sink.rowDone(y);
                continue;
            }
            for (int x = 0; x < width; x++) out[o++] = (p[r + x] & 0xFF) * 0x010101;
        }
    }

    private void writeColour(int from, int to) {
        Component cy = comps[0];
        Component cb = comps[1];
        Component cr = comps[2];
        int[] out = this.out;
        for (int y = from, o = from * width; y < to; y++) {
            byte[] ys = row(cy, y, yRow, colsum);
            int yo = cy.hr == 1 && cy.vr == 1 ? cy.rowOffset(y) : 0;
            byte[] bs = row(cb, y, bRow, colsum);
            int bo = cb.hr == 1 && cb.vr == 1 ? cb.rowOffset(y) : 0;
            byte[] rs = row(cr, y, rRow, colsum);
            int ro = cr.hr == 1 && cr.vr == 1 ? cr.rowOffset(y) : 0;
            long[] packed = sink == null ? null : sink.row(y);
            for (int x = 0; x < width; x++) {
                int l = ys[yo + x] & 0xFF;
                int u = bs[bo + x] & 0xFF;
                int v = rs[ro + x] & 0xFF;
                int r = LIMIT[l + CR_R[v]];
                int g = LIMIT[l + ((CB_G[u] + CR_G[v]) >> 16)];
                int b = LIMIT[l + CB_B[u]];
                if (packed != null) {
                    packed[x] = (long) r << 2 * RowSink.FIELD | (long) g << RowSink.FIELD | b;
                } else {
                    out[o++] = r << 16 | g << 8 | b;
                }
            }
            if (packed != null) sink.rowDone(y);
        }
    }

    /**
     * Row {@code y} of the output for component {@code c}: the plane itself when it is full size (the caller adds
     * the row offset), else {@code tmp} filled with the upsampled row.
     */
    private byte[] row(Component c, int y, byte[] tmp, int[] colsum) {
        if (c.hr == 1 && c.vr == 1) return c.plane;
        byte[] p = c.plane;
        int s = c.stride;
        int cw = c.cw;
        int sy = Math.min(y / c.vr, c.ch - 1);
        if (c.hr == 1 && c.vr == 2) {
            // h1v2 fancy: the nearer chroma row weighs 3, the other 1 (the JDK reader does this too)
            int ny = (y & 1) == 0 ? sy - 1 : sy + 1;
            ny = ny < 0 ? 0 : Math.min(ny, c.ch - 1);
            int bias = 1 + (y & 1);
            for (int x = 0, r = c.rowOffset(sy), r2 = c.rowOffset(ny); x < width; x++) {
                tmp[x] = (byte) (((p[r + x] & 0xFF) * 3 + (p[r2 + x] & 0xFF) + bias) >> 2);
            }
            return tmp;
        }
        boolean fancy = cw > 2 && c.hr == 2 && (c.vr == 1 || c.vr == 2);
        if (!fancy) {
            int r = c.rowOffset(sy);
            int hr = c.hr;
            if (hr == 1) {
                System.arraycopy(p, r, tmp, 0, width);
            } else if (hr == 2) {
                for (int x = 0, i = r; x < width; x += 2, i++) {
                    tmp[x] = p[i];
                    tmp[x + 1] = p[i];
                }
            } else {
                for (int x = 0; x < width; x++) tmp[x] = p[r + Math.min(x / hr, cw - 1)];
            }
            return tmp;
        }
        int r = c.rowOffset(sy);
        if (c.vr == 1) {
            // libjpeg h2v1_fancy_upsample
            tmp[0] = p[r];
            tmp[1] = (byte) (((p[r] & 0xFF) * 3 + (p[r + 1] & 0xFF) + 2) >> 2);
            for (int i = 1; i < cw - 1; i++) {
                int v = (p[r + i] & 0xFF) * 3;
                tmp[2 * i] = (byte) ((v + (p[r + i - 1] & 0xFF) + 1) >> 2);
                tmp[2 * i + 1] = (byte) ((v + (p[r + i + 1] & 0xFF) + 2) >> 2);
            }
            int i = cw - 1;
            tmp[2 * i] = (byte) (((p[r + i] & 0xFF) * 3 + (p[r + i - 1] & 0xFF) + 1) >> 2);
            tmp[2 * i + 1] = p[r + i];
            return tmp;
        }
        // libjpeg h2v2_fancy_upsample: the nearer chroma row weighs 3, the other 1, then the same across
        int ny = (y & 1) == 0 ? sy - 1 : sy + 1;
        ny = ny < 0 ? 0 : Math.min(ny, c.ch - 1);
        int r2 = c.rowOffset(ny);
        for (int i = 0; i < cw; i++) colsum[i] = (p[r + i] & 0xFF) * 3 + (p[r2 + i] & 0xFF);
        tmp[0] = (byte) ((colsum[0] * 4 + 8) >> 4);
        tmp[1] = (byte) ((colsum[0] * 3 + colsum[1] + 7) >> 4);
        for (int i = 1; i < cw - 1; i++) {
            int v = colsum[i] * 3;
            tmp[2 * i] = (byte) ((v + colsum[i - 1] + 8) >> 4);
            tmp[2 * i + 1] = (byte) ((v + colsum[i + 1] + 7) >> 4);
        }
        int i = cw - 1;
        tmp[2 * i] = (byte) ((colsum[i] * 3 + colsum[i - 1] + 8) >> 4);
        tmp[2 * i + 1] = (byte) ((colsum[i] * 4 + 7) >> 4);
        return tmp;
    }
}
