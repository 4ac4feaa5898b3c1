import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * Test images for packaging/smoke-test.sh, run with the JDK's source launcher (no build step):
 *
 * <pre>
 *   java SmokeImages.java make DIR              writes a few photos-like images (two in a sub folder) into DIR
 *   java SmokeImages.java check DIR W H COUNT   every image below DIR fits W x H and touches one side of the box,
 *                                               and there are exactly COUNT of them
 * </pre>
 * Put the app's jars on the class path for {@code check} so the output can be read whatever format it is in.
 */
public final class SmokeImages {

    public static void main(String[] args) throws IOException {
        if (args.length == 2 && args[0].equals("make")) {
            make(Path.of(args[1]));
        } else if (args.length == 5 && args[0].equals("check")) {
            System.exit(check(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                    Integer.parseInt(args[4])));
        } else {
            System.err.println("usage: SmokeImages make DIR | check DIR WIDTH HEIGHT COUNT");
            System.exit(2);
        }
    }

    private static void make(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("sub"));
        write(picture(640, 480, Color.ORANGE, Color.BLUE), "jpg", dir.resolve("landscape.jpg"));
        write(picture(360, 540, Color.GREEN, Color.MAGENTA), "jpg", dir.resolve("portrait.jpg"));
        write(picture(500, 300, Color.CYAN, Color.RED), "png", dir.resolve("sub/wide.png"));
        write(picture(256, 256, Color.YELLOW, Color.DARK_GRAY), "png", dir.resolve("sub/square.png"));
        System.out.println("SmokeImages: 4 images in " + dir);
    }

    /** A gradient with a few shapes: something a resizer has to really resample. */
    private static BufferedImage picture(int w, int h, Color from, Color to) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, from, w, h, to));
        g.fillRect(0, 0, w, h);
        g.setColor(Color.WHITE);
        g.fillOval(w / 8, h / 8, w / 3, h / 3);
        g.setColor(Color.BLACK);
        for (int x = 0; x < w; x += 16) {
            g.drawLine(x, h - 1, w / 2, h / 2);
        }
        g.dispose();
        return img;
    }

    private static void write(BufferedImage img, String format, Path file) throws IOException {
        if (!ImageIO.write(img, format, file.toFile())) {
            throw new IOException("no ImageIO writer for " + format);
        }
    }

    private static int check(Path dir, int maxW, int maxH, int expected) throws IOException {
        List<String> problems = new ArrayList<>();
        int images = 0;
        List<Path> files;
        try (Stream<Path> s = Files.walk(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        for (Path f : files) {
            BufferedImage img = ImageIO.read(f.toFile());
            if (img == null) {
                System.out.println("  (not an image: " + dir.relativize(f) + ")");
                continue;
            }
            images++;
            int w = img.getWidth();
            int h = img.getHeight();
            System.out.println("  " + dir.relativize(f) + ": " + w + "x" + h);
            if (w > maxW || h > maxH) {
                problems.add(dir.relativize(f) + " is " + w + "x" + h + ", larger than " + maxW + "x" + maxH);
            } else if (w < maxW - 1 && h < maxH - 1) {
                problems.add(dir.relativize(f) + " is " + w + "x" + h + ", touches neither side of " + maxW + "x" + maxH);
            }
        }
        if (images != expected) {
            problems.add(images + " images in " + dir + ", expected " + expected);
        }
        problems.forEach(p -> System.out.println("SmokeImages: " + p));
        return problems.isEmpty() ? 0 : 1;
    }
}
