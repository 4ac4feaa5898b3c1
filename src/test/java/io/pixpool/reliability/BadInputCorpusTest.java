package io.pixpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.testing.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of broken, hostile and oddly named files through the real {@code batch} command, run without root's
 * permission override (setpriv) so an unreadable file really is unreadable. Every bad file ends with a short
 * message (or, when a damaged file still decodes, with a decodable output), the good ones complete, nothing hangs.
 */
class BadInputCorpusTest {

    private static final List<String> FORMATS = List.of("jpg", "png", "gif", "bmp", "tif", "webp");
    private static final double[] CUTS = {0.1, 0.5, 0.9};
    private static final int FLIPS_PER_FORMAT = 3;

    @TempDir
    Path dir;
    @RegisterExtension
    final SourcesUnchanged sources = new SourcesUnchanged();

    /** How a file in the corpus may end. */
    private enum Expect { DONE, FAILED, DONE_OR_FAILED }

    @Test
    void everyBadFileFailsWithAShortMessageAndTheGoodOnesComplete() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        Map<Path, Expect> corpus = new HashMap<>();
        Random random = new Random(5);

        for (String fmt : FORMATS) {
            byte[] valid = TestImages.encode(fmt, 96, 64, fmt.length());
            corpus.put(TestImages.write(in.resolve("good/valid." + fmt), valid), Expect.DONE);
            corpus.put(TestImages.write(in.resolve("bad/header-only." + fmt), java.util.Arrays.copyOf(valid, Math.min(valid.length - 1, 24))), Expect.FAILED);
            for (double cut : CUTS) {
                int len = Math.max(1, (int) (valid.length * cut));
                // a cut file must fail, not turn into a silently half-grey "done" picture
                corpus.put(TestImages.write(in.resolve("bad/truncated-" + (int) (cut * 100) + "." + fmt),
                        java.util.Arrays.copyOf(valid, len)), Expect.FAILED);
            }
            for (int k = 0; k < FLIPS_PER_FORMAT; k++) {
                // flipped bits in uncompressed pixels (BMP, TIFF, some GIF) are just other colours: done is fine
                byte[] flipped = valid.clone();
                for (int n = 0; n < 12; n++) {
                    int at = random.nextInt(flipped.length);
                    flipped[at] ^= (byte) (1 << random.nextInt(8));
                }
                corpus.put(TestImages.write(in.resolve("bad/flipped-" + k + "." + fmt), flipped), Expect.DONE_OR_FAILED);
            }
        }
        corpus.put(TestImages.write(in.resolve("bad/zero.jpg"), new byte[0]), Expect.FAILED);
        corpus.put(TestImages.write(in.resolve("bad/zero.png"), new byte[0]), Expect.FAILED);
        corpus.put(TestImages.write(in.resolve("bad/zero.webp"), new byte[0]), Expect.FAILED);
        corpus.put(TestImages.write(in.resolve("bad/letter.jpg"), "Dear user,\nthis is not a photo.\n".getBytes(StandardCharsets.UTF_8)), Expect.FAILED);
        corpus.put(TestImages.write(in.resolve("bad/bomb.png"), TestImages.pngHeaderOnly(100_000, 100_000)), Expect.FAILED);

        byte[] jpg = TestImages.encode("jpg", 80, 60, 9);
        corpus.put(TestImages.write(in.resolve("names/name with  spaces .jpg"), jpg), Expect.DONE);
        String longName = "long-" + "x".repeat(220) + ".jpg"; // 229 bytes, under the 255-byte limit
        corpus.put(TestImages.write(in.resolve("names").resolve(longName), jpg), Expect.DONE);
        boolean utf8Names = "UTF-8".equalsIgnoreCase(System.getProperty("sun.jnu.encoding"));
        if (utf8Names) {
            corpus.put(TestImages.write(in.resolve("names/Ünïcødé 写真 ✓.jpg"), jpg), Expect.DONE);
        } else {
            System.out.println("bad input corpus: unicode file name left out, this JVM's file name encoding is "
                    + System.getProperty("sun.jnu.encoding"));
        }
        Path deep = in.resolve("nested");
        for (int i = 0; i < 40; i++) deep = deep.resolve("level" + i);
        corpus.put(TestImages.write(deep.resolve("deep.png"), 40, 30, "png", 2), Expect.DONE);
        Files.createSymbolicLink(in.resolve("nested/level0/loop"), in.resolve("nested")); // a folder that contains itself
        Path unreadable = TestImages.write(in.resolve("locked/secret.jpg"), jpg);
        Files.setPosixFilePermissions(unreadable, PosixFilePermissions.fromString("---------"));
        sources.watch(in);

        Path report = dir.resolve("report.csv");
        Cli cli = new Cli(dir).prefix(Cli.NO_DAC_OVERRIDE);
        Cli.Run run = cli.run(170, "--workers", "2", "--fit", "48x48", "--timeout", "20", "--attempts", "2",
                "--report", report.toString(), "--out", out.toString(), in.toString());

        assertThat(run.exit()).as(run.stderr()).isEqualTo(1);
        assertThat(run.stderr()).contains("warning: cannot read " + unreadable + ": permission denied")
                .contains("symbolic link loop skipped: " + in.resolve("nested/level0/loop"))
                .doesNotContain("Exception").doesNotContain("\tat ");
        Map<Path, List<String>> rows = Cli.reportRows(report).stream()
                .collect(Collectors.toMap(r -> Path.of(r.get(0)), r -> r));
        assertThat(rows.keySet()).as("report rows").containsExactlyInAnyOrderElementsOf(corpus.keySet());

        int failed = 0;
        List<String> damagedButDone = new ArrayList<>();
        List<Path> doneOutputs = new ArrayList<>();
        for (Map.Entry<Path, Expect> e : corpus.entrySet()) {
            List<String> row = rows.get(e.getKey());
            String status = row.get(1);
            String message = row.get(6);
            if (e.getValue() == Expect.DONE) assertThat(status).as("%s: %s", e.getKey(), message).isEqualTo("done");
            if (e.getValue() == Expect.FAILED) assertThat(status).as("%s", e.getKey()).isEqualTo("failed");
            assertThat(status).as("%s", e.getKey()).isIn("done", "failed");
            if (status.equals("failed")) {
                failed++;
                assertThat(message).as("message for %s", e.getKey()).isNotBlank().hasSizeLessThan(300)
                        .doesNotContain("\n").doesNotContain("Exception").doesNotContain("at io.pixpool")
                        .doesNotContain("at java.").doesNotContain("\tat ");
            } else {
                Path output = Path.of(row.get(2));
                assertThat(output).as("output of %s", e.getKey()).isRegularFile().startsWith(out);
                doneOutputs.add(output);
                if (e.getValue() != Expect.DONE) damagedButDone.add(e.getKey().getFileName().toString());
            }
        }
        assertThat(rows.get(deep.resolve("deep.png")).get(2)).isEqualTo(out.resolve(in.relativize(deep)).resolve("deep.png").toString());
        assertThat(rows.get(in.resolve("bad/bomb.png")).get(6)).contains("100000x100000");

        List<Path> outputs = TestImages.regularFiles(out);
        assertThat(outputs).containsExactlyInAnyOrderElementsOf(doneOutputs);
        assertThat(TestImages.undecodable(outputs)).as("outputs that do not decode").isEmpty();
        assertThat(TestImages.tempFiles(out)).isEmpty();
        long bad = corpus.values().stream().filter(x -> x != Expect.DONE).count() + 1; // + the unreadable file
        System.out.printf("bad input corpus: %d files tried (%d bad incl. the unreadable one, plus a symlink loop), "
                + "%d failed with a message, damaged but still decoded to a valid output: %s%n",
                corpus.size() + 1, bad, failed, damagedButDone.stream().sorted().collect(Collectors.toList()));
        failureMessages(rows).forEach(m -> System.out.println("  " + m));
    }

    private static List<String> failureMessages(Map<Path, List<String>> rows) {
        return rows.values().stream().filter(r -> r.get(1).equals("failed"))
                .map(r -> Path.of(r.get(0)).getFileName() + ": " + r.get(6)).sorted().collect(Collectors.toList());
    }
}
