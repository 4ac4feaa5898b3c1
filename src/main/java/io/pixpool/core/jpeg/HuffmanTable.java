package io.pixpool.core.jpeg;

/**
 * One canonical Huffman table (DHT): a 9-bit lookup table for the short, frequent codes, and libjpeg-style
 * maximum-code tables for the long ones.
 */
final class HuffmanTable {

    static final int LOOKUP_BITS = 9;

    /** For each 9-bit prefix: (code length &lt;&lt; 8) | symbol, or 0 when the code is longer than 9 bits. */
    final int[] lookup = new int[1 << LOOKUP_BITS];
    /** Largest code of each length (index 1..16), -1 when there is none. */
    final int[] maxCode = new int[18];
    /** Symbol index of a code of each length: symbols[valOffset[len] + code]. */
    final int[] valOffset = new int[17];
    final int[] symbols;

    /** @param counts number of codes of each length 1..16 (index 0..15) */
    HuffmanTable(int[] counts, int[] symbols) throws JpegException {
        this.symbols = symbols;
        int code = 0;
        int k = 0;
        for (int len = 1; len <= 16; len++) {
            int n = counts[len - 1];
            valOffset[len] = k - code;
            for (int i = 0; i < n; i++, k++, code++) {
                if (code >= 1 << len) throw new JpegException("corrupt data: bad Huffman table");
                if (len <= LOOKUP_BITS) {
                    int shift = LOOKUP_BITS - len;
                    int entry = len << 8 | symbols[k];
                    for (int j = 0, base = code << shift; j < 1 << shift; j++) lookup[base | j] = entry;
                }
            }
            maxCode[len] = n == 0 ? -1 : code - 1;
            code <<= 1;
        }
        maxCode[17] = Integer.MAX_VALUE;
    }
}
