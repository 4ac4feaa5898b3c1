package io.pixpool.ui;

import javafx.application.HostServices;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Puts the view on a stage: styles, drop target, shortcuts, notifications, and the saved size and place. */
public final class MainWindow {

    private MainWindow() {
    }

    /**
     * Shows the window for {@code vm}. When the stage is hidden its size and the settings are saved and the
     * view-model shut down (a running batch is cancelled).
     *
     * @param host for opening outputs; null where there is no desktop
     */
    public static void show(Stage stage, MainViewModel vm, HostServices host) {
        DesktopActions desktop = new DesktopActions(host, vm.notices()::add);
        MainView view = new MainView(vm, () -> stage, desktop);
        WindowState ws = vm.store().loadWindow();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        // never bigger than the screen (a saved size from a larger monitor, or the default on a small laptop)
        double width = Math.min(ws.width(), screen.getWidth() * 0.95);
        double height = Math.min(ws.height(), screen.getHeight() * 0.95);
        Scene scene = new Scene(view.root(), width, height);
        scene.getStylesheets().add(MainWindow.class.getResource("pixpool.css").toExternalForm());
        DropTarget.install(scene, view.dropOverlay(), vm::addPaths);
        Shortcuts.install(scene, vm, view::chooseFiles);
        NoticePresenter.install(vm, stage, () -> view.table().showOnly(RowStatus.FAILED));

        stage.setTitle("Pixpool");
        stage.getIcons().setAll(AppIcons.load());
        stage.setScene(scene);
        stage.setMinWidth(WindowState.MIN_WIDTH);
        stage.setMinHeight(WindowState.MIN_HEIGHT);
        if (onSomeScreen(ws)) {
            stage.setX(ws.x());
            stage.setY(ws.y());
        }
        stage.setMaximized(ws.maximized());
        stage.setOnHidden(e -> {
            vm.store().saveWindow(stateOf(stage, ws));
            vm.shutdown();
        });
        stage.show();
        view.table().table().requestFocus(); // Delete works at once; Tab walks on from the table
    }

    private static WindowState stateOf(Stage stage, WindowState before) {
        if (stage.isMaximized()) {
            return new WindowState(before.x(), before.y(), before.width(), before.height(), true);
        }
        return new WindowState(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }

    private static boolean onSomeScreen(WindowState ws) {
        if (Double.isNaN(ws.x()) || Double.isNaN(ws.y())) return false;
        return !Screen.getScreensForRectangle(new Rectangle2D(ws.x(), ws.y(), 100, 60)).isEmpty();
    }
}
