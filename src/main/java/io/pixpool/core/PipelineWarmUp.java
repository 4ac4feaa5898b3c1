package io.pixpool.core;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.TexturePaint;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * Runs a pipeline on photos of its own making, so that a fresh JVM's JIT compiles the pipeline before the first real
 * file: a fresh worker's first photos take about four times as long as later ones (interpreted code and compiles).
 * Two camera-sized JPEGs (3:2, 2400 x 1600: a smooth gradient under fine grain, which gives the entropy decoder the
 * mix of short and long codes of a photo), one baseline and one progressive, each written once into the caller's
 * folder and then processed in turn with the caller's recipe until the time budget or the run limit is reached.
 * Best effort: a failure ends the warm-up.
 */
public final class PipelineWarmUp {

    static final int WIDTH = 2400;
    static final int HEIGHT = 1600;
    static final int MAX_RUNS = 8;

    private PipelineWarmUp() {
    }

    /**
     * Writes the generated photos into {@code dir} (an empty folder; the caller removes it, see {@link #remove}) and
     * processes them with {@code recipe}, outputs in {@code dir} too named with {@code tempPrefix} as
     * {@link ImagePipeline#process} names them, until {@code budget} has passed (a run that has started finishes) or
     * {@link #MAX_RUNS} runs are made; returns how many completed.
     */
    public static int run(ImagePipeline pipeline, Recipe recipe, Duration budget, Path dir, String tempPrefix) {
        long end = System.nanoTime() + budget.toNanos();
        int runs = 0;
        try {
            BufferedImage picture = picture();
            List<Path> sources = List.of(write(picture, dir.resolve("warm-up.jpg"), false),
                    write(picture, dir.resolve("warm-up-progressive.jpg"), true));
            Path out = Files.createDirectory(dir.resolve("out"));
            while (runs < MAX_RUNS && System.nanoTime() < end) {
                pipeline.process(new ImageJob(sources.get(runs % 2), out, runs + 1, recipe), tempPrefix);
                runs++;
            }
        } catch (ImageException | IOException | RuntimeException e) {
            // best effort: the JIT has compiled what ran so far
        }
        return runs;
    }

    /** A photo-like picture: a diagonal colour gradient under a tiled grain of random pixels. */
    static BufferedImage picture() {
        BufferedImage img = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.setPaint(new GradientPaint(0, 0, new Color(0x2F5D8A), WIDTH, HEIGHT, new Color(0xE0B060)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.setPaint(new TexturePaint(grain(), new Rectangle(0, 0, 128, 128)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** 128 x 128 pixels of random grey at 20% opacity (seeded: every warm-up makes the same picture). */
    private static BufferedImage grain() {
        BufferedImage tile = new BufferedImage(128, 128, BufferedImage.TYPE_INT_ARGB);
        Random r = new Random(42);
        int[] px = new int[128 * 128];
        for (int i = 0; i < px.length; i++) px[i] = 0x33000000 | r.nextInt(256) * 0x010101;
        tile.setRGB(0, 0, 128, 128, px, 0, 128);
        return tile;
    }

    static Path write(BufferedImage img, Path file, boolean progressive) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg");
        if (!writers.hasNext()) throw new IOException("no JPEG writer");
        ImageWriter w = writers.next();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
            ImageWriteParam p = w.getDefaultWriteParam();
            p.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            p.setCompressionQuality(0.9f);
            if (progressive) p.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
            w.setOutput(out);
            w.write(null, new IIOImage(img, null, null), p);
        } finally {
            w.dispose();
        }
        return file;
    }

    /** Deletes {@code dir} and everything in it, as far as it can (best effort, like the warm-up itself). */
    public static void remove(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // left in the temp folder; nothing reads it
                }
            });
        } catch (IOException e) {
            // the same
        }
    }
}
