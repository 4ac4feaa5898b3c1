package io.pixpool.ui;

import io.pixpool.core.FilterKind;
import io.pixpool.core.FilterStep;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The ordered filter list: pick a kind and Add, select a step to move, remove or change its value. */
final class FilterListEditor {

    private final VBox box;
    private final FilterListModel model;
    private final ListView<FilterStep> list = new ListView<>();
    private final TextField value = new TextField();
    private final Label problem = new Label();

    FilterListEditor(FilterListModel model) {
        this.model = model;
        list.setId("filterList");
        list.setItems(model.steps());
        list.setPrefHeight(110);
        list.setPlaceholder(new Label("No filters: images are only resized"));
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(FilterStep s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : describe(s));
            }
        });
        list.setTooltip(new Tooltip("Filters run top to bottom, after the resize"));

        ComboBox<FilterKind> kind = new ComboBox<>();
        kind.setId("filterKind");
        kind.getItems().setAll(FilterKind.values());
        kind.getSelectionModel().select(FilterKind.SHARPEN);
        kind.setConverter(new StringConverter<>() {
            @Override public String toString(FilterKind k) { return k == null ? "" : k.id(); }
            @Override public FilterKind fromString(String s) { return FilterKind.fromId(s); }
        });
        kind.setTooltip(new Tooltip("Filter to add"));
        Button add = button("Add", "addFilter", "Add this filter at the end of the list");
        add.setOnAction(e -> select(model.add(kind.getValue())));

        BooleanBinding none = list.getSelectionModel().selectedIndexProperty().lessThan(0);
        Button up = button("\u25B2", "filterUp", "Move the selected filter up");
        up.setOnAction(e -> select(model.moveUp(index())));
        Button down = button("\u25BC", "filterDown", "Move the selected filter down");
        down.setOnAction(e -> select(model.moveDown(index())));
        Button remove = button("Remove", "removeFilter", "Remove the selected filter");
        remove.setOnAction(e -> model.remove(index()));
        up.disableProperty().bind(none);
        down.disableProperty().bind(none);
        remove.disableProperty().bind(none);

        value.setId("filterValue");
        value.setPrefColumnCount(5);
        value.setPromptText("value");
        value.setOnAction(e -> commitValue());
        value.focusedProperty().addListener((o, was, is) -> {
            if (!is) commitValue();
        });
        value.disableProperty().bind(Bindings.createBooleanBinding(() -> {
            FilterStep s = list.getSelectionModel().getSelectedItem();
            return s == null || !s.kind().hasValue();
        }, list.getSelectionModel().selectedItemProperty()));
        Label range = new Label();
        range.getStyleClass().add("hint");
        list.getSelectionModel().selectedItemProperty().addListener((o, a, s) -> {
            problem.setText("");
            value.setText(s == null || !s.kind().hasValue() ? "" : number(s.value()));
            range.setText(s == null || !s.kind().hasValue() ? "" : rangeOf(s.kind()));
            value.setTooltip(new Tooltip(s == null || !s.kind().hasValue() ? "This filter has no value" : rangeOf(s.kind())));
        });
        problem.getStyleClass().add("problem");
        problem.setWrapText(true);

        HBox addRow = new HBox(6, kind, add);
        HBox editRow = new HBox(6, up, down, remove, new Label("Value"), value, range);
        addRow.setAlignment(Pos.CENTER_LEFT);
        editRow.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(kind, Priority.ALWAYS);
        box = new VBox(6, list, addRow, editRow, problem);
    }

    Node node() {
        return box;
    }

    private int index() {
        return list.getSelectionModel().getSelectedIndex();
    }

    private void select(int i) {
        list.getSelectionModel().clearAndSelect(i);
        list.scrollTo(i);
    }

    private void commitValue() {
        int i = index();
        if (i < 0 || value.isDisabled()) return;
        String current = number(model.steps().get(i).value());
        if (value.getText().trim().equals(current)) return;
        String p = model.setValue(i, value.getText());
        problem.setText(p == null ? "" : p);
        if (p == null) select(i);
    }

    static String describe(FilterStep s) {
        if (!s.kind().hasValue()) return s.kind().id();
        String unit = switch (s.kind()) {
            case BRIGHTNESS, CONTRAST -> " %";
            case BLUR -> " px";
            case ROTATE -> "\u00B0";
            default -> "";
        };
        return s.kind().id() + "  " + number(s.value()) + unit;
    }

    private static String rangeOf(FilterKind k) {
        return k == FilterKind.ROTATE ? "90, 180 or 270" : number(k.min()) + " to " + number(k.max());
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%s", v);
    }

    private static Button button(String text, String id, String tip) {
        Button b = new Button(text);
        b.setId(id);
        b.setTooltip(new Tooltip(tip));
        return b;
    }
}
