package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.TempFiles;
import io.pixpool.testing.ProcessChecks;
import io.pixpool.testing.TestImages;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** kill -9 of the coordinator leaves neither worker processes nor temp files behind. */
class CoordinatorDeathTest {

    @TempDir
    Path dir;

    @Test
    void workersLeaveWhenTheCoordinatorIsKilledMidBatch() throws Exception {
        Path in = Files.createDirectories(dir.resolve("in"));
        Path out = dir.resolve("out");
        List<String> cmd = new ArrayList<>(List.of(BatchPoolTest.javaExecutable(), "-cp", System.getProperty("java.class.path"),
                CoordinatorMain.class.getName(), out.toString()));
        for (int i = 0; i < 40; i++) cmd.add(TestImages.write(in.resolve("p" + i + ".jpg"), 1600, 1200, "jpg", i).toString());
        Process coordinator = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<Long> workers = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(coordinator.getInputStream(), StandardCharsets.UTF_8))) {
            int done = 0;
            for (String line = r.readLine(); line != null && (workers.size() < 2 || done < 2); line = r.readLine()) {
                if (line.startsWith("worker ")) workers.add(Long.parseLong(line.substring(7)));
                if (line.startsWith("done ")) done++;
            }
            assertThat(workers).hasSize(2);
            assertThat(coordinator.isAlive()).as("the batch is still running").isTrue();
            coordinator.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup in the coordinator
            assertThat(coordinator.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (long pid : workers) {
            while (ProcessChecks.alive(pid) && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(ProcessChecks.alive(pid)).as("worker %d outlived its coordinator", pid).isFalse();
        }
        try (Stream<Path> s = Files.walk(out)) {
            assertThat(s.filter(TempFiles::isTemp).collect(Collectors.toList())).as("temp files left").isEmpty();
        }
    }
}
