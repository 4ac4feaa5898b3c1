import io.pixpool.batch.Batch;
import io.pixpool.batch.BatchSettings;
import io.pixpool.batch.BatchSummary;
import io.pixpool.batch.WorkerReserve;
import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.InputFile;
import io.pixpool.core.OutputSpec;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Used by floor.sh: batches of every file in IN_DIR (fit 500x500, JPEG quality 85, 2 workers, into OUT_DIR) on
 * workers that were started and warmed up before the clock starts, as the window's reserve does when files are
 * added; then PASSES batches one after the other on the same workers. Prints each batch's wall time in ms, one a
 * line. Run with the jar and its libraries on the class path: {@code java -cp pixpool.jar:lib/* WarmBatch.java
 * IN_DIR OUT_DIR PASSES} (a source-file program; only the engine's public API).
 */
public class WarmBatch {
    public static void main(String[] args) throws Exception {
        List<InputFile> inputs;
        try (Stream<Path> s = Files.list(Path.of(args[0]))) {
            inputs = s.filter(Files::isRegularFile).sorted().map(InputFile::of).toList();
        }
        int passes = Integer.parseInt(args[2]);
        Recipe recipe = Recipe.defaults().withResize(ResizeSpec.fit(500, 500))
                .withOutput(OutputSpec.defaults().withQuality(85).withOnConflict(ConflictPolicy.OVERWRITE));
        BatchSettings settings = BatchSettings.of(recipe, Path.of(args[1])).withWorkers(2);
        try (WorkerReserve reserve = new WorkerReserve()) {
            reserve.prepare(settings, inputs);
            while (reserve.idleWorkers() < settings.workers()) Thread.sleep(10);
            Thread.sleep(1500); // the warm-up the workers do once up: at most 0.6 s or 8 runs of the pipeline
            for (int i = 0; i < passes; i++) {
                long t0 = System.nanoTime();
                BatchSummary summary = Batch.start(settings, inputs, event -> { }, reserve).await();
                long ms = (System.nanoTime() - t0) / 1_000_000;
                if (summary.done() != inputs.size()) {
                    throw new IllegalStateException(summary.done() + " of " + inputs.size() + " files done");
                }
                System.out.println(ms);
            }
        }
    }
}
