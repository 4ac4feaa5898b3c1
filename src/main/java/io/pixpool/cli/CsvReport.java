package io.pixpool.cli;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchListener;
import io.pixpool.core.InputFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Collects how each input ended and writes it as CSV, one row per input in input order:
 * {@code source,status,output,width,height,millis,message} with status done, failed, skipped or cancelled.
 * An input without an ending (the batch was interrupted) is written as cancelled. Fields are quoted as RFC 4180
 * says; lines end with LF.
 */
final class CsvReport implements BatchListener {

    static final String HEADER = "source,status,output,width,height,millis,message";

    private final List<InputFile> inputs;
    private final String[][] rows; // guarded by this; null until the job ends

    CsvReport(List<InputFile> inputs) {
        this.inputs = List.copyOf(inputs);
        this.rows = new String[inputs.size()][];
    }

    @Override
    public void onEvent(BatchEvent event) {
        if (event instanceof BatchEvent.JobDone) {
            BatchEvent.JobDone e = (BatchEvent.JobDone) event;
            set(e.job(), "done", path(e.output()), Integer.toString(e.width()), Integer.toString(e.height()),
                    Long.toString(e.millis()), "");
        } else if (event instanceof BatchEvent.JobSkipped) {
            BatchEvent.JobSkipped e = (BatchEvent.JobSkipped) event;
            set(e.job(), "skipped", path(e.output()), "", "", "", e.reason());
        } else if (event instanceof BatchEvent.JobFailed) {
            BatchEvent.JobFailed e = (BatchEvent.JobFailed) event;
            set(e.job(), "failed", "", "", "", Long.toString(e.millis()), e.message());
        } else if (event instanceof BatchEvent.JobCancelled) {
            set(((BatchEvent.JobCancelled) event).job(), "cancelled", "", "", "", "", "");
        }
    }

    private synchronized void set(int job, String... fields) {
        if (job >= 0 && job < rows.length) rows[job] = fields;
    }

    /** Writes the header and every row; the caller closes {@code out}. */
    void write(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        String[][] copy;
        synchronized (this) {
            copy = Arrays.copyOf(rows, rows.length);
        }
        for (int i = 0; i < copy.length; i++) {
            String[] r = copy[i] != null ? copy[i] : new String[] {"cancelled", "", "", "", "", ""};
            StringBuilder line = new StringBuilder(field(inputs.get(i).source().toString()));
            for (String f : r) line.append(',').append(field(f));
            out.write(line.append('\n').toString());
        }
    }

    private static String path(Path p) {
        return p == null ? "" : p.toString();
    }

    /** One CSV field: quoted when it holds a comma, quote, line break or edge spaces; quotes doubled. */
    static String field(String s) {
        if (s == null) return "";
        boolean quote = s.indexOf(',') >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0
                || (!s.isEmpty() && (s.charAt(0) == ' ' || s.charAt(s.length() - 1) == ' '));
        return quote ? '"' + s.replace("\"", "\"\"") + '"' : s;
    }
}
