package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.nio.file.Path;

/** Runs the real pipeline and placer the way a worker and the coordinator do. */
final class Jobs {

    static final String PREFIX = TempFiles.prefix(4242);

    private Jobs() {
    }

    static Recipe recipe(ResizeSpec resize, OutputFormat format) {
        return Recipe.defaults().withResize(resize).withOutput(OutputSpec.defaults().withFormat(format));
    }

    static EncodedImage process(Path source, Path outDir, Recipe r) throws ImageException {
        return new ImagePipeline().process(new ImageJob(source, outDir, 1, r), PREFIX);
    }

    /** Processes and places; returns the output file. */
    static Path run(Path source, Path outDir, Recipe r) throws ImageException {
        EncodedImage e = process(source, outDir, r);
        return OutputPlacer.place(e, outDir, r.output().onConflict(), source).output();
    }

    static BufferedImage runAndRead(Path source, Path outDir, Recipe r) throws ImageException {
        return TestImages.read(run(source, outDir, r));
    }
}
