package io.pixpool.testing;

import io.pixpool.core.TempFiles;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/**
 * Images made in code for every test package: drawn pictures written as files or bytes, hand-built PNGs, reading
 * images back, and checks on output folders (regular files, temp files, files that do not decode).
 */
public final class TestImages {

    private TestImages() {
    }

    // ---- drawn pictures

    /** Gradient bands, a white block and a disc; {@code seed} varies the colours. */
    public static BufferedImage pattern(int w, int h, int seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            for (int y = 0; y < h; y += 4) {
                g.setColor(new Color((y * 255 / h + seed * 40) & 0xFF, (seed * 70) & 0xFF, 255 - y * 255 / h));
                g.fillRect(0, y, w, 4);
            }
            g.setColor(Color.WHITE);
            g.fillRect(w / 4, h / 4, w / 2, h / 2);
            g.setColor(new Color(seed * 30 & 0xFF, 20, 200));
            g.fillOval(w / 3, h / 3, w / 3, h / 3);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Red left half, blue right half, a white disc in the middle. */
    public static BufferedImage halves(int w, int h) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setColor(new Color(200, 40, 40));
            g.fillRect(0, 0, w / 2, h);
            g.setColor(new Color(40, 40, 200));
            g.fillRect(w / 2, 0, w - w / 2, h);
            g.setColor(Color.WHITE);
            g.fillOval(w / 4, h / 4, w / 2, h / 2);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** Pixels that do not compress: a PNG of this size is about {@code 3 * w * h} bytes. */
    public static BufferedImage noise(int w, int h, long seed) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt());
        return img;
    }

    // ---- encoding and writing

    /**
     * {@code img} encoded as {@code format} (an extension or ImageIO name: jpg, jpeg, png, gif, bmp, tif, tiff...).
     * ImageIO has no WebP encoder, so "webp" gives {@link #webp()} whatever the picture.
     */
    public static byte[] encode(BufferedImage img, String format) {
        try {
            if (format.equals("webp")) return webp();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(img, writerName(format), out)) throw new IllegalStateException("no ImageIO writer for " + format);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A w x h {@link #pattern} encoded as {@code format}. */
    public static byte[] encode(String format, int w, int h, int seed) {
        return encode(format.equals("webp") ? null : pattern(w, h, seed), format);
    }

    /** A PNG of {@link #noise}: about {@code 3 * w * h} bytes. */
    public static byte[] noisePng(int w, int h, long seed) {
        return encode(noise(w, h, seed), "png");
    }

    /** Writes {@code bytes} to {@code file}, making its folder first. */
    public static Path write(Path file, byte[] bytes) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code img} to {@code file} in the format its extension names. */
    public static Path write(Path file, BufferedImage img) {
        return write(file, encode(img, extension(file)));
    }

    /** A w x h {@link #halves} picture written in the format the file's extension names (jpg, png, gif, bmp). */
    public static Path write(Path file, int w, int h) {
        return write(file, halves(w, h));
    }

    /** A w x h {@link #pattern} written as {@code format}. */
    public static Path write(Path file, int w, int h, String format, int seed) {
        return write(file, encode(format, w, h, seed));
    }

    /** A small lossy WebP from the test resources (no WebP encoder is available to make one). */
    public static byte[] webp() {
        return resource("quadrants-lossy.webp");
    }

    /** The bytes of the test resource {@code /images/<name>}. */
    public static byte[] resource(String name) {
        try (InputStream in = TestImages.class.getResourceAsStream("/images/" + name)) {
            if (in == null) throw new IllegalStateException("missing test resource /images/" + name);
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString();
        return name.substring(name.lastIndexOf('.') + 1);
    }

    private static String writerName(String format) {
        return switch (format) {
            case "jpg" -> "jpeg";
            case "tif" -> "tiff";
            default -> format;
        };
    }

    // ---- hand-built PNGs

    /** A PNG signature, an IHDR claiming w x h 8-bit RGB, and IEND: a header that promises pixels it has not got. */
    public static byte[] pngHeaderOnly(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pngStart(out, w, h);
        pngChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /** Like {@link #pngHeaderOnly} but with a tiny (empty) IDAT before IEND, CRCs correct. */
    public static byte[] pngHeaderAndTinyIdat(int w, int h) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        pngStart(out, w, h);
        pngChunk(out, "IDAT", new byte[] {0x78, (byte) 0x9C, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
        pngChunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    /**
     * A black 8-bit RGB PNG of any size, written row by row without ever holding the image: decoding it needs
     * {@code 3 * w * h} bytes, which is the point.
     */
    public static Path hugePng(Path file, int w, int h) {
        try (OutputStream out = Files.newOutputStream(file)) {
            pngStart(out, w, h);
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[1 + 3 * w]; // filter byte 0, then black pixels
                for (int y = 0; y < h; y++) z.write(row);
            } finally {
                deflater.end();
            }
            pngChunk(out, "IDAT", idat.toByteArray());
            pngChunk(out, "IEND", new byte[0]);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Appends one PNG chunk (length, type, data, CRC of type and data) to {@code out}. */
    public static void pngChunk(OutputStream out, String type, byte[] data) {
        try {
            DataOutputStream d = new DataOutputStream(out);
            byte[] t = type.getBytes(StandardCharsets.US_ASCII);
            d.writeInt(data.length);
            d.write(t);
            d.write(data);
            CRC32 crc = new CRC32();
            crc.update(t);
            crc.update(data);
            d.writeInt((int) crc.getValue());
            d.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PNG signature and an IHDR for w x h, 8 bit RGB, deflate, no filter, no interlace. */
    private static void pngStart(OutputStream out, int w, int h) {
        try {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(w);
            d.writeInt(h);
            d.write(new byte[] {8, 2, 0, 0, 0});
            pngChunk(out, "IHDR", ihdr.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- reading back and checking folders

    /** The decoded image; fails the test if the file is not an image ImageIO can read. */
    public static BufferedImage read(Path file) {
        try {
            BufferedImage img = ImageIO.read(file.toFile());
            if (img == null) throw new AssertionError("not an image: " + file);
            return img;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Width and height of the image in {@code file}. */
    public static Dimension dims(Path file) {
        BufferedImage img = read(file);
        return new Dimension(img.getWidth(), img.getHeight());
    }

    /** Every regular file below {@code root}, sorted; none if it does not exist. */
    public static List<Path> regularFiles(Path root) {
        return walk(root).stream().filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }

    /** The Pixpool temp files ({@code .pixpool-*}) anywhere below {@code root}. */
    public static List<Path> tempFiles(Path root) {
        return walk(root).stream().filter(TempFiles::isTemp).collect(Collectors.toList());
    }

    /** The files that ImageIO cannot decode (so: half-written or not images at all). */
    public static List<Path> undecodable(List<Path> files) {
        List<Path> bad = new ArrayList<>();
        for (Path f : files) {
            BufferedImage img;
            try {
                img = ImageIO.read(f.toFile());
            } catch (IOException | RuntimeException e) {
                img = null; // an exception here is the answer: this file does not decode
            }
            if (img == null || img.getWidth() < 1) bad.add(f);
        }
        return bad;
    }

    private static List<Path> walk(Path root) {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Mean absolute difference per channel (0..255) of two images of the same size. */
    public static double meanDifference(BufferedImage a, BufferedImage b) {
        org.assertj.core.api.Assertions.assertThat(new int[] {a.getWidth(), a.getHeight()})
                .containsExactly(b.getWidth(), b.getHeight());
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int s = 0; s < 24; s += 8) sum += Math.abs((p >> s & 0xFF) - (q >> s & 0xFF));
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }
}
