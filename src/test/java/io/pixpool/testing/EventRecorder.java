package io.pixpool.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.BatchSummary;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Records a batch's events in the order the listener saw them, runs optional reactions, and checks the one set of
 * event rules every batch keeps (see {@link #assertConsistent}).
 */
public final class EventRecorder implements BatchListener {

    private final List<BatchEvent> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<BatchEvent>> reactions = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(BatchEvent event) {
        events.add(event);
        reactions.forEach(r -> r.accept(event));
    }

    /** Runs {@code reaction} on every event after recording it (on the listener's thread). */
    public EventRecorder react(Consumer<BatchEvent> reaction) {
        reactions.add(reaction);
        return this;
    }

    public List<BatchEvent> all() {
        return List.copyOf(events);
    }

    public <T extends BatchEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    /** Pids of every worker that said hello. */
    public List<Long> workerPids() {
        return of(BatchEvent.WorkerStarted.class).stream().map(BatchEvent.WorkerStarted::pid).collect(Collectors.toList());
    }

    public static boolean isTerminal(BatchEvent e) {
        return e instanceof BatchEvent.JobDone || e instanceof BatchEvent.JobSkipped
                || e instanceof BatchEvent.JobFailed || e instanceof BatchEvent.JobCancelled;
    }

    /** The job an event is about, or -1 for batch and worker events. */
    public static int jobOf(BatchEvent e) {
        if (e instanceof BatchEvent.JobQueued q) return q.job();
        if (e instanceof BatchEvent.JobStarted s) return s.job();
        if (e instanceof BatchEvent.JobRetrying r) return r.job();
        if (e instanceof BatchEvent.JobDone d) return d.job();
        if (e instanceof BatchEvent.JobSkipped s) return s.job();
        if (e instanceof BatchEvent.JobFailed f) return f.job();
        if (e instanceof BatchEvent.JobCancelled c) return c.job();
        return -1;
    }

    /** The terminal event of each job. */
    public Map<Integer, BatchEvent> terminals() {
        Map<Integer, BatchEvent> m = new HashMap<>();
        for (BatchEvent e : events) if (isTerminal(e)) m.put(jobOf(e), e);
        return m;
    }

    /**
     * The rules every batch keeps: JobQueued first for each job; exactly one terminal event per job and nothing of
     * the job after it; JobStarted before a done or skipped ending; attempts counted up, with a JobRetrying (with a
     * reason) announcing each further one; BatchFinished last and once, with counts matching the endings; every
     * worker that started also exited.
     */
    public BatchSummary assertConsistent(int total) {
        List<BatchEvent> all = all();
        assertThat(all).isNotEmpty();
        assertThat(all.get(all.size() - 1)).isInstanceOf(BatchEvent.BatchFinished.class);
        assertThat(of(BatchEvent.BatchFinished.class)).hasSize(1);
        Map<Integer, List<BatchEvent>> byJob = new HashMap<>();
        for (BatchEvent e : all) {
            int job = jobOf(e);
            if (job >= 0) byJob.computeIfAbsent(job, k -> new ArrayList<>()).add(e);
        }
        assertThat(byJob.keySet()).hasSize(total);
        int done = 0, failed = 0, skipped = 0, cancelled = 0;
        for (int job = 0; job < total; job++) {
            List<BatchEvent> es = byJob.get(job);
            assertThat(es).as("events of job %d", job).isNotNull();
            assertThat(es.get(0)).as("first event of job %d", job).isInstanceOf(BatchEvent.JobQueued.class);
            List<BatchEvent> ends = es.stream().filter(EventRecorder::isTerminal).collect(Collectors.toList());
            assertThat(ends).as("terminal events of job %d: %s", job, es).hasSize(1);
            BatchEvent end = ends.get(0);
            assertThat(es.get(es.size() - 1)).as("last event of job %d", job).isSameAs(end);
            if (!(end instanceof BatchEvent.JobCancelled) && !(end instanceof BatchEvent.JobFailed)) {
                assertThat(es).as("job %d started", job).anyMatch(e -> e instanceof BatchEvent.JobStarted);
            }
            assertAttempts(job, es);
            if (end instanceof BatchEvent.JobDone) done++;
            else if (end instanceof BatchEvent.JobFailed) failed++;
            else if (end instanceof BatchEvent.JobSkipped) skipped++;
            else cancelled++;
        }
        BatchSummary s = ((BatchEvent.BatchFinished) all.get(all.size() - 1)).summary();
        assertThat(s.total()).isEqualTo(total);
        assertThat(s.done()).as("done").isEqualTo(done);
        assertThat(s.failed()).as("failed").isEqualTo(failed);
        assertThat(s.skipped()).as("skipped").isEqualTo(skipped);
        assertThat(s.cancelled()).as("cancelled").isEqualTo(cancelled);
        List<Long> exited = of(BatchEvent.WorkerExited.class).stream().map(BatchEvent.WorkerExited::pid).collect(Collectors.toList());
        assertThat(exited).as("every started worker exited").containsAll(workerPids());
        return s;
    }

    /** Attempts count up; each attempt after the first is announced by a JobRetrying with a reason. */
    private static void assertAttempts(int job, List<BatchEvent> es) {
        int attempt = 0;
        int announced = 1;
        for (BatchEvent e : es) {
            if (e instanceof BatchEvent.JobRetrying r) {
                assertThat(r.attempt()).as("retry of job %d", job).isEqualTo(announced + 1);
                assertThat(r.reason()).isNotBlank();
                announced = r.attempt();
            }
            if (e instanceof BatchEvent.JobStarted s) {
                assertThat(s.attempt()).as("attempts of job %d: %s", job, es).isGreaterThan(attempt).isEqualTo(announced);
                attempt = s.attempt();
            }
        }
    }
}
