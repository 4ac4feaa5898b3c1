package io.pixpool.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Checks after each test that every source file it watched is byte-for-byte unchanged (same SHA-256, size and
 * modification time). Register with {@code @RegisterExtension}, then {@link #watch} the input folders once they are
 * written. Only regular files are hashed (no symlinks followed, FIFOs left alone); new files next to the sources
 * (outputs written into the input folder) are allowed, changed or missing sources are not.
 */
final class SourcesUnchanged implements AfterEachCallback {

    private record Print(String sha256, long size, long mtimeNanos) {
    }

    private final Map<Path, Print> prints = new HashMap<>();

    /** Records the current state of every regular file below {@code root} (or {@code root} itself). */
    SourcesUnchanged watch(Path root) throws IOException {
        for (Path f : regularFiles(root)) prints.put(f, print(f));
        return this;
    }

    int watched() {
        return prints.size();
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            List<String> changed = new ArrayList<>();
            for (Map.Entry<Path, Print> e : prints.entrySet()) {
                if (!Files.isRegularFile(e.getKey(), LinkOption.NOFOLLOW_LINKS)) {
                    changed.add("missing: " + e.getKey());
                } else if (!print(e.getKey()).equals(e.getValue())) {
                    changed.add("changed: " + e.getKey());
                }
            }
            assertThat(changed).as("sources changed by the test (%d watched)", prints.size()).isEmpty();
        } finally {
            prints.clear();
        }
    }

    private static List<Path> regularFiles(Path root) throws IOException {
        List<Path> files = new ArrayList<>();
        Files.walkFileTree(root, EnumSet.noneOf(FileVisitOption.class), Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) files.add(file);
                return FileVisitResult.CONTINUE;
            }
        });
        return files;
    }

    private static Print print(Path f) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buf = new byte[1 << 16];
            for (int n = in.read(buf); n > 0; n = in.read(buf)) md.update(buf, 0, n);
        }
        BasicFileAttributes a = Files.readAttributes(f, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        java.time.Instant m = a.lastModifiedTime().toInstant();
        return new Print(HexFormat.of().formatHex(md.digest()), a.size(), m.getEpochSecond() * 1_000_000_000L + m.getNano());
    }
}
