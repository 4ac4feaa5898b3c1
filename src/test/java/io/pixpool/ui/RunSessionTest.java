package io.pixpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchSummary;
import io.pixpool.core.InputFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RunSessionTest {

    private static List<FileRow> rows(int n) {
        List<FileRow> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Path p = Path.of("/in/f" + i + ".jpg");
            out.add(new FileRow(InputFile.of(p), p, 1000));
        }
        return out;
    }

    @Test
    void eventsDriveTheRowsAndTheCounts() {
        List<FileRow> rows = rows(4);
        RunSession s = new RunSession(rows, 0);
        for (int i = 0; i < 4; i++) s.apply(new BatchEvent.JobQueued(i, rows.get(i).source()), 0);
        s.apply(new BatchEvent.WorkerStarted(1, 100), 0);
        s.apply(new BatchEvent.JobStarted(0, 1, 1), 0);
        assertThat(rows.get(0).getStatus()).isEqualTo(RowStatus.RUNNING);
        assertThat(rows.get(0).getWorker()).isEqualTo(1);
        s.apply(new BatchEvent.JobDone(0, Path.of("/out/f0.jpg"), 4000, 3000, 400, 300, 1000, 200, 35), 0);
        s.apply(new BatchEvent.JobStarted(1, 1, 1), 0);
        s.apply(new BatchEvent.JobRetrying(1, 1, "worker crashed"), 0);
        assertThat(rows.get(1).getStatus()).isEqualTo(RowStatus.QUEUED);
        assertThat(rows.get(1).getMessage()).contains("worker crashed");
        s.apply(new BatchEvent.JobStarted(1, 2, 2), 0);
        s.apply(new BatchEvent.JobFailed(1, "truncated JPEG", 12), 0);
        s.apply(new BatchEvent.JobSkipped(2, Path.of("/out/f2.jpg"), "exists"), 0);
        s.apply(new BatchEvent.JobCancelled(3), 0);

        FileRow done = rows.get(0);
        assertThat(done.getStatus()).isEqualTo(RowStatus.DONE);
        assertThat(done.inputDimsProperty().get()).isEqualTo(new Dims(4000, 3000));
        assertThat(done.getOutputDims()).isEqualTo(new Dims(400, 300));
        assertThat(done.outputBytesProperty().get()).isEqualTo(200);
        assertThat(done.millisProperty().get()).isEqualTo(35);
        assertThat(done.getOutput()).isEqualTo(Path.of("/out/f0.jpg"));
        assertThat(rows.get(1).getMessage()).isEqualTo("truncated JPEG");
        assertThat(rows.get(2).getStatus()).isEqualTo(RowStatus.SKIPPED);
        assertThat(rows.get(3).getStatus()).isEqualTo(RowStatus.CANCELLED);
        assertThat(s.finished()).isEqualTo(4);
        assertThat(s.count(RowStatus.FAILED)).isEqualTo(1);
        assertThat(s.workersAlive()).isEqualTo(1);
    }

    @Test
    void aLateEventNeverOverwritesHowAFileEnded() {
        List<FileRow> rows = rows(1);
        RunSession s = new RunSession(rows, 0);
        s.apply(new BatchEvent.JobDone(0, Path.of("/o.jpg"), 10, 10, 5, 5, 1, 1, 1), 0);
        assertThat(s.apply(new BatchEvent.JobStarted(0, 1, 1), 0)).isFalse();
        assertThat(s.apply(new BatchEvent.JobFailed(0, "late", 1), 0)).isFalse();
        assertThat(s.apply(new BatchEvent.JobCancelled(7), 0)).isFalse();
        assertThat(rows.get(0).getStatus()).isEqualTo(RowStatus.DONE);
        assertThat(s.count(RowStatus.DONE)).isEqualTo(1);
        assertThat(s.count(RowStatus.FAILED)).isZero();
    }

    @Test
    void pausedTimeDoesNotCountAndTheFinalEventCarriesTheSummary() {
        List<FileRow> rows = rows(2);
        RunSession s = new RunSession(rows, 0);
        s.apply(new BatchEvent.BatchPaused(), 1_000_000_000L);
        s.apply(new BatchEvent.BatchResumed(), 11_000_000_000L);
        assertThat(s.activeNanos(12_000_000_000L)).isEqualTo(2_000_000_000L);
        BatchSummary sum = new BatchSummary(2, 2, 0, 0, 0, Duration.ofSeconds(12));
        s.apply(new BatchEvent.BatchFinished(sum), 12_000_000_000L);
        assertThat(s.summary()).isEqualTo(sum);
    }

    @Test
    void closingAfterAnAbnormalEndFailsWhatIsLeft() {
        List<FileRow> rows = rows(3);
        RunSession s = new RunSession(rows, 0);
        s.apply(new BatchEvent.JobDone(0, Path.of("/o.jpg"), 10, 10, 5, 5, 1, 1, 1), 0);
        s.apply(new BatchEvent.JobStarted(1, 1, 1), 0);
        BatchSummary sum = s.close("could not start the workers: boom", 1_000_000_000L);
        assertThat(rows).extracting(FileRow::getStatus)
                .containsExactly(RowStatus.DONE, RowStatus.FAILED, RowStatus.FAILED);
        assertThat(rows.get(2).getMessage()).contains("boom");
        assertThat(sum.done()).isEqualTo(1);
        assertThat(sum.failed()).isEqualTo(2);
    }
}
