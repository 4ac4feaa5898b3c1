package io.pixpool.core;


/**
 * Limits on the size of each output file.
 *
 * @param skipIfLarger an output that would be larger (in bytes) than its source is not written
 * @param maxKilobytes JPEG and lossy WebP outputs: the highest quality (up to the recipe's) whose file fits in this
 *                     many KiB (1024 bytes) is searched; 0 means no limit. Other formats ignore it.
 */
public record SizeTarget(boolean skipIfLarger, int maxKilobytes) {

    public static final int MAX_KILOBYTES = 1 << 20;

    public SizeTarget {
        if (maxKilobytes < 0 || maxKilobytes > MAX_KILOBYTES) {
            throw new IllegalArgumentException("size limit must be 1.." + MAX_KILOBYTES + " KB (0 for none), was "
                    + maxKilobytes);
        }
    }

    public static SizeTarget none() {
        return new SizeTarget(false, 0);
    }

    public boolean hasLimit() {
        return maxKilobytes > 0;
    }

    public long maxBytes() {
        return maxKilobytes * 1024L;
    }

    public SizeTarget withSkipIfLarger(boolean skip) { return new SizeTarget(skip, maxKilobytes); }
    public SizeTarget withMaxKilobytes(int kb) { return new SizeTarget(skipIfLarger, kb); }
}
