package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchSummary;
import io.pixpool.core.InputFile;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong nanos = new AtomicLong();

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static List<InputFile> inputs(int n) {
        List<InputFile> l = new ArrayList<>();
        for (int i = 0; i < n; i++) l.add(InputFile.of(Path.of("/in/img" + i + ".jpg")));
        return l;
    }

    @Test
    void barShowsCountsRateAndEta() {
        assertThat(ProgressPrinter.bar(57, 114, 3, 57 / 41.2))
                .isEqualTo("[##########..........] 57/114  3 failed  41.2 img/s  ETA 0:01");
        assertThat(ProgressPrinter.bar(0, 10, 0, 0)).isEqualTo("[....................] 0/10  0.0 img/s  ETA -:--");
        assertThat(ProgressPrinter.bar(10, 10, 0, 2)).isEqualTo("[####################] 10/10  5.0 img/s  ETA 0:00");
        assertThat(ProgressPrinter.clock(62)).isEqualTo("1:02");
        assertThat(ProgressPrinter.clock(3723)).isEqualTo("1:02:03");
    }

    @Test
    void summaryLineHasCountsSecondsAndRate() {
        BatchSummary s = new BatchSummary(114, 112, 1, 1, 0, Duration.ofMillis(2700));
        assertThat(ProgressPrinter.summary(s))
                .isEqualTo("114 files: 112 done, 1 skipped, 1 failed, 0 cancelled in 2.7 s (41.9 images/s)");
        assertThat(ProgressPrinter.summary(new BatchSummary(1, 1, 0, 0, 0, Duration.ofSeconds(2))))
                .isEqualTo("1 file: 1 done, 0 skipped, 0 failed, 0 cancelled in 2.0 s (0.5 images/s)");
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlaceAtMostTenTimesASecond() {
        ProgressPrinter p = new ProgressPrinter(err, inputs(4), true, false, nanos::get);
        nanos.set(500_000_000L);
        p.onEvent(new BatchEvent.JobDone(0, Path.of("/o/0.jpg"), 10, 10, 5, 5, 1, 1, 1));
        nanos.set(550_000_000L); // 50 ms later: not redrawn
        p.onEvent(new BatchEvent.JobDone(1, Path.of("/o/1.jpg"), 10, 10, 5, 5, 1, 1, 1));
        assertThat(printed()).isEqualTo("\r[#####...............] 1/4  2.0 img/s  ETA 0:02");

        nanos.set(1_000_000_000L);
        p.onEvent(new BatchEvent.JobFailed(2, "not an image", 3));
        assertThat(printed()).contains("\rfailed: /in/img2.jpg: not an image\n")
                .endsWith("\r[###############.....] 3/4  1 failed  3.0 img/s  ETA 0:00");

        p.onEvent(new BatchEvent.JobSkipped(3, Path.of("/o/3.jpg"), "exists")); // the last one is always drawn
        assertThat(printed()).endsWith("] 4/4  1 failed  4.0 img/s  ETA 0:00");
        int length = printed().length();
        p.onEvent(new BatchEvent.WorkerExited(1, 123, "stopped")); // no progress, within 100 ms: not redrawn
        assertThat(printed()).hasSize(length);

        p.finish(new BatchSummary(4, 2, 1, 1, 0, Duration.ofSeconds(1)));
        String all = printed();
        String afterBar = all.substring(all.lastIndexOf("ETA 0:00") + 8);
        assertThat(afterBar).matches("\r +\r4 files: 2 done, 1 skipped, 1 failed, 0 cancelled in 1\\.0 s \\(3\\.0 images/s\\)\n");
    }

    @Test
    void withoutATerminalOnlyFailuresAndTheSummaryArePrinted() {
        ProgressPrinter p = new ProgressPrinter(err, inputs(3), false, false, nanos::get);
        p.onEvent(new BatchEvent.JobStarted(0, 1, 1));
        p.onEvent(new BatchEvent.JobRetrying(0, 1, "worker crashed: exit 137"));
        p.onEvent(new BatchEvent.JobDone(0, Path.of("/o/0.jpg"), 10, 10, 5, 5, 1, 1, 1));
        p.onEvent(new BatchEvent.JobFailed(1, "truncated JPEG", 3));
        p.onEvent(new BatchEvent.JobCancelled(2));
        p.finish(new BatchSummary(3, 1, 1, 0, 1, Duration.ofSeconds(1)));
        assertThat(printed()).isEqualTo("retrying: /in/img0.jpg: worker crashed: exit 137\n"
                + "failed: /in/img1.jpg: truncated JPEG\n"
                + "3 files: 1 done, 0 skipped, 1 failed, 1 cancelled in 1.0 s (1.0 images/s)\n");
    }

    @Test
    void quietPrintsOnlyFailures() {
        ProgressPrinter p = new ProgressPrinter(err, inputs(2), true, true, nanos::get);
        p.onEvent(new BatchEvent.JobRetrying(0, 1, "timeout"));
        p.onEvent(new BatchEvent.JobDone(0, Path.of("/o/0.jpg"), 10, 10, 5, 5, 1, 1, 1));
        p.onEvent(new BatchEvent.JobFailed(1, "empty file", 3));
        p.finish(new BatchSummary(2, 1, 1, 0, 0, Duration.ofSeconds(1)));
        assertThat(printed()).isEqualTo("failed: /in/img1.jpg: empty file\n");
    }
}
