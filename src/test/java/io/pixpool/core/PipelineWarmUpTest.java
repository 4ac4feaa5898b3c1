package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.jpeg.FastJpeg;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The warm-up a reserve's workers run: real runs of the pipeline on generated photos, nothing left behind. */
class PipelineWarmUpTest {

    @TempDir
    Path dir;

    private static final Recipe FIT_500 = Recipe.defaults().withResize(ResizeSpec.fit(500, 500));
    private static final String PREFIX = TempFiles.prefix(1, -1);

    @Test
    void runsThePipelineUpToItsLimitInItsFolderWhichRemoveDeletes() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("warm"));
        int runs = PipelineWarmUp.run(new ImagePipeline(), FIT_500, Duration.ofMinutes(1), folder, PREFIX);
        assertThat(runs).isEqualTo(PipelineWarmUp.MAX_RUNS);
        try (Stream<Path> s = Files.list(folder.resolve("out"))) {
            assertThat(s.toList()).as("a temp output per run, named as the caller's").hasSize(PipelineWarmUp.MAX_RUNS)
                    .allMatch(p -> p.getFileName().toString().startsWith(PREFIX));
        }
        PipelineWarmUp.remove(folder);
        assertThat(folder).doesNotExist();
    }

    @Test
    void startsNoRunOnceTheBudgetIsSpent() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("warm"));
        assertThat(PipelineWarmUp.run(new ImagePipeline(), FIT_500, Duration.ZERO, folder, PREFIX)).isZero();
    }

    /** The point of the sizes: a fit into 500 px decodes them at 3/8 in the DCT domain, as most camera photos. */
    @Test
    void itsPhotosAreOnesTheScaledJpegDecoderTakesBaselineAndProgressive() throws Exception {
        BufferedImage picture = PipelineWarmUp.picture();
        for (boolean progressive : new boolean[] {false, true}) {
            Path file = PipelineWarmUp.write(picture, dir.resolve("p" + progressive + ".jpg"), progressive);
            assertThat(startOfFrame(Files.readAllBytes(file))).as("SOF marker").isEqualTo(progressive ? 0xC2 : 0xC0);
            assertThat(ImageDecoder.dctEighths(PipelineWarmUp.WIDTH, PipelineWarmUp.HEIGHT, 500, 333)).isEqualTo(3);
            BufferedImage img = FastJpeg.decodeEighths(file, 3);
            assertThat(img).as("progressive " + progressive).isNotNull();
            assertThat(img.getWidth()).isEqualTo(900);
            assertThat(img.getHeight()).isEqualTo(600);
        }
    }

    /** The second byte of the file's first SOFn marker: 0xC0 baseline, 0xC2 progressive; -1 when there is none. */
    private static int startOfFrame(byte[] jpeg) {
        for (int i = 0; i + 1 < jpeg.length; i++) {
            int m = jpeg[i + 1] & 0xFF;
            if ((jpeg[i] & 0xFF) == 0xFF && m >= 0xC0 && m <= 0xC2) return m;
        }
        return -1;
    }

    @Test
    void aFailureEndsTheWarmUpQuietly() throws IOException {
        Path folder = Files.createDirectory(dir.resolve("warm"));
        Recipe refusesAll = FIT_500.withMaxPixels(1000); // every photo is too large for it
        assertThat(PipelineWarmUp.run(new ImagePipeline(), refusesAll, Duration.ofMinutes(1), folder, PREFIX))
                .isZero();
    }
}
