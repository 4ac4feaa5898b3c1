package io.pixpool.ui;

import static io.pixpool.ui.UiTestSupport.fx;
import static io.pixpool.ui.UiTestSupport.fxGet;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Batch events reach the table in bulk: many events per FX pulse, and a 10,000-file batch keeps the FX thread
 * responsive. The events come from {@link SyntheticBatch} (thousands per second, more than real workers produce);
 * the window, table and drain loop are the real ones. The stall figures are printed, not asserted.
 */
@ExtendWith(ApplicationExtension.class)
class EventCoalescingTest {

    private final Preferences prefs = UiTestSupport.tempPrefs();
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        UiTestSupport.removePrefs(prefs);
    }

    @Test
    void manyEventsAreAppliedInFewDrains() {
        int n = 2000;
        MainViewModel vm = fxGet(() -> TestWindows.open(stage, prefs, new SyntheticBatch(2, n, 0)));
        fx(() -> vm.files().add(SyntheticBatch.rows(n)));
        fx(vm::start);
        UiTestSupport.waitUntil(60, "batch end", () -> vm.run().getState() == RunState.IDLE);

        RunController.DrainStats stats = fxGet(() -> vm.run().drainStats());
        System.out.printf(Locale.ROOT, "coalescing: %d events applied in %d drains (%d ticks), longest tick %.1f ms%n",
                stats.events(), stats.drains(), stats.ticks(), stats.longestTickNanos() / 1e6);
        assertThat(vm.rows()).allMatch(r -> r.getStatus() == RowStatus.DONE);
        assertThat(vm.run().doneProperty().get()).isEqualTo(n);
        assertThat(stats.events()).isEqualTo(3L * n + 2 + 2 + 1);
        // one drain per event would be 6,005 drains; all were queued before the first tick, so few drains took them
        assertThat(stats.drains()).isLessThanOrEqualTo(stats.events() / 100);
        assertThat(vm.notices()).anyMatch(x -> x.title().equals("Batch finished"));
    }

    @Test
    void tenThousandRowsStayResponsiveWhileUpdating() {
        int n = 10_000;
        // 10,000 files in steps of 40 every 20 ms: about 2,000 files a second, 4 "workers"
        MainViewModel vm = fxGet(() -> TestWindows.open(stage, prefs, new SyntheticBatch(4, 40, 20)));
        fx(() -> vm.files().add(SyntheticBatch.rows(n)));
        @SuppressWarnings("unchecked")
        TableView<FileRow> table = fxGet(() -> (TableView<FileRow>) stage.getScene().lookup("#fileTable"));
        fx(() -> table.getSortOrder().setAll(List.of(table.getColumns().get(0)))); // sorted by status while it changes

        // the noise floor: the same window, idle, on the same (shared, busy) machine
        PulseMeter idle = new PulseMeter();
        fx(idle::start);
        WaitForAsyncUtils.sleep(2, TimeUnit.SECONDS);
        fx(idle::stop);
        System.out.printf(Locale.ROOT, "idle baseline: %d pulses in 2 s, longest gap %.1f ms, %d gaps over 50 ms%n",
                idle.pulses(), idle.longestGapMillis(), idle.gapsOver50ms());

        long[] layout = {0, 0}; // start of the current CSS+layout pass, longest pass
        fx(() -> {
            stage.getScene().addPreLayoutPulseListener(() -> layout[0] = System.nanoTime());
            stage.getScene().addPostLayoutPulseListener(() -> layout[1] = Math.max(layout[1], System.nanoTime() - layout[0]));
        });
        PulseMeter meter = new PulseMeter();
        fx(() -> vm.run().stateProperty().addListener((o, was, is) -> {
            if (is == RunState.IDLE) meter.stop(); // measure the updates, not the pop-up at the end
        }));
        fx(meter::start);
        long t0 = System.nanoTime();
        long startMillis = fxGet(() -> {
            long s0 = System.nanoTime();
            vm.start();
            return (System.nanoTime() - s0) / 1_000_000;
        });
        UiTestSupport.waitUntil(120, "10,000-file batch end", () -> vm.run().getState() == RunState.IDLE);
        double seconds = (System.nanoTime() - t0) / 1e9;

        RunController.DrainStats stats = fxGet(() -> vm.run().drainStats());
        System.out.printf(Locale.ROOT, "10,000 rows: %.1f s, %d pulses, longest FX stall (pulse gap) %.1f ms, "
                        + "%d gaps over 50 ms; %d events in %d drains, longest drain tick %.1f ms%n",
                seconds, meter.pulses(), meter.longestGapMillis(), meter.gapsOver50ms(), stats.events(),
                stats.drains(), stats.longestTickNanos() / 1e6);
        System.out.printf(Locale.ROOT, "gaps over 50 ms: %s; start() took %d ms; longest CSS+layout pass %.1f ms%n",
                meter.bigGaps(), startMillis, layout[1] / 1e6);
        assertThat(vm.rows()).hasSize(n).allMatch(r -> r.getStatus() == RowStatus.DONE);
        assertThat(vm.run().doneProperty().get()).isEqualTo(n);
        assertThat(vm.run().progressProperty().get()).isEqualTo(1.0);
        assertThat(meter.pulses()).isGreaterThan(10);
    }
}
