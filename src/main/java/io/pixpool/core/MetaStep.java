package io.pixpool.core;

import io.pixpool.core.jpeg.JpegDecoder;
import io.pixpool.core.jpeg.JpegException;
import io.pixpool.core.jpeg.UnsupportedJpegException;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The metadata and colour step of one job, following its {@link MetadataSpec}.
 * <p>
 * Colour: the embedded ICC profile is read from the file here (JPEG APP2 chain, PNG iCCP), not taken from a
 * decoder, because decoders differ in whether they apply it. For an RGB profile other than sRGB the pixels are
 * decoded <em>without</em> applying it (JPEG: the pure-Java {@code core.jpeg} decoder, when the profile is kept or
 * the output is much smaller; PNG: the JDK reader ignores iCCP), so after resizing they are converted to sRGB on
 * the small image, or left as they are when the profile is kept. Other JPEGs (about output-sized, or kinds
 * {@code core.jpeg} does not decode) go to the regular decoders, which apply the profile themselves: the pixels
 * are then sRGB and are not converted again (a kept profile is then not embedded). CMYK and grey profiles are always
 * applied by the decoders (TwelveMonkeys for CMYK/YCCK), giving sRGB.
 * <p>
 * Metadata: EXIF, XMP and IPTC of JPEG, PNG and WebP sources are corrected ({@link ExifRewriter},
 * {@link XmpEditor}, {@link IptcBlocks}) and written into JPEG (APP1/APP13) and PNG (eXIf, iTXt) outputs by
 * {@link MetadataWriter}. Other outputs (BMP, GIF, TIFF, ...) get neither metadata nor a profile; their pixels are
 * always sRGB.
 */
final class MetaStep {

    /** Largest EXIF block a JPEG APP1 segment can hold. */
    private static final int MAX_JPEG_EXIF = JpegSegments.MAX_PAYLOAD - JpegSegments.EXIF.length;
    private static final int MAX_JPEG_XMP = JpegSegments.MAX_PAYLOAD - JpegSegments.XMP.length;

    private final Path source;
    private final String format;
    private final MetadataSpec spec;
    /** The output format; null for the preview, which shows what a colour-managed viewer would. */
    private final OutputFormat target;
    private final SourceMetadata meta;
    /** An RGB profile other than sRGB, else null. */
    private final ICC_Profile profile;
    private boolean inProfileSpace;
    /** Geometry of the last decode when it was our own raw (unmanaged) JPEG decode, else null. */
    private Resampler.Source rawGeometry;

    private MetaStep(Path source, String format, MetadataSpec spec, OutputFormat target, SourceMetadata meta) {
        this.source = source;
        this.format = format;
        this.spec = spec;
        this.target = target;
        this.meta = meta;
        this.profile = IccProfiles.rgbNonSrgb(meta.icc());
    }

    /**
     * Reads the source's metadata blocks.
     *
     * @param format the decoder's name for the source format (jpeg, png, ...)
     * @param target the output format, or null when rendering a preview
     */
    static MetaStep open(Path source, String format, MetadataSpec spec, OutputFormat target) throws IOException {
        return new MetaStep(source, format, spec, target, SourceMetadata.read(source, format));
    }

    /** Like {@link #open(Path, String, MetadataSpec, OutputFormat)} for the file {@code dec} has open, with its blocks. */
    static MetaStep open(ImageDecoder dec, MetadataSpec spec, OutputFormat target) throws IOException {
        return new MetaStep(dec.path(), dec.format(), spec, target, dec.metadata());
    }

    /**
     * Decodes the source at {@code step}, leaving the pixels in the profile's colour space when the profile is kept
     * or when converting later, on the {@code outputPixels} of the output, saves at least half the conversion work.
     * Otherwise (output about the size of the source) the JPEG decoders' own conversion is as cheap, and libjpeg
     * decodes baseline files faster than {@code core.jpeg} (measured on 12 MP: about even at 1600 px, decoder
     * conversion faster at full size).
     */
    BufferedImage decode(ImageDecoder dec, int step, int[] need, long outputPixels) throws ImageException {
        rawGeometry = null;
        if (profile != null && format.equals("jpeg")) {
            int scale = dec.jpegScale(step, need[0], need[1]);
            long decoded = (long) JpegDecoder.scaled(dec.width(), scale) * JpegDecoder.scaled(dec.height(), scale);
            BufferedImage raw = embedsProfile() || outputPixels * 2 <= decoded ? rawJpeg(scale) : null;
            if (raw != null) {
                inProfileSpace = true;
                rawGeometry = Resampler.Source.blocks(dec.width(), dec.height(), scale);
                return raw;
            }
        }
        BufferedImage img = dec.decode(step, need[0], need[1]);
        inProfileSpace = profile != null && format.equals("png"); // the JDK PNG reader does not apply iCCP
        return img;
    }

    /**
     * The source decoded and resized to {@code w x h} in one pass ({@link ImageDecoder#decodeResized}), when its
     * colours need nothing from this step (no ICC profile to keep or convert from); null otherwise.
     */
    BufferedImage decodeResized(ImageDecoder dec, int step, int[] need, int w, int h) throws ImageException {
        if (profile != null) return null;
        BufferedImage img = dec.decodeResized(step, need[0], need[1], w, h);
        if (img != null) {
            rawGeometry = null;
            inProfileSpace = false;
        }
        return img;
    }

    /** How the pixels of the last {@link #decode} sample the stored image (see {@link Resampler.Source}). */
    Resampler.Source source(ImageDecoder dec) {
        return rawGeometry != null ? rawGeometry : dec.source();
    }

    /** The JPEG decoded at 1/{@code scale} without colour management; null for kinds {@code core.jpeg} leaves. */
    private BufferedImage rawJpeg(int scale) throws ImageException {
        try {
            return new JpegDecoder(Files.readAllBytes(source)).decode(scale);
        } catch (UnsupportedJpegException e) {
            return null;
        } catch (JpegException e) {
            throw new ImageException("truncated or corrupt image data (" + e.getMessage() + ")", e);
        } catch (IOException e) {
            throw new ImageException("cannot read file: " + IoReasons.reason(e), e);
        }
    }

    /** The pixels in the output's colour space: converted to sRGB unless the profile is kept. */
    BufferedImage toOutputColours(BufferedImage img) {
        if (profile == null || !inProfileSpace || embedsProfile()) return img;
        return ColourConverter.toSrgb(img, profile);
    }

    /** The profile the output's pixels are in when it is kept and embedded (not sRGB), else null. */
    ICC_Profile keptProfile() {
        return profile != null && inProfileSpace && embedsProfile() ? profile : null;
    }

    private boolean embedsProfile() {
        return spec.color() == ColorPolicy.KEEP_PROFILE && (target == OutputFormat.JPG || target == OutputFormat.PNG);
    }

    /** {@code out}, wrapped so that the kept metadata and profile go into the encoded {@code width x height} image. */
    OutputStream wrap(OutputStream out, int width, int height) {
        if (target == OutputFormat.JPG) return MetadataWriter.jpeg(out, extras(width, height));
        if (target == OutputFormat.PNG) return MetadataWriter.png(out, extras(width, height));
        if (target == OutputFormat.WEBP) return webp(out, width, height);
        return out;
    }

    /**
     * How many bytes {@link #wrap} adds to a {@code width x height} output (for size targets: the encoder's
     * budget is the target minus this). Call after {@link #decode}, which decides whether a profile goes in.
     */
    int extraBytes(int width, int height) {
        if (target == OutputFormat.WEBP) {
            int n = WebpMetadataWriter.chunks(keptExif(width, height), keptXmp()).length;
            return n == 0 ? 0 : n + WebpMetadataWriter.VP8X_BYTES;
        }
        return target == OutputFormat.JPG || target == OutputFormat.PNG ? extras(width, height).length : 0;
    }

    /** WebP: EXIF and XMP chunks after the image (WebP has no IPTC; the profile is converted to sRGB). */
    private OutputStream webp(OutputStream out, int width, int height) {
        return WebpMetadataWriter.wrap(out, keptExif(width, height), keptXmp(), width, height);
    }

    private byte[] keptExif(int width, int height) {
        if (spec.metadata() == MetadataPolicy.STRIP || meta.exif() == null) return null;
        return exif(width, height, spec.metadata() == MetadataPolicy.STRIP_GPS);
    }

    private byte[] keptXmp() {
        if (spec.metadata() == MetadataPolicy.STRIP || meta.xmp() == null) return null;
        return XmpEditor.edit(meta.xmp(), spec.metadata() == MetadataPolicy.STRIP_GPS);
    }

    /** The segments (JPEG) or chunks (PNG) inserted into the output. */
    private byte[] extras(int width, int height) {
        boolean jpeg = target == OutputFormat.JPG;
        byte[] exif = null;
        byte[] xmp = null;
        byte[] iptc = null;
        if (spec.metadata() != MetadataPolicy.STRIP) {
            boolean dropGps = spec.metadata() == MetadataPolicy.STRIP_GPS;
            if (meta.exif() != null) exif = exif(width, height, dropGps);
            if (meta.xmp() != null) xmp = XmpEditor.edit(meta.xmp(), dropGps);
            if (meta.iptc() != null && jpeg) iptc = IptcBlocks.iptcOnly(meta.iptc());
        }
        byte[] icc = profile != null && inProfileSpace && embedsProfile() ? meta.icc() : null;
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        if (jpeg) {
            if (exif != null && exif.length <= MAX_JPEG_EXIF) JpegSegments.segment(extra, 0xE1, JpegSegments.EXIF, exif);
            if (xmp != null && xmp.length <= MAX_JPEG_XMP) JpegSegments.segment(extra, 0xE1, JpegSegments.XMP, xmp);
            if (icc != null) JpegSegments.icc(extra, icc);
            if (iptc != null && iptc.length <= JpegSegments.MAX_PAYLOAD - JpegSegments.PHOTOSHOP.length) {
                JpegSegments.segment(extra, 0xED, JpegSegments.PHOTOSHOP, iptc);
            }
        } else {
            if (icc != null) PngChunks.chunk(extra, "iCCP", PngChunks.iccp(icc));
            if (exif != null) PngChunks.chunk(extra, "eXIf", exif);
            if (xmp != null) PngChunks.chunk(extra, "iTXt", PngChunks.itxtXmp(xmp));
        }
        return extra.toByteArray();
    }

    /** The corrected EXIF block; none when it does not parse (a wrong orientation must never be written). */
    private byte[] exif(int width, int height, boolean dropGps) {
        try {
            return ExifRewriter.rewrite(meta.exif(), width, height, dropGps);
        } catch (ExifRewriter.MalformedExifException unparseable) {
            return null;
        }
    }
}
