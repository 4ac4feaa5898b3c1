package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixpool.core.InputFile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputCollectorTest {

    @TempDir
    Path tmp;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

    private static Path touch(Path p) throws IOException {
        Files.createDirectories(p.getParent());
        return Files.write(p, new byte[0]);
    }

    @Test
    void earlierOutputsInsideAnInputFolderAreLeftOutButNamedFilesAreKept() throws Exception {
        Path in = tmp.resolve("photos");
        Path a = touch(in.resolve("a.jpg"));
        Path b = touch(in.resolve("trip/b.jpg"));
        Path old = touch(in.resolve("small/a.jpg"));
        Path oldNamed = touch(in.resolve("small/trip/b.jpg"));
        touch(in.resolve("readme.txt"));
        touch(in.resolve("list.csv"));
        touch(in.resolve("z.doc"));
        touch(in.resolve("zz.doc"));

        InputCollector.Collected c = new InputCollector(err, false, false)
                .collect(List.of(in, oldNamed), in.resolve("small"), () -> false);

        assertThat(c.images()).extracting(InputFile::source).containsExactly(a, oldNamed, b);
        assertThat(c.problems()).isZero();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(
                "ignored 4 files not named as images: list.csv, readme.txt, z.doc, ...\n"
                        + "ignored 1 image inside the output folder " + in.resolve("small") + "\n");
        assertThat(old).exists();
    }

    @Test
    void scanProblemsAreCountedAndPrintedEvenWhenQuiet() throws Exception {
        Path a = touch(tmp.resolve("a.png"));
        touch(tmp.resolve("notes.txt"));
        InputCollector.Collected c = new InputCollector(err, true, true)
                .collect(List.of(tmp.resolve("gone.jpg"), a, tmp.resolve("notes.txt")), tmp.resolve("out"), () -> false);
        assertThat(c.images()).extracting(InputFile::source).containsExactly(a);
        assertThat(c.problems()).isEqualTo(1);
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("warning: not found: " + tmp.resolve("gone.jpg") + "\n");
    }

    @Test
    void nothingToProcessIsAUsageError() throws IOException {
        touch(tmp.resolve("in/notes.txt"));
        assertThatThrownBy(() -> new InputCollector(err, false, true).collect(List.of(tmp.resolve("in")),
                tmp.resolve("out"), () -> false))
                .isInstanceOf(UsageException.class)
                .hasMessage("no images found in " + tmp.resolve("in") + " (1 file not named as images)");
    }
}
