package io.pixpool.protocol;

import io.pixpool.core.EncodedImage;
import io.pixpool.core.ImageJob;
import io.pixpool.core.OutputOptions;
import io.pixpool.core.Recipe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The wire encoding of {@link Message}s. Every message is one frame: a 4-byte big-endian payload length, then the
 * payload, whose first byte is the message type. Paths and numbers are written field by field with
 * {@link DataOutputStream}; the {@link Recipe} (a tree of records that grows with features) is written component by
 * component by {@link RecordCodec}, from the types its records declare. Both ends run the same class path, and
 * {@link Message.Hello} carries {@link #VERSION} so a mismatch is caught at the first frame.
 *
 * <p>Not thread-safe per stream: one thread writes a stream, one thread reads it.
 */
public final class WireFormat {

    /** Bump on any change to the frame layout. */
    public static final int VERSION = 4;
    /** Frames larger than this are garbage (e.g. stray text on the worker's stdout), not messages. */
    public static final int MAX_FRAME_BYTES = 4 << 20;

    private static final int MAGIC = 0x50495850; // "PIXP"
    private static final int MAX_STRING_BYTES = 1 << 20;
    private static final byte HELLO = 1;
    private static final byte JOB_REQUEST = 2;
    private static final byte JOB_RESULT = 3;
    private static final byte JOB_ERROR = 4;
    private static final byte GOODBYE = 5;
    private static final byte WARM_UP = 6;
    private static final byte WARMED_UP = 7;

    private WireFormat() {
    }

    /** Writes one frame and flushes. */
    public static void write(OutputStream out, Message message) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream(256);
        DataOutputStream d = new DataOutputStream(buf);
        encode(d, message);
        d.flush();
        if (buf.size() > MAX_FRAME_BYTES) throw new ProtocolException("frame too large: " + buf.size() + " bytes");
        DataOutputStream o = new DataOutputStream(out);
        o.writeInt(buf.size());
        buf.writeTo(o);
        o.flush();
    }

    /**
     * Reads one frame. Returns null on a clean end of stream (between frames); throws {@link ProtocolException} for a
     * truncated or malformed frame.
     */
    public static Message read(InputStream in) throws IOException {
        int first = in.read();
        if (first < 0) return null;
        DataInputStream d = new DataInputStream(in);
        try {
            int length = (first << 24) | (d.readUnsignedByte() << 16) | (d.readUnsignedByte() << 8) | d.readUnsignedByte();
            if (length < 1 || length > MAX_FRAME_BYTES) throw new ProtocolException("bad frame length " + length);
            byte[] payload = new byte[length];
            d.readFully(payload);
            DataInputStream p = new DataInputStream(new ByteArrayInputStream(payload));
            Message m = decode(p);
            if (p.available() > 0) throw new ProtocolException("trailing bytes in frame of " + m.getClass().getSimpleName());
            return m;
        } catch (EOFException e) {
            throw new ProtocolException("stream ended inside a frame", e);
        }
    }

    private static void encode(DataOutputStream d, Message message) throws IOException {
        if (message instanceof Message.Hello h) {
            d.writeByte(HELLO);
            d.writeInt(MAGIC);
            d.writeInt(h.version());
            d.writeLong(h.pid());
        } else if (message instanceof Message.JobRequest r) {
            d.writeByte(JOB_REQUEST);
            d.writeLong(r.seq());
            ImageJob job = r.job();
            writeString(d, job.source().toString());
            writeString(d, job.outputDir().toString());
            d.writeInt(job.counter());
            writeBytes(d, encodeRecipe(job.recipe()));
        } else if (message instanceof Message.JobResult r) {
            d.writeByte(JOB_RESULT);
            d.writeLong(r.seq());
            List<EncodedImage> outputs = r.image().all();
            d.writeByte(outputs.size());
            for (EncodedImage img : outputs) writeOutput(d, img);
        } else if (message instanceof Message.JobError e) {
            d.writeByte(JOB_ERROR);
            d.writeLong(e.seq());
            d.writeByte(e.kind().ordinal());
            writeString(d, e.message());
        } else if (message instanceof Message.WarmUp w) {
            d.writeByte(WARM_UP);
            d.writeLong(w.seq());
            writeBytes(d, encodeRecipe(w.recipe()));
        } else if (message instanceof Message.WarmedUp w) {
            d.writeByte(WARMED_UP);
            d.writeLong(w.seq());
            d.writeInt(w.runs());
        } else if (message instanceof Message.Goodbye) {
            d.writeByte(GOODBYE);
        } else {
            throw new IllegalArgumentException("unknown message " + message);
        }
    }

    private static Message decode(DataInputStream d) throws IOException {
        byte type = d.readByte();
        switch (type) {
            case HELLO: {
                if (d.readInt() != MAGIC) throw new ProtocolException("not a pixpool worker (bad magic)");
                return new Message.Hello(d.readInt(), d.readLong());
            }
            case JOB_REQUEST: {
                long seq = d.readLong();
                Path source = Path.of(readString(d));
                Path outputDir = Path.of(readString(d));
                int counter = d.readInt();
                Recipe recipe = decodeRecipe(readBytes(d));
                return new Message.JobRequest(seq, new ImageJob(source, outputDir, counter, recipe));
            }
            case JOB_RESULT: {
                long seq = d.readLong();
                int count = d.readUnsignedByte();
                if (count < 1 || count > OutputOptions.MAX_OUTPUTS) throw new ProtocolException("bad output count " + count);
                List<EncodedImage> outputs = new ArrayList<>(count);
                for (int i = 0; i < count; i++) outputs.add(readOutput(d));
                return new Message.JobResult(seq, outputs.get(0).withVariants(outputs.subList(1, count)));
            }
            case JOB_ERROR: {
                long seq = d.readLong();
                int kind = d.readUnsignedByte();
                Message.ErrorKind[] kinds = Message.ErrorKind.values();
                if (kind >= kinds.length) throw new ProtocolException("unknown error kind " + kind);
                return new Message.JobError(seq, kinds[kind], readString(d));
            }
            case WARM_UP: {
                long seq = d.readLong();
                return new Message.WarmUp(seq, decodeRecipe(readBytes(d)));
            }
            case WARMED_UP:
                return new Message.WarmedUp(d.readLong(), d.readInt());
            case GOODBYE:
                return new Message.Goodbye();
            default:
                throw new ProtocolException("unknown frame type " + type);
        }
    }

    /** One output of a result: temp file (if written), name, sizes, bytes, quality, note. */
    private static void writeOutput(DataOutputStream d, EncodedImage img) throws IOException {
        d.writeBoolean(img.tempFile() != null);
        if (img.tempFile() != null) writeString(d, img.tempFile().toString());
        writeString(d, img.fileName());
        d.writeInt(img.sourceWidth());
        d.writeInt(img.sourceHeight());
        d.writeInt(img.width());
        d.writeInt(img.height());
        d.writeLong(img.sourceBytes());
        d.writeLong(img.bytes());
        d.writeByte(img.quality());
        writeString(d, img.note());
    }

    private static EncodedImage readOutput(DataInputStream d) throws IOException {
        Path temp = d.readBoolean() ? Path.of(readString(d)) : null;
        return new EncodedImage(temp, readString(d), d.readInt(), d.readInt(), d.readInt(), d.readInt(), d.readLong(),
                d.readLong(), d.readUnsignedByte(), readString(d), List.of());
    }

    /** A string field: its UTF-8 length, then its bytes (also the recipe's strings, {@link RecordCodec}). */
    static void writeString(DataOutputStream d, String s) throws IOException {
        writeBytes(d, s.getBytes(StandardCharsets.UTF_8));
    }

    static String readString(DataInputStream d) throws IOException {
        return new String(readBytes(d), StandardCharsets.UTF_8);
    }

    private static void writeBytes(DataOutputStream d, byte[] b) throws IOException {
        d.writeInt(b.length);
        d.write(b);
    }

    private static byte[] readBytes(DataInputStream d) throws IOException {
        int n = d.readInt();
        if (n < 0 || n > MAX_STRING_BYTES || n > d.available()) throw new ProtocolException("bad field length " + n);
        byte[] b = new byte[n];
        d.readFully(b);
        return b;
    }

    /**
     * A recipe and its encoded form. Every job of a batch carries the same recipe: the last one written and the
     * last one read are kept, so it is encoded once per batch and decoded once per batch and worker instead of once
     * per job. Records are immutable: sharing is safe.
     */
    private record Encoded(Recipe recipe, byte[] bytes) {
    }

    private static volatile Encoded lastWritten;
    private static volatile Encoded lastRead;

    private static byte[] encodeRecipe(Recipe recipe) throws IOException {
        Encoded last = lastWritten;
        if (last != null && last.recipe() == recipe) return last.bytes();
        ByteArrayOutputStream buf = new ByteArrayOutputStream(512);
        DataOutputStream d = new DataOutputStream(buf);
        RecordCodec.write(d, Recipe.class, recipe);
        d.flush();
        byte[] bytes = buf.toByteArray();
        lastWritten = new Encoded(recipe, bytes);
        return bytes;
    }

    private static Recipe decodeRecipe(byte[] bytes) throws IOException {
        Encoded last = lastRead;
        if (last != null && Arrays.equals(last.bytes(), bytes)) return last.recipe();
        Recipe r = readRecipe(bytes);
        lastRead = new Encoded(r, bytes);
        return r;
    }

    private static Recipe readRecipe(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        try {
            Recipe r = RecordCodec.read(in, Recipe.class);
            if (r == null) throw new ProtocolException("no recipe");
            if (in.available() > 0) throw new ProtocolException("trailing bytes after the recipe");
            return r;
        } catch (EOFException e) {
            throw new ProtocolException("recipe cut short", e);
        }
    }
}
