package io.pixpool.ui;

import java.util.List;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.TextArea;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.Notifications;
import org.controlsfx.control.action.Action;

/**
 * Shows the view-model's notices as ControlsFX notifications. Notices with details get a "Details…" action that
 * opens them in a copyable list; a failures notice also filters the table to the failed files.
 */
final class NoticePresenter {

    private NoticePresenter() {
    }

    static void install(MainViewModel vm, Window owner, Runnable showFailedRows) {
        vm.notices().addListener((ListChangeListener<Notice>) c -> {
            while (c.next()) {
                // shown on a later pulse: building a pop-up is slow and must not stretch the drain that caused it
                if (c.wasAdded()) {
                    for (Notice n : List.copyOf(c.getAddedSubList())) {
                        Platform.runLater(() -> show(n, owner, showFailedRows));
                    }
                }
            }
        });
    }

    private static void show(Notice n, Window owner, Runnable showFailedRows) {
        if (owner == null || !owner.isShowing()) return;
        Notifications note = Notifications.create().title(n.title()).text(n.text()).owner(owner)
                .position(Pos.BOTTOM_RIGHT)
                .hideAfter(Duration.seconds(n.kind() == Notice.Kind.INFO ? 5 : 12));
        if (!n.details().isEmpty()) {
            String label = n.failures() ? "Show failures" : "Details\u2026";
            note.action(new Action(label, e -> {
                if (n.failures()) showFailedRows.run();
                details(n, owner);
            }));
        }
        switch (n.kind()) {
            case ERROR -> note.showError();
            case WARNING -> note.showWarning();
            default -> note.showInformation();
        }
    }

    /** A dialog listing the notice's details with a button copying them all. */
    static void details(Notice n, Window owner) {
        TextArea text = new TextArea(String.join(System.lineSeparator(), n.details()));
        text.setId("noticeDetails");
        text.setEditable(false);
        text.setPrefColumnCount(80);
        text.setPrefRowCount(Math.min(20, Math.max(4, n.details().size())));
        Button copy = new Button("Copy all");
        copy.setId("copyDetails");
        copy.setOnAction(e -> ProgressTable.copy(text.getText()));
        VBox box = new VBox(8, text, copy);
        VBox.setVgrow(text, Priority.ALWAYS);
        Dialog<Void> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle(n.title());
        d.setHeaderText(n.text());
        d.getDialogPane().setContent(box);
        d.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        d.setResizable(true);
        d.show();
    }
}
