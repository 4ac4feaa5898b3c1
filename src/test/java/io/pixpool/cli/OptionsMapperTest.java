package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pixpool.batch.BatchSettings;
import io.pixpool.core.ConflictPolicy;
import io.pixpool.core.FilterKind;
import io.pixpool.core.FilterStep;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.OutputSpec;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.core.ScaleQuality;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The command line to settings mapping, without running anything. */
class OptionsMapperTest {

    private static BatchRequest map(String... args) throws UsageException {
        List<String> all = new ArrayList<>(List.of("--out", "out-dir"));
        all.addAll(List.of(args));
        all.add("in.jpg");
        return OptionsMapper.map(CommandLine.populateCommand(new BatchOptions(), all.toArray(String[]::new)));
    }

    private static ResizeSpec resize(String... args) throws UsageException {
        return map(args).settings().recipe().resize();
    }

    private static String usageMessage(String... args) {
        try {
            map(args);
        } catch (UsageException e) {
            return e.getMessage();
        }
        throw new AssertionError("no usage error for " + List.of(args));
    }

    @Test
    void defaultsMatchTheDocumentedOnes() throws UsageException {
        BatchRequest r = map();
        BatchSettings s = r.settings();
        assertThat(s.recipe()).isEqualTo(Recipe.defaults());
        assertThat(s.recipe().output().jpegQuality()).isEqualTo(85);
        assertThat(s.outputRoot()).isEqualTo(Path.of("out-dir").toAbsolutePath());
        assertThat(s.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(s.maxAttempts()).isEqualTo(2);
        assertThat(s.timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(s.workerHeapMb()).isEqualTo(BatchSettings.defaultWorkerHeapMb(s.workers()));
        assertThat(r.inputs()).containsExactly(Path.of("in.jpg"));
        assertThat(r.report()).isNull();
        assertThat(r.quiet()).isFalse();
    }

    @Test
    void eachResizeOptionMapsToItsSpec() throws UsageException {
        assertThat(resize("--fit", "800x600")).isEqualTo(ResizeSpec.fit(800, 600));
        assertThat(resize("--fit", "800X600")).isEqualTo(ResizeSpec.fit(800, 600));
        assertThat(resize("--exact", "64x48")).isEqualTo(ResizeSpec.exact(64, 48));
        assertThat(resize("--fill", "100x100")).isEqualTo(ResizeSpec.fill(100, 100));
        assertThat(resize("--width", "640")).isEqualTo(ResizeSpec.width(640));
        assertThat(resize("--height", "480")).isEqualTo(ResizeSpec.height(480));
        assertThat(resize("--scale", "50")).isEqualTo(ResizeSpec.percent(50));
        assertThat(resize("--scale", "12.5%")).isEqualTo(ResizeSpec.percent(12.5));
        assertThat(resize("--long-edge", "1600")).isEqualTo(ResizeSpec.longEdge(1600));
        assertThat(resize()).isEqualTo(ResizeSpec.none());
        assertThat(resize("--fit", "10x20", "--upscale")).isEqualTo(ResizeSpec.fit(10, 20).withUpscale(true));
        assertThat(resize("--width", "10")).extracting(ResizeSpec::upscale).isEqualTo(false);
    }

    @Test
    void badResizeValuesAndCombinationsAreUsageErrors() {
        assertThat(usageMessage("--fit", "0x5")).isEqualTo("--fit: width must be 1..65535 for fit inside, was 0");
        assertThat(usageMessage("--fill", "5x0")).startsWith("--fill: height must be 1..65535");
        assertThat(usageMessage("--exact", "big")).isEqualTo("--exact: expected WxH such as 800x600, got 'big'");
        assertThat(usageMessage("--fit", "99999999999x5")).startsWith("--fit: expected WxH");
        assertThat(usageMessage("--width", "wide")).isEqualTo("--width: expected a whole number of pixels, got 'wide'");
        assertThat(usageMessage("--scale", "0")).startsWith("--scale: percent must be > 0");
        assertThat(usageMessage("--scale", "NaN")).startsWith("--scale: percent must be > 0");
        assertThat(usageMessage("--long-edge", "-3")).startsWith("--long-edge: width must be 1..65535");
        assertThat(usageMessage("--fit", "10x10", "--width", "5"))
                .isEqualTo("choose one resize option, not --fit and --width");
        assertThat(usageMessage("--upscale")).contains("--upscale needs a resize option");
    }

    @Test
    void filtersKeepTheirOrderAndValues() throws UsageException {
        List<FilterStep> f = map("--filter", "rotate=90", "--filter", "grayscale", "--filter", "brightness=-20",
                "--filter", "sharpen,fliph").settings().recipe().filters();
        assertThat(f).containsExactly(new FilterStep(FilterKind.ROTATE, 90), FilterStep.of(FilterKind.GRAYSCALE),
                new FilterStep(FilterKind.BRIGHTNESS, -20), FilterStep.of(FilterKind.SHARPEN),
                FilterStep.of(FilterKind.FLIP_H));
        assertThat(usageMessage("--filter", "rotate=45")).isEqualTo("--filter: rotate takes 90, 180 or 270, was 45");
        assertThat(usageMessage("--filter", "vintage")).startsWith("--filter: unknown filter 'vintage'");
    }

    @Test
    void outputOptionsMapToTheOutputSpec() throws UsageException {
        OutputSpec o = map("--format", "jpeg", "--quality", "70", "--background", "#102030",
                "--name", "{name}-{w}x{h}", "--on-conflict", "skip").settings().recipe().output();
        assertThat(o).isEqualTo(new OutputSpec(OutputFormat.JPG, 70, 0x102030, "{name}-{w}x{h}", ConflictPolicy.SKIP));
        assertThat(map("--format", "same").settings().recipe().output().format()).isEqualTo(OutputFormat.SAME);
        assertThat(map("--format", "TIF").settings().recipe().output().format()).isEqualTo(OutputFormat.TIFF);
        assertThat(map("--on-conflict", "overwrite").settings().recipe().output().onConflict())
                .isEqualTo(ConflictPolicy.OVERWRITE);
        assertThat(map("--background", "ff0000").settings().recipe().output().background()).isEqualTo(0xFF0000);

        assertThat(usageMessage("--format", "heic")).startsWith("--format: unknown format 'heic'");
        assertThat(usageMessage("--quality", "0")).isEqualTo("--quality: JPEG quality must be 1..100, was 0");
        assertThat(usageMessage("--quality", "101")).isEqualTo("--quality: JPEG quality must be 1..100, was 101");
        assertThat(usageMessage("--background", "white")).startsWith("--background: expected a colour");
        assertThat(usageMessage("--name", "{nom}")).startsWith("--name: unknown token {nom}");
        assertThat(usageMessage("--name", "a/b")).isEqualTo("--name: name pattern may not contain '/'");
        assertThat(usageMessage("--on-conflict", "merge"))
                .isEqualTo("--on-conflict: expected rename, overwrite or skip, got 'merge'");
    }

    @Test
    void qualityMethodMapsToScaleQuality() throws UsageException {
        assertThat(map("--quality-method", "fast").settings().recipe().quality()).isEqualTo(ScaleQuality.FAST);
        assertThat(map("--quality-method", "Balanced").settings().recipe().quality()).isEqualTo(ScaleQuality.BALANCED);
        assertThat(map("--quality-method", "quality").settings().recipe().quality()).isEqualTo(ScaleQuality.QUALITY);
        assertThat(map("--quality-method", "ultra").settings().recipe().quality()).isEqualTo(ScaleQuality.ULTRA);
        assertThat(usageMessage("--quality-method", "best")).startsWith("--quality-method: expected fast, balanced");
    }

    @Test
    void maxPixelsAcceptsSuffixes() throws UsageException {
        assertThat(map("--max-pixels", "250M").settings().recipe().maxPixels()).isEqualTo(250_000_000L);
        assertThat(map("--max-pixels", "250000000").settings().recipe().maxPixels()).isEqualTo(250_000_000L);
        assertThat(map("--max-pixels", "1.5g").settings().recipe().maxPixels()).isEqualTo(1_500_000_000L);
        assertThat(map("--max-pixels", "40MP").settings().recipe().maxPixels()).isEqualTo(40_000_000L);
        assertThat(map("--max-pixels", "500k").settings().recipe().maxPixels()).isEqualTo(500_000L);
        assertThat(usageMessage("--max-pixels", "lots")).startsWith("--max-pixels: expected a number such as 250M");
        assertThat(usageMessage("--max-pixels", "0")).isEqualTo("--max-pixels: max pixels must be positive, was 0");
    }

    @Test
    void poolOptionsMapToTheSettings() throws UsageException {
        BatchRequest r = map("--workers", "3", "--attempts", "4", "--timeout", "2.5", "--worker-heap", "1g",
                "--report", "r.csv", "--quiet");
        assertThat(r.settings().workers()).isEqualTo(3);
        assertThat(r.settings().maxAttempts()).isEqualTo(4);
        assertThat(r.settings().timeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(r.settings().workerHeapMb()).isEqualTo(1024);
        assertThat(r.report()).isEqualTo(Path.of("r.csv").toAbsolutePath());
        assertThat(r.quiet()).isTrue();
        assertThat(map("--worker-heap", "300").settings().workerHeapMb()).isEqualTo(300);
        assertThat(map("--workers", "1").settings().workerHeapMb()).isEqualTo(BatchSettings.defaultWorkerHeapMb(1));

        assertThat(usageMessage("--workers", "0")).isEqualTo("--workers: workers must be 1..64, was 0");
        assertThat(usageMessage("--workers", "65")).isEqualTo("--workers: workers must be 1..64, was 65");
        assertThat(usageMessage("--attempts", "0")).isEqualTo("--attempts: attempts must be >= 1, was 0");
        assertThat(usageMessage("--timeout", "0")).startsWith("--timeout: must be a positive number of seconds");
        assertThat(usageMessage("--timeout", "soon")).startsWith("--timeout: expected seconds");
        assertThat(usageMessage("--worker-heap", "32")).isEqualTo("--worker-heap: worker heap must be >= 64 MiB, was 32");
        assertThat(usageMessage("--worker-heap", "lots")).startsWith("--worker-heap: expected MiB");
    }

    @Test
    void anEmptyOutputFolderNameIsRefusedRatherThanMeaningTheCurrentFolder() {
        assertThatThrownBy(() -> OptionsMapper.map(CommandLine.populateCommand(new BatchOptions(), "--out", "", "a.jpg")))
                .isInstanceOf(UsageException.class).hasMessage("--out: the output folder name is empty");
    }

    @Test
    void picocliRejectsMissingOrMalformedArguments() {
        assertThatThrownBy(() -> CommandLine.populateCommand(new BatchOptions(), "in.jpg"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("--out");
        assertThatThrownBy(() -> CommandLine.populateCommand(new BatchOptions(), "--out", "o"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("INPUT");
        assertThatThrownBy(() -> CommandLine.populateCommand(new BatchOptions(), "--out", "o", "--workers", "x", "a"))
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining("'x' is not an int");
    }
}
