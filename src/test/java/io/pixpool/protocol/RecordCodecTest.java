package io.pixpool.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixpool.core.Anchor;
import io.pixpool.core.Border;
import io.pixpool.core.ColorPolicy;
import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.Decoration;
import io.pixpool.core.FilterKind;
import io.pixpool.core.FilterStep;
import io.pixpool.core.ImageMark;
import io.pixpool.core.MetadataPolicy;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.OutputOptions;
import io.pixpool.core.OutputVariant;
import io.pixpool.core.Padding;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.core.ScaleQuality;
import io.pixpool.core.SizeTarget;
import io.pixpool.core.TextMark;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecTest {

    /** Every kind of component a recipe has, none left at its default. */
    static final Recipe EVERYTHING = Recipe.defaults()
            .withResize(ResizeSpec.longEdge(1600).withUpscale(true))
            .withQuality(ScaleQuality.ULTRA)
            .withFilters(List.of(FilterStep.of(FilterKind.GRAYSCALE), new FilterStep(FilterKind.BRIGHTNESS, -12.5)))
            .withOutput(Recipe.defaults().output().withFormat(OutputFormat.WEBP).withQuality(77).withBackground(0x123456)
                    .withNamePattern("{name}-ünï-{w}x{h}").withOnConflict(ConflictPolicy.RENAME)
                    .withOptions(OutputOptions.defaults()
                            .withVariants(List.of(OutputVariant.parse("800", false),
                                    OutputVariant.parse("200x200:{name}-thumb", true)))
                            .withSizeTarget(SizeTarget.none().withSkipIfLarger(true).withMaxKilobytes(300))
                            .withWebpLossless(true)))
            .withMaxPixels(98_765_432_101L)
            .withDecoration(Decoration.none()
                    .withPad(new Padding(1700, 1700, 0xFFEEDD))
                    .withImage(ImageMark.of("/home/ü/logo.png").withScale(12).withOpacity(0.5)
                            .withAnchor(Anchor.BOTTOM_RIGHT).withMargin(3))
                    .withText(TextMark.of("© 2026 Pixpool").withFont("Serif").withSize(4).withColor(0xFF00FF)
                            .withOpacity(0.75).withAnchor(Anchor.TOP).withMargin(2))
                    .withBorder(new Border(7, 0x00FF00)))
            .withMetadata(Recipe.defaults().metadata().withMetadata(MetadataPolicy.STRIP_GPS)
                    .withColor(ColorPolicy.KEEP_PROFILE));

    private static byte[] encode(Class<?> type, Object value) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        DataOutputStream d = new DataOutputStream(buf);
        RecordCodec.write(d, type, value);
        d.flush();
        return buf.toByteArray();
    }

    private static <T> T decode(Class<T> type, byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        T value = RecordCodec.read(in, type);
        assertThat(in.available()).as("bytes left over").isZero();
        return value;
    }

    @Test
    void aRecipeWithEveryFieldSetArrivesEqual() throws IOException {
        assertThat(decode(Recipe.class, encode(Recipe.class, EVERYTHING))).isEqualTo(EVERYTHING);
        assertThat(decode(Recipe.class, encode(Recipe.class, Recipe.defaults()))).isEqualTo(Recipe.defaults());
    }

    @Test
    void absentRecordsAndNullStaySo() throws IOException {
        assertThat(Recipe.defaults().decoration().pad()).isNull();
        assertThat(decode(Recipe.class, encode(Recipe.class, Recipe.defaults())).decoration())
                .isEqualTo(Decoration.none());
        assertThat(decode(Recipe.class, encode(Recipe.class, null))).isNull();
    }

    record Side(int pixels) {
        Side {
            if (pixels < 1) throw new IllegalArgumentException("pixels must be positive, was " + pixels);
        }
    }

    record Named(String name, List<Side> sides, Anchor anchor) {
    }

    @Test
    void aRecordsOwnValidationRunsOnArrival() throws IOException {
        byte[] forged = {1, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFB}; // present, pixels = -5
        assertThatThrownBy(() -> decode(Side.class, forged))
                .isInstanceOf(ProtocolException.class)
                .hasMessageContaining("invalid Side: pixels must be positive, was -5");
    }

    @Test
    void damagedBytesAreProtocolErrors() throws IOException {
        byte[] good = encode(Named.class, new Named("x", List.of(new Side(3), new Side(4)), Anchor.CENTER));
        assertThat(decode(Named.class, good)).isEqualTo(new Named("x", List.of(new Side(3), new Side(4)), Anchor.CENTER));

        byte[] badEnum = good.clone();
        badEnum[badEnum.length - 1] = 99; // the anchor's ordinal
        assertThatThrownBy(() -> decode(Named.class, badEnum))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("no Anchor number 99");

        byte[] hugeList = good.clone();
        hugeList[1 + 1 + 4 + 1 + 1] = 0x7F; // the list length's top byte
        assertThatThrownBy(() -> decode(Named.class, hugeList))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("bad list length");

        byte[] hugeString = good.clone();
        hugeString[1 + 1] = 0x7F; // the name's length's top byte
        assertThatThrownBy(() -> decode(Named.class, hugeString))
                .isInstanceOf(ProtocolException.class).hasMessageContaining("bad field length");

        assertThatThrownBy(() -> decode(Named.class, Arrays.copyOf(good, good.length - 3)))
                .isInstanceOf(IOException.class);
    }

    record WithMap(Map<String, Integer> counts) {
    }

    record WithObject(Object anything) {
    }

    /** A new recipe field of a kind the codec does not know fails loudly on the coordinator's side. */
    @Test
    void unsupportedComponentTypesAreRefused() {
        assertThatThrownBy(() -> encode(WithMap.class, new WithMap(Map.of("a", 1))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.util.Map");
        assertThatThrownBy(() -> encode(WithObject.class, new WithObject("text")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("java.lang.Object");
        assertThatThrownBy(() -> encode(String.class, "not a record"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a record");
    }
}
