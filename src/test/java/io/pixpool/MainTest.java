package io.pixpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

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
}
