package io.pixpool.ui;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import org.controlsfx.control.StatusBar;

/** Overall progress, done and failed counts (failed links to the failures), images/s and ETA. */
final class StatusBarView {

    private final StatusBar bar = new StatusBar();

    StatusBarView(MainViewModel vm, Runnable showFailures) {
        RunController run = vm.run();
        bar.setId("statusBar");
        bar.textProperty().bind(Bindings.createStringBinding(() -> {
            RunState s = run.getState();
            if (s == RunState.IDLE && run.totalProperty().get() == 0) {
                return vm.rows().isEmpty() ? "Ready" : String.format("Ready \u2013 %,d files", vm.rows().size());
            }
            String head = s == RunState.IDLE ? "Finished" : capital(s.label());
            return String.format("%s \u2013 %,d of %,d", head, run.finishedProperty().get(), run.totalProperty().get());
        }, run.stateProperty(), run.finishedProperty(), run.totalProperty(), vm.rows()));
        bar.progressProperty().bind(Bindings.when(run.stateProperty().isEqualTo(RunState.IDLE))
                .then(0.0).otherwise(run.progressProperty()));

        Label done = label("doneCount", "Files written (and skipped) in this batch");
        done.textProperty().bind(Bindings.createStringBinding(() -> RowStatus.DONE.icon() + " "
                + String.format("%,d", run.doneProperty().get()) + " done"
                + (run.skippedProperty().get() > 0 ? String.format(", %,d skipped", run.skippedProperty().get()) : ""),
                run.doneProperty(), run.skippedProperty()));
        Hyperlink failed = new Hyperlink();
        failed.setId("failedCount");
        failed.getStyleClass().add("failed-link");
        failed.setTooltip(new Tooltip("Show the failed files and their messages"));
        failed.textProperty().bind(Bindings.createStringBinding(() -> RowStatus.FAILED.icon() + " "
                + String.format("%,d", run.failedProperty().get()) + " failed", run.failedProperty()));
        failed.disableProperty().bind(run.failedProperty().isEqualTo(0));
        failed.setOnAction(e -> showFailures.run());
        Label rate = label("rate", "Images per second (pauses not counted)");
        rate.textProperty().bind(Bindings.createStringBinding(() -> Format.rate(run.rateProperty().get()),
                run.rateProperty()));
        Label eta = label("eta", "Estimated time left");
        eta.textProperty().bind(Bindings.createStringBinding(() -> run.etaSecondsProperty().get() < 0 ? "ETA \u2013"
                : "ETA " + Format.clock(run.etaSecondsProperty().get()), run.etaSecondsProperty()));
        Label workers = label("workersAlive", "Worker processes running");
        workers.textProperty().bind(Bindings.createStringBinding(() -> run.workersAliveProperty().get() + " workers",
                run.workersAliveProperty()));
        bar.getRightItems().addAll(done, sep(), failed, sep(), rate, sep(), eta, sep(), workers);
    }

    Node node() {
        return bar;
    }

    private static Label label(String id, String tip) {
        Label l = new Label();
        l.setId(id);
        l.setTooltip(new Tooltip(tip));
        return l;
    }

    private static Separator sep() {
        return new Separator(Orientation.VERTICAL);
    }

    private static String capital(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
