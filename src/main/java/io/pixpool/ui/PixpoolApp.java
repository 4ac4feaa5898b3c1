package io.pixpool.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The window. PLACEHOLDER until the window issue. */
public final class PixpoolApp extends Application {

    public static void launchWith(String[] args) {
        Application.launch(PixpoolApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Pixpool");
        stage.setScene(new Scene(new Label("Pixpool: use 'batch' from the command line for now."), 480, 200));
        stage.show();
    }
}
