package io.pixpool.batch;

import io.pixpool.core.InputFile;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A coordinator in its own JVM, for tests that kill it: {@code OUT_DIR INPUT...}; prints "worker PID", "done N". */
public final class CoordinatorMain {

    private CoordinatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        PrintStream out = System.out;
        List<InputFile> inputs = Arrays.stream(args).skip(1).map(Path::of).map(InputFile::of).collect(Collectors.toList());
        Recipe recipe = Recipe.defaults().withResize(ResizeSpec.fit(300, 300));
        Batch batch = Batch.start(BatchSettings.of(recipe, Path.of(args[0])).withWorkers(2).withWorkerHeapMb(256), inputs,
                e -> {
                    synchronized (out) {
                        if (e instanceof BatchEvent.WorkerStarted w) out.println("worker " + w.pid());
                        if (e instanceof BatchEvent.JobDone d) out.println("done " + d.job());
                        out.flush();
                    }
                });
        batch.await();
    }
}
