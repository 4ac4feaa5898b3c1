package io.pixpool.ui;

import java.util.List;
import java.util.function.Supplier;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Lays the parts out: input and presets on top, settings on the left, the live table above the preview, the run
 * buttons and status bar at the bottom, and the drop highlight over everything. Tab order follows that reading order.
 */
final class MainView {

    private final StackPane root;
    private final ProgressTable table;
    private final InputToolbar input;
    private final Node dropOverlay;

    MainView(MainViewModel vm, Supplier<Window> window, DesktopActions desktop) {
        table = new ProgressTable(vm, desktop);
        input = new InputToolbar(vm, window, table::selection, new PresetBar(vm).node());

        SettingsPane settings = new SettingsPane(vm, window);
        ScrollPane settingsScroll = new ScrollPane(settings.node());
        settingsScroll.setFitToWidth(true);
        settingsScroll.setMinWidth(280);
        settingsScroll.disableProperty().bind(vm.busyProperty());

        SplitPane work = new SplitPane(table.node(), new PreviewPane(vm.preview()).node());
        work.setOrientation(Orientation.VERTICAL);
        work.setDividerPositions(0.62);
        SplitPane center = new SplitPane(settingsScroll, work);
        center.setDividerPositions(0.27);
        SplitPane.setResizableWithParent(settingsScroll, false);

        Runnable showFailures = () -> {
            table.showOnly(RowStatus.FAILED);
            List<String> lines = vm.rows().stream().filter(r -> r.getStatus() == RowStatus.FAILED)
                    .map(r -> r.source() + " \u2013 " + r.getMessage()).toList();
            NoticePresenter.details(new Notice(Notice.Kind.ERROR, "Failed files",
                    lines.size() + (lines.size() == 1 ? " file" : " files") + " failed", lines, true), window.get());
        };
        VBox bottom = new VBox(new WatchBar(vm.watch(), vm.run(), window).node(), new RunBar(vm).node(),
                new StatusBarView(vm, showFailures).node());

        BorderPane main = new BorderPane();
        main.setTop(input.node());
        main.setCenter(center);
        main.setBottom(bottom);

        Label dropHint = new Label("Drop images or folders to add them");
        StackPane overlay = new StackPane(dropHint);
        overlay.setId("dropOverlay");
        overlay.getStyleClass().add("drop-overlay");
        dropOverlay = overlay;
        root = new StackPane(main, overlay);
        root.setId("pixpoolRoot");
    }

    Parent root() { return root; }
    ProgressTable table() { return table; }
    Node dropOverlay() { return dropOverlay; }

    void chooseFiles() {
        input.chooseFiles();
    }
}
