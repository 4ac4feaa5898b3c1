package io.pixpool.ui;

import io.pixpool.core.FilterKind;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import javafx.util.Duration;
import javax.imageio.ImageIO;

/**
 * Takes the README's screenshot: the real window and worker pool mid-batch on a folder of photos. Not a test. Run
 * under Xvfb (Debian {@code xvfb}, {@code libgtk-3-0}):
 * <pre>
 * mvn -q test-compile dependency:build-classpath -Dmdep.outputFile=cp.txt -Dmdep.includeScope=test
 * xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/classes:target/test-classes:$(cat cp.txt) \
 *     io.pixpool.ui.WindowScreenshot docs/window.png 3.5 PHOTO_FOLDER
 * </pre>
 * Arguments: output PNG, seconds after Start, folder to drop.
 */
public final class WindowScreenshot {

    private WindowScreenshot() {
    }

    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }

    /** The application that takes the screenshot (a plain main class launches it, as the real launcher does). */
    public static final class Shot extends Application {
        @Override
        public void start(Stage stage) throws BackingStoreException {
            List<String> args = getParameters().getRaw();
            Preferences prefs = Preferences.userRoot().node("/io/pixpool/screenshot");
            prefs.removeNode();
            MainViewModel vm = MainViewModel.create(Preferences.userRoot().node("/io/pixpool/screenshot"));
            MainWindow.show(stage, vm, getHostServices());
            stage.setWidth(1440);
            stage.setHeight(880);
            vm.settings().widthProperty().set("1200");
            vm.settings().heightProperty().set("1200");
            vm.settings().workersProperty().set(2);
            vm.settings().namePatternProperty().set("{name}-{w}x{h}");
            vm.settings().filters().add(FilterKind.SHARPEN);
            vm.settings().filters().add(FilterKind.CONTRAST);
            vm.settings().look().textOnProperty().set(true);
            vm.settings().look().textProperty().set("\u00A9 2026 Pixpool");
            vm.settings().look().textSizeProperty().set(6);
            vm.settings().look().textOpacityProperty().set(70);
            vm.settings().outputs().alsoProperty().set("400");
            @SuppressWarnings("unchecked")
            TableView<FileRow> table = (TableView<FileRow>) stage.getScene().lookup("#fileTable");
            vm.addPaths(List.of(Path.of(args.get(2)))).thenRun(() -> {
                table.getSelectionModel().select(Math.min(5, table.getItems().size() - 1));
                after(2.5, () -> {
                    vm.start();
                    after(Double.parseDouble(args.get(1)), () -> {
                        // show the rows being worked on, a few finished ones above them
                        int running = 0;
                        while (running < table.getItems().size() - 1
                                && table.getItems().get(running).getStatus() != RowStatus.RUNNING) running++;
                        table.scrollTo(Math.max(0, running - 6));
                        stage.getScene().getRoot().layout();
                        try {
                            ImageIO.write(SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null), "png",
                                    new File(args.get(0)));
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        vm.cancel();
                        Platform.exit();
                    });
                });
            });
        }
    }

    private static void after(double seconds, Runnable r) {
        PauseTransition t = new PauseTransition(Duration.seconds(seconds));
        t.setOnFinished(e -> r.run());
        t.play();
    }
}
