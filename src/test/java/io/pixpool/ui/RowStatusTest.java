package io.pixpool.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.InputFile;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class RowStatusTest {

    @Test
    void finishedFilesOnlyGoBackToTheQueue() {
        for (RowStatus end : EnumSet.of(RowStatus.DONE, RowStatus.FAILED, RowStatus.SKIPPED, RowStatus.CANCELLED)) {
            assertThat(end.isFinal()).isTrue();
            for (RowStatus next : RowStatus.values()) {
                assertThat(end.canMoveTo(next)).as(end + " -> " + next).isEqualTo(next == RowStatus.QUEUED);
            }
        }
    }

    @Test
    void runningFilesEndOrAreRequeuedButDoNotStartTwice() {
        assertThat(RowStatus.RUNNING.canMoveTo(RowStatus.RUNNING)).isFalse();
        assertThat(RowStatus.RUNNING.canMoveTo(RowStatus.QUEUED)).isTrue();
        assertThat(RowStatus.RUNNING.canMoveTo(RowStatus.DONE)).isTrue();
        assertThat(RowStatus.RUNNING.canMoveTo(RowStatus.FAILED)).isTrue();
        for (RowStatus next : RowStatus.values()) assertThat(RowStatus.QUEUED.canMoveTo(next)).isTrue();
    }

    @Test
    void eachStatusHasItsOwnLabelIconAndStyle() {
        assertThat(EnumSet.allOf(RowStatus.class)).extracting(RowStatus::icon).doesNotHaveDuplicates();
        assertThat(EnumSet.allOf(RowStatus.class)).extracting(RowStatus::styleClass).doesNotHaveDuplicates()
                .allMatch(s -> s.startsWith("status-"));
        assertThat(RowStatus.CANCELLED.label()).isEqualTo("cancelled");
    }

    @Test
    void aRowRefusesAnIllegalMoveAndKeepsItsState() {
        FileRow row = new FileRow(InputFile.of(Path.of("/x/a.jpg")), Path.of("/x/a.jpg"), 10);
        assertThat(row.moveTo(RowStatus.RUNNING)).isTrue();
        assertThat(row.moveTo(RowStatus.DONE)).isTrue();
        assertThat(row.moveTo(RowStatus.RUNNING)).isFalse();
        assertThat(row.getStatus()).isEqualTo(RowStatus.DONE);
        row.requeue();
        assertThat(row.getStatus()).isEqualTo(RowStatus.QUEUED);
        assertThat(row.getOutput()).isNull();
    }
}
