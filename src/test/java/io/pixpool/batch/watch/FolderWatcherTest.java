package io.pixpool.batch.watch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.InputFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The watcher alone on real folders (no workers): what it hands on, and when. */
class FolderWatcherTest {

    @TempDir
    Path dir;
    private final List<InputFile> handed = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);
    private FolderWatcher watcher;

    @AfterEach
    void stop() {
        if (watcher != null) watcher.close();
    }

    private FolderWatcher watcher(Path folder, boolean events) throws IOException {
        WatchSettings s = WatchSettings.of(List.of(folder)).withSettle(Duration.ofMillis(300))
                .withRescan(Duration.ofMillis(300));
        FolderWatcher w = new FolderWatcher(s, null, handed::add, new WatchListener() {
            @Override public void ignored(Path file, String reason) { }
            @Override public void problem(String message) { problems.add(message); }
        }, () -> true, ended::countDown);
        return events ? w : w.withoutEvents();
    }

    @Test
    void rescansAloneFindNewFilesInNewSubfoldersOnceWithTheirFolderStructure() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        watcher = watcher(in, false);
        watcher.start();
        Path deep = Files.createDirectories(in.resolve("a/b")).resolve("x.jpg");
        Files.write(deep, new byte[] {1, 2, 3});
        waitUntil(() -> handed.size() == 1, "x.jpg handed on");
        assertThat(handed.get(0)).isEqualTo(new InputFile(deep, Path.of("a/b")));
        Files.write(in.resolve("y.png"), new byte[] {4});
        waitUntil(() -> handed.size() == 2, "y.png handed on");
        assertThat(handed).extracting(InputFile::source).containsExactly(deep, in.resolve("y.png"));
    }

    @Test
    void aFileChangedAfterItWasHandedOnComesAgainAsANewVersion() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        watcher = watcher(in, true);
        watcher.start();
        Path f = Files.write(in.resolve("v.jpg"), new byte[] {1});
        waitUntil(() -> handed.size() == 1, "first version");
        Files.write(f, new byte[] {1, 2});
        Files.setLastModifiedTime(f, FileTime.fromMillis(Files.getLastModifiedTime(f).toMillis() + 5000));
        waitUntil(() -> handed.size() == 2, "second version");
        assertThat(handed).extracting(InputFile::source).containsExactly(f, f);
    }

    @Test
    void theWatchEndsWhenTheWatchedFolderDisappears() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        watcher = watcher(in, true);
        watcher.start();
        Files.delete(in);
        assertThat(ended.await(60, TimeUnit.SECONDS)).as("the watch ended").isTrue();
        assertThat(problems).containsExactly("the watched folder " + in + " is gone; stopped watching");
        waitUntil(() -> !watcher.isRunning(), "the watcher thread ended");
    }

    private void waitUntil(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new AssertionError("timed out waiting for " + what + ": " + handed);
            TimeUnit.MILLISECONDS.sleep(20);
        }
    }
}
