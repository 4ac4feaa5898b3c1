package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Test images drawn in code, written with ImageIO or assembled byte by byte, and pixel assertions. */
final class TestImages {

    static final int RED = 0xFF0000;
    static final int GREEN = 0x00FF00;
    static final int BLUE = 0x0000FF;
    static final int WHITE = 0xFFFFFF;

    private TestImages() {
    }

    /** A w x h RGB image, {@code background} everywhere with a {@code mark}-coloured block in the top-left quarter. */
    static BufferedImage markedCorner(int w, int h, int background, int mark) {
        BufferedImage img = filled(w, h, background);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(mark));
        g.fillRect(0, 0, w / 4, h / 4);
        g.dispose();
        return img;
    }

    /** Red top-left, green top-right, blue bottom-left, white bottom-right. */
    static BufferedImage quadrants(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                boolean left = x < w / 2;
                boolean top = y < h / 2;
                img.setRGB(x, y, top ? (left ? RED : GREEN) : (left ? BLUE : WHITE));
            }
        }
        return img;
    }

    static BufferedImage filled(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return img;
    }

    /** ARGB: left half fully transparent, right half opaque {@code rgb}. */
    static BufferedImage halfTransparent(int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) img.setRGB(x, y, x < w / 2 ? 0x00000000 : 0xFF000000 | rgb);
        }
        return img;
    }

    static Path write(BufferedImage img, String format, Path file) {
        return io.pixpool.testing.TestImages.write(file, io.pixpool.testing.TestImages.encode(img, format));
    }

    static byte[] jpegBytes(BufferedImage img, float quality, boolean progressive) {
        try {
            ImageWriter w = jdkWriter("jpeg");
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            if (progressive) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(bos)) {
                w.setOutput(ios);
                w.write(null, new IIOImage(img, null, null), p);
            }
            w.dispose();
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImageWriter jdkWriter(String format) {
        for (var it = ImageIO.getImageWritersByFormatName(format); it.hasNext(); ) {
            ImageWriter w = it.next();
            if (w.getClass().getName().startsWith("com.sun.")) return w;
        }
        throw new IllegalStateException("no JDK writer for " + format);
    }

    /** A JPEG with an APP1 Exif segment (big-endian TIFF, IFD0 holding only Orientation) right after SOI. */
    static byte[] jpegWithOrientation(BufferedImage img, int orientation) {
        byte[] jpeg = jpegBytes(img, 0.95f, false);
        byte[] tiff = exifTiff(orientation);
        byte[] exif = "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1);
        int len = 2 + exif.length + tiff.length;
        ByteBuffer app1 = ByteBuffer.allocate(2 + len);
        app1.put((byte) 0xFF).put((byte) 0xE1).putShort((short) len).put(exif).put(tiff);
        return insertAfterSoi(jpeg, app1.array());
    }

    /** A PNG with an eXIf chunk (holding only Orientation) right after IHDR. */
    static byte[] pngWithOrientation(BufferedImage img, int orientation) {
        byte[] b = io.pixpool.testing.TestImages.encode(img, "png");
        int afterIhdr = 8 + 4 + 4 + 13 + 4;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, afterIhdr);
        io.pixpool.testing.TestImages.pngChunk(out, "eXIf", exifTiff(orientation));
        out.write(b, afterIhdr, b.length - afterIhdr);
        return out.toByteArray();
    }

    /** A minimal big-endian TIFF structure whose IFD0 has one entry: Orientation. */
    static byte[] exifTiff(int orientation) {
        ByteBuffer tiff = ByteBuffer.allocate(8 + 2 + 12 + 4);
        tiff.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);  // header, IFD0 at offset 8
        tiff.putShort((short) 1);                                              // one entry
        tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1);           // Orientation, SHORT, count 1
        tiff.putShort((short) orientation).putShort((short) 0);                // value, padded to 4 bytes
        tiff.putInt(0);                                                        // no next IFD
        return tiff.array();
    }

    /**
     * A 4-component Adobe CMYK JPEG (APP14 "Adobe", transform 0; samples stored inverted as Photoshop does) whose
     * left half is pure cyan and right half pure magenta+yellow (red).
     */
    static byte[] cmykJpeg(int w, int h) {
        WritableRaster r = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] cmyk = x < w / 2 ? new int[] {255, 0, 0, 0} : new int[] {0, 255, 255, 0};
                for (int i = 0; i < 4; i++) cmyk[i] = 255 - cmyk[i];
                r.setPixel(x, y, cmyk);
            }
        }
        try {
            ImageWriter wr = jdkWriter("jpeg");
            ImageWriteParam p = wr.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.95f);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ImageOutputStream ios = ImageIO.createImageOutputStream(bos)) {
                wr.setOutput(ios);
                wr.write(null, new IIOImage(r, null, null), p);
            }
            wr.dispose();
            byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
            return insertAfterSoi(bos.toByteArray(), adobe);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] insertAfterSoi(byte[] jpeg, byte[] segment) {
        assertThat(jpeg[0] & 0xFF).isEqualTo(0xFF);
        assertThat(jpeg[1] & 0xFF).isEqualTo(0xD8);
        byte[] out = new byte[jpeg.length + segment.length];
        System.arraycopy(jpeg, 0, out, 0, 2);
        System.arraycopy(segment, 0, out, 2, segment.length);
        System.arraycopy(jpeg, 2, out, 2 + segment.length, jpeg.length - 2);
        return out;
    }

    /** A PNG whose IHDR claims {@code w x h} (8-bit RGB) followed by a tiny IDAT and IEND, CRCs correct. */
    static byte[] pngHeaderOnly(int w, int h) {
        return io.pixpool.testing.TestImages.pngHeaderAndTinyIdat(w, h);
    }

    static Path resource(String name, Path dir) {
        return io.pixpool.testing.TestImages.write(dir.resolve(name), io.pixpool.testing.TestImages.resource(name));
    }

    static BufferedImage read(Path p) {
        return io.pixpool.testing.TestImages.read(p);
    }

    /** Asserts the pixel's colour channels are each within {@code tol} of {@code rgb}. */
    static void assertColor(BufferedImage img, int x, int y, int rgb, int tol) {
        int p = img.getRGB(x, y);
        String msg = String.format("pixel (%d,%d) is %06X, expected %06X +-%d", x, y, p & 0xFFFFFF, rgb, tol);
        assertThat(Math.abs((p >> 16 & 0xFF) - (rgb >> 16 & 0xFF))).as(msg).isLessThanOrEqualTo(tol);
        assertThat(Math.abs((p >> 8 & 0xFF) - (rgb >> 8 & 0xFF))).as(msg).isLessThanOrEqualTo(tol);
        assertThat(Math.abs((p & 0xFF) - (rgb & 0xFF))).as(msg).isLessThanOrEqualTo(tol);
    }

    static int alpha(BufferedImage img, int x, int y) {
        return img.getRGB(x, y) >>> 24;
    }

    /** Files in {@code dir} (names only), sorted. */
    static List<String> names(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
