package io.pixpool.core;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Converts an INT_RGB/ARGB image whose values are in an RGB ICC colour space to sRGB (and sRGB values into such a
 * space), with the JDK's colour management (LittleCMS). Alpha is kept as it is. Meant for the resized image, where it is cheap.
 */
final class ColourConverter {

    private ColourConverter() {
    }

    static BufferedImage toSrgb(BufferedImage img, ICC_Profile source) {
        return convert(img, new ICC_ColorSpace(source), ColorSpace.getInstance(ColorSpace.CS_sRGB));
    }

    /** The other way: sRGB values (e.g. a watermark logo) into the RGB space of {@code target}. */
    static BufferedImage fromSrgb(BufferedImage img, ICC_Profile target) {
        return convert(img, ColorSpace.getInstance(ColorSpace.CS_sRGB), new ICC_ColorSpace(target));
    }

    /** One 0xRRGGBB sRGB colour in the RGB space of {@code target}. */
    static int fromSrgb(int rgb, ICC_Profile target) {
        BufferedImage one = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        one.setRGB(0, 0, rgb);
        return fromSrgb(one, target).getRGB(0, 0) & 0xFFFFFF;
    }

    private static BufferedImage convert(BufferedImage img, ColorSpace from, ColorSpace to) {
        BufferedImage src = Pixels.plain(img);
        int w = src.getWidth();
        int h = src.getHeight();
        int[] px = Pixels.data(src);
        byte[] rgb = new byte[px.length * 3];
        for (int i = 0, j = 0; i < px.length; i++, j += 3) {
            int p = px[i];
            rgb[j] = (byte) (p >> 16);
            rgb[j + 1] = (byte) (p >> 8);
            rgb[j + 2] = (byte) p;
        }
        BufferedImage in = rgbBytes(from, rgb, w, h);
        BufferedImage out = rgbBytes(to, new byte[rgb.length], w, h);
        new ColorConvertOp(null).filter(in, out);
        byte[] conv = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        BufferedImage dst = new BufferedImage(w, h, src.getType());
        int[] o = Pixels.data(dst);
        for (int i = 0, j = 0; i < px.length; i++, j += 3) {
            o[i] = (px[i] & 0xFF000000) | (conv[j] & 0xFF) << 16 | (conv[j + 1] & 0xFF) << 8 | (conv[j + 2] & 0xFF);
        }
        return dst;
    }

    private static BufferedImage rgbBytes(ColorSpace cs, byte[] data, int w, int h) {
        ComponentColorModel cm = new ComponentColorModel(cs, false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster r = Raster.createInterleavedRaster(new DataBufferByte(data, data.length), w, h, w * 3, 3,
                new int[] {0, 1, 2}, null);
        return new BufferedImage(cm, r, false, null);
    }
}
