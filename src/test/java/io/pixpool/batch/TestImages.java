package io.pixpool.batch;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import javax.imageio.ImageIO;

/** Images made in code for the pool tests. */
final class TestImages {

    private TestImages() {
    }

    /** A picture with a gradient and coloured blocks, written as {@code format} ("jpg" or "png"). */
    static Path write(Path file, int w, int h, String format, int seed) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            for (int y = 0; y < h; y += 8) {
                g.setColor(new Color((y * 255 / h + seed * 40) & 0xFF, (seed * 70) & 0xFF, 255 - y * 255 / h));
                g.fillRect(0, y, w, 8);
            }
            g.setColor(Color.WHITE);
            g.fillRect(w / 4, h / 4, w / 2, h / 2);
            g.setColor(new Color(seed * 30 & 0xFF, 20, 200));
            g.fillOval(w / 3, h / 3, w / 3, h / 3);
        } finally {
            g.dispose();
        }
        if (!ImageIO.write(img, format.equals("jpg") ? "jpeg" : format, file.toFile())) {
            throw new IOException("no writer for " + format);
        }
        return file;
    }

    /**
     * A black 8-bit RGB PNG of any size, written row by row without ever holding the image: decoding it needs
     * {@code 3 * w * h} bytes, which is the point.
     */
    static Path hugePng(Path file, int w, int h) throws IOException {
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});
            ByteArrayOutputStream ihdr = new ByteArrayOutputStream();
            DataOutputStream d = new DataOutputStream(ihdr);
            d.writeInt(w);
            d.writeInt(h);
            d.write(new byte[] {8, 2, 0, 0, 0}); // 8 bit, RGB, deflate, no filter, no interlace
            chunk(out, "IHDR", ihdr.toByteArray());
            ByteArrayOutputStream idat = new ByteArrayOutputStream();
            Deflater deflater = new Deflater(Deflater.BEST_SPEED);
            try (DeflaterOutputStream z = new DeflaterOutputStream(idat, deflater, 1 << 16)) {
                byte[] row = new byte[1 + 3 * w]; // filter byte 0, then black pixels
                for (int y = 0; y < h; y++) z.write(row);
            } finally {
                deflater.end();
            }
            chunk(out, "IDAT", idat.toByteArray());
            chunk(out, "IEND", new byte[0]);
        }
        return file;
    }

    private static void chunk(OutputStream out, String type, byte[] data) throws IOException {
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(data.length);
        byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        d.write(t);
        d.write(data);
        CRC32 crc = new CRC32();
        crc.update(t);
        crc.update(data);
        d.writeInt((int) crc.getValue());
        d.flush();
    }
}
