package io.pixpool.ui;

import io.pixpool.batch.BatchSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The notice at the end of a batch: counts, time and speed, and the failed files with their messages. */
final class FinishReport {

    private FinishReport() {
    }

    static Notice of(BatchSummary s, List<FileRow> rows) {
        List<String> failures = new ArrayList<>();
        for (FileRow r : rows) {
            if (r.getStatus() == RowStatus.FAILED) failures.add(r.source() + " \u2013 " + r.getMessage());
        }
        StringBuilder text = new StringBuilder();
        text.append(String.format(Locale.ROOT, "%,d done", s.done()));
        if (s.failed() > 0) text.append(String.format(Locale.ROOT, ", %,d failed", s.failed()));
        if (s.skipped() > 0) text.append(String.format(Locale.ROOT, ", %,d skipped", s.skipped()));
        if (s.cancelled() > 0) text.append(String.format(Locale.ROOT, ", %,d cancelled", s.cancelled()));
        text.append(String.format(Locale.ROOT, " in %.1f s (%s)", s.elapsed().toMillis() / 1000.0,
                Format.rate(s.imagesPerSecond())));
        String title;
        Notice.Kind kind;
        if (s.cancelled() > 0) {
            title = "Batch cancelled";
            kind = Notice.Kind.WARNING;
        } else if (s.failed() > 0) {
            title = s.failed() == 1 ? "1 file failed" : String.format(Locale.ROOT, "%,d files failed", s.failed());
            kind = Notice.Kind.ERROR;
        } else {
            title = "Batch finished";
            kind = Notice.Kind.INFO;
        }
        return new Notice(kind, title, text.toString(), failures, !failures.isEmpty());
    }
}
