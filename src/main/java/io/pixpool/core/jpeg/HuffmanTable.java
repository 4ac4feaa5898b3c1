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
    /**
     * For AC tables: for each 9-bit prefix holding a whole code with a non-zero value and the value's bits,
     * (value &lt;&lt; 8) | (run &lt;&lt; 4) | (code length + value bits); 0 otherwise. One lookup then decodes most
     * coefficients of a photo (libjpeg-turbo and stb_image do the same).
     */
    final int[] fastAc = new int[1 << LOOKUP_BITS];

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
        for (int p = 0; p < 1 << LOOKUP_BITS; p++) {
            int e = lookup[p];
            if (e == 0) continue;
            int len = e >> 8;
            int run = (e >> 4) & 15;
            int size = e & 15;
            if (size == 0 || len + size > LOOKUP_BITS) continue;
            int v = (p >> (LOOKUP_BITS - len - size)) & ((1 << size) - 1);
            if (v < 1 << (size - 1)) v += 1 - (1 << size);
            fastAc[p] = v << 8 | run << 4 | (len + size);
        }
    }
}
