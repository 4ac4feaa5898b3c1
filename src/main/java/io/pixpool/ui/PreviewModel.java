package io.pixpool.ui;

import io.pixpool.core.ImageException;
import io.pixpool.core.ImagePipeline;
import io.pixpool.core.Recipe;
import io.pixpool.core.ResizeSpec;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.util.Duration;

/**
 * Before and after images of the selected file under the current recipe, rendered by the real pipeline on a
 * background thread. Changes are debounced, and a render that a newer change overtook is thrown away.
 */
public final class PreviewModel {

    static final Duration DEBOUNCE = Duration.millis(250);
    /** The "before" image is the oriented original, shrunk to at most this size on the long side. */
    static final int BEFORE_MAX_SIDE = 1600;

    private final ImagePipeline pipeline;
    private final ObjectProperty<Path> source = new SimpleObjectProperty<>(this, "source");
    private final ObjectProperty<Recipe> recipe = new SimpleObjectProperty<>(this, "recipe");
    private final ReadOnlyObjectWrapper<Image> before = new ReadOnlyObjectWrapper<>(this, "before");
    private final ReadOnlyObjectWrapper<Image> after = new ReadOnlyObjectWrapper<>(this, "after");
    private final ReadOnlyObjectWrapper<Dims> afterDims = new ReadOnlyObjectWrapper<>(this, "afterDims");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final PauseTransition debounce = new PauseTransition(DEBOUNCE);
    private final AtomicLong generation = new AtomicLong();
    private final ExecutorService renderer = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "pixpool-preview");
        t.setDaemon(true);
        return t;
    });
    private Path beforeOf;

    public PreviewModel(ImagePipeline pipeline) {
        this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
        debounce.setOnFinished(e -> render());
        source.addListener((o, a, b) -> changed());
        recipe.addListener((o, a, b) -> changed());
    }

    /** The file to preview; null for none. */
    public ObjectProperty<Path> sourceProperty() { return source; }
    /** The recipe to preview; null when the settings are invalid. */
    public ObjectProperty<Recipe> recipeProperty() { return recipe; }
    public ReadOnlyObjectProperty<Image> beforeProperty() { return before.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Image> afterProperty() { return after.getReadOnlyProperty(); }
    /** The size the output would have; null when unknown. */
    public ReadOnlyObjectProperty<Dims> afterDimsProperty() { return afterDims.getReadOnlyProperty(); }
    /** "rendering…", why there is no preview, or empty. */
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    private void changed() {
        generation.incrementAndGet();
        if (source.get() == null) {
            debounce.stop();
            before.set(null);
            after.set(null);
            afterDims.set(null);
            beforeOf = null;
            status.set("Select a file to preview it");
            return;
        }
        status.set("Rendering\u2026");
        debounce.playFromStart();
    }

    private void render() {
        long gen = generation.get();
        Path src = source.get();
        Recipe r = recipe.get();
        boolean needBefore = !src.equals(beforeOf);
        if (needBefore) before.set(null);
        renderer.execute(() -> {
            Image b = null;
            Image a = null;
            Dims dims = null;
            String problem = null;
            try {
                if (needBefore && gen == generation.get()) {
                    Recipe original = Recipe.defaults().withResize(ResizeSpec.fit(BEFORE_MAX_SIDE, BEFORE_MAX_SIDE));
                    b = SwingFXUtils.toFXImage(pipeline.render(src, original), null);
                }
                if (r == null) {
                    problem = "Fix the settings to see the result";
                } else if (gen == generation.get()) {
                    BufferedImage out = pipeline.render(src, r);
                    dims = new Dims(out.getWidth(), out.getHeight());
                    a = SwingFXUtils.toFXImage(out, null);
                }
            } catch (ImageException e) {
                problem = "No preview: " + e.getMessage();
            } catch (RuntimeException | OutOfMemoryError e) {
                problem = "No preview: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            Image fb = b;
            Image fa = a;
            Dims fd = dims;
            String fp = problem;
            Platform.runLater(() -> show(gen, src, needBefore, fb, fa, fd, fp));
        });
    }

    private void show(long gen, Path src, boolean newBefore, Image b, Image a, Dims dims, String problem) {
        if (gen != generation.get()) return;
        if (newBefore && b != null) {
            before.set(b);
            beforeOf = src;
        }
        after.set(a);
        afterDims.set(dims);
        status.set(problem == null ? "" : problem);
    }

    public void shutdown() {
        debounce.stop();
        generation.incrementAndGet();
        renderer.shutdownNow();
    }
}
