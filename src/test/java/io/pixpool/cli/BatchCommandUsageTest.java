package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.testing.TestImages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad command lines exit 2 with a one-line message and a hint, and leave nothing behind. */
class BatchCommandUsageTest {

    @TempDir
    Path tmp;

    private Path image;
    private Path out;
    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();

    @BeforeEach
    void setUp() throws IOException {
        image = TestImages.write(tmp.resolve("in/a.png"), 40, 30);
        out = tmp.resolve("out");
    }

    private int run(String... args) {
        return BatchCommand.run(args, new PrintStream(stdout, true, StandardCharsets.UTF_8),
                new PrintStream(stderr, true, StandardCharsets.UTF_8), false);
    }

    private String err() {
        return stderr.toString(StandardCharsets.UTF_8);
    }

    private void assertUsageError(String message, String... args) throws IOException {
        stderr.reset();
        List<String> all = new ArrayList<>(List.of(args));
        assertThat(run(all.toArray(String[]::new))).as(err()).isEqualTo(2);
        assertThat(err()).isEqualTo("pixpool batch: " + message + "\nTry 'pixpool batch --help' for more information.\n");
        assertThat(out).doesNotExist();
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s).containsExactlyInAnyOrder(tmp.resolve("in"));
        }
    }

    @Test
    void invalidValuesExitTwoWithAClearMessageAndCreateNothing() throws IOException {
        String in = image.toString();
        String o = out.toString();
        assertUsageError("--fit: width must be 1..65535 for fit inside, was 0", "--fit", "0x5", "--out", o, in);
        assertUsageError("choose one resize option, not --fit and --scale", "--fit", "9x9", "--scale", "50", "--out", o, in);
        assertUsageError("--quality: JPEG quality must be 1..100, was 0", "--quality", "0", "--out", o, in);
        assertUsageError("--workers: workers must be 1..64, was 0", "--workers", "0", "--out", o, in);
        assertUsageError("--filter: rotate takes 90, 180 or 270, was 10", "--filter", "rotate=10", "--out", o, in);
        assertUsageError("--format: unknown format 'raw' (known: same, jpg, png, bmp, gif, tiff, webp)", "--format", "raw", "--out", o, in);
        assertUsageError("--report: folder " + tmp.resolve("nowhere") + " does not exist",
                "--report", tmp.resolve("nowhere/r.csv").toString(), "--out", o, in);
        assertUsageError("--report: " + tmp.resolve("in") + " is a folder", "--report", tmp.resolve("in").toString(), "--out", o, in);
    }

    @Test
    void picocliErrorsAreUsageErrorsToo() throws IOException {
        assertUsageError("Missing required option: '--out=DIR'", image.toString());
        assertUsageError("Unknown option: '--colour'", "--colour", "red", "--out", out.toString(), image.toString());
        assertUsageError("Invalid value for option '--workers': 'two' is not an int",
                "--workers", "two", "--out", out.toString(), image.toString());
        assertUsageError("Missing required parameter: 'INPUT'", "--out", out.toString());
    }

    @Test
    void noImagesFoundIsAUsageError() throws IOException {
        Files.writeString(tmp.resolve("in/notes.txt"), "hello");
        Files.delete(image);
        assertThat(run("--out", out.toString(), tmp.resolve("in").toString())).isEqualTo(2);
        assertThat(err()).contains("ignored 1 file not named as images: notes.txt\n")
                .contains("pixpool batch: no images found in " + tmp.resolve("in") + " (1 file not named as images)\n")
                .endsWith("Try 'pixpool batch --help' for more information.\n");
        assertThat(out).doesNotExist();

        stderr.reset();
        assertThat(run("--out", out.toString(), tmp.resolve("missing.jpg").toString())).isEqualTo(2);
        assertThat(err()).startsWith("warning: not found: " + tmp.resolve("missing.jpg") + "\n")
                .contains("no images found in");
        assertThat(out).doesNotExist();
    }

    @Test
    void anOutputFolderThatCannotBeCreatedIsAUsageError() throws IOException {
        Path file = Files.writeString(tmp.resolve("in/plain-file"), "x");
        assertThat(run("--out", file.toString(), image.toString())).isEqualTo(2);
        assertThat(err()).startsWith("pixpool batch: --out: " + file + " exists and is not a folder\n");

        stderr.reset();
        Path below = file.resolve("sub");
        assertThat(run("--out", below.toString(), image.toString())).isEqualTo(2);
        assertThat(err()).startsWith("pixpool batch: --out: cannot create folder " + below + ": ");
    }

    @Test
    void helpAndVersionGoToStdoutAndExitZero() {
        assertThat(run("--help")).isZero();
        String help = stdout.toString(StandardCharsets.UTF_8);
        assertThat(help).startsWith("Usage: pixpool batch ").contains("--out=DIR", "--fit=WxH", "--long-edge=N",
                "--filter=NAME[=VALUE]", "--on-conflict=POLICY", "--max-pixels=N", "--report=FILE", "Exit status:");
        assertThat(err()).isEmpty();

        stdout.reset();
        assertThat(run("--version")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).startsWith("pixpool ");
        assertThat(out).doesNotExist();
    }
}
