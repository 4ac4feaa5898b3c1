package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import io.pixpool.testing.TestImages;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --also, --skip-if-larger, --max-kb and WebP output through the batch command and real worker processes. */
class OutputsEndToEndTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    private int run(String... args) {
        return BatchCommand.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), false);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private static List<List<String>> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo(CsvReport.HEADER);
        return lines.stream().skip(1).map(l -> Arrays.asList(l.split(",", -1))).collect(Collectors.toList());
    }

    private static String size(Path image) {
        BufferedImage img = TestImages.read(image);
        return img.getWidth() + "x" + img.getHeight();
    }

    @Test
    void severalOutputsPerFileInOnePassWithOneReportRowEach() throws IOException {
        Path in = tmp.resolve("in");
        TestImages.write(in.resolve("a.jpg"), TestImages.pattern(800, 600, 1));
        TestImages.write(in.resolve("b.png"), TestImages.pattern(600, 800, 2));
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("r.csv");

        int code = run("--workers", "2", "--long-edge", "400", "--also", "200", "--also", "64x64:{name}-thumb",
                "--report", report.toString(), "--out", out.toString(), in.toString());

        assertThat(code).as(err()).isZero();
        assertThat(size(out.resolve("a.jpg"))).isEqualTo("400x300");
        assertThat(size(out.resolve("a-200.jpg"))).isEqualTo("200x150");
        assertThat(size(out.resolve("a-thumb.jpg"))).isEqualTo("64x48");
        assertThat(size(out.resolve("b.png"))).isEqualTo("300x400");
        assertThat(size(out.resolve("b-200.png"))).isEqualTo("150x200");
        assertThat(size(out.resolve("b-thumb.png"))).isEqualTo("48x64");
        assertThat(TestImages.regularFiles(out)).hasSize(6);
        List<List<String>> rows = rows(report);
        assertThat(rows).extracting(r -> Path.of(r.get(0)).getFileName() + " " + r.get(1) + " "
                + Path.of(r.get(2)).getFileName() + " " + r.get(3) + "x" + r.get(4)).containsExactly(
                "a.jpg done a.jpg 400x300", "a.jpg done a-200.jpg 200x150", "a.jpg done a-thumb.jpg 64x48",
                "b.png done b.png 300x400", "b.png done b-200.png 150x200", "b.png done b-thumb.png 48x64");
        for (List<String> r : rows) assertThat(Long.parseLong(r.get(7))).isEqualTo(Files.size(Path.of(r.get(2))));
        assertThat(err()).contains("2 files: 2 done, 0 skipped");
    }

    @Test
    void skipIfLargerLeavesTheOutputOutAndSaysWhy() throws IOException {
        Path in = tmp.resolve("in");
        Path flat = TestImages.write(in.resolve("flat.png"), TestImages.halves(300, 200)); // compresses well
        Path noisy = TestImages.write(in.resolve("noisy.png"), TestImages.noise(300, 200, 3)); // does not
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("r.csv");

        int code = run("--workers", "2", "--format", "jpg", "--quality", "70", "--skip-if-larger",
                "--report", report.toString(), "--out", out.toString(), flat.toString(), noisy.toString());

        assertThat(code).as(err()).isZero();
        assertThat(out.resolve("flat.jpg")).doesNotExist();
        assertThat(Files.size(out.resolve("noisy.jpg"))).isLessThan(Files.size(noisy));
        assertThat(rows(report)).extracting(r -> r.get(1) + " " + r.get(6)).containsExactly(
                "skipped larger than original", "done ");
        assertThat(err()).contains("2 files: 1 done, 1 skipped");
    }

    @Test
    void maxKbPicksTheQualityAndReportsIt() throws IOException {
        Path src = TestImages.write(tmp.resolve("in/n.png"), TestImages.noise(400, 300, 9));
        Path out = tmp.resolve("out");
        Path report = tmp.resolve("r.csv");

        int code = run("--workers", "1", "--format", "jpg", "--max-kb", "50", "--also", "100:{name}-small",
                "--report", report.toString(), "--out", out.toString(), src.toString());

        assertThat(code).as(err()).isZero();
        assertThat(Files.size(out.resolve("n.jpg"))).isLessThanOrEqualTo(50 * 1024);
        List<List<String>> rows = rows(report);
        assertThat(Integer.parseInt(rows.get(0).get(8))).isBetween(1, 84);
        assertThat(rows.get(1).get(8)).isEqualTo("85"); // the 100 px output fits at the full quality
        assertThat(rows).allSatisfy(r -> assertThat(r.get(6)).isEmpty());
    }

    @Test
    void webpLosslessOutputRoundTrips() throws Exception {
        Path src = TestImages.write(tmp.resolve("in/p.png"), TestImages.pattern(160, 120, 3));
        Path out = tmp.resolve("out");

        int code = run("--workers", "1", "--format", "webp", "--webp-lossless", "--quiet", "--out", out.toString(),
                src.toString());

        assertThat(code).as(err()).isZero();
        BufferedImage expected = TestImages.read(src);
        BufferedImage back;
        ImageReader r = new WebPImageReaderSpi().createReaderInstance();
        try (ImageInputStream iis = ImageIO.createImageInputStream(out.resolve("p.webp").toFile())) {
            r.setInput(iis);
            back = r.read(0);
        } finally {
            r.dispose();
        }
        for (int y = 0; y < 120; y += 3) {
            for (int x = 0; x < 160; x += 3) {
                assertThat(back.getRGB(x, y) & 0xFFFFFF).isEqualTo(expected.getRGB(x, y) & 0xFFFFFF);
            }
        }
    }

    @Test
    void anOutputThatCannotBePlacedFailsTheFileKeepsTheOnesBeforeAndLeavesNoTempFiles() throws IOException {
        Path in = tmp.resolve("in");
        Path a = TestImages.write(in.resolve("a.png"), TestImages.pattern(200, 100, 1));
        Path b = TestImages.write(in.resolve("b.png"), TestImages.pattern(200, 100, 2));
        byte[] bBefore = Files.readAllBytes(b);
        Path report = tmp.resolve("r.csv");

        // the second output of a.png would be named b.png: another source of the batch, never overwritten
        int code = run("--workers", "1", "--name", "{name}-small", "--width", "50", "--also", "80:b",
                "--on-conflict", "overwrite", "--report", report.toString(), "--out", in.toString(), a.toString(), b.toString());

        assertThat(code).isEqualTo(1);
        assertThat(Files.readAllBytes(b)).isEqualTo(bBefore);
        List<List<String>> rows = rows(report);
        assertThat(rows).extracting(r -> r.get(1)).containsExactly("failed", "failed");
        assertThat(rows.get(0).get(6)).contains("would overwrite the source file").contains("b.png")
                .endsWith("(output 2 of 2; already written: a-small.png)");
        assertThat(size(in.resolve("a-small.png"))).isEqualTo("50x25");
        try (var files = Files.list(in)) {
            assertThat(files.map(f -> f.getFileName().toString()).sorted())
                    .containsExactly("a-small.png", "a.png", "b-small.png", "b.png");
        }
    }

    @Test
    void usageErrorsNameTheOption() {
        assertThat(run("--webp-lossless", "--out", tmp.toString(), "x.jpg")).isEqualTo(2);
        assertThat(err()).contains("--webp-lossless: needs --format webp");
        assertThat(run("--also", "0", "--out", tmp.toString(), "x.jpg")).isEqualTo(2);
        assertThat(err()).contains("--also 0:");
        assertThat(run("--also", "800:{name}", "--out", tmp.toString(), "x.jpg")).isEqualTo(2);
        assertThat(err()).contains("main name pattern");
        assertThat(run("--max-kb", "0", "--out", tmp.toString(), "x.jpg")).isEqualTo(2);
        assertThat(err()).contains("--max-kb: must be at least 1");
        // found by QA: --max-kb with an output format it cannot apply to was silently ignored (exit 0)
        assertThat(run("--max-kb", "100", "--format", "png", "--out", tmp.toString(), "x.jpg")).isEqualTo(2);
        assertThat(err()).contains("--max-kb: only JPEG and lossy WebP").contains("--format png would ignore it");
        assertThat(run("--max-kb", "100", "--format", "webp", "--webp-lossless", "--out", tmp.toString(), "x.jpg"))
                .isEqualTo(2);
        assertThat(err()).contains("--webp-lossless would ignore it");
    }

    @Test
    void aWebpEncoderThatCannotLoadFailsEachWebpFileWithAClearMessage() throws Exception {
        Path src = TestImages.write(tmp.resolve("in/p.png"), TestImages.pattern(64, 48, 1));
        Path report = tmp.resolve("r.csv");
        // the workers' libwebp is extracted to a folder that does not exist: loading fails there
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true",
                "-Dpixpool.worker.jvmOptions=-Dcom.luciad.imageio.webp.tmpdir=" + tmp.resolve("missing/dir"),
                "-cp", System.getProperty("java.class.path"), "io.pixpool.Main", "batch",
                "--workers", "1", "--format", "webp", "--report", report.toString(),
                "--out", tmp.resolve("out").toString(), src.toString());
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile())
                .start();
        p.getOutputStream().close();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(tmp.resolve("log.txt"))).isEqualTo(1);
        List<List<String>> rows = rows(report);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get(1)).isEqualTo("failed");
        assertThat(rows.get(0).get(6)).startsWith("cannot encode webp: the WebP encoder (libwebp) cannot be loaded")
                .doesNotContain("Exception").doesNotContain("\tat ");
        assertThat(TestImages.regularFiles(tmp.resolve("out"))).isEmpty();
    }
}
