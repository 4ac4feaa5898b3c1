package io.pixpool.ui;

import io.pixpool.batch.WorkerReserve;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.application.Application;
import javafx.stage.Stage;

/**
 * The window application. Command-line arguments (a desktop shortcut or "Open with" passes them) are files and
 * folders to preload. Settings live in {@link PrefsLocation#node()}.
 */
public final class PixpoolApp extends Application {

    /**
     * Workers started as files are added and kept warm from one batch to the next while the window is open: Start
     * finds them up, and a second run (the usual try, look, adjust, run again) starts at warm-worker speed.
     */
    private final WorkerReserve reserve = new WorkerReserve();

    public static void launchWith(String[] args) {
        Application.launch(PixpoolApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        MainViewModel vm = MainViewModel.create(PrefsLocation.node(), BatchStarter.pool(reserve));
        MainWindow.show(stage, vm, getHostServices());
        List<String> bad = new ArrayList<>();
        List<Path> paths = paths(getParameters().getRaw(), bad);
        if (!bad.isEmpty()) {
            vm.notices().add(new Notice(Notice.Kind.WARNING, "Ignored arguments",
                    "Not usable as paths: " + String.join(", ", bad), bad));
        }
        if (!paths.isEmpty()) vm.addPaths(paths);
    }

    /** The window closed: the workers waiting for a next batch leave. */
    @Override
    public void stop() {
        reserve.close();
    }

    /** The launch arguments that are paths; the others (e.g. macOS's -psn_ argument) go to {@code ignored}. */
    static List<Path> paths(List<String> args, List<String> ignored) {
        List<Path> out = new ArrayList<>();
        for (String a : args) {
            if (a.isBlank() || a.startsWith("-psn_")) continue;
            try {
                out.add(Path.of(a));
            } catch (InvalidPathException e) {
                ignored.add(a);
            }
        }
        return out;
    }
}
