package io.pixpool.core;

import java.nio.file.Path;

/**
 * Runs one default job in a child process and prints {@code done:OUTPUT} or {@code failed:MESSAGE}; lets a test run
 * the pipeline with privileges the test JVM does not have (root without its file-permission override).
 */
public final class PipelineProbe {

    private PipelineProbe() {
    }

    public static void main(String[] args) {
        try {
            System.out.println("done:" + Jobs.run(Path.of(args[0]), Path.of(args[1]), Recipe.defaults()));
        } catch (ImageException e) {
            System.out.println("failed:" + e.getMessage());
        }
    }
}
