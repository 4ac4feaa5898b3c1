package io.pixpool.core;

import java.util.Locale;

/** Output file format. {@link #SAME} keeps the source's format (falling back to PNG for formats we only read). */
public enum OutputFormat {
    SAME("same", null),
    JPG("jpg", "jpeg"),
    PNG("png", "png"),
    BMP("bmp", "bmp"),
    GIF("gif", "gif"),
    TIFF("tiff", "tiff"),
    /** Lossy at the spec's quality or lossless ({@link OutputOptions#webpLossless()}), with alpha; libwebp via JNI. */
    WEBP("webp", "webp");

    private final String id;
    private final String imageIoName;

    OutputFormat(String id, String imageIoName) {
        this.id = id;
        this.imageIoName = imageIoName;
    }

    public String id() { return id; }

    /** The ImageIO writer format name; null for {@link #SAME}. */
    public String imageIoName() { return imageIoName; }

    /** The file extension written, without the dot. */
    public String extension() { return id; }

    public boolean supportsAlpha() {
        return this == PNG || this == GIF || this == TIFF || this == WEBP;
    }

    public static OutputFormat fromId(String id) {
        String k = id.trim().toLowerCase(Locale.ROOT);
        switch (k) {
            case "jpeg": return JPG;
            case "tif": return TIFF;
            default: break;
        }
        for (OutputFormat f : values()) {
            if (f.id.equals(k)) return f;
        }
        throw new IllegalArgumentException("unknown format '" + id + "' (known: same, jpg, png, bmp, gif, tiff, webp)");
    }

    /**
     * The format {@link #SAME} resolves to for a source file name: its own format where we can write it,
     * otherwise PNG. WebP sources also become PNG: writing WebP needs a native library, so it is chosen explicitly.
     */
    public static OutputFormat forSourceName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        String ext = dot < 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        switch (ext) {
            case "jpg": case "jpeg": case "jpe": case "jfif": return JPG;
            case "bmp": case "dib": return BMP;
            case "gif": return GIF;
            case "tif": case "tiff": return TIFF;
            default: return PNG;
        }
    }
}
