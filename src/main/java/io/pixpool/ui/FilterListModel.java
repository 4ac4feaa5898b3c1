package io.pixpool.ui;

import io.pixpool.core.FilterKind;
import io.pixpool.core.FilterStep;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** The ordered filter list of the settings: add, remove, move and change a step's parameter. */
public final class FilterListModel {

    private final ObservableList<FilterStep> steps = FXCollections.observableArrayList();

    public ObservableList<FilterStep> steps() {
        return steps;
    }

    public void setAll(List<FilterStep> list) {
        steps.setAll(list);
    }

    /** Appends {@code kind} with its default parameter; returns its index. */
    public int add(FilterKind kind) {
        steps.add(FilterStep.of(kind));
        return steps.size() - 1;
    }

    public void remove(int index) {
        if (index >= 0 && index < steps.size()) steps.remove(index);
    }

    /** Moves the step one place up; returns its new index. */
    public int moveUp(int index) {
        if (index <= 0 || index >= steps.size()) return index;
        steps.add(index - 1, steps.remove(index));
        return index - 1;
    }

    /** Moves the step one place down; returns its new index. */
    public int moveDown(int index) {
        if (index < 0 || index >= steps.size() - 1) return index;
        steps.add(index + 1, steps.remove(index));
        return index + 1;
    }

    /** Sets the step's parameter from text; returns null on success, otherwise why the value was refused. */
    public String setValue(int index, String text) {
        if (index < 0 || index >= steps.size()) return "no filter selected";
        FilterKind kind = steps.get(index).kind();
        if (!kind.hasValue()) return kind.id() + " takes no value";
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return kind.id() + ": not a number: '" + text.trim() + "'";
        }
        try {
            steps.set(index, new FilterStep(kind, v));
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }
}
