package io.pixpool.core;

import java.io.IOException;
import java.io.RandomAccessFile;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * A file as an {@link javax.imageio.stream.ImageInputStream} with some byte ranges left out, as if they were not
 * there: the image readers then never see those bytes. Used to hide a JPEG's ICC_PROFILE segments when the profile is
 * sRGB in effect, so the readers neither build a colour transform for it (the JDK reader checks every new profile by
 * converting a colour through it: 2-3 ms a file) nor run the decoded pixels through one.
 */
final class HiddenSegmentsStream extends ImageInputStreamImpl {

    private final RandomAccessFile file;
    /** Hidden ranges in file offsets, in order, not overlapping: start, end (exclusive), start, end, ... */
    private final long[] hidden;
    private final long length;
    private final byte[] one = new byte[1];

    /** @param hidden file offsets of the hidden ranges in order: start, end (exclusive), start, end, ... */
    HiddenSegmentsStream(RandomAccessFile file, long[] hidden) throws IOException {
        this.file = file;
        this.hidden = hidden.clone();
        long gone = 0;
        for (int i = 0; i < hidden.length; i += 2) {
            if (hidden[i + 1] < hidden[i] || (i > 0 && hidden[i] < hidden[i - 1])) {
                throw new IllegalArgumentException("hidden ranges must be in order and not overlap");
            }
            gone += hidden[i + 1] - hidden[i];
        }
        this.length = file.length() - gone;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read() throws IOException {
        return read(one, 0, 1) <= 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (off < 0 || len < 0 || off + len > b.length) throw new IndexOutOfBoundsException();
        if (len == 0) return 0;
        bitOffset = 0;
        if (streamPos >= length) return -1;
        // the file offset of the stream position, and how far the bytes run before the next hidden range
        long at = streamPos;
        long runEnd = Long.MAX_VALUE;
        for (int i = 0; i < hidden.length; i += 2) {
            if (at >= hidden[i]) {
                at += hidden[i + 1] - hidden[i];
            } else {
                runEnd = hidden[i];
                break;
            }
        }
        int n = (int) Math.min(len, Math.min(runEnd - at, length - streamPos));
        file.seek(at);
        int got = file.read(b, off, n);
        if (got > 0) streamPos += got;
        return got;
    }

    @Override
    public void close() throws IOException {
        super.close();
        file.close();
    }
}
