package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.InputFile;
import io.pixpool.core.Recipe;
import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkerCommandTest {

    @TempDir
    Path dir;

    @Test
    void fromJavaTheSameJavaAndAbsoluteClassPathRunTheWorkerMain() {
        WorkerCommand c = WorkerCommand.forJava("/jdk/bin/java", "app.jar" + File.pathSeparator + "/abs/lib.jar",
                WorkerCommand.jvmOptions(300, ""));
        assertThat(c.command()).containsExactly("/jdk/bin/java", "-Xmx300m", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:TieredStopAtLevel=1", "-Xbatch", "-XX:Tier3BackEdgeThreshold=6000", "-XX:-UsePerfData",
                "-Djava.awt.headless=true", "-Xlog:disable",
                "-Xlog:all=warning:stderr", "-XX:+DisplayVMOutputToStderr", "-cp",
                Path.of("app.jar").toAbsolutePath() + File.pathSeparator + "/abs/lib.jar", "io.pixpool.worker.WorkerMain");
        ProcessBuilder pb = c.builder(77);
        assertThat(pb.command()).endsWith("io.pixpool.worker.WorkerMain", "--parent-pid", "77");
        if (System.getenv("_JAVA_OPTIONS") == null) assertThat(pb.environment()).doesNotContainKey("_JAVA_OPTIONS");
    }

    @Test
    void fromAnAppLauncherTheLauncherRunsTheWorkerWithOptionsInTheEnvironment() {
        WorkerCommand c = WorkerCommand.forAppLauncher("/opt/pixpool/bin/Pixpool", WorkerCommand.jvmOptions(256, "-Dx=1"));
        assertThat(c.command()).containsExactly("/opt/pixpool/bin/Pixpool", "--pixpool-worker");
        ProcessBuilder pb = c.builder(5);
        assertThat(pb.command()).containsExactly("/opt/pixpool/bin/Pixpool", "--pixpool-worker", "--parent-pid", "5");
        assertThat(pb.environment()).doesNotContainKey("_JPACKAGE_LAUNCHER");
        assertThat(pb.environment().get("_JAVA_OPTIONS")).contains("-Xmx256m -XX:+UseSerialGC").endsWith(" -Dx=1");
    }

    @Test
    void moreOptionsGoBeforeTheClassPathOrIntoTheLaunchersEnvironment() {
        WorkerCommand java = WorkerCommand.forJava("/jdk/bin/java", "/a.jar", List.of("-Xmx300m"))
                .withOptions(List.of("-XX:SharedArchiveFile=/c/w.jsa"));
        assertThat(java.command()).containsExactly("/jdk/bin/java", "-Xmx300m", "-XX:SharedArchiveFile=/c/w.jsa", "-cp",
                "/a.jar", "io.pixpool.worker.WorkerMain");
        assertThat(java.jvmOptions()).containsExactly("-Xmx300m", "-XX:SharedArchiveFile=/c/w.jsa");

        WorkerCommand launcher = WorkerCommand.forAppLauncher("/opt/pixpool/bin/Pixpool", List.of("-Xmx300m"))
                .withOptions(List.of("-XX:SharedArchiveFile=/c/w.jsa"));
        assertThat(launcher.command()).containsExactly("/opt/pixpool/bin/Pixpool", "--pixpool-worker");
        assertThat(launcher.builder(5).environment().get("_JAVA_OPTIONS"))
                .endsWith("-Xmx300m -XX:SharedArchiveFile=/c/w.jsa");
        assertThat(java.withOptions(List.of())).isSameAs(java);
    }

    @Test
    void insideAnAppWhoseRuntimeHasJavaTheWorkersStartWithThatJavaNotTheLauncher() {
        String before = System.getProperty("jpackage.app-path");
        System.setProperty("jpackage.app-path", "/opt/pixpool/bin/Pixpool");
        try {
            List<String> c = WorkerCommand.forCurrentProcess(256).command();
            assertThat(c.get(0)).isEqualTo(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            assertThat(c).contains("-Xmx256m", "-Dfile.encoding=" + System.getProperty("file.encoding"))
                    .doesNotContain("--pixpool-worker").endsWith("io.pixpool.worker.WorkerMain");
        } finally {
            if (before == null) System.clearProperty("jpackage.app-path");
            else System.setProperty("jpackage.app-path", before);
        }
    }

    @Test
    void anInheritedJavaOptionsVariableCannotLiftTheWorkerHeap() {
        Map<String, String> env = new HashMap<>(Map.of("_JAVA_OPTIONS", "-Xmx8g", "_JPACKAGE_LAUNCHER", "0", "HOME", "/h"));
        WorkerCommand.forJava("/jdk/bin/java", "a.jar", WorkerCommand.jvmOptions(300, "")).applyEnvironment(env);
        assertThat(env.get("_JAVA_OPTIONS")).startsWith("-Xmx8g -Xmx300m "); // the JVM takes the last -Xmx
        assertThat(env).doesNotContainKey("_JPACKAGE_LAUNCHER").containsEntry("HOME", "/h");
    }

    @Test
    void extraOptionsAreAppendedSoTheyWin() {
        assertThat(WorkerCommand.jvmOptions(128, "  -XX:TieredStopAtLevel=4   -Dy=2 "))
                .endsWith("-XX:TieredStopAtLevel=4", "-Dy=2").contains("-Xmx128m");
    }

    @Test
    void underTestsTheCurrentProcessIsAJavaLauncher() {
        List<String> c = WorkerCommand.forCurrentProcess(256).command();
        assertThat(Path.of(c.get(0)).getFileName().toString()).isEqualTo("java");
        assertThat(c).contains("-Xmx256m").endsWith("io.pixpool.worker.WorkerMain");
    }

    @Test
    void shortBatchesRunTheC1JitOnlyLongAndOpenEndedOnesGetC2ForTheHotLoops() {
        assertThat(WorkerCommand.jvmOptions(256, "", 31_000_000L)) // 57 photos of the benchmark corpus
                .contains("-XX:TieredStopAtLevel=1", "-Xbatch", "-XX:Tier3BackEdgeThreshold=6000")
                .noneMatch(o -> o.startsWith("-XX:Tier4"));
        assertThat(WorkerCommand.jvmOptions(256, "", WorkerCommand.C2_BYTES_PER_WORKER - 1))
                .contains("-XX:TieredStopAtLevel=1");
        for (long bytes : new long[] {WorkerCommand.C2_BYTES_PER_WORKER, 810_000_000L, 0}) {
            assertThat(WorkerCommand.jvmOptions(256, "", bytes))
                    .doesNotContain("-XX:TieredStopAtLevel=1", "-Xbatch", "-XX:Tier3BackEdgeThreshold=6000")
                    .contains("-XX:Tier4BackEdgeThreshold=1000000", "-XX:Tier4InvocationThreshold=50000")
                    .contains("-Xmx256m", "-XX:+UseSerialGC");
        }
        assertThat(WorkerCommand.forCurrentProcess(256, 0).command()).doesNotContain("-XX:TieredStopAtLevel=1")
                .endsWith("io.pixpool.worker.WorkerMain");
    }

    /**
     * A batch's JIT follows the bytes of input each worker gets, not the number of files: 600 small files for two
     * workers (300 each, tiered under the old count rule) get C1 alone; one file of 700 MB (350 MB a worker; a
     * sparse file, so nothing is written) gets the tiered JIT; a file that cannot be read counts as empty; a long
     * list is estimated from a sample of its sizes, scaled to the whole list.
     */
    @Test
    void aBatchsJitFollowsItsInputBytesPerWorkerNotItsFileCount() throws IOException {
        BatchSettings two = BatchSettings.of(Recipe.defaults(), dir.resolve("out")).withWorkers(2).withWorkerHeapMb(256);
        List<InputFile> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            Path f = Files.write(dir.resolve("small" + i + ".jpg"), new byte[1000]);
            many.add(InputFile.of(f));
        }
        assertThat(Batch.commandFor(two, many).command()).contains("-XX:TieredStopAtLevel=1");

        Path big = dir.resolve("big.tif");
        try (RandomAccessFile raf = new RandomAccessFile(big.toFile(), "rw")) {
            raf.setLength(700_000_000L);
        }
        List<InputFile> one = List.of(InputFile.of(big), InputFile.of(dir.resolve("missing.jpg")));
        assertThat(Batch.commandFor(two, one).command()).doesNotContain("-XX:TieredStopAtLevel=1")
                .contains("-XX:Tier4InvocationThreshold=50000");
        assertThat(Batch.commandFor(two, List.of(InputFile.of(dir.resolve("missing.jpg")))).command())
                .as("nothing readable: a short batch").contains("-XX:TieredStopAtLevel=1");

        // 1,000 photos of 700 KB: only some sizes are read, the estimate is for all of them (350 MB a worker)
        Path photo = dir.resolve("photo.jpg");
        try (RandomAccessFile raf = new RandomAccessFile(photo.toFile(), "rw")) {
            raf.setLength(700_000L);
        }
        List<InputFile> thousand = java.util.Collections.nCopies(1000, InputFile.of(photo));
        assertThat(Batch.commandFor(two, thousand).command()).doesNotContain("-XX:TieredStopAtLevel=1");
        assertThat(Batch.commandFor(two, thousand.subList(0, 600)).command()).contains("-XX:TieredStopAtLevel=1");
    }
}
