package io.pixpool.core.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** JPEG kinds this decoder leaves to the others are refused from the header, with UnsupportedJpegException. */
class UnsupportedJpegTest {

    private static byte[] baseline() {
        return JpegSamples.encode(JpegSamples.picture(40, 30, false), JpegSamples.BASELINE_420, 0.9f);
    }

    private static byte[] withFrameMarker(byte[] jpeg, int marker) {
        byte[] b = jpeg.clone();
        int sof = JpegSamples.firstMarker(b, 0xC0);
        b[sof + 1] = (byte) marker;
        return b;
    }

    @Test
    void arithmeticLosslessAndHierarchicalProcessesAreUnsupported() {
        for (int m : new int[] {0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}) {
            assertThatThrownBy(() -> new JpegDecoder(withFrameMarker(baseline(), m)))
                    .as("SOF 0x%02X", m).isInstanceOf(UnsupportedJpegException.class);
        }
    }

    @Test
    void arithmeticConditioningTableIsUnsupported() {
        byte[] b = baseline();
        int dqt = JpegSamples.firstMarker(b, 0xDB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(b, 0, dqt);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xCC, 0, 4, 0x00, 0x10});
        out.write(b, dqt, b.length - dqt);
        assertThatThrownBy(() -> new JpegDecoder(out.toByteArray())).isInstanceOf(UnsupportedJpegException.class)
                .hasMessageContaining("arithmetic");
    }

    @Test
    void twelveBitSamplesAreUnsupported() {
        for (int m : new int[] {0xC1, 0xC2}) {
            byte[] b = withFrameMarker(baseline(), m);
            b[JpegSamples.firstMarker(b, m) + 4] = 12;
            assertThatThrownBy(() -> new JpegDecoder(b)).isInstanceOf(UnsupportedJpegException.class)
                    .hasMessageContaining("12-bit");
        }
    }

    @Test
    void cmykFourComponentsAreUnsupported() {
        byte[] b = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xC0, 0, 20, 8, 0, 16, 0, 16, 4,
            1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0, (byte) 0xFF, (byte) 0xD9};
        assertThatThrownBy(() -> new JpegDecoder(b)).isInstanceOf(UnsupportedJpegException.class)
                .hasMessageContaining("4 colour components");
    }

    /** Adobe APP14 with transform 0 means the three components are R, G, B, not YCbCr. */
    @Test
    void adobeRgbIsUnsupportedButAdobeYcbccrDecodes() throws Exception {
        assertThatThrownBy(() -> new JpegDecoder(adobe(baseline(), 0))).isInstanceOf(UnsupportedJpegException.class)
                .hasMessageContaining("RGB");
        byte[] ycc = adobe(baseline(), 1);
        BufferedImage img = new JpegDecoder(ycc).decode(1);
        double[] m = JpegSamples.diff(img, JpegSamples.jdkDecode(baseline()), 40, 30, 1);
        assertThat(m[0]).isLessThan(0.5);
    }

    /** The JFIF APP0 segment replaced by an Adobe APP14 one with the given transform. */
    private static byte[] adobe(byte[] jpeg, int transform) {
        int app0 = JpegSamples.firstMarker(jpeg, 0xE0);
        assertThat(app0).isEqualTo(2);
        int len = (jpeg[4] & 0xFF) << 8 | (jpeg[5] & 0xFF);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(jpeg, 0, 2);
        out.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
            (byte) transform});
        out.write(jpeg, 2 + 2 + len, jpeg.length - 4 - len);
        return out.toByteArray();
    }
}
