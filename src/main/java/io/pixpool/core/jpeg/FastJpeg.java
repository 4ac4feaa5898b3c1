package io.pixpool.core.jpeg;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The pipeline's entry: decodes a progressive JPEG file with {@link JpegDecoder}, which is much faster than the
 * JDK reader on those (one output pass instead of one per scan, and DCT-domain scaling). Baseline files are left
 * to the JDK reader: libjpeg decodes them faster than this decoder (measured; see the branch report).
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
     * supports; null when it is not (baseline, or a kind left to other decoders), having read only the header.
     *
     * @throws JpegException truncated or corrupt data
     * @throws IOException   the file cannot be read
     */
    public static BufferedImage decodeProgressive(Path file, int step) throws IOException, JpegException {
        if (frameMarker(file) != 0xC2) return null;
        JpegDecoder d;
        try {
            d = new JpegDecoder(Files.readAllBytes(file));
            return d.decode(scaleFor(step));
        } catch (UnsupportedJpegException e) {
            return null;
        }
    }

    /**
     * The SOFn marker code of a JPEG file (0xC0 baseline, 0xC2 progressive, ...), found by skipping from segment
     * to segment without reading their contents; -1 when there is none before the first scan.
     */
    static int frameMarker(Path file) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(file)) {
            ByteBuffer b = ByteBuffer.allocate(4);
            long p = 2;
            long size = ch.size();
            while (p + 4 <= size) {
                b.clear();
                ch.position(p);
                while (b.hasRemaining() && ch.read(b) >= 0) {
                    // read all 4 bytes
                }
                if (b.hasRemaining() || (b.get(0) & 0xFF) != 0xFF) return -1;
                int m = b.get(1) & 0xFF;
                if (m == 0xFF) { // fill byte
                    p++;
                    continue;
                }
                if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) return m;
                if (m == 0xDA || m == 0xD9) return -1;
                if (m == 0x01 || (m >= 0xD0 && m <= 0xD8)) {
                    p += 2;
                    continue;
                }
                p += 2 + ((b.get(2) & 0xFF) << 8 | (b.get(3) & 0xFF));
            }
            return -1;
        }
    }
}
