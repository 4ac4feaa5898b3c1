package io.pixpool.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;

/** The application icon in the sizes a desktop picks from (rendered from icons/pixpool.svg). */
final class AppIcons {

    static final int[] SIZES = {16, 32, 64, 128, 256};

    private AppIcons() {
    }

    static List<Image> load() {
        List<Image> icons = new ArrayList<>(SIZES.length);
        for (int size : SIZES) {
            String name = "/io/pixpool/icons/pixpool-" + size + ".png";
            try (InputStream in = AppIcons.class.getResourceAsStream(name)) {
                if (in == null) throw new IllegalStateException("icon missing from the jar: " + name);
                icons.add(new Image(in));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read icon " + name, e);
            }
        }
        return icons;
    }
}
