package io.pixpool.batch;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/** Records a batch's events in the order the listener saw them, runs optional reactions, checks the rules. */
final class EventRecorder implements BatchListener {

    private final List<BatchEvent> events = new CopyOnWriteArrayList<>();
    private final List<Consumer<BatchEvent>> reactions = new CopyOnWriteArrayList<>();

    @Override
    public void onEvent(BatchEvent event) {
        events.add(event);
        reactions.forEach(r -> r.accept(event));
    }

    EventRecorder react(Consumer<BatchEvent> reaction) {
        reactions.add(reaction);
        return this;
    }

    List<BatchEvent> all() {
        return List.copyOf(events);
    }

    <T extends BatchEvent> List<T> of(Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).collect(Collectors.toList());
    }

    static boolean isTerminal(BatchEvent e) {
        return e instanceof BatchEvent.JobDone || e instanceof BatchEvent.JobSkipped
                || e instanceof BatchEvent.JobFailed || e instanceof BatchEvent.JobCancelled;
    }

    static int jobOf(BatchEvent e) {
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
    Map<Integer, BatchEvent> terminals() {
        Map<Integer, BatchEvent> m = new HashMap<>();
        for (BatchEvent e : events) if (isTerminal(e)) m.put(jobOf(e), e);
        return m;
    }

    /**
     * The rules every batch keeps: JobQueued first for each job, exactly one terminal event per job, JobStarted before
     * a done/failed/skipped ending, nothing of a job after its end, BatchFinished last with matching counts.
     */
    BatchSummary assertConsistent(int total) {
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
            if (end instanceof BatchEvent.JobDone) done++;
            else if (end instanceof BatchEvent.JobFailed) failed++;
            else if (end instanceof BatchEvent.JobSkipped) skipped++;
            else cancelled++;
        }
        BatchSummary s = ((BatchEvent.BatchFinished) all.get(all.size() - 1)).summary();
        assertThat(s.total()).isEqualTo(total);
        assertThat(s.done()).isEqualTo(done);
        assertThat(s.failed()).isEqualTo(failed);
        assertThat(s.skipped()).isEqualTo(skipped);
        assertThat(s.cancelled()).isEqualTo(cancelled);
        return s;
    }

    /** Pids of every worker that said hello. */
    List<Long> workerPids() {
        return of(BatchEvent.WorkerStarted.class).stream().map(BatchEvent.WorkerStarted::pid).collect(Collectors.toList());
    }
}
