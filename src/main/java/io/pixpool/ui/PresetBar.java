package io.pixpool.ui;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.geometry.Pos;

/** Named presets: type or pick a name, then Save, Load or Delete. */
final class PresetBar {

    private final HBox box;
    private final ComboBox<String> names = new ComboBox<>();

    PresetBar(MainViewModel vm) {
        names.setId("presetName");
        names.setEditable(true);
        names.setItems(vm.presetNames());
        names.setPromptText("preset name");
        names.setPrefWidth(170);
        names.setTooltip(new Tooltip("Pick a preset, or type a new name and press Save"));
        Button save = button("Save", "savePreset", "Save the current settings (not the output folder) under this name",
                () -> act(vm, "Preset saved", vm::savePreset));
        Button load = button("Load", "loadPreset", "Replace the settings with this preset's",
                () -> act(vm, "Preset loaded", vm::loadPreset));
        Button delete = button("Delete", "deletePreset", "Delete this preset",
                () -> act(vm, "Preset deleted", vm::deletePreset));
        load.disableProperty().bind(vm.busyProperty());
        delete.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> PresetCatalog.isShipped(names.getEditor().getText()), names.getEditor().textProperty()));
        box = new HBox(6, new Label("Preset"), names, save, load, delete);
        box.setAlignment(Pos.CENTER_LEFT);
    }

    Node node() {
        return box;
    }

    private String name() {
        String typed = names.getEditor().getText();
        return typed == null ? "" : typed.trim();
    }

    /** Runs {@code action} on the typed name; a change of the list clears the combo box's text, so it is put back. */
    private void act(MainViewModel vm, String title, java.util.function.UnaryOperator<String> action) {
        String name = name();
        String problem = action.apply(name);
        names.getEditor().setText(name);
        report(vm, title, name, problem);
    }

    private void report(MainViewModel vm, String title, String name, String problem) {
        if (problem == null) {
            vm.notices().add(Notice.info(title, "\u201C" + name + "\u201D"));
        } else {
            vm.notices().add(new Notice(Notice.Kind.WARNING, "Preset", problem, List.of()));
        }
    }

    private static Button button(String text, String id, String tip, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        b.setOnAction(e -> action.run());
        return b;
    }
}
