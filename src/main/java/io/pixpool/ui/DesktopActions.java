package io.pixpool.ui;

import java.awt.Desktop;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.application.HostServices;

/**
 * Opens an output with the system's viewer, or its folder in the file manager. Guarded: whatever the desktop cannot
 * do (headless, no file manager, missing file) becomes a notice instead of an exception.
 */
public final class DesktopActions {

    private final HostServices host;
    private final Consumer<Notice> notices;

    /** @param host the application's host services; null when there are none (tests, embedded use) */
    public DesktopActions(HostServices host, Consumer<Notice> notices) {
        this.host = host;
        this.notices = notices;
    }

    public void open(Path file) {
        if (file == null || !Files.exists(file)) {
            problem("The output file does not exist (any more): " + file);
            return;
        }
        show(file);
    }

    /** Shows the file selected in its folder where the desktop supports it, otherwise opens the folder. */
    public void showInFolder(Path file) {
        if (file == null) return;
        if (Desktop.isDesktopSupported() && Desktop.getDesktop().isSupported(Desktop.Action.BROWSE_FILE_DIR)
                && Files.exists(file)) {
            File f = file.toFile();
            Thread t = new Thread(() -> Desktop.getDesktop().browseFileDirectory(f), "pixpool-show-in-folder");
            t.setDaemon(true);
            t.start();
            return;
        }
        Path dir = file.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            problem("The folder does not exist (any more): " + dir);
            return;
        }
        show(dir);
    }

    private void show(Path p) {
        if (host == null) {
            problem("Cannot open files from here; the file is " + p);
            return;
        }
        host.showDocument(p.toUri().toString());
    }

    private void problem(String text) {
        notices.accept(new Notice(Notice.Kind.WARNING, "Cannot open", text, List.of()));
    }
}
