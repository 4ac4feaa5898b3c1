package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JPEGs decoded straight into their resize (rows handed over as they are decoded, no full-size image) give the
 * same pixels as decoding and then resizing; files that path does not take are left to the usual one.
 */
class DecodeResizedTest {

    @TempDir
    Path dir;

    @Test
    void sameLanczosPixelsAsDecodingThenResizing() throws Exception {
        BufferedImage colour = io.pixpool.testing.TestImages.pattern(1203, 811, 5);
        BufferedImage grey = new BufferedImage(1203, 811, BufferedImage.TYPE_BYTE_GRAY);
        grey.createGraphics().drawImage(colour, 0, 0, null);
        int n = 0;
        for (BufferedImage pic : new BufferedImage[] {colour, grey}) {
            for (boolean progressive : new boolean[] {false, true}) {
                Path file = Files.write(dir.resolve("p" + n++ + ".jpg"), TestImages.jpegBytes(pic, 0.9f, progressive));
                // sizes that decode at 8/8 (progressive only), 4/8, 3/8, 2/8 and 1/8, and a row count not a multiple of 4
                for (int[] size : new int[][] {{900, 607}, {300, 202}, {240, 162}, {150, 101}, {60, 41}, {601, 405}}) {
                    int w = size[0];
                    int h = size[1];
                    BufferedImage fused;
                    Resampler.Source fusedGeometry;
                    try (ImageDecoder dec = ImageDecoder.open(file, Long.MAX_VALUE)) {
                        fused = dec.decodeResized(1, w, h, w, h);
                        fusedGeometry = dec.source();
                    }
                    BufferedImage expect;
                    Resampler.Source geometry;
                    try (ImageDecoder dec = ImageDecoder.open(file, Long.MAX_VALUE)) {
                        BufferedImage decoded = dec.decode(1, w, h);
                        geometry = dec.source();
                        expect = Resampler.resize(decoded, w, h, Resampler.Kernel.LANCZOS3, geometry);
                    }
                    String what = file.getFileName() + " to " + w + "x" + h;
                    if (!progressive && geometry.eighths() == 0) { // the JDK reader's full decode
                        assertThat(fused).as(what + ": full-size baseline stays with libjpeg").isNull();
                        continue;
                    }
                    if (w == 240) assertThat(geometry.eighths()).as(what).isEqualTo(3);
                    assertThat(fused).as(what).isNotNull();
                    assertThat(fusedGeometry).as(what).isEqualTo(geometry);
                    assertThat(pixels(fused)).as(what).isEqualTo(pixels(expect));
                }
            }
        }
    }

    @Test
    void otherFilesAreLeftToTheUsualPath() throws Exception {
        BufferedImage pic = io.pixpool.testing.TestImages.pattern(800, 600, 2);
        Path png = io.pixpool.testing.TestImages.write(dir.resolve("a.png"), pic);
        try (ImageDecoder dec = ImageDecoder.open(png, Long.MAX_VALUE)) {
            assertThat(dec.decodeResized(1, 200, 150, 200, 150)).isNull();
        }
        // damaged entropy data: the JDK reader decides (as for a plain decode), so this path declines
        byte[] jpeg = TestImages.jpegBytes(pic, 0.9f, false);
        int sos = lastMarker(jpeg, 0xDA);
        for (int i = sos + 40; i < sos + 400; i++) jpeg[i] = (byte) 0xFF;
        Path broken = Files.write(dir.resolve("broken.jpg"), jpeg);
        try (ImageDecoder dec = ImageDecoder.open(broken, Long.MAX_VALUE)) {
            assertThat(dec.decodeResized(1, 200, 150, 200, 150)).isNull();
        }
    }

    @Test
    void theStreamingResizeWantsEveryRowInOrder() {
        Resampler.Streaming s = Resampler.streaming(40, 9, 10, 3, Resampler.Kernel.LANCZOS3, null);
        assertThatThrownBy(() -> s.row(1)).isInstanceOf(IllegalStateException.class);
        for (int y = 0; y < 8; y++) {
            Arrays.fill(s.row(y), 0x80L << 42 | 0x40L << 21 | 0x20L);
            s.rowDone(y);
        }
        assertThatThrownBy(s::finish).as("a row missing").isInstanceOf(IllegalStateException.class);
        Arrays.fill(s.row(8), 0x80L << 42 | 0x40L << 21 | 0x20L);
        s.rowDone(8);
        BufferedImage img = s.finish();
        assertThat(img.getRGB(5, 1) & 0xFFFFFF).as("a flat colour stays that colour").isEqualTo(0x804020);
    }

    private static int lastMarker(byte[] b, int m) {
        for (int i = b.length - 2; i >= 0; i--) {
            if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == m) return i;
        }
        throw new IllegalArgumentException("no marker");
    }

    private static int[] pixels(BufferedImage img) {
        return img.getRGB(0, 0, img.getWidth(), img.getHeight(), null, 0, img.getWidth());
    }
}
