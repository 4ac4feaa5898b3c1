package io.pixpool.ui;

import io.pixpool.core.ColorPolicy;
import io.pixpool.core.MetadataPolicy;
import io.pixpool.core.MetadataSpec;
import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/** The metadata and colour choices of the settings panel, as observable properties (part of {@link SettingsModel}). */
public final class MetadataModel {

    private final ObjectProperty<MetadataPolicy> metadata = new SimpleObjectProperty<>(this, "metadata");
    private final ObjectProperty<ColorPolicy> color = new SimpleObjectProperty<>(this, "color");

    void apply(MetadataSpec s) {
        metadata.set(s.metadata());
        color.set(s.color());
    }

    MetadataSpec snapshot() {
        MetadataSpec d = MetadataSpec.defaults();
        return new MetadataSpec(metadata.get() == null ? d.metadata() : metadata.get(),
                color.get() == null ? d.color() : color.get());
    }

    Observable[] observables() {
        return new Observable[] {metadata, color};
    }

    public ObjectProperty<MetadataPolicy> metadataProperty() { return metadata; }
    public ObjectProperty<ColorPolicy> colorProperty() { return color; }
}
