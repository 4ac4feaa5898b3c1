package io.pixpool.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Filters Photoshop image resource blocks (a JPEG APP13 payload) down to the IPTC-NAA record (resource 0x0404):
 * Photoshop's thumbnails and other resources describe the source file, not the output.
 */
final class IptcBlocks {

    static final int IPTC_NAA = 0x0404;

    private IptcBlocks() {
    }

    /** The IPTC resource alone, as resource blocks; null when there is none or the blocks do not parse. */
    static byte[] iptcOnly(byte[] irb) {
        int p = 0;
        while (p + 12 <= irb.length) {
            if (!new String(irb, p, 4, StandardCharsets.ISO_8859_1).equals("8BIM")) return null;
            int id = (irb[p + 4] & 0xFF) << 8 | irb[p + 5] & 0xFF;
            int nameLen = irb[p + 6] & 0xFF;
            int nameField = (nameLen + 2) & ~1; // length byte + name, padded to even
            int q = p + 6 + nameField;
            if (q + 4 > irb.length) return null;
            long size = (irb[q] & 0xFFL) << 24 | (irb[q + 1] & 0xFFL) << 16 | (irb[q + 2] & 0xFFL) << 8 | irb[q + 3] & 0xFFL;
            long end = q + 4 + size;
            if (end > irb.length) return null;
            if (id == IPTC_NAA) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) size + 16);
                out.writeBytes("8BIM".getBytes(StandardCharsets.ISO_8859_1));
                out.write(IPTC_NAA >> 8);
                out.write(IPTC_NAA & 0xFF);
                out.write(0);
                out.write(0);
                out.write(irb, q, (int) (4 + size));
                if ((size & 1) == 1) out.write(0);
                return out.toByteArray();
            }
            p = (int) (end + (size & 1));
        }
        return null;
    }
}
