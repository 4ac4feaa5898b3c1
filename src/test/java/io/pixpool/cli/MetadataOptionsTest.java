package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.xmp.XmpDirectory;
import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetaSamples;
import io.pixpool.core.MetadataPolicy;
import io.pixpool.core.MetadataSpec;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code --metadata} and {@code --color}: mapping, usage errors, and a real run on worker processes. */
class MetadataOptionsTest {

    @TempDir
    Path tmp;

    private static MetadataSpec spec(String... args) throws UsageException {
        List<String> all = new ArrayList<>(List.of("--out", "o"));
        all.addAll(List.of(args));
        all.add("in.jpg");
        BatchOptions o = CommandLine.populateCommand(new BatchOptions(), all.toArray(String[]::new));
        return OptionsMapper.map(o).settings().recipe().metadata();
    }

    @Test
    void optionsMapToTheSpec() throws UsageException {
        assertThat(spec()).isEqualTo(MetadataSpec.defaults());
        assertThat(spec("--metadata", "keep").metadata()).isEqualTo(MetadataPolicy.KEEP);
        assertThat(spec("--metadata", "strip").metadata()).isEqualTo(MetadataPolicy.STRIP);
        assertThat(spec("--metadata", "STRIP-GPS").metadata()).isEqualTo(MetadataPolicy.STRIP_GPS);
        assertThat(spec("--color", "keep").color()).isEqualTo(ColorPolicy.KEEP_PROFILE);
        assertThat(spec("--color", "srgb").color()).isEqualTo(ColorPolicy.SRGB);
    }

    @Test
    void givenOptionsOverrideABaseSpecOthersKeepIt() throws UsageException {
        MetadataOptions o = new MetadataOptions();
        MetadataSpec base = new MetadataSpec(MetadataPolicy.KEEP, ColorPolicy.KEEP_PROFILE);
        assertThat(o.spec(base)).isEqualTo(base);
        o.metadata = "strip";
        assertThat(o.spec(base)).isEqualTo(new MetadataSpec(MetadataPolicy.STRIP, ColorPolicy.KEEP_PROFILE));
    }

    @Test
    void badValuesAreUsageErrorsNamingTheOption() {
        assertThat(usage("--metadata", "drop")).startsWith("--metadata: ").contains("keep, strip, strip-gps");
        assertThat(usage("--color", "cmyk")).startsWith("--color: ").contains("srgb, keep");
    }

    private static String usage(String... args) {
        try {
            spec(args);
        } catch (UsageException e) {
            return e.getMessage();
        }
        throw new AssertionError("no usage error for " + List.of(args));
    }

    @Test
    void batchRunOnWorkersKeepsOrStripsAsAsked() throws Exception {
        Path in = tmp.resolve("in");
        Files.createDirectories(in);
        Files.write(in.resolve("cam.jpg"), MetaSamples.cameraJpeg(120, 80));
        Metadata keep = runAndRead(in, "keep");
        assertThat(keep.getFirstDirectoryOfType(ExifIFD0Directory.class).getString(ExifIFD0Directory.TAG_MODEL))
                .isEqualTo(MetaSamples.MODEL);
        assertThat(keep.getFirstDirectoryOfType(GpsDirectory.class)).isNotNull();
        Metadata noGps = runAndRead(in, "strip-gps");
        assertThat(noGps.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNotNull();
        assertThat(noGps.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        Metadata none = runAndRead(in, "strip");
        assertThat(none.getFirstDirectoryOfType(ExifIFD0Directory.class)).isNull();
        assertThat(none.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
    }

    private Metadata runAndRead(Path in, String policy) throws Exception {
        Path out = tmp.resolve("out-" + policy);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = BatchCommand.run(new String[] {"--workers", "1", "--fit", "60x60", "--metadata", policy,
            "--out", out.toString(), in.toString()}, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), false);
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return ImageMetadataReader.readMetadata(out.resolve("cam.jpg").toFile());
    }
}
