package io.pixpool.core.jpeg;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import org.w3c.dom.Node;

/** JPEGs written by the JDK's encoder with chosen sampling, progression and restart interval; the JDK's decode. */
final class JpegSamples {

    private JpegSamples() {
    }

    /** How to encode: luma sampling factors (chroma is 1x1), progressive or not, restart interval in MCUs (0: none). */
    record Kind(String name, int h, int v, boolean grey, boolean progressive, int restart) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Kind BASELINE_420 = new Kind("baseline 4:2:0", 2, 2, false, false, 0);
    static final Kind BASELINE_444 = new Kind("baseline 4:4:4", 1, 1, false, false, 0);
    static final Kind BASELINE_422 = new Kind("baseline 4:2:2", 2, 1, false, false, 0);
    static final Kind BASELINE_440 = new Kind("baseline 4:4:0", 1, 2, false, false, 0);
    static final Kind BASELINE_GREY = new Kind("baseline grey", 1, 1, true, false, 0);
    static final Kind BASELINE_RESTART = new Kind("baseline 4:2:0 restart 3", 2, 2, false, false, 3);
    static final Kind PROGRESSIVE_420 = new Kind("progressive 4:2:0", 2, 2, false, true, 0);
    static final Kind PROGRESSIVE_444 = new Kind("progressive 4:4:4", 1, 1, false, true, 0);
    static final Kind PROGRESSIVE_422 = new Kind("progressive 4:2:2", 2, 1, false, true, 0);
    static final Kind PROGRESSIVE_GREY = new Kind("progressive grey", 1, 1, true, true, 0);
    static final Kind PROGRESSIVE_RESTART = new Kind("progressive 4:2:0 restart 5", 2, 2, false, true, 5);

    static final Kind[] ALL = {BASELINE_420, BASELINE_444, BASELINE_422, BASELINE_440, BASELINE_GREY,
        BASELINE_RESTART, PROGRESSIVE_420, PROGRESSIVE_444, PROGRESSIVE_422, PROGRESSIVE_GREY, PROGRESSIVE_RESTART};

    /** A photo-like picture: gradients, noise, sharp coloured shapes and thin lines (all DCT frequencies in use). */
    static BufferedImage picture(int w, int h, boolean grey) {
        BufferedImage img = new BufferedImage(w, h, grey ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Random rnd = new Random(w * 31L + h);
        BufferedImage rgb = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int r = 255 * x / Math.max(1, w - 1);
                int g = 255 * y / Math.max(1, h - 1);
                int b = 255 * (x + 2 * y) / Math.max(1, w + 2 * h - 3);
                int n = rnd.nextInt(9) - 4;
                rgb.setRGB(x, y, clamp(r + n) << 16 | clamp(g + n) << 8 | clamp(b - n));
            }
        }
        Graphics2D g = rgb.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(new Color(220, 30, 40));
        g.fillOval(w / 5, h / 6, Math.max(1, w / 3), Math.max(1, h / 3));
        g.setColor(new Color(20, 200, 90));
        g.fillRect(w / 2, h / 2, Math.max(1, w / 4), Math.max(1, h / 5));
        g.setColor(Color.WHITE);
        for (int i = 0; i < w; i += 23) g.drawLine(i, 0, w - i, h);
        g.dispose();
        Graphics2D gi = img.createGraphics();
        gi.drawImage(rgb, 0, 0, null);
        gi.dispose();
        return img;
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    static byte[] encode(BufferedImage img, Kind k, float quality) {
        ImageWriter w = jdk(ImageIO.getImageWritersByFormatName("jpeg"));
        try {
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(quality);
            if (k.progressive()) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            IIOMetadata md = w.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), p);
            String f = "javax_imageio_jpeg_image_1.0";
            IIOMetadataNode root = (IIOMetadataNode) md.getAsTree(f);
            IIOMetadataNode seq = (IIOMetadataNode) root.getElementsByTagName("markerSequence").item(0);
            IIOMetadataNode sof = (IIOMetadataNode) seq.getElementsByTagName("sof").item(0);
            Node spec = sof.getElementsByTagName("componentSpec").item(0);
            ((IIOMetadataNode) spec).setAttribute("HsamplingFactor", Integer.toString(k.h()));
            ((IIOMetadataNode) spec).setAttribute("VsamplingFactor", Integer.toString(k.v()));
            if (k.restart() > 0) {
                IIOMetadataNode dri = new IIOMetadataNode("dri");
                dri.setAttribute("interval", Integer.toString(k.restart()));
                seq.insertBefore(dri, sof);
            }
            md.setFromTree(f, root);
            ByteArrayOutputStream bos = new ByteArrayOutputStream();
            try (ImageOutputStream out = ImageIO.createImageOutputStream(bos)) {
                w.setOutput(out);
                w.write(null, new IIOImage(img, null, md), p);
            }
            return bos.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            w.dispose();
        }
    }

    /**
     * A baseline three-component 4:4:4 JPEG with one scan per component (non-interleaved), assembled from a grey
     * JPEG of {@code img}: its one scan is repeated for components 1, 2 and 3 (so Y = Cb = Cr = the grey samples).
     */
    static byte[] scanPerComponent(BufferedImage img) {
        byte[] g = encode(img, BASELINE_GREY, 0.9f);
        int sof = firstMarker(g, 0xC0);
        int sos = firstMarker(g, 0xDA);
        int sofLen = (g[sof + 2] & 0xFF) << 8 | (g[sof + 3] & 0xFF);
        int sosLen = (g[sos + 2] & 0xFF) << 8 | (g[sos + 3] & 0xFF);
        int eoi = g.length - 2;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(g, 0, sof);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xC0, 0, 17, 8});
        out.write(g, sof + 5, 4); // height, width
        out.writeBytes(new byte[] {3, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0});
        out.write(g, sof + 2 + sofLen, sos - (sof + 2 + sofLen)); // the Huffman tables
        for (int c = 1; c <= 3; c++) {
            out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xDA, 0, 8, 1, (byte) c, 0, 0, 63, 0});
            out.write(g, sos + 2 + sosLen, eoi - (sos + 2 + sosLen));
        }
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
        return out.toByteArray();
    }

    /** The JDK reader's full-size decode, as 0xRRGGBB ints (grey replicated). */
    static int[] jdkDecode(byte[] jpeg) {
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(jpeg))) {
            ImageReader r = jdk(ImageIO.getImageReaders(in));
            try {
                r.setInput(in);
                BufferedImage img = r.read(0);
                Raster ras = img.getRaster();
                int w = img.getWidth();
                int h = img.getHeight();
                int nb = ras.getNumBands();
                int[] px = new int[nb];
                int[] out = new int[w * h];
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        ras.getPixel(x, y, px);
                        out[y * w + x] = nb == 1 ? px[0] * 0x010101 : px[0] << 16 | px[1] << 8 | px[2];
                    }
                }
                return out;
            } finally {
                r.dispose();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T jdk(Iterator<T> it) {
        while (it.hasNext()) {
            T t = it.next();
            if (t.getClass().getName().startsWith("com.sun.imageio.plugins.jpeg.")) return t;
        }
        throw new IllegalStateException("no JDK JPEG plugin");
    }

    /** Mean and max absolute channel difference of {@code img} against {@code ref} (w x h) box-averaged by scale. */
    static double[] diff(BufferedImage img, int[] ref, int w, int h, int scale) {
        double sum = 0;
        double max = 0;
        long n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                for (int c = 0; c < 24; c += 8) {
                    long acc = 0;
                    int cnt = 0;
                    for (int yy = y * scale; yy < Math.min(h, y * scale + scale); yy++) {
                        for (int xx = x * scale; xx < Math.min(w, x * scale + scale); xx++) {
                            acc += ref[yy * w + xx] >> c & 255;
                            cnt++;
                        }
                    }
                    double d = Math.abs((p >> c & 255) - (double) acc / cnt);
                    sum += d;
                    max = Math.max(max, d);
                    n++;
                }
            }
        }
        return new double[] {sum / n, max};
    }

    /** Offsets of every marker with code {@code m} outside entropy data (scan data never holds 0xFF m for m != 0). */
    static int firstMarker(byte[] b, int m) {
        for (int i = 2; i + 1 < b.length; i++) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == m) return i;
        }
        return -1;
    }
}
