package io.pixpool.ui;

import static io.pixpool.ui.UiTestSupport.fx;
import static io.pixpool.ui.UiTestSupport.fxGet;
import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.protocol.WorkerLaunch;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/** The window's watch folder with real worker processes: arrivals become rows and are processed as they come. */
class WatchWindowTest extends WindowTestBase {

    @Start
    void start(Stage stage) {
        open(stage);
    }

    private void watch(FxRobot robot, Path folder) {
        fx(() -> {
            vm.settings().widthProperty().set("100");
            vm.settings().heightProperty().set("100");
            vm.settings().workersProperty().set(2);
        });
        UiTestSupport.type(robot, "#watchFolder", folder.toString());
        assertThat(robot.lookup("#watchStart").queryAs(Button.class).isDisabled()).isFalse();
        robot.clickOn("#watchStart");
        try {
            UiTestSupport.waitUntil(60, "warm workers", () -> vm.run().workersAliveProperty().get() == 2);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + fxGet(() -> "; state " + vm.run().getState() + ", problem "
                    + vm.watch().problemProperty().get() + ", notices " + vm.notices()), e);
        }
    }

    @Test
    void arrivalsBecomeRowsAndAreProcessedUntilStopWatching(FxRobot robot) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("incoming"));
        UiTestSupport.image(in, "before.jpg", 300, 200); // there already: left alone
        watch(robot, in);
        assertThat(robot.lookup("#width").queryAs(TextField.class).isDisabled()).as("settings locked").isTrue();
        assertThat(robot.lookup("#watchStop").queryAs(Button.class).isDisabled()).isFalse();

        UiTestSupport.image(in, "a.jpg", 400, 300);
        UiTestSupport.image(in.resolve("sub"), "b.png", 300, 400);
        Files.writeString(in.resolve("broken.jpg"), "not a JPEG at all");
        Files.writeString(in.resolve("notes.txt"), "hello");
        UiTestSupport.waitUntil(90, "three rows ended", () -> vm.rows().size() == 3
                && vm.rows().stream().allMatch(r -> r.getStatus().isFinal()));
        Map<String, RowStatus> status = fxGet(() -> vm.rows().stream()
                .collect(Collectors.toMap(FileRow::getName, FileRow::getStatus)));
        assertThat(status).containsExactlyInAnyOrderEntriesOf(
                Map.of("a.jpg", RowStatus.DONE, "b.png", RowStatus.DONE, "broken.jpg", RowStatus.FAILED));
        UiTestSupport.waitUntil(30, "the status line", () -> fxGet(() ->
                robot.lookup("#watchStatus").queryAs(Labeled.class).getText()).equals("Watching: 3 arrived, 1 not images"));

        robot.clickOn("#watchStop");
        UiTestSupport.waitUntil(60, "the run ended", () -> vm.run().getState() == RunState.IDLE);
        Path out = tmp.resolve(MainViewModel.DEFAULT_OUT);
        assertThat(UiTestSupport.dimsOf(out.resolve("a.jpg"))).isEqualTo(new Dims(100, 75));
        assertThat(UiTestSupport.dimsOf(out.resolve("sub/b.png"))).isEqualTo(new Dims(75, 100));
        assertThat(out.resolve("before.jpg")).doesNotExist();
        assertThat(fxGet(() -> vm.watch().watchingProperty().get())).isFalse();
        assertNoChildProcesses();
        assertThat(robot.lookup("#watchStart").queryAs(Button.class).isDisabled()).isFalse();
    }

    @Test
    void cancelStopsWatchingAndLeavesNoWorkers(FxRobot robot) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("incoming"));
        watch(robot, in);
        robot.clickOn("#cancel");
        UiTestSupport.waitUntil(60, "the run ended", () -> vm.run().getState() == RunState.IDLE);
        assertThat(fxGet(() -> vm.watch().watchingProperty().get())).isFalse();
        assertNoChildProcesses();
    }

    @Test
    void anOutputFolderThatWouldFeedBackIsRefused(FxRobot robot) throws Exception {
        Path in = Files.createDirectories(tmp.resolve("incoming"));
        fx(() -> {
            vm.watch().folderProperty().set(in.toString());
            vm.settings().outputFolderProperty().set(in.toString());
        });
        assertThat(robot.lookup("#watchStart").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(fxGet(() -> robot.lookup("#watchStatus").queryAs(Labeled.class).getText()))
                .isEqualTo("Watch folder: the output folder must not be the watched folder " + in);
        assertThat(fxGet(() -> vm.watch().startWatching())).contains("must not be the watched folder");
        fx(() -> vm.settings().outputFolderProperty().set(in.resolve("out").toString()));
        assertThat(fxGet(() -> vm.watch().problemProperty().get())).as("inside is fine: it is not watched").isNull();
    }

    /** No worker process of this JVM is left (found by its command line: a class path can be over 4 KiB). */
    private static void assertNoChildProcesses() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        List<ProcessHandle> alive;
        while (!(alive = workers()).isEmpty() && System.nanoTime() < deadline) TimeUnit.MILLISECONDS.sleep(50);
        assertThat(alive).as("worker processes left").isEmpty();
    }

    private static List<ProcessHandle> workers() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).filter(h -> {
            try {
                return Files.readString(Path.of("/proc", Long.toString(h.pid()), "cmdline"), StandardCharsets.ISO_8859_1)
                        .contains(WorkerLaunch.MAIN_CLASS);
            } catch (IOException gone) {
                return false; // ended meanwhile
            }
        }).toList();
    }
}
