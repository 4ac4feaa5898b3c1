package io.pixpool.reliability;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import io.pixpool.core.TempFiles;

/** Small images made in code, as bytes or files, and checks on output folders. */
final class Images {

    private Images() {
    }

    /** A w x h picture (gradient, block, disc; {@code seed} varies the colours) encoded as {@code format}. */
    static byte[] encode(String format, int w, int h, int seed) throws IOException {
        if (format.equals("webp")) return webp();
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
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String writer = switch (format) {
            case "jpg" -> "jpeg";
            case "tif" -> "tiff";
            default -> format;
        };
        if (!ImageIO.write(img, writer, out)) throw new IOException("no ImageIO writer for " + format);
        return out.toByteArray();
    }

    /** Pixels that do not compress: a PNG of this size is about {@code 3 * w * h} bytes. */
    static byte[] noisePng(int w, int h, long seed) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Random r = new Random(seed);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, r.nextInt());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(img, "png", out);
        return out.toByteArray();
    }

    /** A small lossy WebP from the test resources (no WebP encoder is available to make one). */
    static byte[] webp() throws IOException {
        try (InputStream in = Images.class.getResourceAsStream("/images/quadrants-lossy.webp")) {
            if (in == null) throw new IOException("test resource /images/quadrants-lossy.webp missing");
            return in.readAllBytes();
        }
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    static List<Path> regularFiles(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
        }
    }

    /** No temp file anywhere below {@code root}. */
    static List<Path> tempFiles(Path root) throws IOException {
        if (!Files.exists(root)) return List.of();
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(TempFiles::isTemp).collect(Collectors.toList());
        }
    }

    /** The files below {@code root} that ImageIO cannot decode (so: half-written or not images at all). */
    static List<Path> undecodable(List<Path> files) throws IOException {
        List<Path> bad = new java.util.ArrayList<>();
        for (Path f : files) {
            BufferedImage img;
            try {
                img = ImageIO.read(f.toFile());
            } catch (IOException | RuntimeException e) {
                img = null;
            }
            if (img == null || img.getWidth() < 1) bad.add(f);
        }
        return bad;
    }
}
