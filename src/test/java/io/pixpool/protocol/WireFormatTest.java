package io.pixpool.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.EncodedImage;
import io.pixpool.core.FilterKind;
import io.pixpool.core.FilterStep;
import io.pixpool.core.ImageJob;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.core.ScaleQuality;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class WireFormatTest {

    private static final Recipe RECIPE = Recipe.defaults()
            .withResize(ResizeSpec.fill(640, 480).withUpscale(true))
            .withQuality(ScaleQuality.ULTRA)
            .withFilters(List.of(FilterStep.of(FilterKind.GRAYSCALE), new FilterStep(FilterKind.BRIGHTNESS, -20)))
            .withOutput(Recipe.defaults().output().withFormat(OutputFormat.JPG).withQuality(70)
                    .withNamePattern("{name}-{w}x{h}").withOnConflict(ConflictPolicy.SKIP))
            .withMaxPixels(12_345_678);

    @Test
    void everyMessageSurvivesTheRoundTrip() throws IOException {
        List<Message> messages = List.of(
                new Message.Hello(WireFormat.VERSION, 4242),
                new Message.JobRequest(7, new ImageJob(Path.of("/in/ünï cödé/photo 1.jpg"), Path.of("/out/sub"), 3, RECIPE)),
                new Message.JobResult(7, new EncodedImage(Path.of("/out/sub/.pixpool-4242-1.tmp"), "photo 1-640x480.jpg",
                        4000, 3000, 640, 480, 5_000_000_000L, 81_234)),
                new Message.JobResult(8, new EncodedImage(null, "kept.jpg", 1, 2, 3, 4, 5, 0)),
                new Message.JobResult(10, new EncodedImage(Path.of("/o/.pixpool-1-a.tmp"), "a.jpg", 4000, 3000, 1600,
                        1200, 9_000_000, 200_000, 41, "", List.of(
                                new EncodedImage(Path.of("/o/.pixpool-1-b.tmp"), "a-800.jpg", 4000, 3000, 800, 600,
                                        9_000_000, 90_000, 85, "could not reach 50 KB", List.of()),
                                new EncodedImage(null, "a-200.jpg", 4000, 3000, 200, 150, 9_000_000, 0, 0,
                                        EncodedImage.LARGER, List.of())))),
                new Message.JobError(9, Message.ErrorKind.OUT_OF_MEMORY, "ran out of memory (worker heap 64 MiB)"),
                new Message.WarmUp(11, RECIPE),
                new Message.WarmedUp(11, 6),
                new Message.Goodbye());
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (Message m : messages) WireFormat.write(buf, m);
        ByteArrayInputStream in = new ByteArrayInputStream(buf.toByteArray());
        for (Message m : messages) assertThat(WireFormat.read(in)).isEqualTo(m);
        assertThat(WireFormat.read(in)).as("clean end of stream").isNull();
    }

    /** Recipes are kept between jobs on both sides (a batch sends the same one each time): never mixed up. */
    @Test
    void alternatingRecipesEachArriveAsSent() throws IOException {
        Recipe other = RECIPE.withQuality(ScaleQuality.FAST).withMaxPixels(1000);
        Recipe equalCopy = RECIPE.withMaxPixels(RECIPE.maxPixels()); // equal, another object
        List<Recipe> sent = List.of(RECIPE, RECIPE, other, RECIPE, equalCopy, other, other);
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        for (int i = 0; i < sent.size(); i++) {
            WireFormat.write(buf, new Message.JobRequest(i, new ImageJob(Path.of("/in/" + i + ".jpg"), Path.of("/o"),
                    i + 1, sent.get(i))));
        }
        ByteArrayInputStream in = new ByteArrayInputStream(buf.toByteArray());
        for (int i = 0; i < sent.size(); i++) {
            Message.JobRequest r = (Message.JobRequest) WireFormat.read(in);
            assertThat(r.job().recipe()).as("job %d", i).isEqualTo(sent.get(i));
            assertThat(r.job().source()).isEqualTo(Path.of("/in/" + i + ".jpg"));
        }
    }

    @Test
    void aTruncatedFrameIsAProtocolErrorNotAnEnd() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        WireFormat.write(buf, new Message.Hello(WireFormat.VERSION, 1));
        byte[] cut = Arrays.copyOf(buf.toByteArray(), buf.size() - 3);
        assertThatThrownBy(() -> WireFormat.read(new ByteArrayInputStream(cut)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("ended inside a frame");
    }

    @Test
    void strayTextIsRejected() {
        byte[] text = "Picked up JAVA_TOOL_OPTIONS: -Dfoo=bar\n".getBytes(StandardCharsets.US_ASCII);
        assertThatThrownBy(() -> WireFormat.read(new ByteArrayInputStream(text)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("bad frame length");
    }

    @Test
    void aHelloWithoutTheMagicIsRejected() {
        byte[] frame = {0, 0, 0, 17, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1};
        assertThatThrownBy(() -> WireFormat.read(new ByteArrayInputStream(frame)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("magic");
    }

    @Test
    void anUnknownFrameTypeIsRejected() {
        byte[] frame = {0, 0, 0, 1, 99};
        assertThatThrownBy(() -> WireFormat.read(new ByteArrayInputStream(frame)))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("unknown frame type 99");
    }
}
