package io.pixpool.cli;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.BatchListener;
import io.pixpool.batch.OutputResult;
import io.pixpool.core.InputFile;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Collects how each input ended and writes it as CSV, in input order, one row per output file:
 * {@code source,status,output,width,height,millis,message,bytes,quality}. An input with several outputs
 * ({@code --also}) gets one row for each, with the same source; a failed or cancelled input gets one row.
 * Status is done, failed, skipped or cancelled: per output for a finished input (an output not written by
 * {@code --skip-if-larger} is "skipped" with message "larger than original"). {@code message} is the error, the
 * reason of a skip, or a note on a written output ("could not reach 200 KB ..."); {@code bytes} is the written
 * file's size, {@code quality} the JPEG / lossy WebP quality it was encoded at (the one {@code --max-kb} chose).
 * An input without an ending (the batch was interrupted) is written as cancelled. Fields are quoted as RFC 4180
 * says; lines end with LF.
 */
final class CsvReport implements BatchListener {

    static final String HEADER = "source,status,output,width,height,millis,message,bytes,quality";

    private static final String[] CANCELLED = {"cancelled", "", "", "", "", "", "", ""};

    private final List<InputFile> inputs;
    private final List<String[]>[] rows; // guarded by this; null until the job ends

    @SuppressWarnings("unchecked")
    CsvReport(List<InputFile> inputs) {
        this.inputs = List.copyOf(inputs);
        this.rows = new List[inputs.size()];
    }

    @Override
    public void onEvent(BatchEvent event) {
        if (event instanceof BatchEvent.JobDone) {
            BatchEvent.JobDone e = (BatchEvent.JobDone) event;
            set(e.job(), outputRows(e.outputs(), Long.toString(e.millis())));
        } else if (event instanceof BatchEvent.JobSkipped) {
            BatchEvent.JobSkipped e = (BatchEvent.JobSkipped) event;
            set(e.job(), outputRows(e.outputs(), ""));
        } else if (event instanceof BatchEvent.JobFailed) {
            BatchEvent.JobFailed e = (BatchEvent.JobFailed) event;
            set(e.job(), List.<String[]>of(new String[] {"failed", "", "", "", Long.toString(e.millis()), e.message(), "", ""}));
        } else if (event instanceof BatchEvent.JobCancelled) {
            set(((BatchEvent.JobCancelled) event).job(), List.<String[]>of(CANCELLED));
        }
    }

    private static List<String[]> outputRows(List<OutputResult> outputs, String millis) {
        List<String[]> out = new ArrayList<>(outputs.size());
        for (OutputResult o : outputs) {
            out.add(o.written()
                    ? new String[] {"done", path(o.output()), Integer.toString(o.width()), Integer.toString(o.height()),
                            millis, o.note(), Long.toString(o.bytes()), o.quality() > 0 ? Integer.toString(o.quality()) : ""}
                    : new String[] {"skipped", path(o.output()), "", "", "", o.note(), "", ""});
        }
        return out;
    }

    private synchronized void set(int job, List<String[]> fields) {
        if (job >= 0 && job < rows.length) rows[job] = fields;
    }

    /** Writes the header and every row; the caller closes {@code out}. */
    void write(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        List<String[]>[] copy;
        synchronized (this) {
            copy = Arrays.copyOf(rows, rows.length);
        }
        for (int i = 0; i < copy.length; i++) {
            for (String[] r : copy[i] != null ? copy[i] : List.<String[]>of(CANCELLED)) {
                StringBuilder line = new StringBuilder(field(inputs.get(i).source().toString()));
                for (String f : r) line.append(',').append(field(f));
                out.write(line.append('\n').toString());
            }
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
