package io.pixpool.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.pixpool.core.Anchor;
import io.pixpool.core.Border;
import io.pixpool.core.Decoration;
import io.pixpool.core.ImageMark;
import io.pixpool.core.OutputFormat;
import io.pixpool.core.Padding;
import io.pixpool.core.Preset;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import io.pixpool.core.TextMark;
import io.pixpool.testing.TestImages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Presets, watermark, pad and border options mapped onto the recipe, with their usage errors. */
class LookOptionsTest {

    @TempDir
    Path tmp;

    private static Recipe recipe(String... args) throws UsageException {
        List<String> all = new ArrayList<>(List.of("--out", "out-dir"));
        all.addAll(List.of(args));
        all.add("in.jpg");
        return OptionsMapper.map(CommandLine.populateCommand(new BatchOptions(), all.toArray(String[]::new)))
                .settings().recipe();
    }

    private static String usageMessage(String... args) {
        try {
            recipe(args);
        } catch (UsageException e) {
            return e.getMessage();
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
        throw new AssertionError("no usage error for " + List.of(args));
    }

    @Test
    void noLookOptionsMeansNoDecoration() throws UsageException {
        assertThat(recipe().decoration()).isEqualTo(Decoration.none());
    }

    @Test
    void aPresetGivesItsRecipeAndExplicitOptionsOverrideIt() throws UsageException {
        assertThat(recipe("--preset", "web")).isEqualTo(Preset.shipped("web").orElseThrow().recipe());
        Recipe r = recipe("--preset", "instagram", "--quality", "70", "--format", "png");
        assertThat(r.resize()).isEqualTo(ResizeSpec.fill(1080, 1080).withUpscale(true));
        assertThat(r.output().jpegQuality()).isEqualTo(70);
        assertThat(r.output().format()).isEqualTo(OutputFormat.PNG);
        assertThat(recipe("--preset", "email", "--width", "300").resize()).isEqualTo(ResizeSpec.width(300));
        assertThat(recipe("--preset", "thumbnails", "--upscale").resize()).isEqualTo(ResizeSpec.longEdge(200).withUpscale(true));
        assertThat(usageMessage("--preset", "poster")).isEqualTo("--preset: no preset 'poster' (known: web, email, thumbnails, instagram)");
    }

    @Test
    void textWatermarkOptions() throws UsageException {
        Recipe r = recipe("--watermark-text", "(c) Me", "--watermark-font", "serif", "--watermark-size", "6",
                "--watermark-color", "#FF8000", "--watermark-opacity", "80%", "--watermark-position", "top-left",
                "--watermark-margin", "3");
        assertThat(r.decoration().text()).isEqualTo(new TextMark("(c) Me", "serif", 6, 0xFF8000, 0.8, Anchor.TOP_LEFT, 3));
        assertThat(recipe("--watermark-text", "x").decoration().text()).isEqualTo(TextMark.of("x"));
        assertThat(usageMessage("--watermark-font", "Serif")).isEqualTo("--watermark-font needs --watermark-text");
        assertThat(usageMessage("--watermark-text", "x", "--watermark-font", "Comic Nonsense"))
                .startsWith("--watermark-font: no font family 'Comic Nonsense' here");
        assertThat(usageMessage("--watermark-text", "x", "--watermark-opacity", "150"))
                .isEqualTo("--watermark-opacity: opacity must be 0..100 percent, was 150");
        assertThat(usageMessage("--watermark-text", "x", "--watermark-position", "middle-ish"))
                .startsWith("--watermark-position: expected a position such as top-left");
        assertThat(usageMessage("--watermark-text", " ")).isEqualTo("--watermark-text: watermark text is empty");
        assertThat(usageMessage("--watermark-text", "x", "--watermark-size", "90")).startsWith("--watermark-size: text size");
    }

    @Test
    void imageWatermarkIsCheckedBeforeStarting() throws Exception {
        Path logo = TestImages.write(tmp.resolve("logo.png"), 40, 20);
        Recipe r = recipe("--watermark-image", logo.toString(), "--watermark-scale", "15",
                "--watermark-image-opacity", "100", "--watermark-image-position", "center", "--watermark-image-margin", "0");
        assertThat(r.decoration().image()).isEqualTo(new ImageMark(logo.toString(), 15, 1.0, Anchor.CENTER, 0));
        Path missing = tmp.resolve("missing.png");
        assertThat(usageMessage("--watermark-image", missing.toString()))
                .isEqualTo("watermark image " + missing + ": file not found");
        Path text = Files.writeString(tmp.resolve("notes.png"), "hello");
        assertThat(usageMessage("--watermark-image", text.toString()))
                .isEqualTo("watermark image " + text + ": not a recognised image format");
        assertThat(usageMessage("--watermark-scale", "10")).isEqualTo("--watermark-scale needs --watermark-image");
    }

    @Test
    void padAndBorderOptions() throws UsageException {
        assertThat(recipe("--pad", "800x600").decoration().pad()).isEqualTo(new Padding(800, 600, 0xFFFFFF));
        assertThat(recipe("--fit", "500x400", "--pad", "box", "--pad-color", "000000").decoration().pad())
                .isEqualTo(new Padding(500, 400, 0));
        assertThat(recipe("--long-edge", "300", "--pad", "BOX").decoration().pad()).isEqualTo(new Padding(300, 300, 0xFFFFFF));
        assertThat(recipe("--preset", "web", "--pad", "box").decoration().pad()).isEqualTo(new Padding(1600, 1600, 0xFFFFFF));
        assertThat(usageMessage("--width", "300", "--pad", "box")).startsWith("--pad: box needs --fit");
        assertThat(usageMessage("--pad", "big")).startsWith("--pad: expected WxH");
        assertThat(usageMessage("--pad-color", "000000")).isEqualTo("--pad-color needs --pad");
        assertThat(recipe("--border", "12").decoration().border()).isEqualTo(new Border(12, 0));
        assertThat(recipe("--border", "3", "--border-color", "00ff00").decoration().border()).isEqualTo(new Border(3, 0x00FF00));
        assertThat(usageMessage("--border", "0")).isEqualTo("--border: border width must be 1..2000 pixels, was 0");
        assertThat(usageMessage("--border", "3", "--border-color", "green")).startsWith("--border-color: expected a colour");
    }
}
