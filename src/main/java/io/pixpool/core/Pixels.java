package io.pixpool.core;

import java.awt.AlphaComposite;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SinglePixelPackedSampleModel;
import java.awt.image.WritableRaster;

/**
 * Pixel-format helpers. Everything after decoding works on {@code TYPE_INT_RGB} or {@code TYPE_INT_ARGB}
 * images (what imgscalr and Java2D handle fast), so decoded images are normalised here once.
 */
final class Pixels {

    private Pixels() {
    }

    static boolean isIntRgb(BufferedImage img) {
        int t = img.getType();
        return t == BufferedImage.TYPE_INT_RGB || t == BufferedImage.TYPE_INT_ARGB;
    }

    /**
     * The image as {@code TYPE_INT_ARGB} (if it has alpha) or {@code TYPE_INT_RGB}; the same object when it
     * already is one. Grey and 16-bit images are scaled sample by sample, not through Java2D's colour
     * management (which treats grey as linear light and would wash 16-bit greys out).
     */
    static BufferedImage toIntRgb(BufferedImage src) {
        if (isIntRgb(src)) return src;
        ColorModel cm = src.getColorModel();
        if (cm instanceof ComponentColorModel && direct(cm)) {
            return interleavedBytes(src) ? copyBytes(src) : copySamples(src, (ComponentColorModel) cm);
        }
        BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(),
                cm.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    /** Integer samples in sRGB or grey that are not one of the standard types Java2D converts natively. */
    private static boolean direct(ColorModel cm) {
        int tt = cm.getTransferType();
        boolean intSamples = tt == DataBuffer.TYPE_BYTE || tt == DataBuffer.TYPE_USHORT || tt == DataBuffer.TYPE_INT;
        ColorSpace cs = cm.getColorSpace();
        boolean grey = cs.getType() == ColorSpace.TYPE_GRAY && cm.getNumColorComponents() == 1;
        boolean rgb = cs.isCS_sRGB() && cm.getNumColorComponents() == 3;
        return intSamples && (grey || rgb) && !cm.isAlphaPremultiplied();
    }

    /** 8-bit samples interleaved in one byte array (3BYTE_BGR, 4BYTE_ABGR, BYTE_GRAY, the PNG reader's RGB(A)). */
    private static boolean interleavedBytes(BufferedImage img) {
        WritableRaster r = img.getRaster();
        for (int bits : img.getColorModel().getComponentSize()) {
            if (bits != 8) return false;
        }
        return r.getSampleModel() instanceof PixelInterleavedSampleModel
                && r.getDataBuffer() instanceof DataBufferByte
                && r.getDataBuffer().getNumBanks() == 1;
    }

    /** The fast path of {@link #toIntRgb}: reads the byte array directly (the decoder's output is mostly this). */
    private static BufferedImage copyBytes(BufferedImage src) {
        int w = src.getWidth();
        int h = src.getHeight();
        WritableRaster r = src.getRaster();
        PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) r.getSampleModel();
        byte[] in = ((DataBufferByte) r.getDataBuffer()).getData();
        int base = r.getDataBuffer().getOffset()
                - r.getSampleModelTranslateY() * sm.getScanlineStride()
                - r.getSampleModelTranslateX() * sm.getPixelStride();
        int ps = sm.getPixelStride();
        int ss = sm.getScanlineStride();
        int[] off = sm.getBandOffsets();
        boolean alpha = src.getColorModel().hasAlpha();
        boolean grey = src.getColorModel().getNumColorComponents() == 1;
        BufferedImage dst = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] out = data(dst);
        int o0 = off[0];
        int o1 = grey ? off[0] : off[1];
        int o2 = grey ? off[0] : off[2];
        int oa = alpha ? off[off.length - 1] : 0;
        for (int y = 0; y < h; y++) {
            int i = base + y * ss;
            int o = y * w;
            for (int x = 0; x < w; x++, i += ps) {
                int a = alpha ? in[i + oa] & 0xFF : 255;
                out[o + x] = a << 24 | (in[i + o0] & 0xFF) << 16 | (in[i + o1] & 0xFF) << 8 | (in[i + o2] & 0xFF);
            }
        }
        return dst;
    }

    private static BufferedImage copySamples(BufferedImage src, ComponentColorModel cm) {
        int w = src.getWidth();
        int h = src.getHeight();
        boolean alpha = cm.hasAlpha();
        int colors = cm.getNumColorComponents();
        int bands = cm.getNumComponents();
        BufferedImage dst = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] out = data(dst);
        int[] max = new int[bands];
        for (int b = 0; b < bands; b++) max[b] = (1 << cm.getComponentSize(b)) - 1;
        int[] row = new int[w * bands];
        WritableRaster r = src.getRaster();
        for (int y = 0; y < h; y++) {
            r.getPixels(0, y, w, 1, row);
            int o = y * w;
            for (int x = 0, i = 0; x < w; x++, i += bands) {
                int red = scale(row[i], max[0]);
                int green = colors == 1 ? red : scale(row[i + 1], max[1]);
                int blue = colors == 1 ? red : scale(row[i + 2], max[2]);
                int a = alpha ? scale(row[i + colors], max[colors]) : 255;
                out[o + x] = a << 24 | red << 16 | green << 8 | blue;
            }
        }
        return dst;
    }

    private static int scale(int v, int max) {
        if (max == 255) return v & 0xFF;
        long s = ((long) v * 255 + max / 2) / max;
        return (int) Math.max(0, Math.min(255, s));
    }

    /** Alpha composited over an opaque background colour (0xRRGGBB); opaque images are returned as they are. */
    static BufferedImage flatten(BufferedImage src, int background) {
        if (!src.getColorModel().hasAlpha()) return toIntRgb(src);
        BufferedImage dst = new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = dst.createGraphics();
        try {
            g.setColor(new Color(background));
            g.fillRect(0, 0, src.getWidth(), src.getHeight());
            g.setComposite(AlphaComposite.SrcOver);
            g.drawImage(src, 0, 0, null);
        } finally {
            g.dispose();
        }
        return dst;
    }

    /**
     * An opaque INT_RGB image as 8-bit samples in R, G, B byte order: the layout the JDK JPEG writer takes without
     * reordering (encoding from it is about three times faster than from INT_RGB).
     */
    static BufferedImage toRgbBytes(BufferedImage img) {
        BufferedImage src = plain(flatten(img, 0xFFFFFF));
        int w = src.getWidth();
        int h = src.getHeight();
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, w * 3, 3,
                new int[] {0, 1, 2}, null);
        byte[] out = ((DataBufferByte) raster.getDataBuffer()).getData();
        int[] in = data(src);
        for (int i = 0, o = 0; i < in.length; i++, o += 3) {
            int p = in[i];
            out[o] = (byte) (p >> 16);
            out[o + 1] = (byte) (p >> 8);
            out[o + 2] = (byte) p;
        }
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        return new BufferedImage(cm, raster, false, null);
    }

    /**
     * An opaque image whose pixels are 8-bit R, G, B bytes, 3 per pixel, row after row with no gaps, from index 0
     * of its one byte array (the JDK JPEG reader's destination here, and {@link #toRgbBytes}'s result).
     */
    static boolean isRgbBytes(BufferedImage img) {
        WritableRaster r = img.getRaster();
        if (!(r.getSampleModel() instanceof PixelInterleavedSampleModel)
                || !(r.getDataBuffer() instanceof DataBufferByte)) {
            return false;
        }
        PixelInterleavedSampleModel sm = (PixelInterleavedSampleModel) r.getSampleModel();
        int[] off = sm.getBandOffsets();
        ColorModel cm = img.getColorModel();
        return !cm.hasAlpha() && cm.getNumComponents() == 3 && cm.getColorSpace().isCS_sRGB()
                && cm instanceof ComponentColorModel && off.length == 3 && off[0] == 0 && off[1] == 1 && off[2] == 2
                && sm.getPixelStride() == 3 && sm.getScanlineStride() == 3 * img.getWidth()
                && r.getDataBuffer().getNumBanks() == 1 && r.getDataBuffer().getOffset() == 0
                && r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0
                && sm.getWidth() == img.getWidth() && sm.getSampleSize(0) == 8 && sm.getSampleSize(1) == 8
                && sm.getSampleSize(2) == 8;
    }

    /** The byte array of an {@link #isRgbBytes} image. */
    static byte[] rgbBytes(BufferedImage img) {
        if (!isRgbBytes(img)) throw new IllegalArgumentException("not an R, G, B byte image");
        return ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    }

    /** A new image of the same kind (RGB or ARGB) as {@code like}. */
    static BufferedImage blank(BufferedImage like, int w, int h) {
        return new BufferedImage(w, h, like.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    /**
     * The packed pixel array of a {@link #isPlain plain} INT_RGB/ARGB image, laid out as {@code y * width + x}.
     */
    static int[] data(BufferedImage img) {
        if (!isPlain(img)) throw new IllegalArgumentException("not a plain INT_RGB/ARGB image");
        return ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    }

    /** INT_RGB/ARGB whose raster is its own (not a sub-image view), so its array can be indexed directly. */
    static boolean isPlain(BufferedImage img) {
        WritableRaster r = img.getRaster();
        return isIntRgb(img)
                && r.getSampleModel() instanceof SinglePixelPackedSampleModel
                && ((SinglePixelPackedSampleModel) r.getSampleModel()).getScanlineStride() == img.getWidth()
                && r.getSampleModelTranslateX() == 0 && r.getSampleModelTranslateY() == 0
                && r.getDataBuffer() instanceof DataBufferInt && r.getDataBuffer().getOffset() == 0;
    }

    /** {@code img} as a plain INT_RGB/ARGB image whose {@link #data} can be indexed directly. */
    static BufferedImage plain(BufferedImage img) {
        BufferedImage rgb = toIntRgb(img);
        if (isPlain(rgb)) return rgb;
        BufferedImage copy = blank(rgb, rgb.getWidth(), rgb.getHeight());
        copy.setData(rgb.getRaster());
        return copy;
    }
}
