package io.pixpool.reliability;

import io.pixpool.core.ImageJob;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.protocol.Message;
import io.pixpool.protocol.WireFormat;
import io.pixpool.protocol.WorkerLaunch;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;

/**
 * A coordinator that dies at the worst moment: it starts one real worker, sends it one job, receives the result
 * (a finished temp file the coordinator now owns) and is gone before placing it, as after a kill -9.
 * Args: {@code SOURCE OUT_DIR}. Prints "worker PID" and "temp PATH", then halts.
 */
public final class UnplacingCoordinatorMain {

    private UnplacingCoordinatorMain() {
    }

    public static void main(String[] args) throws Exception {
        Process worker = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx128m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
                WorkerLaunch.MAIN_CLASS, WorkerLaunch.PARENT_PID, Long.toString(ProcessHandle.current().pid()))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        OutputStream toWorker = worker.getOutputStream();
        InputStream fromWorker = worker.getInputStream();
        Message hello = WireFormat.read(fromWorker);
        if (!(hello instanceof Message.Hello)) throw new IllegalStateException("no hello: " + hello);
        ImageJob job = new ImageJob(Path.of(args[0]), Path.of(args[1]), 1, Recipe.defaults().withResize(ResizeSpec.fit(50, 50)));
        WireFormat.write(toWorker, new Message.JobRequest(1, job));
        Message reply = WireFormat.read(fromWorker);
        if (!(reply instanceof Message.JobResult r)) throw new IllegalStateException("no result: " + reply);
        System.out.println("worker " + worker.pid());
        System.out.println("temp " + r.image().tempFile());
        System.out.flush();
        Runtime.getRuntime().halt(9); // no placement, no cleanup, pipes closed by the kernel
    }
}
