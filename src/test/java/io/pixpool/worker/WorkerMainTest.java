package io.pixpool.worker;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.ImageJob;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.core.TempFiles;
import io.pixpool.protocol.Message;
import io.pixpool.protocol.WireFormat;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The worker process on its own, driven over its pipes like the coordinator does. */
class WorkerMainTest {

    @TempDir
    Path dir;
    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : started) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void saysHelloAnswersJobsAndLeavesWhenStdinCloses() throws Exception {
        Process p = startWorker(ProcessHandle.current().pid());
        InputStream out = p.getInputStream();
        OutputStream in = p.getOutputStream();
        assertThat(WireFormat.read(out)).isEqualTo(new Message.Hello(WireFormat.VERSION, p.pid()));

        Path src = dir.resolve("a.png");
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", src.toFile());
        Path outDir = dir.resolve("out");
        Recipe recipe = Recipe.defaults().withResize(ResizeSpec.fit(150, 150));
        WireFormat.write(in, new Message.JobRequest(1, new ImageJob(src, outDir, 1, recipe)));
        Message reply = WireFormat.read(out);
        assertThat(reply).isInstanceOf(Message.JobResult.class);
        Message.JobResult r = (Message.JobResult) reply;
        assertThat(r.seq()).isEqualTo(1);
        assertThat(r.image().tempFile().getParent()).isEqualTo(outDir);
        assertThat(r.image().tempFile().getFileName().toString()).startsWith(TempFiles.prefix(p.pid()));
        assertThat(ImageIO.read(r.image().tempFile().toFile()).getWidth()).isEqualTo(150);
        Path placed = Files.move(r.image().tempFile(), outDir.resolve(r.image().fileName())); // as the coordinator does

        Path text = Files.writeString(dir.resolve("b.png"), "not a picture");
        WireFormat.write(in, new Message.JobRequest(2, new ImageJob(text, outDir, 2, recipe)));
        Message error = WireFormat.read(out);
        assertThat(error).isInstanceOf(Message.JobError.class);
        assertThat(((Message.JobError) error).kind()).isEqualTo(Message.ErrorKind.IMAGE);
        assertThat(((Message.JobError) error).seq()).isEqualTo(2);

        in.close();
        assertThat(WireFormat.read(out)).isEqualTo(new Message.Goodbye());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("worker exits after stdin closed").isTrue();
        assertThat(p.exitValue()).isEqualTo(WorkerMain.EXIT_OK);
        try (var files = Files.list(outDir)) {
            assertThat(files).as("the failed job left no temp file").containsExactly(placed);
        }
    }

    @Test
    void exitsWhenTheCoordinatorIsGoneEvenIfStdinStaysOpen() throws Exception {
        Process fakeCoordinator = new ProcessBuilder("sleep", "300").start();
        started.add(fakeCoordinator);
        Process p = startWorker(fakeCoordinator.pid());
        assertThat(WireFormat.read(p.getInputStream())).isInstanceOf(Message.Hello.class);
        fakeCoordinator.destroyForcibly();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("worker notices its coordinator died").isTrue();
        assertThat(p.exitValue()).isEqualTo(WorkerMain.EXIT_PARENT_GONE);
    }

    @Test
    void garbageOnStdinEndsTheWorkerWithAProtocolError() throws Exception {
        Process p = startWorker(ProcessHandle.current().pid());
        assertThat(WireFormat.read(p.getInputStream())).isInstanceOf(Message.Hello.class);
        p.getOutputStream().write("hello?\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        p.getOutputStream().flush();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(WorkerMain.EXIT_PROTOCOL);
    }

    private Process startWorker(long parentPid) throws IOException {
        String java = ProcessHandle.current().info().command().orElseThrow();
        Process p = new ProcessBuilder(java, "-Xmx128m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                WorkerMain.class.getName(), "--parent-pid", Long.toString(parentPid))
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }
}
