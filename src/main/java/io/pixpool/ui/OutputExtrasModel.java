package io.pixpool.ui;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The "More outputs" part of {@link SettingsModel}, as observable properties. */
public final class OutputExtrasModel {

    private final StringProperty also = new SimpleStringProperty(this, "also", "");
    private final BooleanProperty skipIfLarger = new SimpleBooleanProperty(this, "skipIfLarger");
    private final StringProperty maxKb = new SimpleStringProperty(this, "maxKb", "");
    private final BooleanProperty webpLossless = new SimpleBooleanProperty(this, "webpLossless");

    void apply(OutputExtrasSettings s) {
        also.set(s.also());
        skipIfLarger.set(s.skipIfLarger());
        maxKb.set(s.maxKb());
        webpLossless.set(s.webpLossless());
    }

    OutputExtrasSettings snapshot() {
        return new OutputExtrasSettings(also.get(), skipIfLarger.get(), maxKb.get(), webpLossless.get());
    }

    Observable[] observables() {
        return new Observable[] {also, skipIfLarger, maxKb, webpLossless};
    }

    public StringProperty alsoProperty() { return also; }
    public BooleanProperty skipIfLargerProperty() { return skipIfLarger; }
    public StringProperty maxKbProperty() { return maxKb; }
    public BooleanProperty webpLosslessProperty() { return webpLossless; }
}
