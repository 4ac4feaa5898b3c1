package io.pixpool.ui;

import io.pixpool.core.Anchor;
import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.scene.paint.Color;

/** {@link LookSettings} as observable properties for the watermark, padding and border controls. FX thread only. */
public final class LookModel {

    private final BooleanProperty textOn = new SimpleBooleanProperty(this, "textOn");
    private final StringProperty text = new SimpleStringProperty(this, "text");
    private final StringProperty font = new SimpleStringProperty(this, "font");
    private final IntegerProperty textSize = new SimpleIntegerProperty(this, "textSize");
    private final ObjectProperty<Color> textColor = new SimpleObjectProperty<>(this, "textColor");
    private final IntegerProperty textOpacity = new SimpleIntegerProperty(this, "textOpacity");
    private final ObjectProperty<Anchor> textAnchor = new SimpleObjectProperty<>(this, "textAnchor");
    private final IntegerProperty textMargin = new SimpleIntegerProperty(this, "textMargin");
    private final BooleanProperty imageOn = new SimpleBooleanProperty(this, "imageOn");
    private final StringProperty imageFile = new SimpleStringProperty(this, "imageFile");
    private final IntegerProperty imageScale = new SimpleIntegerProperty(this, "imageScale");
    private final IntegerProperty imageOpacity = new SimpleIntegerProperty(this, "imageOpacity");
    private final ObjectProperty<Anchor> imageAnchor = new SimpleObjectProperty<>(this, "imageAnchor");
    private final IntegerProperty imageMargin = new SimpleIntegerProperty(this, "imageMargin");
    private final BooleanProperty padOn = new SimpleBooleanProperty(this, "padOn");
    private final ObjectProperty<Color> padColor = new SimpleObjectProperty<>(this, "padColor");
    private final BooleanProperty borderOn = new SimpleBooleanProperty(this, "borderOn");
    private final IntegerProperty borderWidth = new SimpleIntegerProperty(this, "borderWidth");
    private final ObjectProperty<Color> borderColor = new SimpleObjectProperty<>(this, "borderColor");

    public void apply(LookSettings s) {
        textOn.set(s.textOn());
        text.set(s.text());
        font.set(s.font());
        textSize.set(s.textSize());
        textColor.set(color(s.textColor()));
        textOpacity.set(s.textOpacity());
        textAnchor.set(s.textAnchor());
        textMargin.set(s.textMargin());
        imageOn.set(s.imageOn());
        imageFile.set(s.imageFile());
        imageScale.set(s.imageScale());
        imageOpacity.set(s.imageOpacity());
        imageAnchor.set(s.imageAnchor());
        imageMargin.set(s.imageMargin());
        padOn.set(s.padOn());
        padColor.set(color(s.padColor()));
        borderOn.set(s.borderOn());
        borderWidth.set(s.borderWidth());
        borderColor.set(color(s.borderColor()));
    }

    public LookSettings snapshot() {
        return new LookSettings(textOn.get(), text.get(), font.get(), textSize.get(), rgb(textColor.get()),
                textOpacity.get(), textAnchor.get(), textMargin.get(), imageOn.get(), imageFile.get(),
                imageScale.get(), imageOpacity.get(), imageAnchor.get(), imageMargin.get(), padOn.get(),
                rgb(padColor.get()), borderOn.get(), borderWidth.get(), rgb(borderColor.get()));
    }

    /** Everything a change of which changes the settings. */
    Observable[] observables() {
        return new Observable[] {textOn, text, font, textSize, textColor, textOpacity, textAnchor, textMargin,
            imageOn, imageFile, imageScale, imageOpacity, imageAnchor, imageMargin, padOn, padColor, borderOn,
            borderWidth, borderColor};
    }

    static Color color(int rgb) {
        return Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF);
    }

    /** 0xRRGGBB of an FX colour (its opacity is ignored; opacity has its own setting). */
    static int rgb(Color c) {
        if (c == null) return 0;
        return (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8
                | (int) Math.round(c.getBlue() * 255);
    }

    public BooleanProperty textOnProperty() { return textOn; }
    public StringProperty textProperty() { return text; }
    public StringProperty fontProperty() { return font; }
    public IntegerProperty textSizeProperty() { return textSize; }
    public ObjectProperty<Color> textColorProperty() { return textColor; }
    public IntegerProperty textOpacityProperty() { return textOpacity; }
    public ObjectProperty<Anchor> textAnchorProperty() { return textAnchor; }
    public IntegerProperty textMarginProperty() { return textMargin; }
    public BooleanProperty imageOnProperty() { return imageOn; }
    public StringProperty imageFileProperty() { return imageFile; }
    public IntegerProperty imageScaleProperty() { return imageScale; }
    public IntegerProperty imageOpacityProperty() { return imageOpacity; }
    public ObjectProperty<Anchor> imageAnchorProperty() { return imageAnchor; }
    public IntegerProperty imageMarginProperty() { return imageMargin; }
    public BooleanProperty padOnProperty() { return padOn; }
    public ObjectProperty<Color> padColorProperty() { return padColor; }
    public BooleanProperty borderOnProperty() { return borderOn; }
    public IntegerProperty borderWidthProperty() { return borderWidth; }
    public ObjectProperty<Color> borderColorProperty() { return borderColor; }
}
