package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WebP output through libwebp, read back with TwelveMonkeys (an independent decoder). */
class WebpOutputTest {

    @TempDir
    Path dir;

    private static Recipe webp(boolean lossless, int quality) {
        return Recipe.defaults().withOutput(OutputSpec.defaults().withFormat(OutputFormat.WEBP).withQuality(quality)
                .withOptions(OutputOptions.defaults().withWebpLossless(lossless)));
    }

    private static BufferedImage readWithTwelveMonkeys(Path p) throws Exception {
        ImageReader r = new WebPImageReaderSpi().createReaderInstance();
        try (ImageInputStream in = ImageIO.createImageInputStream(p.toFile())) {
            r.setInput(in);
            return r.read(0);
        } finally {
            r.dispose();
        }
    }

    @Test
    void losslessRoundTripsExactlyWithAlpha() throws Exception {
        BufferedImage src = new BufferedImage(120, 80, BufferedImage.TYPE_INT_ARGB);
        for (int y = 0; y < 80; y++) {
            for (int x = 0; x < 120; x++) src.setRGB(x, y, ((x * 2) << 24) | (x * 2 << 16) | (y * 3 << 8) | 77);
        }
        Path in = TestImages.write(src, "png", dir.resolve("a.png"));
        Path out = Jobs.run(in, dir.resolve("out"), webp(true, 85));
        assertThat(out.getFileName().toString()).isEqualTo("a.webp");
        BufferedImage back = readWithTwelveMonkeys(out);
        assertThat(back.getWidth()).isEqualTo(120);
        for (int y = 0; y < 80; y += 7) {
            for (int x = 0; x < 120; x += 5) {
                int a = src.getRGB(x, y);
                int b = back.getRGB(x, y);
                if ((a >>> 24) == 0) assertThat(b >>> 24).isZero(); // colour of invisible pixels may change
                else assertThat(b).as("pixel %d,%d", x, y).isEqualTo(a);
            }
        }
    }

    @Test
    void lossyFollowsTheQuality() throws Exception {
        Path in = TestImages.write(io.pixpool.testing.TestImages.pattern(400, 300, 4), "png", dir.resolve("p.png"));
        Path hi = Jobs.run(in, dir.resolve("hi"), webp(false, 95));
        Path lo = Jobs.run(in, dir.resolve("lo"), webp(false, 20));
        assertThat(Files.size(lo)).isLessThan(Files.size(hi));
        BufferedImage expected = TestImages.read(in);
        assertThat(io.pixpool.testing.TestImages.meanDifference(readWithTwelveMonkeys(hi), expected)).isLessThan(3.0);
        assertThat(io.pixpool.testing.TestImages.meanDifference(readWithTwelveMonkeys(lo), expected)).isLessThan(8.0);
    }

    @Test
    void kilobyteLimitSearchesTheWebpQuality() throws Exception {
        Path in = TestImages.write(io.pixpool.testing.TestImages.noise(300, 200, 3), "png", dir.resolve("n.png"));
        Recipe r = webp(false, 90);
        r = r.withOutput(r.output().withOptions(r.output().options().withSizeTarget(new SizeTarget(false, 30))));
        EncodedImage e = Jobs.process(in, dir.resolve("out"), r);
        assertThat(e.bytes()).isLessThanOrEqualTo(30 * 1024);
        assertThat(e.quality()).isBetween(1, 89);
    }

    @Test
    void webpSourcesAreStillReadByTwelveMonkeys() throws Exception {
        Path in = io.pixpool.testing.TestImages.write(dir.resolve("s.webp"), io.pixpool.testing.TestImages.webp());
        Path out = Jobs.run(in, dir.resolve("out"), Recipe.defaults()); // initialises the pipeline
        assertThat(out.getFileName().toString()).isEqualTo("s.png");
        List<String> readers = new ArrayList<>();
        for (Iterator<ImageReader> it = ImageIO.getImageReadersByFormatName("webp"); it.hasNext(); ) {
            readers.add(it.next().getClass().getName());
        }
        assertThat(readers).isNotEmpty().allSatisfy(n -> assertThat(n).startsWith("com.twelvemonkeys."));
    }
}
