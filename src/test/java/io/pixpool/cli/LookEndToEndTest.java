package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.testing.TestImages;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Watermarks, padding, border and presets through the batch command and its real (headless) worker processes. */
class LookEndToEndTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return BatchCommand.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), false);
    }

    private static Path filled(Path file, int w, int h, int rgb) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(new Color(rgb));
        g.fillRect(0, 0, w, h);
        g.dispose();
        return TestImages.write(file, img);
    }

    private static int channel(int rgb, int shift) {
        return rgb >> shift & 0xFF;
    }

    @Test
    void workersDrawTextAndImageWatermarksPadAndBorder() throws Exception {
        Path in = tmp.resolve("in");
        filled(in.resolve("wide.png"), 800, 400, 0x000000);
        filled(in.resolve("tall.png"), 400, 800, 0x000000);
        BufferedImage logoImg = new BufferedImage(50, 50, BufferedImage.TYPE_INT_ARGB); // transparent, green disc
        Graphics2D g = logoImg.createGraphics();
        g.setColor(Color.GREEN);
        g.fillOval(0, 0, 50, 50);
        g.dispose();
        Path logo = TestImages.write(tmp.resolve("logo.png"), logoImg);
        Path out = tmp.resolve("out");

        int code = run("--workers", "2", "--fit", "200x200", "--pad", "box", "--pad-color", "0000FF", "--border", "4",
                "--border-color", "FF0000", "--watermark-text", "WWW", "--watermark-color", "FFFFFF",
                "--watermark-opacity", "100", "--watermark-size", "10", "--watermark-position", "bottom-right",
                "--watermark-image", logo.toString(), "--watermark-scale", "25", "--watermark-image-opacity", "100",
                "--watermark-image-position", "top-left", "--watermark-image-margin", "0",
                "--format", "png", "--name", "{name}-{w}x{h}", "--out", out.toString(), in.toString());

        assertThat(code).as(stderr.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(TestImages.regularFiles(out)).extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder("wide-208x208.png", "tall-208x208.png");
        BufferedImage wide = TestImages.read(out.resolve("wide-208x208.png"));
        assertThat(wide.getWidth()).isEqualTo(208);
        assertThat(wide.getHeight()).isEqualTo(208);
        assertThat(wide.getRGB(1, 100) & 0xFFFFFF).as("border").isEqualTo(0xFF0000);
        assertThat(wide.getRGB(100, 10) & 0xFFFFFF).as("pad above the 200x100 picture").isEqualTo(0x0000FF);
        assertThat(wide.getRGB(100, 104) & 0xFFFFFF).as("picture").isEqualTo(0x000000);
        // logo: 25% of 200 = 50 px disc at the top left of the padded area (inside the border)
        int logoCentre = wide.getRGB(4 + 25, 4 + 25);
        assertThat(channel(logoCentre, 8)).isGreaterThan(240);
        assertThat(wide.getRGB(5, 5) & 0xFFFFFF).as("logo corner is transparent: pad shows").isEqualTo(0x0000FF);
        // text at the bottom right, white over the pad colour
        int whites = 0;
        for (int y = 150; y < 204; y++) {
            for (int x = 130; x < 204; x++) {
                int p = wide.getRGB(x, y);
                if (channel(p, 16) > 240 && channel(p, 8) > 240) whites++;
            }
        }
        assertThat(whites).as("white text pixels in the bottom right").isGreaterThan(30);
        int topRight = 0;
        for (int y = 10; y < 60; y++) {
            for (int x = 150; x < 200; x++) if (channel(wide.getRGB(x, y), 8) > 200) topRight++;
        }
        assertThat(topRight).as("nothing drawn in the top right").isZero();
    }

    @Test
    void aMissingWatermarkImageIsAUsageErrorAndNothingIsProcessed() throws Exception {
        Path in = filled(tmp.resolve("a.png"), 50, 50, 0);
        Path out = tmp.resolve("out");
        int code = run("--watermark-image", tmp.resolve("gone.png").toString(), "--out", out.toString(), in.toString());
        assertThat(code).isEqualTo(BatchCommand.EXIT_USAGE);
        assertThat(stderr.toString(StandardCharsets.UTF_8))
                .startsWith("pixpool batch: watermark image " + tmp.resolve("gone.png") + ": file not found");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void aWatermarkImageThatDisappearsMidRunFailsThatFileWithAClearMessage() throws Exception {
        Path logo = filled(tmp.resolve("logo.png"), 10, 10, 0xFF0000);
        Path in = filled(tmp.resolve("a.png"), 50, 50, 0);
        Path out = tmp.resolve("out");
        // the check before the run passes; the worker then finds a text file under that name
        BatchOptions o = picocli.CommandLine.populateCommand(new BatchOptions(), "--watermark-image", logo.toString(),
                "--out", out.toString(), in.toString());
        BatchRequest req = OptionsMapper.map(o);
        Files.writeString(logo, "no longer an image");
        List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        io.pixpool.batch.BatchSummary s = io.pixpool.batch.Batch.start(req.settings().withWorkers(1),
                List.of(io.pixpool.core.InputFile.of(in)), e -> {
                    if (e instanceof io.pixpool.batch.BatchEvent.JobFailed f) failures.add(f.message());
                }).await();
        assertThat(s.failed()).isEqualTo(1);
        assertThat(failures).containsExactly("watermark image " + logo + ": not a recognised image format");
    }

    @Test
    void presetsAreListedAndUsedWithOverrides() throws Exception {
        assertThat(run("--list-presets")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("web ", "Web 1600 px", "email", "thumbnails",
                "instagram", "Instagram square 1080");
        Path in = filled(tmp.resolve("in/photo.png"), 2000, 1000, 0x336699);
        Path out = tmp.resolve("out");
        assertThat(run("--preset", "thumbnails", "--quiet", "--out", out.resolve("t").toString(), in.toString())).isZero();
        BufferedImage thumb = TestImages.read(out.resolve("t/photo.jpg"));
        assertThat(new int[] {thumb.getWidth(), thumb.getHeight()}).containsExactly(200, 100);
        assertThat(run("--preset", "instagram", "--format", "png", "--quiet", "--out", out.resolve("i").toString(),
                in.toString())).isZero();
        BufferedImage square = TestImages.read(out.resolve("i/photo.png"));
        assertThat(new int[] {square.getWidth(), square.getHeight()}).containsExactly(1080, 1080);
    }
}
