package io.pixpool.ui;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The live table: one row per file, sortable, filtered by status. Double-click a finished row to open its output;
 * the context menu shows it in its folder and copies errors. Delete removes the selected rows.
 */
final class ProgressTable {

    /** The status filter's choices: null means every status. */
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final VBox box;
    private final TableView<FileRow> table = new TableView<>();
    private final ChoiceBox<RowStatus> filter = new ChoiceBox<>();
    private final FilteredList<FileRow> filtered;

    ProgressTable(MainViewModel vm, DesktopActions desktop) {
        filtered = new FilteredList<>(vm.rows());
        SortedList<FileRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setId("fileTable");
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("Drop images or folders anywhere on this window, or use Add files\u2026"));
        table.setTableMenuButtonVisible(true);
        table.getColumns().addAll(List.of(
                statusColumn(),
                column("Name", 170, FileRow::nameProperty, Object::toString),
                column("Folder", 150, FileRow::folderProperty, Object::toString),
                column("Worker", 64, FileRow::workerProperty, n -> n.intValue() == 0 ? "" : "#" + n),
                column("Input", 100, FileRow::inputDimsProperty, Object::toString),
                column("In size", 80, FileRow::inputBytesProperty, n -> Format.bytes(n.longValue())),
                column("Output", 100, FileRow::outputSizesProperty, Object::toString),
                column("Out size", 80, FileRow::outputBytesProperty, n -> Format.bytes(n.longValue())),
                column("Quality", 56, FileRow::qualityProperty, Object::toString),
                column("Time", 70, FileRow::millisProperty, n -> Format.millis(n.longValue())),
                column("Message", 300, FileRow::messageProperty, Object::toString)));
        table.setRowFactory(t -> row(desktop));
        table.setContextMenu(contextMenu(vm, desktop));
        table.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
                vm.remove(selection());
                e.consume();
            }
        });
        vm.selectedProperty().bind(table.getSelectionModel().selectedItemProperty());

        filter.setId("statusFilter");
        filter.getItems().add(null);
        filter.getItems().addAll(RowStatus.values());
        filter.setConverter(new StringConverter<>() {
            @Override public String toString(RowStatus s) { return s == null ? "all files" : s.label(); }
            @Override public RowStatus fromString(String s) { throw new UnsupportedOperationException(); }
        });
        filter.setValue(null);
        filter.setTooltip(new Tooltip("Show only files with this status"));
        filter.valueProperty().addListener(o -> refilter());
        // a status filter must follow status changes: re-apply it once per drain that changed some status
        vm.run().statusRevisionProperty().addListener(o -> {
            if (filter.getValue() != null) refilter();
        });
        Label count = new Label();
        count.setId("rowCount");
        count.textProperty().bind(Bindings.createStringBinding(() -> filter.getValue() == null
                ? String.format("%,d files", vm.rows().size())
                : String.format("%,d of %,d files", filtered.size(), vm.rows().size()), filtered, vm.rows(),
                filter.valueProperty()));
        HBox bar = new HBox(8, new Label("Show"), filter, count);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 6, 4, 6));
        VBox.setVgrow(table, Priority.ALWAYS);
        box = new VBox(bar, table);
    }

    Node node() {
        return box;
    }

    TableView<FileRow> table() {
        return table;
    }

    List<FileRow> selection() {
        return List.copyOf(table.getSelectionModel().getSelectedItems());
    }

    /** Shows only rows with {@code status} (null: all). */
    void showOnly(RowStatus status) {
        filter.setValue(status);
    }

    private void refilter() {
        RowStatus s = filter.getValue();
        filtered.setPredicate(s == null ? null : r -> r.getStatus() == s);
    }

    private TableRow<FileRow> row(DesktopActions desktop) {
        TableRow<FileRow> row = new TableRow<>() {
            private final javafx.beans.InvalidationListener restyle = o -> restyle();

            @Override
            protected void updateItem(FileRow item, boolean empty) {
                FileRow old = getItem();
                if (old != null) old.statusProperty().removeListener(restyle);
                super.updateItem(item, empty);
                if (item != null && !empty) item.statusProperty().addListener(restyle);
                restyle();
            }

            private void restyle() {
                FileRow r = getItem();
                pseudoClassStateChanged(FAILED, r != null && r.getStatus() == RowStatus.FAILED);
            }
        };
        row.setOnMouseClicked(e -> {
            FileRow r = row.getItem();
            if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && r != null
                    && r.getStatus() == RowStatus.DONE) {
                desktop.open(r.getOutput());
            }
        });
        return row;
    }

    private ContextMenu contextMenu(MainViewModel vm, DesktopActions desktop) {
        MenuItem open = new MenuItem("Open output");
        open.setOnAction(e -> current().ifPresent(r -> desktop.open(r.getOutput())));
        MenuItem reveal = new MenuItem("Show in folder");
        reveal.setOnAction(e -> current().ifPresent(r -> desktop.showInFolder(
                r.getOutput() != null ? r.getOutput() : r.source())));
        MenuItem copyError = new MenuItem("Copy error");
        copyError.setOnAction(e -> copy(selection().stream().filter(r -> !r.getMessage().isEmpty())
                .map(r -> r.source() + "\t" + r.getMessage()).reduce((a, b) -> a + System.lineSeparator() + b)
                .orElse("")));
        MenuItem copyAll = new MenuItem("Copy all failures");
        copyAll.setOnAction(e -> copy(vm.failuresText()));
        MenuItem remove = new MenuItem("Remove from list");
        remove.setOnAction(e -> vm.remove(selection()));
        remove.disableProperty().bind(vm.busyProperty());
        ContextMenu menu = new ContextMenu(open, reveal, new SeparatorMenuItem(), copyError, copyAll,
                new SeparatorMenuItem(), remove);
        menu.setOnShowing(e -> {
            FileRow r = current().orElse(null);
            open.setDisable(r == null || r.getStatus() != RowStatus.DONE);
            reveal.setDisable(r == null);
            copyError.setDisable(r == null || r.getMessage().isEmpty());
        });
        return menu;
    }

    private java.util.Optional<FileRow> current() {
        return java.util.Optional.ofNullable(table.getSelectionModel().getSelectedItem());
    }

    static void copy(String text) {
        ClipboardContent c = new ClipboardContent();
        c.putString(text);
        Clipboard.getSystemClipboard().setContent(c);
    }

    private static TableColumn<FileRow, RowStatus> statusColumn() {
        TableColumn<FileRow, RowStatus> c = new TableColumn<>("Status");
        c.setId("statusColumn");
        c.setPrefWidth(100);
        c.setCellValueFactory(f -> f.getValue().statusProperty());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(RowStatus s, boolean empty) {
                super.updateItem(s, empty);
                getStyleClass().removeIf(k -> k.startsWith("status-"));
                if (empty || s == null) {
                    setText(null);
                } else {
                    setText(s.icon() + " " + s.label());
                    getStyleClass().add(s.styleClass());
                }
            }
        });
        return c;
    }

    private static <T> TableColumn<FileRow, T> column(String title, double width,
                                                       Function<FileRow, ObservableValue<T>> value,
                                                       Function<T, String> text) {
        TableColumn<FileRow, T> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> value.apply(f.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            /** One per cell, reused: creating tooltips on every update would slow the live table down. */
            private Tooltip tip;

            @Override
            protected void updateItem(T v, boolean empty) {
                super.updateItem(v, empty);
                String t = empty || v == null ? null : text.apply(v);
                setText(t);
                // long texts (folders, messages) are cut off by the column: the tooltip shows them whole
                if (t == null || t.length() < 24) {
                    setTooltip(null);
                } else {
                    if (tip == null) tip = new Tooltip();
                    tip.setText(t);
                    setTooltip(tip);
                }
            }
        });
        return c;
    }
}
