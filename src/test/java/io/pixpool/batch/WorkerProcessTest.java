package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.ImageJob;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.protocol.Message;
import io.pixpool.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real worker process driven by the coordinator's side of the protocol: warm-ups ahead of requests. */
class WorkerProcessTest {

    private static final Recipe FIT_100 = Recipe.defaults().withResize(ResizeSpec.fit(100, 100));
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @TempDir
    Path dir;
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor();
    private WorkerProcess worker;

    @AfterEach
    void end() {
        if (worker != null && worker.isAlive()) worker.kill(WorkerExit.Reason.SHUTDOWN, "test over", "test over");
        if (worker != null) worker.reap();
        watchdog.shutdownNow();
    }

    @Test
    void aRequestSentBehindAWarmUpGetsItsOwnReply() throws Exception {
        worker = started();
        assertThat(worker.warmUp(FIT_100)).isTrue();
        Path src = TestImages.write(dir.resolve("a.jpg"), 400, 300);
        Message reply = worker.call(new Message.JobRequest(1, new ImageJob(src, dir, 1, FIT_100)), LIMIT, watchdog);
        assertThat(reply).isInstanceOf(Message.JobResult.class);
        assertThat(((Message.JobResult) reply).seq()).isEqualTo(1);
        assertThat(((Message.JobResult) reply).image().width()).isEqualTo(100);
        Files.delete(((Message.JobResult) reply).image().tempFile());

        WorkerExit exit = worker.shutdown(LIMIT, watchdog);
        assertThat(exit.saidGoodbye()).isTrue();
        assertThat(exit.unexpected()).isFalse();
    }

    @Test
    void aWorkerToldToLeaveDuringItsWarmUpFinishesItAndSaysGoodbye() throws Exception {
        worker = started();
        assertThat(worker.warmUp(FIT_100)).isTrue();
        WorkerExit exit = worker.shutdown(LIMIT, watchdog);
        assertThat(exit.kill()).as("not killed").isNull();
        assertThat(exit.saidGoodbye()).isTrue();
        assertThat(exit.exitCode()).isZero();
    }

    private WorkerProcess started() throws WorkerStartException {
        WorkerProcess w = WorkerProcess.spawn(WorkerCommand.forCurrentProcess(256), 1, 256);
        w.awaitHello(LIMIT, watchdog);
        return w;
    }
}
