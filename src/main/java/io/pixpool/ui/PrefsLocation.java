package io.pixpool.ui;

import java.util.prefs.Preferences;

/**
 * Where the window keeps its settings: the user preferences node {@value #DEFAULT_NODE}, or the absolute node named
 * by the system property {@value #PROPERTY} (tests point it at a throw-away node).
 */
public final class PrefsLocation {

    public static final String PROPERTY = "pixpool.prefs.node";
    public static final String DEFAULT_NODE = "/io/pixpool/ui";

    private PrefsLocation() {
    }

    public static Preferences node() {
        String path = System.getProperty(PROPERTY, DEFAULT_NODE);
        return Preferences.userRoot().node(path.startsWith("/") ? path : "/" + path);
    }
}
