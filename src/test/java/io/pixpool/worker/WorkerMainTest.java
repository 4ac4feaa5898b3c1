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
        Process p = helloWorker();
        InputStream out = p.getInputStream();
        OutputStream in = p.getOutputStream();

        Path src = png("a.png");
        Path outDir = dir.resolve("out");
        WireFormat.write(in, new Message.JobRequest(1, new ImageJob(src, outDir, 1, FIT_150)));
        Message reply = WireFormat.read(out);
        assertThat(reply).isInstanceOf(Message.JobResult.class);
        Message.JobResult r = (Message.JobResult) reply;
        assertThat(r.seq()).isEqualTo(1);
        assertThat(r.image().tempFile().getParent()).isEqualTo(outDir);
        assertThat(r.image().tempFile().getFileName().toString()).startsWith(TempFiles.prefix(p.pid()));
        assertThat(ImageIO.read(r.image().tempFile().toFile()).getWidth()).isEqualTo(150);
        Path placed = Files.move(r.image().tempFile(), outDir.resolve(r.image().fileName())); // as the coordinator does

        Path text = Files.writeString(dir.resolve("b.png"), "not a picture");
        WireFormat.write(in, new Message.JobRequest(2, new ImageJob(text, outDir, 2, FIT_150)));
        Message error = WireFormat.read(out);
        assertThat(error).isInstanceOf(Message.JobError.class);
        assertThat(((Message.JobError) error).kind()).isEqualTo(Message.ErrorKind.IMAGE);
        assertThat(((Message.JobError) error).seq()).isEqualTo(2);

        closeAndAwaitGoodbye(p);
        assertThat(p.exitValue()).isEqualTo(WorkerMain.EXIT_OK);
        assertThat(filesIn(outDir)).as("the failed job left no temp file").containsExactly(placed);
    }

    @Test
    void aFailingJobLeavesThePreviousJobsReportedFileForTheCoordinator() throws Exception {
        // the coordinator sends the next job as soon as it has a result and places that result meanwhile
        Process p = helloWorker();
        InputStream out = p.getInputStream();
        OutputStream in = p.getOutputStream();
        Path src = png("a.png");
        Path text = Files.writeString(dir.resolve("b.png"), "not a picture");
        Path outDir = dir.resolve("out");

        WireFormat.write(in, new Message.JobRequest(1, new ImageJob(src, outDir, 1, FIT_150)));
        Path reported = ((Message.JobResult) WireFormat.read(out)).image().tempFile();
        WireFormat.write(in, new Message.JobRequest(2, new ImageJob(text, outDir, 2, FIT_150)));
        assertThat(WireFormat.read(out)).isInstanceOf(Message.JobError.class);

        assertThat(reported).as("job 2's clean-up left job 1's file, not yet placed").exists();
        Path placed = Files.move(reported, outDir.resolve("a.png"));
        closeAndAwaitGoodbye(p);
        assertThat(filesIn(outDir)).containsExactly(placed);
    }

    @Test
    void leavingRemovesTheLastTwoResultsNobodyPlaced() throws Exception {
        // a coordinator killed while placing result 1 had already sent job 2: neither file will ever be placed
        Process p = helloWorker();
        InputStream out = p.getInputStream();
        OutputStream in = p.getOutputStream();
        Path outDir = dir.resolve("out");
        List<Path> reported = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            WireFormat.write(in, new Message.JobRequest(i, new ImageJob(png("p" + i + ".png"), outDir, i, FIT_150)));
            reported.add(((Message.JobResult) WireFormat.read(out)).image().tempFile());
            if (i == 1) Files.move(reported.get(0), outDir.resolve("p1.png")); // placed before job 3 was sent
        }
        assertThat(reported.get(1)).exists();
        assertThat(reported.get(2)).exists();
        closeAndAwaitGoodbye(p);
        assertThat(filesIn(outDir)).containsExactly(outDir.resolve("p1.png"));
    }

    @Test
    void aCoordinatorGoneWhileTheNextJobRunsLeavesNoResultUnplaced() throws Exception {
        // killed while placing result 1, with job 2 already sent: the worker makes job 2, cannot send its reply, and
        // nobody will ever place either file (stdin stays open here, and the parent lives: only the pipe tells)
        Process p = helloWorker();
        Path outDir = dir.resolve("out");
        WireFormat.write(p.getOutputStream(), new Message.JobRequest(1, new ImageJob(png("a.png"), outDir, 1, FIT_150)));
        Path reported = ((Message.JobResult) WireFormat.read(p.getInputStream())).image().tempFile();
        p.getInputStream().close();
        WireFormat.write(p.getOutputStream(), new Message.JobRequest(2, new ImageJob(png("b.png"), outDir, 2, FIT_150)));
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("worker leaves when its reply cannot be sent").isTrue();
        assertThat(p.exitValue()).isEqualTo(WorkerMain.EXIT_PIPE);
        assertThat(reported).doesNotExist();
        assertThat(filesIn(outDir)).isEmpty();
    }

    @Test
    void answersAWarmUpBeforeTheJobSentBehindItAndLeavesNothingOfIt() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Process p = startWorker(ProcessHandle.current().pid(), "-Djava.io.tmpdir=" + tmp);
        assertThat(WireFormat.read(p.getInputStream())).isInstanceOf(Message.Hello.class);
        InputStream out = p.getInputStream();
        OutputStream in = p.getOutputStream();
        Path outDir = dir.resolve("out");

        // as a worker reserve does: the warm-up, then (a batch took the worker at once) a job right behind it
        WireFormat.write(in, new Message.WarmUp(-1, FIT_150));
        WireFormat.write(in, new Message.JobRequest(1, new ImageJob(png("a.png"), outDir, 1, FIT_150)));
        Message warmed = WireFormat.read(out);
        assertThat(warmed).isInstanceOf(Message.WarmedUp.class);
        assertThat(((Message.WarmedUp) warmed).seq()).isEqualTo(-1);
        assertThat(((Message.WarmedUp) warmed).runs()).as("the generated photos went through the pipeline")
                .isPositive();
        Message.JobResult r = (Message.JobResult) WireFormat.read(out);
        assertThat(r.seq()).isEqualTo(1);
        assertThat(ImageIO.read(r.image().tempFile().toFile()).getWidth()).isEqualTo(150);
        Files.move(r.image().tempFile(), outDir.resolve(r.image().fileName()));

        closeAndAwaitGoodbye(p);
        assertThat(filesIn(tmp)).as("the warm-up's folder is gone").isEmpty();
        assertThat(filesIn(outDir)).containsExactly(outDir.resolve("a.png"));
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

    private static final Recipe FIT_150 = Recipe.defaults().withResize(ResizeSpec.fit(150, 150));

    /** A 300 x 200 PNG named {@code name} in the test folder. */
    private Path png(String name) throws IOException {
        Path src = dir.resolve(name);
        ImageIO.write(new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB), "png", src.toFile());
        return src;
    }

    /** A worker started for this test process, its hello read. */
    private Process helloWorker() throws IOException {
        Process p = startWorker(ProcessHandle.current().pid());
        assertThat(WireFormat.read(p.getInputStream())).isEqualTo(new Message.Hello(WireFormat.VERSION, p.pid()));
        return p;
    }

    /** Closes the worker's stdin as the coordinator does at the end: it says goodbye and exits. */
    private static void closeAndAwaitGoodbye(Process p) throws IOException, InterruptedException {
        p.getOutputStream().close();
        assertThat(WireFormat.read(p.getInputStream())).isEqualTo(new Message.Goodbye());
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as("worker exits after stdin closed").isTrue();
    }

    private static List<Path> filesIn(Path folder) throws IOException {
        try (var files = Files.list(folder)) {
            return files.toList();
        }
    }

    private Process startWorker(long parentPid, String... jvmOptions) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "-Xmx128m", "-XX:+UseSerialGC"));
        command.addAll(List.of(jvmOptions));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName(),
                "--parent-pid", Long.toString(parentPid)));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started.add(p);
        return p;
    }
}
