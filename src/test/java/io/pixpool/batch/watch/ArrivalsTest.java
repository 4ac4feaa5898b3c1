package io.pixpool.batch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** When a watched file counts as complete, and that it is handed on once per version. Times are given, not slept. */
class ArrivalsTest {

    private static final long S = 1_000_000_000L;
    private final Path a = Path.of("/w/a.jpg");

    @Test
    void aFileIsSettledOnlyAfterItsSizeAndTimeStayTheSameForTheSettleTime() {
        Arrivals arr = new Arrivals(2 * S);
        arr.seen(a, new Arrivals.Stamp(100, 1), 0);
        assertThat(arr.settled(a, S)).isFalse();
        arr.seen(a, new Arrivals.Stamp(200, 2), S); // still growing: the wait starts again
        assertThat(arr.settled(a, 2 * S)).isFalse();
        arr.seen(a, new Arrivals.Stamp(200, 2), 2 * S);
        assertThat(arr.settled(a, 3 * S - 1)).isFalse();
        assertThat(arr.settled(a, 3 * S)).isTrue();
    }

    @Test
    void aHandledFileComesBackOnlyWhenItChanges() {
        Arrivals arr = new Arrivals(0);
        Arrivals.Stamp v1 = new Arrivals.Stamp(100, 1);
        arr.seen(a, v1, 0);
        arr.handled(a, v1);
        arr.seen(a, v1, 5 * S);
        assertThat(arr.waiting()).isEmpty();
        arr.seen(a, new Arrivals.Stamp(100, 7), 6 * S); // rewritten with new content
        assertThat(arr.waiting()).containsExactly(a);
    }

    @Test
    void filesThereAtTheStartAreOldUnlessTheyChangeAndAFileDeletedAndCopiedAgainIsNew() {
        Arrivals arr = new Arrivals(0);
        Arrivals.Stamp v = new Arrivals.Stamp(100, 1);
        arr.baseline(a, v);
        arr.seen(a, v, S);
        assertThat(arr.waiting()).isEmpty();
        arr.gone(a);
        arr.seen(a, v, 2 * S);
        assertThat(arr.waiting()).containsExactly(a);
    }

    @Test
    void temporaryAndHiddenNamesAreSkippedSilentlyOtherNonImagesAreReported() {
        for (String name : new String[] {"a.jpg.part", "a.jpg.crdownload", "a.jpg~", ".pixpool-123-abc.tmp",
                ".a.jpg.Xy12Ab", "._a.jpg", "a.jpg.tmp", "a.jpg.download", "a.jpg.filepart"}) {
            assertThat(ArrivalNames.classify(name)).as(name).isEqualTo(ArrivalNames.Kind.TEMPORARY);
        }
        assertThat(ArrivalNames.classify("notes.txt")).isEqualTo(ArrivalNames.Kind.NOT_IMAGE);
        assertThat(ArrivalNames.classify("IMG_1.JPG")).isEqualTo(ArrivalNames.Kind.IMAGE);
        assertThat(ArrivalNames.classify("b.webp")).isEqualTo(ArrivalNames.Kind.IMAGE);
    }
}
