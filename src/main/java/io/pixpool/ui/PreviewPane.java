package io.pixpool.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The selected file before and after the current settings, side by side, scaled to fit. */
final class PreviewPane {

    private final VBox box;

    PreviewPane(PreviewModel model) {
        Label afterTitle = new Label();
        afterTitle.setId("afterTitle");
        afterTitle.textProperty().bind(Bindings.createStringBinding(() -> model.afterDimsProperty().get() == null
                ? "After" : "After: " + model.afterDimsProperty().get(), model.afterDimsProperty()));
        HBox pair = new HBox(8, panel(new Label("Before"), model.beforeProperty(), "previewBefore"),
                panel(afterTitle, model.afterProperty(), "previewAfter"));
        VBox.setVgrow(pair, Priority.ALWAYS);
        Label status = new Label();
        status.setId("previewStatus");
        status.getStyleClass().add("hint");
        status.textProperty().bind(model.statusProperty());
        box = new VBox(4, pair, status);
        box.setPadding(new Insets(6));
        box.setMinHeight(120);
    }

    Node node() {
        return box;
    }

    private static Node panel(Label title, ReadOnlyObjectProperty<Image> image, String id) {
        title.getStyleClass().add("preview-title");
        ImageView view = new ImageView();
        view.setId(id);
        view.setPreserveRatio(true);
        view.setSmooth(true);
        view.imageProperty().bind(image);
        StackPane frame = new StackPane(view);
        frame.getStyleClass().add("preview-box");
        frame.setMinSize(80, 60);
        frame.setPrefSize(300, 200);
        // fit the image into the frame (never bigger than it is)
        view.fitWidthProperty().bind(Bindings.createDoubleBinding(() -> Math.min(frame.getWidth() - 8,
                image.get() == null ? 0 : image.get().getWidth()), frame.widthProperty(), image));
        view.fitHeightProperty().bind(Bindings.createDoubleBinding(() -> Math.min(frame.getHeight() - 8,
                image.get() == null ? 0 : image.get().getHeight()), frame.heightProperty(), image));
        VBox v = new VBox(4, title, frame);
        v.setAlignment(Pos.TOP_LEFT);
        VBox.setVgrow(frame, Priority.ALWAYS);
        HBox.setHgrow(v, Priority.ALWAYS);
        return v;
    }
}
