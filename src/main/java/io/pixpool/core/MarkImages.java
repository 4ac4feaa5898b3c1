package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Watermark images, decoded once per process (each worker has its own cache) and kept while the file is unchanged:
 * the cache key is the path with its modification time and size, so an edited logo is read again.
 */
public final class MarkImages {

    /** Logos are small; anything larger is almost certainly the wrong file. */
    static final long MAX_PIXELS = 40_000_000L;
    private static final int CACHED = 4;

    private record Key(String path, long modified, long size) {
    }

    private static final Map<Key, BufferedImage> CACHE = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, BufferedImage> eldest) {
            return size() > CACHED;
        }
    };

    private MarkImages() {
    }

    /**
     * Checks that {@code file} is a readable image (its header only, no decoding); the message says what is wrong,
     * e.g. "watermark image /x/logo.png: file not found".
     */
    public static void check(String file) throws ImageException {
        Path p = path(file);
        try (ImageDecoder d = ImageDecoder.open(p, MAX_PIXELS)) {
            d.format();
        } catch (ImageException e) {
            throw failure(file, e);
        } catch (IOException e) {
            throw new ImageException(prefix(file) + "cannot read file: " + IoReasons.reason(e), e);
        }
    }

    /** The decoded watermark (INT_ARGB or INT_RGB), from the cache while the file is unchanged. Do not modify it. */
    static BufferedImage load(String file) throws ImageException {
        Path p = path(file);
        Key key;
        try {
            BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
            key = new Key(p.toAbsolutePath().normalize().toString(), a.lastModifiedTime().toMillis(), a.size());
        } catch (NoSuchFileException e) {
            throw new ImageException(prefix(file) + "file not found", e);
        } catch (IOException e) {
            throw new ImageException(prefix(file) + "cannot read file: " + IoReasons.reason(e), e);
        }
        synchronized (CACHE) {
            BufferedImage hit = CACHE.get(key);
            if (hit != null) return hit;
        }
        BufferedImage img;
        try (ImageDecoder d = ImageDecoder.open(p, MAX_PIXELS)) {
            img = Pixels.toIntRgb(d.decode(1));
        } catch (ImageException e) {
            throw failure(file, e);
        } catch (IOException e) {
            throw new ImageException(prefix(file) + "cannot read file: " + IoReasons.reason(e), e);
        }
        synchronized (CACHE) {
            CACHE.put(key, img);
        }
        return img;
    }

    private static Path path(String file) throws ImageException {
        try {
            return Path.of(file);
        } catch (InvalidPathException e) {
            throw new ImageException(prefix(file) + "not a valid path (" + e.getReason() + ")", e);
        }
    }

    private static ImageException failure(String file, ImageException e) {
        return new ImageException(prefix(file) + e.getMessage(), e);
    }

    private static String prefix(String file) {
        return "watermark image " + file + ": ";
    }
}
