package io.pixpool.ui;

import io.pixpool.testing.TestImages;
import java.awt.Dimension;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.testfx.util.WaitForAsyncUtils;

/** Helpers for the window tests: throw-away preferences, generated images, waiting on the FX thread. */
final class UiTestSupport {

    private UiTestSupport() {
    }

    /** A fresh preferences node nobody else uses; remove it with {@link #removePrefs}. */
    static Preferences tempPrefs() {
        return Preferences.userRoot().node("/io/pixpool/test/" + UUID.randomUUID());
    }

    static void removePrefs(Preferences p) {
        try {
            p.removeNode();
            Preferences.userRoot().node("/io/pixpool/test").flush();
        } catch (BackingStoreException | IllegalStateException e) {
            throw new AssertionError("could not remove test preferences " + p, e);
        }
    }

    /** Writes a w x h picture in the format given by the file name's extension. */
    static Path image(Path dir, String name, int w, int h) {
        return TestImages.write(dir.resolve(name), w, h);
    }

    static List<Path> images(Path dir, int n, int w, int h) {
        List<Path> out = new ArrayList<>();
        for (int i = 0; i < n; i++) out.add(image(dir, String.format("img-%03d.png", i), w, h));
        return out;
    }

    static Dims dimsOf(Path p) {
        Dimension d = TestImages.dims(p);
        return new Dims(d.width, d.height);
    }

    /** Scrolls the scroll pane around {@code node} (if any) so that the node is in view, as a user would. */
    static void reveal(javafx.scene.Node node) {
        fx(() -> {
            javafx.scene.Node p = node.getParent();
            while (p != null && !(p instanceof javafx.scene.control.ScrollPane)) p = p.getParent();
            if (p == null) return;
            javafx.scene.control.ScrollPane sp = (javafx.scene.control.ScrollPane) p;
            javafx.scene.Node content = sp.getContent();
            double y = content.sceneToLocal(node.localToScene(0, 0)).getY();
            double free = content.getLayoutBounds().getHeight() - sp.getViewportBounds().getHeight();
            if (free > 0) sp.setVvalue(Math.max(0, Math.min(1, (y - sp.getViewportBounds().getHeight() / 2) / free)));
        });
    }

    /** Runs {@code c} on the FX thread and returns its result. */
    static <T> T fxGet(Callable<T> c) {
        try {
            return WaitForAsyncUtils.asyncFx(c).get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(e.getCause() == null ? e : e.getCause());
        }
    }

    static void fx(Runnable r) {
        fxGet(() -> {
            r.run();
            return null;
        });
    }

    /** Waits (polling on the FX thread) until {@code condition} holds. */
    static void waitUntil(int seconds, String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fxGet(condition::getAsBoolean));
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + seconds + " s waiting for: " + what);
        }
    }

    /** Clicks control {@code id}, scrolling the settings to it first as a user would. */
    static org.testfx.api.FxRobotInterface click(org.testfx.api.FxRobot robot, String id) {
        reveal(robot.lookup(id).query());
        return robot.clickOn(id);
    }

    /** Types {@code text} into the text field {@code id}, replacing its content, and leaves it (commits the value). */
    static void type(org.testfx.api.FxRobot robot, String id, String text) {
        click(robot, id).push(javafx.scene.input.KeyCode.CONTROL, javafx.scene.input.KeyCode.A).write(text)
                .push(javafx.scene.input.KeyCode.TAB);
    }
}
