package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {

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
        assertThat(WorkerCommand.jvmOptions(256, "", 57))
                .contains("-XX:TieredStopAtLevel=1", "-Xbatch", "-XX:Tier3BackEdgeThreshold=6000")
                .noneMatch(o -> o.startsWith("-XX:Tier4"));
        assertThat(WorkerCommand.jvmOptions(256, "", WorkerCommand.C2_FILES_PER_WORKER - 1))
                .contains("-XX:TieredStopAtLevel=1");
        for (int files : new int[] {WorkerCommand.C2_FILES_PER_WORKER, 500, 0}) {
            assertThat(WorkerCommand.jvmOptions(256, "", files))
                    .doesNotContain("-XX:TieredStopAtLevel=1", "-Xbatch", "-XX:Tier3BackEdgeThreshold=6000")
                    .contains("-XX:Tier4BackEdgeThreshold=1000000", "-XX:Tier4InvocationThreshold=50000")
                    .contains("-Xmx256m", "-XX:+UseSerialGC");
        }
        assertThat(WorkerCommand.forCurrentProcess(256, 0).command()).doesNotContain("-XX:TieredStopAtLevel=1")
                .endsWith("io.pixpool.worker.WorkerMain");
    }
}
