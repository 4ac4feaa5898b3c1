package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --max-kb below the size of the kept metadata alone. */
class MaxKbMetadataTest {

    @TempDir
    Path dir;

    /**
     * Found by QA: camera JPEGs carry 40+ KB of maker notes and XMP; with --metadata keep --max-kb 5 every output
     * was encoded at quality 1 (ruined) and still missed the target by the metadata's size. No quality can fit, so
     * the asked quality is kept and the note says why.
     */
    @Test
    void metadataLargerThanTheLimitKeepsTheQualityAndSaysWhy() throws Exception {
        byte[] padding = new byte[20_000];
        Arrays.fill(padding, (byte) 'x');
        byte[] xmp = (new String(MetaSamples.xmp(1), StandardCharsets.UTF_8) + "<!--"
                + new String(padding, StandardCharsets.ISO_8859_1) + "-->").getBytes(StandardCharsets.UTF_8);
        byte[] thumb = io.pixpool.testing.TestImages.encode(io.pixpool.testing.TestImages.pattern(8, 8, 1), "jpg");
        byte[] jpeg = io.pixpool.testing.TestImages.encode(io.pixpool.testing.TestImages.pattern(800, 600, 2), "jpg");
        Path src = Files.write(dir.resolve("cam.jpg"), MetaSamples.jpegWith(jpeg, MetaSamples.exifSegment(
                MetaSamples.exif(ByteOrder.BIG_ENDIAN, 1, 800, 600, thumb)), MetaSamples.xmpSegment(xmp)));
        for (OutputFormat f : new OutputFormat[] {OutputFormat.JPG, OutputFormat.WEBP}) {
            OutputSpec out = OutputSpec.defaults().withFormat(f).withQuality(80).withOptions(
                    new OutputOptions(List.of(), SizeTarget.none().withMaxKilobytes(10), false));
            Recipe r = Recipe.defaults().withResize(ResizeSpec.longEdge(200)).withOutput(out)
                    .withMetadata(new MetadataSpec(MetadataPolicy.KEEP, ColorPolicy.SRGB));
            EncodedImage e = Jobs.process(src, dir.resolve(f.id()), r);
            assertThat(e.quality()).as(f.id()).isEqualTo(80);
            assertThat(e.note()).as(f.id()).contains("could not reach 10 KB").contains("metadata alone is 2");

            // stripped, the same limit is reached by lowering the quality as usual
            EncodedImage s = Jobs.process(src, dir.resolve(f.id() + "-strip"),
                    r.withMetadata(new MetadataSpec(MetadataPolicy.STRIP, ColorPolicy.SRGB)));
            assertThat(s.bytes()).isLessThanOrEqualTo(10 * 1024);
            assertThat(s.note()).isEmpty();
        }
    }
}
