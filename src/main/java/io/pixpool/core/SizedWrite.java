package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes one output so that it meets the spec's {@link SizeTarget}. With a KB limit, a lossy output (JPEG, lossy
 * WebP) is first encoded in memory at the spec's quality; when that is too big, the quality is binary-searched
 * (in memory) for the highest one whose file fits, and only that one is written. When even quality 1 does not fit,
 * quality 1 (the smallest) is written with a note. With skip-if-larger, an output larger than its source is removed
 * again and reported as not written.
 */
final class SizedWrite {

    /** Writes the image with a spec into a new temp file (the pipeline's normal write). */
    @FunctionalInterface
    interface TempWriter {
        Path write(OutputSpec spec) throws ImageException;
    }

    /** The temp file (null when not written), its size, the quality used (0: not lossy) and a note. */
    record Written(Path tempFile, long bytes, int quality, String note) {
    }

    private SizedWrite() {
    }

    /**
     * @param reserved bytes the writer adds around the encoded image (kept metadata), taken off a size target's
     *                 budget for the encoder
     */
    static Written write(BufferedImage img, OutputFormat fmt, OutputSpec spec, long sourceBytes, long reserved,
                         TempWriter writer) throws ImageException {
        SizeTarget target = spec.options().sizeTarget();
        boolean lossy = isLossy(fmt, spec);
        OutputSpec chosen = spec;
        // when the kept metadata alone is over the limit no quality can help: keep the asked quality, say why
        boolean metadataTooBig = lossy && target.hasLimit() && reserved >= target.maxBytes();
        if (lossy && target.hasLimit() && !metadataTooBig) {
            chosen = spec.withQuality(highestFitting(img, fmt, spec, target.maxBytes() - reserved));
        }
        Path tmp = writer.write(chosen);
        long bytes;
        try {
            bytes = Files.size(tmp);
            if (target.skipIfLarger() && bytes > sourceBytes) {
                Files.delete(tmp);
                return new Written(null, 0, 0, EncodedImage.LARGER);
            }
        } catch (IOException e) {
            deleteQuietly(tmp, e);
            throw new ImageException("cannot write output: " + IoReasons.reason(e), e);
        }
        String note = !(lossy && target.hasLimit() && bytes > target.maxBytes()) ? ""
                : metadataTooBig ? String.format(Locale.ROOT, "could not reach %d KB: the kept metadata alone is %d KB"
                        + " (strip it to reach the size)", target.maxKilobytes(), (reserved + 1023) / 1024)
                : String.format(Locale.ROOT, "could not reach %d KB (quality %d gives %d KB)", target.maxKilobytes(),
                        chosen.jpegQuality(), (bytes + 1023) / 1024);
        return new Written(tmp, bytes, lossy ? chosen.jpegQuality() : 0, note);
    }

    static boolean isLossy(OutputFormat fmt, OutputSpec spec) {
        return fmt == OutputFormat.JPG || (fmt == OutputFormat.WEBP && !spec.options().webpLossless());
    }

    /** The highest quality up to the spec's whose encoding is at most {@code maxBytes}; 1 when none is. */
    static int highestFitting(BufferedImage img, OutputFormat fmt, OutputSpec spec, long maxBytes)
            throws ImageException {
        int top = spec.jpegQuality();
        if (encodedSize(img, fmt, spec, top) <= maxBytes) return top;
        int lo = 1;
        int hi = top - 1;
        int best = 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (encodedSize(img, fmt, spec, mid) <= maxBytes) {
                best = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return best;
    }

    private static long encodedSize(BufferedImage img, OutputFormat fmt, OutputSpec spec, int quality)
            throws ImageException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(1 << 16);
        try {
            ImageEncoder.write(img, fmt, spec.withQuality(quality), buf);
        } catch (IOException e) {
            throw new ImageException("cannot encode " + fmt.id() + ": " + IoReasons.reason(e), e);
        } catch (RuntimeException e) {
            throw new ImageException("cannot encode " + fmt.id() + ": " + e.getMessage(), e);
        }
        return buf.size();
    }

    private static void deleteQuietly(Path tmp, Throwable failure) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
