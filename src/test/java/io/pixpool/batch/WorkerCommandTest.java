package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkerCommandTest {

    @Test
    void fromJavaTheSameJavaAndAbsoluteClassPathRunTheWorkerMain() {
        WorkerCommand c = WorkerCommand.forJava("/jdk/bin/java", "app.jar" + File.pathSeparator + "/abs/lib.jar",
                WorkerCommand.jvmOptions(300, ""));
        assertThat(c.command()).containsExactly("/jdk/bin/java", "-Xmx300m", "-XX:+UseSerialGC", "-Xshare:auto",
                "-XX:-UsePerfData", "-Djava.awt.headless=true", "-cp",
                Path.of("app.jar").toAbsolutePath() + File.pathSeparator + "/abs/lib.jar", "io.pixpool.worker.WorkerMain");
        assertThat(c.javaOptions()).isEmpty();
        ProcessBuilder pb = c.builder(77);
        assertThat(pb.command()).endsWith("io.pixpool.worker.WorkerMain", "--parent-pid", "77");
    }

    @Test
    void fromAnAppLauncherTheLauncherRunsTheWorkerWithOptionsInTheEnvironment() {
        WorkerCommand c = WorkerCommand.forAppLauncher("/opt/pixpool/bin/Pixpool", WorkerCommand.jvmOptions(256, "-Dx=1"),
                "-Duser.option=1");
        assertThat(c.command()).containsExactly("/opt/pixpool/bin/Pixpool", "--pixpool-worker");
        assertThat(c.javaOptions()).startsWith("-Duser.option=1 -Xmx256m ").endsWith(" -Dx=1");
        ProcessBuilder pb = c.builder(5);
        assertThat(pb.command()).containsExactly("/opt/pixpool/bin/Pixpool", "--pixpool-worker", "--parent-pid", "5");
        assertThat(pb.environment()).containsEntry("_JAVA_OPTIONS", c.javaOptions());
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
}
