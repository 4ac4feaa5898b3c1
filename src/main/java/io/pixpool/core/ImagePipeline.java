package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The image pipeline: decode, orient, resize, filter, encode to a temporary file in the output folder.
 * <p>
 * Order of work: the header is read first (size, decompression-bomb guard), then the EXIF orientation, then the
 * output size and name are known, so a SKIP conflict costs no decoding. JPEG pixels are decoded subsampled when
 * the output is much smaller (other formats only when huge), scaled ({@link Resizer}) while still stored sideways,
 * turned upright (cheaper on the small image; the result is the same as turning first), cropped for FILL,
 * filtered in recipe order ({@link Filters}), and encoded ({@link ImageEncoder}) after the source is closed.
 * Sizes in the recipe always refer to the upright image.
 * <p>
 * Stateless and thread-safe. Errors are {@link ImageException}s with a short user-facing message; errors of the
 * JVM itself (OutOfMemoryError) are left to the worker process.
 */
public final class ImagePipeline {

    /** Subsampled decoding keeps at least this many times the scaled size, so the final resize still has detail. */
    static final int DECODE_HEADROOM = 2;

    /**
     * Non-JPEG sources (often graphics and screenshots, where skipping pixels shows as aliasing) are decoded in
     * full unless they are larger than this; then they are subsampled with a wider headroom to bound memory.
     */
    static final long FULL_DECODE_PIXELS = 24_000_000L;
    static final int LOSSLESS_HEADROOM = 4;

    /** Runs the job and leaves a complete temp file named with {@code tempPrefix} in the job's output folder. */
    public EncodedImage process(ImageJob job, String tempPrefix) throws ImageException {
        Recipe r = job.recipe();
        OutputSpec out = r.output();
        String sourceName = job.source().getFileName() == null ? "" : job.source().getFileName().toString();
        OutputFormat fmt = out.format() == OutputFormat.SAME ? OutputFormat.forSourceName(sourceName) : out.format();
        Plan plan;
        String name;
        long sourceBytes;
        BufferedImage img;
        try (ImageDecoder dec = ImageDecoder.open(job.source(), r.maxPixels())) {
            plan = plan(dec, job.source(), r);
            sourceBytes = dec.bytes();
            TargetSize fin = plan.target().turned(Filters.quarterTurn(r.filters()));
            name = NamePattern.render(out.namePattern(), sourceName, fin.width(), fin.height(), job.counter(),
                    fmt.extension());
            if (out.onConflict() == ConflictPolicy.SKIP
                    && Files.exists(job.outputDir().resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                return new EncodedImage(null, name, plan.uprightWidth(), plan.uprightHeight(), fin.width(),
                        fin.height(), sourceBytes, 0);
            }
            img = render(dec, plan, r);
        } catch (IOException e) {
            throw new ImageException("cannot read file: " + IoReasons.reason(e), e);
        }
        Path tmp = write(img, fmt, out, job.outputDir(), tempPrefix);
        try {
            return new EncodedImage(tmp, name, plan.uprightWidth(), plan.uprightHeight(), img.getWidth(),
                    img.getHeight(), sourceBytes, Files.size(tmp));
        } catch (IOException e) {
            deleteAfterFailure(tmp, e);
            throw new ImageException("cannot write output: " + IoReasons.reason(e), e);
        }
    }

    /** Decodes and transforms the source without writing anything (also used for the window's preview). */
    public BufferedImage render(Path source, Recipe recipe) throws ImageException {
        try (ImageDecoder dec = ImageDecoder.open(source, recipe.maxPixels())) {
            return render(dec, plan(dec, source, recipe), recipe);
        } catch (IOException e) {
            throw new ImageException("cannot read file: " + IoReasons.reason(e), e);
        }
    }

    /** What the header says we will do: upright size, target size, decode step. */
    private record Plan(Orientation orientation, int uprightWidth, int uprightHeight, TargetSize target, int step) {
    }

    private static Plan plan(ImageDecoder dec, Path source, Recipe r) throws ImageException, IOException {
        Orientation o = Orientation.read(source, dec.format());
        boolean swap = o.swapsSides();
        int uw = swap ? dec.height() : dec.width();
        int uh = swap ? dec.width() : dec.height();
        TargetSize t = TargetSize.of(r.resize(), uw, uh);
        long scaledPixels = (long) t.scaledWidth() * t.scaledHeight();
        if (scaledPixels > r.maxPixels() || scaledPixels > Integer.MAX_VALUE - 64) {
            throw new ImageException(String.format(Locale.ROOT, "output would be %dx%d, above the %d pixel limit",
                    t.scaledWidth(), t.scaledHeight(), r.maxPixels()));
        }
        int needW = swap ? t.scaledHeight() : t.scaledWidth();
        int needH = swap ? t.scaledWidth() : t.scaledHeight();
        int step;
        if (dec.format().equals("jpeg")) {
            step = subsampling(dec.width(), dec.height(), needW, needH, DECODE_HEADROOM);
        } else if ((long) dec.width() * dec.height() > FULL_DECODE_PIXELS) {
            step = subsampling(dec.width(), dec.height(), needW, needH, LOSSLESS_HEADROOM);
        } else {
            step = 1;
        }
        return new Plan(o, uw, uh, t, step);
    }

    /**
     * The largest decode step that still leaves at least {@code headroom} times the needed size in both
     * directions; 1 (full decode) when the output is not much smaller than the source.
     */
    static int subsampling(int srcW, int srcH, int needW, int needH, int headroom) {
        long s = Math.min(srcW / ((long) headroom * needW), srcH / ((long) headroom * needH));
        return (int) Math.max(1, s);
    }

    private static BufferedImage render(ImageDecoder dec, Plan p, Recipe r) throws ImageException {
        boolean swap = p.orientation().swapsSides();
        int sw = swap ? p.target().scaledHeight() : p.target().scaledWidth();
        int sh = swap ? p.target().scaledWidth() : p.target().scaledHeight();
        // ULTRA keeps more headroom in DCT-scaled JPEG decodes (ImageDecoder.decode(int): 2x instead of 1.75x)
        BufferedImage img = r.quality() == ScaleQuality.ULTRA ? dec.decode(p.step()) : dec.decode(p.step(), sw, sh);
        img = Resizer.scale(img, sw, sh, r.quality(), dec.source());
        img = p.orientation().apply(img);
        img = Resizer.cropCentre(img, p.target().width(), p.target().height());
        return Filters.apply(img, r.filters());
    }

    /** Encodes into a new temp file in {@code dir}; on failure nothing is left behind. */
    private static Path write(BufferedImage img, OutputFormat fmt, OutputSpec spec, Path dir, String prefix)
            throws ImageException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new ImageException("cannot create output folder " + dir + ": " + IoReasons.reason(e), e);
        }
        Path tmp;
        try {
            tmp = createTemp(dir, prefix);
        } catch (IOException e) {
            throw new ImageException("cannot write in " + dir + ": " + IoReasons.reason(e), e);
        }
        try {
            encodeInto(tmp, img, fmt, spec);
        } catch (IOException e) {
            throw new ImageException("cannot write " + fmt.id() + " output in " + dir + ": " + IoReasons.writeReason(e), e);
        } catch (RuntimeException e) {
            throw new ImageException("cannot encode " + fmt.id() + ": " + e.getMessage(), e);
        }
        return tmp;
    }

    /** A new empty file {@code dir/prefix<random>.tmp}, created with the usual permissions (unlike createTempFile). */
    private static Path createTemp(Path dir, String prefix) throws IOException {
        for (int i = 0; ; i++) {
            Path p = dir.resolve(prefix + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                Files.newOutputStream(p, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return p;
            } catch (FileAlreadyExistsException taken) {
                if (i >= 100) throw taken;
            }
        }
    }

    /** Writes the encoded image into {@code tmp}; whatever goes wrong (even an Error), {@code tmp} is removed. */
    private static void encodeInto(Path tmp, BufferedImage img, OutputFormat fmt, OutputSpec spec) throws IOException {
        try (OutputStream os = Files.newOutputStream(tmp, StandardOpenOption.WRITE)) {
            ImageEncoder.write(img, fmt, spec, os);
        } catch (Throwable t) {
            deleteAfterFailure(tmp, t);
            throw t;
        }
    }

    private static void deleteAfterFailure(Path tmp, Throwable failure) {
        if (tmp == null) return;
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
