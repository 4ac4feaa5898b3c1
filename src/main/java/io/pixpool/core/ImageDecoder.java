package io.pixpool.core;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import io.pixpool.core.jpeg.FastJpeg;
import io.pixpool.core.jpeg.JpegDecoder;
import io.pixpool.core.jpeg.JpegException;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.event.IIOReadWarningListener;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

/**
 * An open source image: checks the file, finds a reader, reads the stored size from the header (without decoding
 * pixels) and refuses decompression bombs, then decodes on request, optionally subsampled. The one place that
 * talks to ImageIO readers.
 * <p>
 * Plain YCbCr/grey JPEGs (no ICC profile, or an sRGB one) go to the pure-Java {@link FastJpeg} when it can scale
 * them in the DCT domain, or when they are progressive (one output pass); full-size baseline ones go to the JDK's
 * own reader (libjpeg, faster there). CMYK/YCCK JPEGs and JPEGs with another ICC profile go to the JDK reader or
 * TwelveMonkeys, which convert them to sRGB. A reader that fails is followed by the
 * next one that claims the format, on a fresh stream (readers may discard what they have read). Truncated data is
 * an error, not a grey-filled picture.
 */
final class ImageDecoder implements Closeable {

    static {
        ImageIO.setUseCache(false);
        // the registry scanned the class path for plugins when it was created, with the creating thread's context
        // class loader: scan again (6 ms in a fresh worker, every plugin instantiated anew) only when that loader
        // did not see them
        if (IIORegistry.getDefaultInstance().getServiceProviderByClass(JPEGImageReaderSpi.class) == null) {
            ImageIO.scanForPlugins();
        }
    }

    private static final String JDK_JPEG = "com.sun.imageio.plugins.jpeg.";

    /**
     * A DCT-scaled JPEG decode keeps at least this many times the output size. Measured (mean PSNR against a
     * Lanczos3 resize of the full decode) on the benchmark corpus, where Pillow's full-decode LANCZOS gets 37.305
     * dB: headroom 1.0 gives 37.04, 1.25 37.18, 1.5 37.307, 1.75 37.318, 2.0 37.323 (at much more decoding
     * work); on the --big corpus (Pillow 36.10): 1.5 gives 36.05, 1.75 and 2.0 36.10. Measured again with the
     * DCT-domain 4x4 IDCT (see Idct): 1.5 gives 37.306 (--big 36.04), 1.6 37.317 (36.11), 1.75 37.320 (36.11);
     * 1.6 would save about 2% of a batch's time, too little for the thinner margin.
     */
    static final double DCT_HEADROOM = 1.75;

    private final Path path;
    private final long bytes;
    private final List<ImageReader> readers = new ArrayList<>();
    private ImageInputStream in;
    /** File ranges the readers do not see: the ICC_PROFILE segments of a JPEG whose profile is sRGB in effect. */
    private long[] hidden = {};
    /** The file's metadata blocks once read (a JPEG's with its header: the profile decides {@link #hidden}). */
    private SourceMetadata metadata;
    /** The reader whose input is {@link #in}; null while {@link #in} is unread. */
    private ImageReader bound;
    private String format;
    private int width;
    private int height;
    /** Where the last decode's pixels sit in the stored image. */
    private Resampler.Source source;

    private ImageDecoder(Path path, long bytes) {
        this.path = path;
        this.bytes = bytes;
    }

    /** Makes sure ImageIO is set up (plugins registered, no disk cache); cheap after the first call. */
    static void init() {
        // the static initialiser does the work
    }

    /**
     * Opens {@code file} and reads its header.
     *
     * @throws ImageException missing, unreadable, empty, not an image, corrupt header, or more than
     *                        {@code maxPixels} pixels
     */
    static ImageDecoder open(Path file, long maxPixels) throws ImageException {
        ImageDecoder d = new ImageDecoder(file, checkFile(file));
        boolean ok = false;
        try {
            d.readHeader();
            long pixels = (long) d.width * d.height;
            if (pixels > maxPixels) {
                throw new ImageException(String.format(Locale.ROOT, "image is %dx%d (%s MP), above the %s MP limit",
                        d.width, d.height, mp(pixels), mp(maxPixels)));
            }
            ok = true;
            return d;
        } catch (IOException e) {
            throw new ImageException("cannot read file: " + IoReasons.reason(e), e);
        } finally {
            if (!ok) d.closeAfterFailure();
        }
    }

    private static long checkFile(Path file) throws ImageException {
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new ImageException("file not found", e);
        } catch (IOException e) {
            throw new ImageException("cannot read file: " + IoReasons.reason(e), e);
        }
        if (a.isDirectory()) throw new ImageException("is a folder, not an image file");
        if (!a.isRegularFile()) throw new ImageException("not a regular file");
        if (a.size() == 0) throw new ImageException("empty file (0 bytes)");
        return a.size();
    }

    private void readHeader() throws IOException, ImageException {
        in = openStream();
        Iterator<ImageReader> it = ImageIO.getImageReaders(in);
        while (it.hasNext()) readers.add(it.next());
        if (readers.isEmpty()) throw new ImageException("not a recognised image format");
        format = formatOf(readers.get(0));
        if (format.equals("jpeg")) {
            hideSrgbProfile();
            preferJdkJpeg();
        }
        Exception first = null;
        for (Iterator<ImageReader> i = readers.iterator(); i.hasNext(); ) {
            ImageReader r = i.next();
            try {
                bind(r);
                width = r.getWidth(0);
                height = r.getHeight(0);
                return;
            } catch (IOException | RuntimeException e) {
                if (first == null) first = e;
                r.dispose();
                i.remove();
            }
        }
        throw new ImageException("corrupt or unsupported image (" + describe(first) + ")", first);
    }

    /**
     * A JPEG whose embedded profile is sRGB in effect (every photo Photoshop or Lightroom exports carries HP's sRGB
     * profile) is read as if it had none: its pixels need no conversion, and the readers would otherwise build a
     * colour transform for the profile (the JDK reader checks each new one by converting a colour: 2-3 ms a file)
     * and run every decoded line through it (12 ms of a 25 ms 1-megapixel decode). The pure-Java decoder makes the
     * same judgement on its own. Measured per file on 12 KDE photos with the HP profile (C1, in process): 1280x800
     * full-size decodes 28-30 ms -> 14-17 ms, the others 2-3 ms less: what the same files take without the profile.
     */
    private void hideSrgbProfile() throws IOException {
        List<long[]> segments = new ArrayList<>();
        metadata = JpegSegments.read(path, segments);
        byte[] profile = metadata.icc();
        if (profile == null || segments.isEmpty() || !IccProfiles.srgbInEffect(profile)) return;
        hidden = new long[2 * segments.size()];
        for (int i = 0; i < segments.size(); i++) {
            hidden[2 * i] = segments.get(i)[0];
            hidden[2 * i + 1] = segments.get(i)[1];
        }
        in.close();
        in = openStream();
        bound = null;
    }

    /** Puts the JDK reader first when it can do the job alone: sRGB or grey, no CMYK/YCCK, no other profile. */
    private void preferJdkJpeg() throws IOException {
        ImageReader jdk = null;
        for (ImageReader r : readers) {
            if (r.getClass().getName().startsWith(JDK_JPEG)) jdk = r;
        }
        if (jdk == null) return;
        readers.remove(jdk);
        boolean plain = false;
        try {
            bind(jdk);
            Iterator<ImageTypeSpecifier> types = jdk.getImageTypes(0);
            if (jdk.getRawImageType(0) != null && types.hasNext()) {
                ColorSpace cs = types.next().getColorModel().getColorSpace();
                plain = cs.isCS_sRGB() || cs.getType() == ColorSpace.TYPE_GRAY;
            }
        } catch (IOException | RuntimeException headerTrouble) {
            // the JDK reader cannot make sense of the header: leave the file to the other readers
            plain = false;
        }
        if (plain) readers.add(0, jdk);
        else readers.add(jdk);
    }

    /** Gives {@code r} the stream, from the start; a fresh stream when another reader has used the current one. */
    private void bind(ImageReader r) throws IOException {
        if (bound == r) return;
        if (bound != null) {
            in.close();
            in = openStream();
        }
        in.seek(0);
        r.setInput(in, true, false);
        bound = r;
    }

    private ImageInputStream openStream() throws IOException {
        // newByteChannel reports a precise reason (permission denied, ...) that RandomAccessFile would not
        Files.newByteChannel(path).close();
        RandomAccessFile raf = new RandomAccessFile(path.toFile(), "r");
        try {
            if (hidden.length > 0) return new HiddenSegmentsStream(raf, hidden);
            ImageInputStream s = ImageIO.createImageInputStream(raf);
            return s != null ? s : new FileImageInputStream(raf);
        } catch (IOException | RuntimeException e) {
            raf.close();
            throw e;
        }
    }

    /** The file being decoded. */
    Path path() {
        return path;
    }

    /** The format as ImageIO's readers name it, normalised: jpeg, png, gif, bmp, tiff, webp, ... */
    String format() {
        return format;
    }

    /** The file's metadata blocks (EXIF, XMP, IPTC, ICC; see {@link SourceMetadata#read}), read once. */
    SourceMetadata metadata() throws IOException {
        if (metadata == null) metadata = SourceMetadata.read(path, format);
        return metadata;
    }

    /** Stored width (before orientation). */
    int width() {
        return width;
    }

    /** Stored height (before orientation). */
    int height() {
        return height;
    }

    /**
     * The geometry of the last {@link #decode}: the stored size and how the decoded pixels sample it (every
     * step-th pixel, or n samples per 8 pixels from a DCT-scaled decode); null before the first decode.
     */
    Resampler.Source source() {
        return source;
    }

    long bytes() {
        return bytes;
    }

    /**
     * Decodes the first image (first frame, first page), keeping every {@code step}-th pixel in each direction,
     * as an INT_RGB/ARGB image.
     */
    BufferedImage decode(int step) throws ImageException {
        return Pixels.toIntRgb(decode(step, 0, 0));
    }

    /**
     * Like {@link #decode(int)}, for an image that will be resized to {@code needW x needH} (stored orientation;
     * 0 when unknown): a JPEG this package's decoder takes is scaled in the DCT domain as far as it still keeps
     * {@link #DCT_HEADROOM} times that size (its band-limited samples need less headroom than every step-th pixel).
     * The result is INT_RGB/ARGB, or, from the JDK JPEG reader, its 8-bit R, G, B interleaved image as it is (the
     * resize reads those bytes directly, saving a copy of the whole decode; {@link Pixels#toIntRgb} converts it).
     */
    BufferedImage decode(int step, int needW, int needH) throws ImageException {
        source = new Resampler.Source(width, height, step);
        if (format.equals("jpeg") && isJdkJpeg(readers.get(0))) {
            // JPEGs the JDK reader would decode: the pure-Java decoder scales them in the DCT domain (band-
            // limited samples, not every step-th pixel), and it is 2-10x faster on progressive ones
            try {
                int eighths = jpegEighths(step, needW, needH);
                BufferedImage img = FastJpeg.decodeEighths(path, eighths);
                if (img != null) {
                    source = Resampler.Source.dct(width, height, eighths);
                    return img;
                }
            } catch (JpegException e) {
                // damaged data: the JDK reader decides, as it always did (libjpeg carries on past a bad code, and
                // reports a truncated file, which is then an error here too)
                source = new Resampler.Source(width, height, step);
            } catch (IOException e) {
                throw new ImageException("cannot read file: " + IoReasons.reason(e), e);
            }
        }
        Exception first = null;
        for (ImageReader r : readers) {
            Warnings warnings = new Warnings();
            try {
                bind(r);
                r.addIIOReadWarningListener(warnings);
                ImageReadParam p = r.getDefaultReadParam();
                if (step > 1) p.setSourceSubsampling(step, step, 0, 0);
                if (isJdkJpeg(r)) rgbDestination(r, p, step);
                BufferedImage img = r.read(0, p);
                if (warnings.truncated != null) {
                    throw new ImageException("truncated or corrupt image data (" + warnings.truncated + ")");
                }
                return Pixels.isRgbBytes(img) ? img : Pixels.toIntRgb(img);
            } catch (IOException | RuntimeException e) {
                if (warnings.truncated != null) {
                    throw new ImageException("truncated or corrupt image data (" + warnings.truncated + ")", e);
                }
                if (first == null) first = e;
            } finally {
                r.removeIIOReadWarningListener(warnings);
            }
        }
        throw new ImageException("truncated or corrupt image data (" + describe(first) + ")", first);
    }

    /**
     * The decode {@link #decode(int, int, int)} would make, already resized to {@code w x h} with Lanczos3, when this
     * is a JPEG the pure-Java decoder takes: its rows go into the resize as they are decoded ({@link
     * Resampler.Streaming}), never into a full-size image. Null otherwise, or when its data is damaged (then
     * decode and resize as usual: the JDK reader decides about damaged data).
     */
    BufferedImage decodeResized(int step, int needW, int needH, int w, int h) throws ImageException {
        if (!format.equals("jpeg") || !isJdkJpeg(readers.get(0))) return null;
        int eighths = jpegEighths(step, needW, needH);
        Resampler.Source geometry = Resampler.Source.dct(width, height, eighths);
        Resampler.Streaming resize = Resampler.streaming(JpegDecoder.eighths(width, eighths),
                JpegDecoder.eighths(height, eighths), w, h, Resampler.Kernel.LANCZOS3, geometry);
        if (resize == null) return null;
        try {
            if (!FastJpeg.decodeEighths(path, eighths, resize)) return null;
        } catch (JpegException e) {
            return null;
        } catch (IOException e) {
            throw new ImageException("cannot read file: " + IoReasons.reason(e), e);
        }
        source = geometry;
        return resize.finish();
    }

    /**
     * The power-of-two DCT scale (1, 2, 4, 8) for a JPEG of this size: from the needed size when known, else the
     * largest not above {@code step}. Used where colours are converted from an ICC profile (MetaStep), whose raw
     * decode keeps to the powers of two; {@link #jpegEighths} is what {@link #decode(int, int, int)} uses.
     */
    int jpegScale(int step, int needW, int needH) {
        return needW > 0 && needH > 0 ? dctScale(width, height, needW, needH) : FastJpeg.scaleFor(step);
    }

    static int dctScale(int w, int h, int needW, int needH) {
        int s = 1;
        while (s < 8 && w >= DCT_HEADROOM * needW * 2 * s && h >= DCT_HEADROOM * needH * 2 * s) s *= 2;
        return s;
    }

    /**
     * The size, in eighths (1..8), a JPEG of this size is decoded at by the pure-Java decoder for {@link
     * #decode(int, int, int)}: from the needed size when known ({@link #dctEighths}), else the power-of-two scale
     * not above {@code step}.
     */
    int jpegEighths(int step, int needW, int needH) {
        return needW > 0 && needH > 0 ? dctEighths(width, height, needW, needH) : 8 / FastJpeg.scaleFor(step);
    }

    /**
     * The decode sizes, in eighths, the pure-Java decoder is used at below the full size. 3/8 between 1/4 and 1/2:
     * a 2560-pixel photo fitted into 500 pixels decodes at 960 instead of 1280 pixels, 44% fewer to convert and
     * resize (measured on the benchmark corpus: batch 2.64 -> 2.46 s, mean PSNR 37.317 dB against 37.320, Pillow's
     * 37.305; --big unchanged). 5/8, 6/8 and 7/8 are not used: they would take full-size-class decodes away from
     * libjpeg, which is faster there.
     */
    private static final int[] EIGHTHS = {1, 2, 3, 4};

    /**
     * The smallest of 1/8, 2/8, 3/8, 4/8 whose decode keeps {@link #DCT_HEADROOM} times the needed size, else 8/8.
     */
    static int dctEighths(int w, int h, int needW, int needH) {
        for (int n : EIGHTHS) {
            if ((long) w * n >= DCT_HEADROOM * needW * 8 && (long) h * n >= DCT_HEADROOM * needH * 8) return n;
        }
        return 8;
    }

    private static boolean isJdkJpeg(ImageReader r) {
        return r.getClass().getName().startsWith(JDK_JPEG);
    }

    /**
     * Hands the JDK JPEG reader a destination whose bytes are in R, G, B order, the order libjpeg delivers them:
     * the reader then copies each decoded line with one arraycopy instead of reordering it pixel by pixel into its
     * default BGR image (a third of the decoding time for a full-size read).
     */
    private static void rgbDestination(ImageReader r, ImageReadParam p, int step) throws IOException {
        Iterator<ImageTypeSpecifier> types = r.getImageTypes(0);
        if (!types.hasNext() || types.next().getNumBands() != 3) return;
        int w = (r.getWidth(0) + step - 1) / step;
        int h = (r.getHeight(0) + step - 1) / step;
        ColorModel cm = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB), false, false,
                Transparency.OPAQUE, DataBuffer.TYPE_BYTE);
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, w, h, w * 3, 3,
                new int[] {0, 1, 2}, null);
        p.setDestination(new BufferedImage(cm, raster, false, null));
    }

    @Override
    public void close() throws IOException {
        readers.forEach(ImageReader::dispose);
        if (in != null) in.close();
    }

    private void closeAfterFailure() throws ImageException {
        try {
            close();
        } catch (IOException e) {
            throw new ImageException("cannot close file: " + IoReasons.reason(e), e);
        }
    }

    private static String formatOf(ImageReader r) throws IOException {
        String n = r.getFormatName().toLowerCase(Locale.ROOT);
        switch (n) {
            case "jpg": case "jpeg": case "jpeg-lossless": return "jpeg";
            case "tif": case "tiff": return "tiff";
            default: return n;
        }
    }

    /** A short reason for a decoder exception: its message, or the innermost cause's. */
    private static String describe(Throwable e) {
        if (e == null) return "no reader could decode it";
        String msg = null;
        int depth = 0;
        for (Throwable t = e; t != null && depth < 10; t = t.getCause(), depth++) {
            if (t instanceof EOFException) return "unexpected end of file";
            if (t.getMessage() != null && !t.getMessage().isBlank()) msg = t.getMessage();
        }
        return msg != null ? msg : e.getClass().getSimpleName();
    }

    private static String mp(long pixels) {
        double mp = pixels / 1e6;
        return mp >= 10 ? Long.toString(Math.round(mp)) : String.format(Locale.ROOT, "%.1f", mp);
    }

    /** Remembers warnings that mean the pixels are incomplete (libjpeg only warns on a truncated file). */
    private static final class Warnings implements IIOReadWarningListener {
        String truncated;

        @Override
        public void warningOccurred(ImageReader source, String warning) {
            String w = warning == null ? "" : warning.toLowerCase(Locale.ROOT);
            if (truncated == null && (w.contains("premature end") || w.contains("truncated"))) truncated = warning;
        }
    }
}
