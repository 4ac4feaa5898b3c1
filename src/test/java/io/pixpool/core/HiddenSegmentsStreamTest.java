package io.pixpool.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The readers' view of a file with byte ranges left out: as if the file had never held them. */
class HiddenSegmentsStreamTest {

    @TempDir
    Path dir;

    @Test
    void readsSeeksAndEndsAsIfTheHiddenBytesWereNotThere() throws Exception {
        byte[] all = new byte[100];
        for (int i = 0; i < all.length; i++) all[i] = (byte) i;
        Path f = Files.write(dir.resolve("f.bin"), all);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        expected.write(all, 0, 10);
        expected.write(all, 20, 30);
        expected.write(all, 51, 39);
        try (HiddenSegmentsStream s = new HiddenSegmentsStream(new RandomAccessFile(f.toFile(), "r"),
                new long[] {10, 20, 50, 51, 90, 100})) {
            assertThat(s.length()).isEqualTo(79);
            byte[] whole = new byte[79];
            s.readFully(whole);
            assertThat(whole).isEqualTo(expected.toByteArray());
            assertThat(s.read()).isEqualTo(-1);
            assertThat(s.read(new byte[4], 0, 4)).isEqualTo(-1);

            s.seek(9);
            assertThat(new int[] {s.read(), s.read()}).containsExactly(9, 20); // across the first hidden range
            s.seek(39);
            byte[] two = new byte[2];
            s.readFully(two); // a read that ends at a hidden range and one that starts after it
            assertThat(two).containsExactly(49, 51);
            s.seek(0);
            assertThat(s.readUnsignedShort()).isEqualTo(0x0001);
        }
    }

    @Test
    void rangesMustBeInOrder() throws Exception {
        Path f = Files.write(dir.resolve("g.bin"), new byte[10]);
        try (RandomAccessFile raf = new RandomAccessFile(f.toFile(), "r")) {
            assertThatThrownBy(() -> new HiddenSegmentsStream(raf, new long[] {5, 8, 2, 3}))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
