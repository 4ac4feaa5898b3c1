package io.pixpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code pixpool --help} and {@code --version} print and exit, without opening a window (none is needed). */
class MainTest {

    @Test
    void helpPrintsTheUsageWithoutAWindow() throws Exception {
        for (String flag : List.of("--help", "-h")) {
            String out = ChildJvm.run(List.of("env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY"), Main.class, flag);
            assertThat(out).as(flag).contains("Usage: pixpool [FILE|FOLDER...]").contains("pixpool batch --help")
                    .doesNotContain("Exception");
        }
    }

    @Test
    void versionPrintsTheVersionWithoutAWindow() throws Exception {
        String out = ChildJvm.run(List.of("env", "-u", "DISPLAY", "-u", "WAYLAND_DISPLAY"), Main.class, "--version");
        assertThat(out).startsWith("pixpool ").contains("Java ").doesNotContain("Exception");
    }

    /**
     * picocli looks for Groovy's {@code groovy.lang.Closure} unless told not to, a search through every jar of the
     * class path (the window's too). A class of that name that announces its loading sits at the end of the class
     * path here: the command line must parse without looking it up, and the check itself is shown to see the
     * lookup when picocli is told to make it.
     */
    @Test
    void theCommandLineDoesNotSearchTheClassPathForGroovy(@TempDir Path dir) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/groovy/lang")).resolve("Closure.java");
        Files.writeString(src, "package groovy.lang; public class Closure { static { System.out.println(\"GROOVY LOOKUP\"); } }");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(), src.toString()))
                .isZero();
        String classPath = System.getProperty("java.class.path") + File.pathSeparator + classes;

        assertThat(runMain(classPath, List.of(), "--version")).startsWith("pixpool ").doesNotContain("GROOVY LOOKUP");
        assertThat(runMain(classPath, List.of(), "batch", "--help")).contains("Usage:").doesNotContain("GROOVY LOOKUP");
        assertThat(runMain(classPath, List.of("-D" + Main.PICOCLI_CLOSURES + "=false"), "--version"))
                .contains("GROOVY LOOKUP");
    }

    private static String runMain(String classPath, List<String> jvmOptions, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classPath, Main.class.getName()));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("child JVM ended").isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
