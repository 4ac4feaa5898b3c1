package io.pixpool.core.jpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The pipeline's entry to {@link JpegDecoder}: JPEGs it can decode scaled in the DCT domain (n/8 of the size: the
 * low-frequency coefficients of each block, far less work than a full decode) and progressive ones at any scale
 * (one output pass, where the JDK reader redraws the picture after every scan). Full-size baseline files are left to the JDK reader, whose libjpeg
 * decodes them faster; files with an ICC profile other than sRGB are left to the readers that convert colours.
 */
public final class FastJpeg {

    private FastJpeg() {
    }

    /** The DCT-domain scale for a decode step: the largest of 1, 2, 4, 8 not above {@code step}. */
    public static int scaleFor(int step) {
        return step >= 8 ? 8 : step >= 4 ? 4 : step >= 2 ? 2 : 1;
    }

    /**
     * Decodes {@code file} at {@link #scaleFor}({@code step}) when it is a progressive Huffman JPEG this package
     * supports, without an ICC profile; null when it is not (baseline, a kind left to other decoders, or a file
     * whose colours the JDK reader converts with its profile), having read only the header.
     *
     * @throws JpegException truncated or corrupt data
     * @throws IOException   the file cannot be read
     */
    public static BufferedImage decodeProgressive(Path file, int step) throws IOException, JpegException {
        Header h = header(file);
        if (h.frameMarker() != 0xC2) return null;
        return decode(file, h, scaleFor(step));
    }

    /**
     * Decodes {@code file} at 1/{@code scale} (1, 2, 4 or 8) of its size when it is a Huffman JPEG (baseline,
     * extended or progressive) this package supports, without an ICC profile; null when it is not (a kind left to
     * other decoders, or a file whose colours the JDK reader converts with its profile), having read only the
     * header.
     *
     * @throws JpegException truncated or corrupt data
     * @throws IOException   the file cannot be read
     */
    public static BufferedImage decode(Path file, int scale) throws IOException, JpegException {
        return decode(file, header(file), scale);
    }

    /**
     * Like {@link #decode(Path, int)} at {@code eighths}/8 of the size (1..8; see JpegDecoder), but for the pipeline:
     * also files whose ICC profile is sRGB (the JDK reader's colour conversion then changes nothing, so its pixels
     * are this decoder's), and not baseline files at full size, which the JDK's libjpeg decodes faster (measured with
     * the workers' C1-only JIT) to the same pixels.
     */
    public static BufferedImage decodeEighths(Path file, int eighths) throws IOException, JpegException {
        byte[] data = scaledData(file, eighths);
        if (data == null) return null;
        try {
            return new JpegDecoder(data).decodeEighths(eighths, null);
        } catch (UnsupportedJpegException e) {
            return null;
        }
    }

    /**
     * Like {@link #decodeEighths(Path, int)}, handing the rows to {@code sink} as they are decoded (see
     * {@link RowSink}); false when the file is not one this decoder takes. After false or an exception the rows
     * the sink may have had are to be thrown away.
     */
    public static boolean decodeEighths(Path file, int eighths, RowSink sink) throws IOException, JpegException {
        byte[] data = scaledData(file, eighths);
        if (data == null) return false;
        try {
            new JpegDecoder(data).decodeEighths(eighths, sink);
            return true;
        } catch (UnsupportedJpegException e) {
            return false;
        }
    }

    /** The file's bytes when {@link #decodeEighths(Path, int)} takes it, else null (having read only the header). */
    private static byte[] scaledData(Path file, int eighths) throws IOException {
        Header h = header(file);
        int m = h.frameMarker();
        if ((m != 0xC0 && m != 0xC1 && m != 0xC2) || (eighths == 8 && m != 0xC2)) return null;
        byte[] data = Files.readAllBytes(file);
        if (h.iccProfile() && !IccCheck.isSrgb(IccCheck.profile(data))) return null;
        return data;
    }

    private static BufferedImage decode(Path file, Header h, int scale) throws IOException, JpegException {
        int m = h.frameMarker();
        if ((m != 0xC0 && m != 0xC1 && m != 0xC2) || h.iccProfile()) return null;
        return decode(Files.readAllBytes(file), scale);
    }

    private static BufferedImage decode(byte[] data, int scale) throws JpegException {
        try {
            return new JpegDecoder(data).decode(scale);
        } catch (UnsupportedJpegException e) {
            return null;
        }
    }

    /**
     * What the markers before the frame say.
     *
     * @param frameMarker the SOFn code (0xC0 baseline, 0xC2 progressive, ...), -1 when none before the first scan
     * @param iccProfile  an APP2 ICC_PROFILE segment came first
     */
    record Header(int frameMarker, boolean iccProfile) {
    }

    private static final byte[] ICC = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);

    /** Reads the markers up to the frame header, skipping from segment to segment without reading their contents. */
    static Header header(Path file) throws IOException {
        boolean icc = false;
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer b = ByteBuffer.allocate(4 + ICC.length);
            long p = 2;
            long size = ch.size();
            while (p + 4 <= size) {
                b.clear();
                ch.position(p);
                while (b.hasRemaining() && ch.read(b) >= 0) {
                    // read what there is, up to the buffer's size
                }
                if (b.position() < 4 || (b.get(0) & 0xFF) != 0xFF) break;
                int m = b.get(1) & 0xFF;
                if (m == 0xFF) { // fill byte
                    p++;
                    continue;
                }
                if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) return new Header(m, icc);
                if (m == 0xDA || m == 0xD9) break;
                if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
                    p += 2;
                    continue;
                }
                if (m == 0xE2 && b.position() == b.capacity()
                        && Arrays.equals(b.array(), 4, 4 + ICC.length, ICC, 0, ICC.length)) {
                    icc = true;
                }
                p += 2 + ((b.get(2) & 0xFF) << 8 | (b.get(3) & 0xFF));
            }
            return new Header(-1, icc);
        }
    }
}
