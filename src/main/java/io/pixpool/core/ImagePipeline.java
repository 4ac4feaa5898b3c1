package io.pixpool.core;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The image pipeline: decode, orient, resize, filter, encode to a temporary file in the output folder.
 * <p>
 * Order of work: the header is read first (size, decompression-bomb guard), then the EXIF orientation, then the
 * output size and name are known, so a SKIP conflict costs no decoding. JPEG pixels are decoded subsampled when
 * the output is much smaller (other formats only when huge), scaled ({@link Resizer}) while still stored sideways,
 * turned upright (cheaper on the small image; the result is the same as turning first), cropped for FILL,
 * converted to sRGB when the source has another ICC profile ({@link MetaStep}), filtered in recipe order
 * ({@link Filters}), and encoded ({@link ImageEncoder}) after the source is closed, with the source's corrected
 * metadata when the recipe keeps it.
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

    static {
        ImageDecoder.init();
        WebpEncoder.keepTwelveMonkeysReader();
    }

    /**
     * Runs the job and leaves complete temp files named with {@code tempPrefix} in the job's output folder: the main
     * output and one per {@link OutputOptions#variants() variant}, all from one decode (at the step the largest
     * output needs), each scaled from the decoded pixels, encoded and written in turn. On failure none is left.
     */
    public EncodedImage process(ImageJob job, String tempPrefix) throws ImageException {
        Recipe r = job.recipe();
        OutputSpec out = r.output();
        String sourceName = job.source().getFileName() == null ? "" : job.source().getFileName().toString();
        OutputFormat fmt = out.format() == OutputFormat.SAME ? OutputFormat.forSourceName(sourceName) : out.format();
        List<Output> outputs = new ArrayList<>();
        long sourceBytes;
        BufferedImage decoded = null;
        Resampler.Source geometry = null;
        MetaStep meta;
        try (ImageDecoder dec = ImageDecoder.open(job.source(), r.maxPixels())) {
            sourceBytes = dec.bytes();
            Orientation orientation = Orientation.read(dec);
            int step = Integer.MAX_VALUE;
            Plan biggest = null;
            List<OutputVariant> variants = Outputs.of(r);
            for (int i = 0; i < variants.size(); i++) {
                OutputVariant v = variants.get(i);
                Recipe rv = Outputs.recipe(r, v, i == 0);
                Plan plan = plan(dec, orientation, rv);
                TargetSize fin = rv.decoration().around(plan.target().turned(Filters.quarterTurn(r.filters())));
                String name = NamePattern.render(v.namePattern(), sourceName, fin.width(), fin.height(),
                        job.counter(), fmt.extension());
                boolean exists = out.onConflict() == ConflictPolicy.SKIP
                        && Files.exists(job.outputDir().resolve(name), LinkOption.NOFOLLOW_LINKS);
                outputs.add(new Output(rv, plan, fin, name, exists));
                if (!exists) {
                    step = Math.min(step, plan.step());
                    if (biggest == null || plan.pixels() > biggest.pixels()) biggest = plan;
                }
            }
            Outputs.checkDistinct(outputs.stream().map(Output::name).toList());
            meta = MetaStep.open(dec, r.metadata(), fmt);
            if (step != Integer.MAX_VALUE) {
                if (rendered(outputs) == 1 && Resizer.lanczos(r.quality())) {
                    // one picture to make: decode straight into its resize (no full-size decoded image)
                    decoded = meta.decodeResized(dec, step, need(biggest, r), biggest.storedWidth(),
                            biggest.storedHeight());
                }
                if (decoded == null) decoded = meta.decode(dec, step, need(biggest, r), biggest.pixels());
                geometry = meta.source(dec);
            }
        } catch (IOException e) {
            throw new ImageException("cannot read file: " + IoReasons.reason(e), e);
        }
        List<EncodedImage> results = new ArrayList<>(outputs.size());
        int lastRendered = -1;
        for (int i = 0; i < outputs.size(); i++) if (!outputs.get(i).exists()) lastRendered = i;
        try {
            for (int i = 0; i < outputs.size(); i++) {
                Output o = outputs.get(i);
                Plan p = o.plan();
                if (o.exists()) {
                    results.add(new EncodedImage(null, o.name(), p.uprightWidth(), p.uprightHeight(),
                            o.size().width(), o.size().height(), sourceBytes, 0));
                    continue;
                }
                BufferedImage img = render(decoded, geometry, p, o.recipe(), meta);
                if (i == lastRendered) decoded = null; // the last encode gets the decoded pixels' memory back
                SizedWrite.Written w = SizedWrite.write(img, fmt, out, sourceBytes,
                        meta.extraBytes(img.getWidth(), img.getHeight()),
                        spec -> write(img, fmt, spec, job.outputDir(), tempPrefix, meta));
                results.add(new EncodedImage(w.tempFile(), o.name(), p.uprightWidth(), p.uprightHeight(),
                        img.getWidth(), img.getHeight(), sourceBytes, w.bytes(), w.quality(), w.note(), List.of()));
            }
        } catch (ImageException | RuntimeException | Error e) {
            for (EncodedImage done : results) deleteAfterFailure(done.tempFile(), e);
            throw e;
        }
        return results.get(0).withVariants(results.subList(1, results.size()));
    }

    /** How many of the outputs are to be made (not skipped as existing). */
    private static int rendered(List<Output> outputs) {
        int n = 0;
        for (Output o : outputs) if (!o.exists()) n++;
        return n;
    }

    /** One output of a job: its recipe, plan (sizes), final size, file name, and whether SKIP found it existing. */
    private record Output(Recipe recipe, Plan plan, TargetSize size, String name, boolean exists) {
    }

    /** Decodes and transforms the source without writing anything (also used for the window's preview). */
    public BufferedImage render(Path source, Recipe recipe) throws ImageException {
        try (ImageDecoder dec = ImageDecoder.open(source, recipe.maxPixels())) {
            Plan p = plan(dec, Orientation.read(dec), recipe);
            MetaStep meta = MetaStep.open(dec, recipe.metadata(), null);
            BufferedImage decoded = meta.decode(dec, p.step(), need(p, recipe), p.pixels());
            return render(decoded, meta.source(dec), p, recipe, meta);
        } catch (IOException e) {
            throw new ImageException("cannot read file: " + IoReasons.reason(e), e);
        }
    }

    /**
     * The size the decode will be resized to, in the stored orientation ({width, height}); {0, 0} for ULTRA, which
     * keeps the wider headroom of {@link ImageDecoder#decode(int)} in DCT-scaled JPEG decodes (2x instead of 1.75x).
     */
    private static int[] need(Plan p, Recipe r) {
        if (r.quality() == ScaleQuality.ULTRA) return new int[] {0, 0};
        return new int[] {p.storedWidth(), p.storedHeight()};
    }

    /** What the header says we will do: upright size, target size, decode step. */
    private record Plan(Orientation orientation, int uprightWidth, int uprightHeight, TargetSize target, int step) {

        /** The scaled size in the stored (not yet upright) orientation: what the decoded pixels are resized to. */
        int storedWidth() {
            return orientation.swapsSides() ? target.scaledHeight() : target.scaledWidth();
        }

        int storedHeight() {
            return orientation.swapsSides() ? target.scaledWidth() : target.scaledHeight();
        }

        /** Pixels of the output before decoration. */
        long pixels() {
            return (long) target.width() * target.height();
        }
    }

    /** The plan for one output of a source whose EXIF orientation (read once per source) is {@code o}. */
    private static Plan plan(ImageDecoder dec, Orientation o, Recipe r) throws ImageException {
        boolean swap = o.swapsSides();
        int uw = swap ? dec.height() : dec.width();
        int uh = swap ? dec.width() : dec.height();
        TargetSize t = TargetSize.of(r.resize(), uw, uh);
        long scaledPixels = (long) t.scaledWidth() * t.scaledHeight();
        if (scaledPixels > r.maxPixels() || scaledPixels > Integer.MAX_VALUE - 64) {
            throw new ImageException(String.format(Locale.ROOT, "output would be %dx%d, above the %d pixel limit",
                    t.scaledWidth(), t.scaledHeight(), r.maxPixels()));
        }
        Plan full = new Plan(o, uw, uh, t, 1);
        int step;
        if (dec.format().equals("jpeg")) {
            step = subsampling(dec.width(), dec.height(), full.storedWidth(), full.storedHeight(), DECODE_HEADROOM);
        } else if ((long) dec.width() * dec.height() > FULL_DECODE_PIXELS) {
            step = subsampling(dec.width(), dec.height(), full.storedWidth(), full.storedHeight(), LOSSLESS_HEADROOM);
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

    /**
     * Scales the decoded pixels ({@code source}: how they sample the stored image, or null) to the plan's size, turns
     * them upright, crops, converts colours, filters and decorates them.
     */
    private static BufferedImage render(BufferedImage decoded, Resampler.Source source, Plan p, Recipe r,
                                        MetaStep meta) throws ImageException {
        BufferedImage img = Resizer.scale(decoded, p.storedWidth(), p.storedHeight(), r.quality(), source);
        img = p.orientation().apply(img);
        img = Resizer.cropCentre(img, p.target().width(), p.target().height());
        img = meta.toOutputColours(img);
        return Decorator.apply(Filters.apply(img, r.filters()), r, meta.keptProfile());
    }

    /** Encodes into a new temp file in {@code dir}; on failure nothing is left behind. */
    private static Path write(BufferedImage img, OutputFormat fmt, OutputSpec spec, Path dir, String prefix,
                              MetaStep meta) throws ImageException {
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
            encodeInto(tmp, img, fmt, spec, meta);
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
    private static void encodeInto(Path tmp, BufferedImage img, OutputFormat fmt, OutputSpec spec, MetaStep meta)
            throws IOException {
        try (OutputStream os = meta.wrap(Files.newOutputStream(tmp, StandardOpenOption.WRITE), img.getWidth(),
                img.getHeight())) {
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
