package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * Test sources with real metadata, built byte by byte independently of the code under test: EXIF (TIFF) blocks
 * with camera, date, orientation, GPS and a thumbnail; XMP packets; IPTC resource blocks; JPEG and PNG files
 * carrying them; and ICC profiles (TwelveMonkeys' Adobe-RGB-compatible ClayRGB1998, the JDK's linear RGB).
 */
public final class MetaSamples {

    public static final String MAKE = "Pixcam";
    public static final String MODEL = "P-100 Mark II";
    static final String DATE = "2024:05:17 10:11:12";
    public static final String CREATOR = "Ann Author";
    static final String COPYRIGHT = "(c) 2024 Ann Author";
    /** The latitude's seconds as a rational numerator: a byte pattern that must vanish with the GPS block. */
    static final int LAT_SECONDS_X100 = 0x00BADA55;

    private MetaSamples() {
    }

    /**
     * A {@code w x h} JPEG (noise pattern, orientation 1) with EXIF (camera, date, GPS, thumbnail), XMP and IPTC,
     * for tests outside this package.
     */
    public static byte[] cameraJpeg(int w, int h) {
        BufferedImage img = io.pixpool.testing.TestImages.pattern(w, h, 7);
        byte[] thumb = io.pixpool.testing.TestImages.encode(io.pixpool.testing.TestImages.pattern(8, 8, 1), "jpg");
        return jpegWith(io.pixpool.testing.TestImages.encode(img, "jpg"),
                exifSegment(exif(ByteOrder.BIG_ENDIAN, 1, w, h, thumb)), xmpSegment(xmp(1)),
                iptcSegment(photoshopIrb()));
    }

    // ---- TIFF / EXIF ----

    /** An IFD under construction: entries (tag, type, count, value bytes or a reference). */
    static final class Ifd {
        final List<Object[]> entries = new ArrayList<>();

        Ifd add(int tag, int type, int count, byte[] value) {
            entries.add(new Object[] {tag, type, count, value, null});
            return this;
        }

        /** A LONG entry whose value is the offset of {@code target} (an Ifd or a byte[] blob). */
        Ifd pointer(int tag, Object target) {
            entries.add(new Object[] {tag, 4, 1, null, target});
            return this;
        }
    }

    /**
     * A complete EXIF block: IFD0 (Make, Model, Orientation, Exif and GPS pointers), the Exif IFD
     * (DateTimeOriginal, PixelX/YDimension), the GPS IFD (version, latitude, longitude) and IFD1 with a JPEG
     * thumbnail.
     */
    static byte[] exif(ByteOrder order, int orientation, int width, int height, byte[] thumbnail) {
        Ifd exifIfd = new Ifd()
                .add(0x9003, 2, 20, ascii(DATE))
                .add(0xA002, 3, 1, shorts(order, width))
                .add(0xA003, 3, 1, shorts(order, height));
        Ifd gps = new Ifd()
                .add(0x0000, 1, 4, new byte[] {2, 3, 0, 0})
                .add(0x0001, 2, 2, ascii("N"))
                .add(0x0002, 5, 3, longs(order, 48, 1, 51, 1, LAT_SECONDS_X100, 100))
                .add(0x0003, 2, 2, ascii("E"))
                .add(0x0004, 5, 3, longs(order, 2, 1, 17, 1, 4000, 100));
        Ifd ifd0 = new Ifd()
                .add(0x010F, 2, MAKE.length() + 1, ascii(MAKE))
                .add(0x0110, 2, MODEL.length() + 1, ascii(MODEL))
                .add(0x0112, 3, 1, shorts(order, orientation))
                .pointer(0x8769, exifIfd)
                .pointer(0x8825, gps);
        Ifd ifd1 = new Ifd()
                .add(0x0103, 3, 1, shorts(order, 6))
                .pointer(0x0201, thumbnail)
                .add(0x0202, 4, 1, longs(order, thumbnail.length));
        return tiff(order, List.of(ifd0, exifIfd, gps, ifd1), Map.of(ifd0, ifd1), List.of(thumbnail));
    }

    /** Lays the IFDs out one after the other, each followed by its out-of-line values, then the blobs. */
    static byte[] tiff(ByteOrder order, List<Ifd> ifds, Map<Ifd, Ifd> next, List<byte[]> blobs) {
        Map<Object, Integer> at = new IdentityHashMap<>();
        int pos = 8;
        for (Ifd d : ifds) {
            at.put(d, pos);
            pos += 2 + 12 * d.entries.size() + 4;
            for (Object[] e : d.entries) {
                byte[] v = (byte[]) e[3];
                if (v != null && v.length > 4) pos += v.length + (v.length & 1);
            }
        }
        for (byte[] b : blobs) {
            at.put(b, pos);
            pos += b.length;
        }
        ByteBuffer out = ByteBuffer.allocate(pos).order(order);
        out.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        out.put(order == ByteOrder.LITTLE_ENDIAN ? (byte) 'I' : (byte) 'M');
        out.putShort((short) 42).putInt(8);
        for (Ifd d : ifds) {
            int p = at.get(d);
            out.position(p);
            List<Object[]> es = new ArrayList<>(d.entries);
            es.sort(Comparator.comparingInt(e -> (Integer) e[0]));
            out.putShort((short) es.size());
            int data = p + 2 + 12 * es.size() + 4;
            for (Object[] e : es) {
                out.putShort((short) (int) (Integer) e[0]).putShort((short) (int) (Integer) e[1]).putInt((Integer) e[2]);
                byte[] v = (byte[]) e[3];
                if (v == null) {
                    out.putInt(at.get(e[4]));
                } else if (v.length <= 4) {
                    byte[] four = new byte[4];
                    System.arraycopy(v, 0, four, 0, v.length);
                    out.put(four);
                } else {
                    out.putInt(data);
                    int keep = out.position();
                    out.position(data).put(v);
                    out.position(keep);
                    data += v.length + (v.length & 1);
                }
            }
            Ifd n = next.get(d);
            out.putInt(n == null ? 0 : at.get(n));
        }
        for (byte[] b : blobs) out.position(at.get(b)).put(b);
        return out.array();
    }

    static byte[] ascii(String s) {
        return (s + "\0").getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] shorts(ByteOrder order, int... v) {
        ByteBuffer b = ByteBuffer.allocate(2 * v.length).order(order);
        for (int x : v) b.putShort((short) x);
        return b.array();
    }

    static byte[] longs(ByteOrder order, int... v) {
        ByteBuffer b = ByteBuffer.allocate(4 * v.length).order(order);
        for (int x : v) b.putInt(x);
        return b.array();
    }

    // ---- XMP and IPTC ----

    /** An XMP packet with orientation, creator, city and GPS position, in attribute and element form. */
    static byte[] xmp(int orientation) {
        String s = "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\"\n"
                + "    xmlns:tiff=\"http://ns.adobe.com/tiff/1.0/\"\n"
                + "    xmlns:exif=\"http://ns.adobe.com/exif/1.0/\"\n"
                + "    xmlns:photoshop=\"http://ns.adobe.com/photoshop/1.0/\"\n"
                + "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
                + "    tiff:Orientation=\"" + orientation + "\"\n"
                + "    tiff:Make=\"" + MAKE + "\"\n"
                + "    exif:PixelXDimension=\"4000\"\n"
                + "    exif:GPSLatitude=\"48,51.4N\"\n"
                + "    exif:GPSLongitude=\"2,17.6E\"\n"
                + "    photoshop:City=\"Paris\">\n"
                + "   <exif:GPSAltitude>35/1</exif:GPSAltitude>\n"
                + "   <dc:creator><rdf:Seq><rdf:li>" + CREATOR + "</rdf:li></rdf:Seq></dc:creator>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Photoshop resource blocks: a thumbnail resource (0x040C) and the IPTC record (by-line, copyright). */
    static byte[] photoshopIrb() {
        ByteArrayOutputStream iptc = new ByteArrayOutputStream();
        iptcRecord(iptc, 80, CREATOR);
        iptcRecord(iptc, 116, COPYRIGHT);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        resource(out, 0x040C, new byte[] {1, 2, 3, 4, 5});
        resource(out, 0x0404, iptc.toByteArray());
        return out.toByteArray();
    }

    private static void iptcRecord(ByteArrayOutputStream out, int dataset, String value) {
        byte[] v = value.getBytes(StandardCharsets.ISO_8859_1);
        out.write(0x1C);
        out.write(2);
        out.write(dataset);
        out.write(v.length >> 8);
        out.write(v.length);
        out.writeBytes(v);
    }

    private static void resource(ByteArrayOutputStream out, int id, byte[] data) {
        out.writeBytes("8BIM".getBytes(StandardCharsets.ISO_8859_1));
        out.write(id >> 8);
        out.write(id);
        out.write(0);
        out.write(0);
        int n = data.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(data);
        if ((n & 1) == 1) out.write(0);
    }

    // ---- files ----

    /** A JPEG segment: marker, length, payload. */
    static byte[] segment(int marker, byte[] header, byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int len = header.length + body.length + 2;
        out.write(0xFF);
        out.write(marker);
        out.write(len >> 8);
        out.write(len);
        out.writeBytes(header);
        out.writeBytes(body);
        return out.toByteArray();
    }

    static byte[] exifSegment(byte[] tiff) {
        return segment(0xE1, "Exif\0\0".getBytes(StandardCharsets.ISO_8859_1), tiff);
    }

    static byte[] xmpSegment(byte[] xmp) {
        return segment(0xE1, "http://ns.adobe.com/xap/1.0/\0".getBytes(StandardCharsets.ISO_8859_1), xmp);
    }

    static byte[] iptcSegment(byte[] irb) {
        return segment(0xED, "Photoshop 3.0\0".getBytes(StandardCharsets.ISO_8859_1), irb);
    }

    /** The profile as APP2 ICC_PROFILE segments of at most {@code chunk} bytes each (to test the chain). */
    public static byte[] iccSegments(byte[] profile, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = (profile.length + chunk - 1) / chunk;
        for (int i = 0; i < n; i++) {
            byte[] header = "ICC_PROFILE\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
            header[12] = (byte) (i + 1);
            header[13] = (byte) n;
            int from = i * chunk;
            byte[] part = java.util.Arrays.copyOfRange(profile, from, Math.min(profile.length, from + chunk));
            out.writeBytes(segment(0xE2, header, part));
        }
        return out.toByteArray();
    }

    /** {@code jpeg} with {@code segments} inserted after SOI and the JFIF APP0 segment. */
    public static byte[] jpegWith(byte[] jpeg, byte[]... segments) {
        int at = 2;
        if ((jpeg[2] & 0xFF) == 0xFF && (jpeg[3] & 0xFF) == 0xE0) at = 4 + ((jpeg[4] & 0xFF) << 8 | jpeg[5] & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, at);
        for (byte[] s : segments) out.writeBytes(s);
        out.write(jpeg, at, jpeg.length - at);
        return out.toByteArray();
    }

    /** {@code png} with {@code chunks} (type, data pairs) inserted after IHDR. */
    static byte[] pngWith(byte[] png, Object... chunks) {
        int at = 8 + 25;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(png, 0, at);
        for (int i = 0; i < chunks.length; i += 2) pngChunk(out, (String) chunks[i], (byte[]) chunks[i + 1]);
        out.write(png, at, png.length - at);
        return out.toByteArray();
    }

    static void pngChunk(ByteArrayOutputStream out, String type, byte[] data) {
        byte[] t = type.getBytes(StandardCharsets.ISO_8859_1);
        ByteBuffer len = ByteBuffer.allocate(4).putInt(data.length);
        out.writeBytes(len.array());
        out.writeBytes(t);
        out.writeBytes(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    /** The chunk types of a PNG file, in order. */
    static List<String> pngChunkTypes(byte[] png) {
        List<String> types = new ArrayList<>();
        ByteBuffer b = ByteBuffer.wrap(png);
        int p = 8;
        while (p + 8 <= png.length) {
            int n = b.getInt(p);
            types.add(new String(png, p + 4, 4, StandardCharsets.ISO_8859_1));
            p += 12 + n;
        }
        return types;
    }

    static byte[] iccpChunk(byte[] profile) {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes("test profile\0\0".getBytes(StandardCharsets.ISO_8859_1));
        try (DeflaterOutputStream z = new DeflaterOutputStream(d)) {
            z.write(profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d.toByteArray();
    }

    static byte[] xmpItxt(byte[] xmp) {
        ByteArrayOutputStream d = new ByteArrayOutputStream();
        d.writeBytes("XML:com.adobe.xmp\0\0\0\0\0".getBytes(StandardCharsets.ISO_8859_1));
        d.writeBytes(xmp);
        return d.toByteArray();
    }

    /**
     * The upright picture stored sideways for EXIF orientation 6 (shown after turning 90 degrees clockwise):
     * stored(sx, sy) = upright(x = h - 1 - sy, y = sx), where h is the stored height.
     */
    static BufferedImage storedForOrientation6(BufferedImage upright) {
        int sw = upright.getHeight();
        int sh = upright.getWidth();
        BufferedImage s = new BufferedImage(sw, sh, BufferedImage.TYPE_INT_RGB);
        for (int sy = 0; sy < sh; sy++) {
            for (int sx = 0; sx < sw; sx++) s.setRGB(sx, sy, upright.getRGB(sh - 1 - sy, sx));
        }
        return s;
    }

    /**
     * An Adobe YCCK JPEG (APP14 transform 2) whose left half is pure cyan ink and right half magenta+yellow (red):
     * the inverted CMYK samples Photoshop stores, turned into YCCK the way libjpeg does (R = 255 - C', ...).
     */
    public static byte[] ycckJpeg(int w, int h) {
        java.awt.image.WritableRaster r = java.awt.image.Raster.createInterleavedRaster(
                java.awt.image.DataBuffer.TYPE_BYTE, w, h, 4, null);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int[] ink = x < w / 2 ? new int[] {255, 0, 0, 0} : new int[] {0, 255, 255, 0};
                double rr = ink[0];
                double gg = ink[1];
                double bb = ink[2];
                int yy = (int) Math.round(0.299 * rr + 0.587 * gg + 0.114 * bb);
                int cb = (int) Math.round(-0.168736 * rr - 0.331264 * gg + 0.5 * bb + 128);
                int cr = (int) Math.round(0.5 * rr - 0.418688 * gg - 0.081312 * bb + 128);
                r.setPixel(x, y, new int[] {clamp(yy), clamp(cb), clamp(cr), 255 - ink[3]});
            }
        }
        javax.imageio.ImageWriter wr = null;
        for (var it = javax.imageio.ImageIO.getImageWritersByFormatName("jpeg"); it.hasNext(); ) {
            javax.imageio.ImageWriter c = it.next();
            if (c.getClass().getName().startsWith("com.sun.")) wr = c;
        }
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (javax.imageio.stream.ImageOutputStream ios = javax.imageio.ImageIO.createImageOutputStream(bos)) {
            javax.imageio.ImageWriteParam p = wr.getDefaultWriteParam();
            p.setCompressionMode(javax.imageio.ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.95f);
            wr.setOutput(ios);
            wr.write(null, new javax.imageio.IIOImage(r, null, null), p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            wr.dispose();
        }
        byte[] adobe = segment(0xEE, "Adobe".getBytes(StandardCharsets.ISO_8859_1), new byte[] {0, 100, 0, 0, 0, 0, 2});
        return jpegWith(bos.toByteArray(), adobe);
    }

    private static int clamp(int v) {
        return Math.max(0, Math.min(255, v));
    }

    // ---- ICC ----

    /** TwelveMonkeys' ClayRGB1998 profile: Adobe RGB (1998) primaries, gamma 563/256, D65 white. */
    public static byte[] adobeRgbProfile() {
        try (InputStream in = MetaSamples.class.getResourceAsStream("/profiles/ClayRGB1998.icc")) {
            if (in == null) throw new IllegalStateException("ClayRGB1998.icc not on the class path");
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The sRGB value of an Adobe RGB (1998) colour, computed from the published matrices (not with the JDK's colour
     * management), clipped to 0..255.
     */
    public static int adobeToSrgb(int rgb) {
        double r = Math.pow((rgb >> 16 & 0xFF) / 255.0, 563 / 256.0);
        double g = Math.pow((rgb >> 8 & 0xFF) / 255.0, 563 / 256.0);
        double b = Math.pow((rgb & 0xFF) / 255.0, 563 / 256.0);
        double x = 0.5767309 * r + 0.1855540 * g + 0.1881852 * b;
        double y = 0.2973769 * r + 0.6273491 * g + 0.0752741 * b;
        double z = 0.0270343 * r + 0.0706872 * g + 0.9911085 * b;
        double sr = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z;
        double sg = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z;
        double sb = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z;
        return srgbByte(sr) << 16 | srgbByte(sg) << 8 | srgbByte(sb);
    }

    /** The sRGB value of a linear-light sRGB-primaries colour (the JDK's CS_LINEAR_RGB). */
    static int linearToSrgb(int rgb) {
        return srgbByte((rgb >> 16 & 0xFF) / 255.0) << 16 | srgbByte((rgb >> 8 & 0xFF) / 255.0) << 8
                | srgbByte((rgb & 0xFF) / 255.0);
    }

    private static int srgbByte(double linear) {
        double v = linear <= 0.0031308 ? 12.92 * linear : 1.055 * Math.pow(linear, 1 / 2.4) - 0.055;
        return (int) Math.round(Math.max(0, Math.min(1, v)) * 255);
    }
}
