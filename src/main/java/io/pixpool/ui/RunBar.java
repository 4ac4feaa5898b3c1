package io.pixpool.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Start, Pause/Resume, Cancel, Retry failed, and why Start is disabled. */
final class RunBar {

    private final HBox box;

    RunBar(MainViewModel vm) {
        RunController run = vm.run();
        Button start = new Button("Start");
        start.setId("start");
        start.getStyleClass().add("start-button");
        start.setTooltip(new Tooltip("Process every file in the list (Ctrl+Enter)"));
        start.setOnAction(e -> vm.start());
        start.disableProperty().bind(vm.canStartProperty().not());

        BooleanBinding active = Bindings.createBooleanBinding(
                () -> run.getState() == RunState.RUNNING || run.getState() == RunState.PAUSED, run.stateProperty());
        Button pause = new Button();
        pause.setId("pause");
        pause.textProperty().bind(Bindings.when(run.stateProperty().isEqualTo(RunState.PAUSED))
                .then("Resume").otherwise("Pause"));
        pause.setTooltip(new Tooltip("Pause: running files finish, no new ones start. Resume carries on."));
        pause.setOnAction(e -> vm.pauseOrResume());
        pause.disableProperty().bind(active.not());

        Button cancel = new Button("Cancel");
        cancel.setId("cancel");
        cancel.setTooltip(new Tooltip("Stop the batch: unfinished files are cancelled, no partial outputs are left (Esc)"));
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(active.not());

        Button retry = new Button("Retry failed");
        retry.setId("retryFailed");
        retry.setTooltip(new Tooltip("Run only the files that failed, with the current settings"));
        retry.setOnAction(e -> vm.retryFailed());
        retry.disableProperty().bind(Bindings.createBooleanBinding(
                () -> vm.busyProperty().get() || vm.startProblemProperty().get() != null
                        || vm.rows().stream().noneMatch(r -> r.getStatus() == RowStatus.FAILED),
                vm.busyProperty(), vm.startProblemProperty(), vm.rows(), run.statusRevisionProperty()));

        Label problem = new Label();
        problem.setId("startProblem");
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);
        problem.textProperty().bind(Bindings.createStringBinding(
                () -> vm.startProblemProperty().get() == null ? "" : vm.startProblemProperty().get(),
                vm.startProblemProperty()));
        // while a batch runs the text is a note, not a problem
        vm.busyProperty().addListener((o, was, busy) -> {
            problem.getStyleClass().removeAll("problem", "hint");
            problem.getStyleClass().add(busy ? "hint" : "problem");
        });
        HBox.setHgrow(problem, Priority.ALWAYS);
        problem.setMaxWidth(Double.MAX_VALUE);

        box = new HBox(start, pause, cancel, retry, problem);
        box.getStyleClass().add("run-bar");
    }

    Node node() {
        return box;
    }
}
