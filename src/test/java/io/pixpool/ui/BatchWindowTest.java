package io.pixpool.ui;

import static io.pixpool.ui.UiTestSupport.type;
import static io.pixpool.ui.UiTestSupport.fx;
import static io.pixpool.ui.UiTestSupport.fxGet;
import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.ResizeMode;
import io.pixpool.core.ScaleQuality;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real window driving real worker processes: files in through the drop path, outputs checked on disk. */
class BatchWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    /** Adds paths the way a drop does and waits until the scan has put them in the list. */
    private int drop(Path... paths) throws Exception {
        CompletableFuture<Integer> added = fxGet(() -> vm.addPaths(List.of(paths)));
        int n = added.get(60, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents(); // let the table lay the new rows out
        return n;
    }

    private static List<Path> filesBelow(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).sorted().toList();
        }
    }

    @Test
    void resizesEveryDroppedImageWithTwoWorkers(FxRobot robot) throws Exception {
        Path in = tmp.resolve("photos");
        UiTestSupport.images(in, 5, 400, 300);
        UiTestSupport.image(in.resolve("sub"), "deep.jpg", 300, 400);
        assertThat(drop(in)).isEqualTo(6);

        type(robot, "#width", "100");
        type(robot, "#height", "100");
        type(robot, "#workers", "2");
        assertThat(vm.settings().workersProperty().get()).isEqualTo(2);
        PulseMeter meter = new PulseMeter();
        fx(meter::start);
        robot.clickOn("#start");
        UiTestSupport.waitUntil(120, "every row done", () -> vm.run().getState() == RunState.IDLE
                && vm.rows().stream().allMatch(r -> r.getStatus() == RowStatus.DONE));
        fx(meter::stop);
        System.out.printf(Locale.ROOT, "real pool, 6 files: longest FX pulse gap %.1f ms%n", meter.longestGapMillis());

        Path out = tmp.resolve(MainViewModel.DEFAULT_OUT);
        for (FileRow r : vm.rows()) {
            boolean portrait = r.getName().equals("deep.jpg");
            Dims expected = portrait ? new Dims(75, 100) : new Dims(100, 75);
            assertThat(r.getOutput()).startsWith(out).exists();
            assertThat(UiTestSupport.dimsOf(r.getOutput())).as(r.getName()).isEqualTo(expected);
            assertThat(r.getOutputDims()).isEqualTo(expected);
            assertThat(r.getWorker()).isBetween(1, 2);
        }
        assertThat(out.resolve("sub").resolve("deep.jpg")).exists();
        assertThat(filesBelow(out)).hasSize(6);
        assertThat(robot.lookup("#doneCount").queryAs(Labeled.class).getText()).contains("6 done");
        assertThat(robot.lookup(".status-done").queryAll()).isNotEmpty();
    }

    @Test
    void cancelMidBatchLeavesOnlyCompleteOutputsAndCancelledRows(FxRobot robot) throws Exception {
        Path in = tmp.resolve("many");
        for (int i = 0; i < 40; i++) UiTestSupport.image(in, String.format("p%02d.jpg", i), 2000, 1500);
        assertThat(drop(in)).isEqualTo(40);
        fx(() -> {
            vm.settings().widthProperty().set("1000");
            vm.settings().heightProperty().set("1000");
            vm.settings().qualityProperty().set(ScaleQuality.ULTRA);
            vm.settings().workersProperty().set(1);
        });
        robot.clickOn("#start");
        UiTestSupport.waitUntil(120, "a first file done", () -> vm.run().doneProperty().get() >= 1);
        robot.push(KeyCode.ESCAPE); // the "Added 40 images" pop-up may still show: Esc must cancel all the same
        assertThat(fxGet(() -> vm.run().getState())).isIn(RunState.CANCELLING, RunState.IDLE);
        UiTestSupport.waitUntil(120, "batch end", () -> vm.run().getState() == RunState.IDLE);

        List<FileRow> done = vm.rows().stream().filter(r -> r.getStatus() == RowStatus.DONE).toList();
        assertThat(vm.rows()).allMatch(r -> r.getStatus() == RowStatus.DONE || r.getStatus() == RowStatus.CANCELLED);
        assertThat(done).isNotEmpty();
        assertThat(vm.rows()).anyMatch(r -> r.getStatus() == RowStatus.CANCELLED);
        List<Path> written = filesBelow(tmp.resolve(MainViewModel.DEFAULT_OUT));
        assertThat(written).containsExactlyInAnyOrderElementsOf(done.stream().map(FileRow::getOutput).toList());
        for (Path p : written) assertThat(UiTestSupport.dimsOf(p)).isEqualTo(new Dims(1000, 750));
        assertThat(vm.notices()).anyMatch(n -> n.title().equals("Batch cancelled"));
    }

    @Test
    void aCorruptFileShowsItsMessageAndCanBeRetried(FxRobot robot) throws Exception {
        Path in = tmp.resolve("mixed");
        UiTestSupport.image(in, "good.png", 200, 100);
        Path broken = in.resolve("broken.jpg");
        Files.write(broken, "this is not a JPEG at all".getBytes());
        assertThat(drop(in)).isEqualTo(2);
        fx(() -> vm.settings().modeProperty().set(ResizeMode.WIDTH));
        type(robot, "#width", "50");
        robot.clickOn("#start");
        UiTestSupport.waitUntil(120, "batch end", () -> vm.run().getState() == RunState.IDLE
                && vm.rows().stream().allMatch(r -> r.getStatus().isFinal()));

        FileRow bad = vm.rows().stream().filter(r -> r.getName().equals("broken.jpg")).findFirst().orElseThrow();
        assertThat(bad.getStatus()).isEqualTo(RowStatus.FAILED);
        assertThat(bad.getMessage()).isNotBlank().doesNotContain("Exception").doesNotContain("\n\tat ");
        assertThat(robot.lookup(".table-cell").queryAllAs(TableCell.class))
                .anyMatch(c -> bad.getMessage().equals(c.getText()));
        assertThat(robot.lookup("#failedCount").queryAs(Labeled.class).getText()).contains("1 failed");
        assertThat(vm.failuresText()).contains("broken.jpg").contains(bad.getMessage());
        assertThat(vm.notices()).anyMatch(n -> n.failures() && n.details().get(0).contains("broken.jpg"));

        UiTestSupport.image(in, "broken.jpg", 200, 100); // fixed
        assertThat(robot.lookup("#retryFailed").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#retryFailed");
        UiTestSupport.waitUntil(120, "retry done", () -> vm.run().getState() == RunState.IDLE
                && bad.getStatus() == RowStatus.DONE);
        assertThat(UiTestSupport.dimsOf(bad.getOutput())).isEqualTo(new Dims(50, 25));
        assertThat(vm.run().totalProperty().get()).as("the retry ran only the failed file").isEqualTo(1);
    }

    @Test
    void duplicatesAreIgnoredAndNonImagesReported() throws Exception {
        Path in = tmp.resolve("docs");
        Path a = UiTestSupport.image(in, "a.png", 20, 20);
        UiTestSupport.image(in, "b.gif", 20, 20);
        Files.writeString(in.resolve("notes.txt"), "hello");
        assertThat(drop(in)).isEqualTo(2);
        assertThat(vm.notices()).anyMatch(n -> n.title().equals("Added 2 images") && n.text().contains("notes.txt"));
        assertThat(drop(in, a)).isZero();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.notices().get(vm.notices().size() - 1).text()).contains("already in the list");
        assertThat(vm.defaultOutputProperty().get()).isEqualTo(tmp.resolve(MainViewModel.DEFAULT_OUT));
    }

    @Test
    void previewFollowsTheSelectionAndTheSettings(FxRobot robot) throws Exception {
        Path in = tmp.resolve("one");
        UiTestSupport.image(in, "wide.png", 400, 200);
        assertThat(drop(in)).isEqualTo(1);
        type(robot, "#width", "100");
        type(robot, "#height", "100");
        robot.clickOn("wide.png");
        UiTestSupport.waitUntil(30, "preview 100x50", () -> new Dims(100, 50).equals(vm.preview().afterDimsProperty().get()));
        assertThat(vm.preview().beforeProperty().get().getWidth()).isEqualTo(400);
        type(robot, "#width", "200");
        UiTestSupport.waitUntil(30, "preview 200x100", () -> new Dims(200, 100).equals(vm.preview().afterDimsProperty().get()));
        assertThat(vm.exampleNameProperty().get()).isEqualTo("wide.png");
    }

    @Test
    void keyboardRemovesWithDeleteAndStartsWithCtrlEnter(FxRobot robot) throws Exception {
        Path in = tmp.resolve("keys");
        UiTestSupport.images(in, 3, 60, 40);
        assertThat(drop(in)).isEqualTo(3);
        robot.clickOn("img-001.png").push(KeyCode.DELETE);
        assertThat(vm.rows()).extracting(FileRow::getName).containsExactly("img-000.png", "img-002.png");
        robot.push(KeyCode.CONTROL, KeyCode.ENTER);
        UiTestSupport.waitUntil(120, "both done", () -> vm.run().getState() == RunState.IDLE
                && vm.rows().stream().allMatch(r -> r.getStatus() == RowStatus.DONE));
        assertThat(filesBelow(tmp.resolve(MainViewModel.DEFAULT_OUT))).hasSize(2);
    }

    @Test
    void pauseLetsRunningFilesFinishAndResumeCarriesOnWithSettingsLockedThroughout(FxRobot robot) throws Exception {
        Path in = tmp.resolve("pause");
        for (int i = 0; i < 16; i++) UiTestSupport.image(in, String.format("q%02d.jpg", i), 1600, 1200);
        assertThat(drop(in)).isEqualTo(16);
        fx(() -> vm.settings().workersProperty().set(1));
        robot.clickOn("#start");
        assertThat(robot.lookup("#width").queryAs(javafx.scene.control.TextField.class).isDisabled()).isTrue();
        UiTestSupport.waitUntil(120, "a first file done", () -> vm.run().doneProperty().get() >= 1);
        robot.clickOn("#pause");
        assertThat(robot.lookup("#pause").queryAs(Button.class).getText()).isEqualTo("Resume");
        UiTestSupport.waitUntil(60, "the running file to finish",
                () -> vm.rows().stream().noneMatch(r -> r.getStatus() == RowStatus.RUNNING));
        int doneWhilePaused = fxGet(() -> vm.run().doneProperty().get());
        WaitForAsyncUtils.sleep(1, TimeUnit.SECONDS); // nothing may start while paused
        assertThat(fxGet(() -> vm.run().doneProperty().get())).isEqualTo(doneWhilePaused);
        assertThat(vm.run().getState()).isEqualTo(RunState.PAUSED);
        assertThat(vm.rows()).anyMatch(r -> r.getStatus() == RowStatus.QUEUED);

        robot.clickOn("#pause");
        UiTestSupport.waitUntil(120, "all done", () -> vm.run().getState() == RunState.IDLE);
        assertThat(vm.rows()).allMatch(r -> r.getStatus() == RowStatus.DONE);
        assertThat(robot.lookup("#width").queryAs(javafx.scene.control.TextField.class).isDisabled()).isFalse();
    }

    @Test
    void theContextMenuCopiesAFailedFilesError(FxRobot robot) throws Exception {
        Path in = tmp.resolve("copy");
        Files.createDirectories(in);
        Files.write(in.resolve("empty.png"), new byte[0]);
        assertThat(drop(in)).isEqualTo(1);
        robot.clickOn("#start");
        UiTestSupport.waitUntil(120, "batch end", () -> vm.run().getState() == RunState.IDLE);
        FileRow row = vm.rows().get(0);
        assertThat(row.getStatus()).isEqualTo(RowStatus.FAILED);
        robot.clickOn("empty.png");
        // Monocle turns neither a right click nor Shift+F10 into a context-menu request: send the request itself
        javafx.scene.Node cell = robot.lookup("empty.png").query();
        fx(() -> {
            javafx.geometry.Point2D at = cell.localToScreen(5, 5);
            javafx.event.Event.fireEvent(cell, new javafx.scene.input.ContextMenuEvent(
                    javafx.scene.input.ContextMenuEvent.CONTEXT_MENU_REQUESTED, 5, 5, at.getX(), at.getY(), false, null));
        });
        robot.clickOn("Copy error");
        String copied = fxGet(() -> javafx.scene.input.Clipboard.getSystemClipboard().getString());
        assertThat(copied).isEqualTo(row.source() + "\t" + row.getMessage());
    }
}
