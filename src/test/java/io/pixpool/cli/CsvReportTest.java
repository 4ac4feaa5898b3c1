package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.batch.BatchEvent;
import io.pixpool.batch.OutputResult;
import io.pixpool.core.InputFile;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportTest {

    @Test
    void fieldsAreQuotedOnlyWhenNeeded() {
        assertThat(CsvReport.field("plain.jpg")).isEqualTo("plain.jpg");
        assertThat(CsvReport.field("")).isEqualTo("");
        assertThat(CsvReport.field(null)).isEqualTo("");
        assertThat(CsvReport.field("a,b.jpg")).isEqualTo("\"a,b.jpg\"");
        assertThat(CsvReport.field("say \"cheese\"")).isEqualTo("\"say \"\"cheese\"\"\"");
        assertThat(CsvReport.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvReport.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(CsvReport.field(" padded ")).isEqualTo("\" padded \"");
        assertThat(CsvReport.field("été 2024.jpg")).isEqualTo("été 2024.jpg");
    }

    @Test
    void oneRowPerInputInInputOrderWhateverTheEventOrder() throws IOException {
        List<InputFile> in = List.of(InputFile.of(Path.of("/p/a.jpg")), InputFile.of(Path.of("/p/b,c.png")),
                InputFile.of(Path.of("/p/d.gif")), InputFile.of(Path.of("/p/e.jpg")), InputFile.of(Path.of("/p/f.jpg")));
        CsvReport report = new CsvReport(in);
        report.onEvent(new BatchEvent.JobQueued(0, in.get(0).source()));
        report.onEvent(new BatchEvent.JobFailed(1, "not an image: \"bad\" header", 12));
        report.onEvent(new BatchEvent.JobDone(0, Path.of("/o/a.jpg"), 4000, 3000, 100, 75, 5000, 900, 321));
        report.onEvent(new BatchEvent.JobSkipped(2, Path.of("/o/d.gif"), "exists"));
        report.onEvent(new BatchEvent.JobCancelled(3));
        // job 4 never ends (interrupted): written as cancelled

        StringWriter w = new StringWriter();
        report.write(w);

        assertThat(w.toString()).isEqualTo(
                "source,status,output,width,height,millis,message,bytes,quality\n"
                        + "/p/a.jpg,done,/o/a.jpg,100,75,321,,900,\n"
                        + "\"/p/b,c.png\",failed,,,,12,\"not an image: \"\"bad\"\" header\",,\n"
                        + "/p/d.gif,skipped,/o/d.gif,,,,exists,,\n"
                        + "/p/e.jpg,cancelled,,,,,,,\n"
                        + "/p/f.jpg,cancelled,,,,,,,\n");
    }

    @Test
    void oneRowPerOutputWithItsBytesQualityAndNote() throws IOException {
        List<InputFile> in = List.of(InputFile.of(Path.of("/p/a.jpg")), InputFile.of(Path.of("/p/b.png")));
        CsvReport report = new CsvReport(in);
        report.onEvent(new BatchEvent.JobDone(0, Path.of("/o/a.jpg"), 4000, 3000, 1600, 1200, 5000, 900, 321, List.of(
                new OutputResult(Path.of("/o/a.jpg"), true, 1600, 1200, 700, 62, "could not reach 1 KB"),
                new OutputResult(Path.of("/o/a-800.jpg"), true, 800, 600, 200, 85, ""),
                new OutputResult(Path.of("/o/a-200.jpg"), false, 200, 150, 0, 0, "larger than original"))));
        report.onEvent(new BatchEvent.JobSkipped(1, Path.of("/o/b.png"), "larger than original", List.of(
                new OutputResult(Path.of("/o/b.png"), false, 10, 10, 0, 0, "larger than original"))));
        StringWriter w = new StringWriter();
        report.write(w);
        assertThat(w.toString()).isEqualTo(CsvReport.HEADER + "\n"
                + "/p/a.jpg,done,/o/a.jpg,1600,1200,321,could not reach 1 KB,700,62\n"
                + "/p/a.jpg,done,/o/a-800.jpg,800,600,321,,200,85\n"
                + "/p/a.jpg,skipped,/o/a-200.jpg,,,,larger than original,,\n"
                + "/p/b.png,skipped,/o/b.png,,,,larger than original,,\n");
    }
}
