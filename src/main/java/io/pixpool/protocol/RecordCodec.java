package io.pixpool.protocol;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The binary form of a tree of records (the recipe), component by component in declaration order, each written as
 * its declared type says: primitives as {@link DataOutputStream} writes them; strings (as the frames' other string
 * fields, {@link WireFormat#writeString}), enums
 * (ordinal), records and lists each behind a presence byte, so null travels too. No class name is on the wire: the
 * reader builds exactly the types the root record declares, through their canonical constructors (so a record's
 * validation runs on arrival), and nothing else can be instantiated. Both ends run the same build ({@link
 * Message.Hello} carries {@link WireFormat#VERSION}).
 *
 * <p>Why not Java serialization, which carried the recipe before: reading records through it makes the JDK build
 * its method-handle constructor adapter, about 70 generated classes spun by bytecode generation in a cold JVM, which
 * cost each worker about 0.1 s before its first image (a worker reads one recipe per batch). Plain reflection with
 * the same validation takes a fraction of a millisecond.
 *
 * <p>Supported component types: primitives, {@code String}, enums, records, and {@code List}s of those. Anything
 * else is refused when the type is first written or read, so a new recipe field of another kind fails every
 * round-trip test at once instead of in a worker.
 */
final class RecordCodec {

    private static final int MAX_DEPTH = 20;
    private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

    private RecordCodec() {
    }

    /** A record's components and canonical constructor. */
    private record Shape(RecordComponent[] components, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            RecordComponent[] rc = type.getRecordComponents();
            Class<?>[] types = new Class<?>[rc.length];
            for (int i = 0; i < rc.length; i++) types[i] = rc[i].getType();
            try {
                Constructor<?> c = type.getDeclaredConstructor(types);
                c.setAccessible(true);
                return new Shape(rc, c);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException("record without canonical constructor: " + type.getName(), e);
            }
        }
    }

    private static Shape shape(Class<?> type) {
        if (!type.isRecord()) throw new IllegalArgumentException("not a record: " + type.getName());
        return SHAPES.computeIfAbsent(type, Shape::of);
    }

    /** Writes {@code value}, a {@code type} record or null. */
    static void write(DataOutputStream out, Class<?> type, Object value) throws IOException {
        shape(type);
        write(out, (Type) type, value, 0);
    }

    /** Reads a {@code type} record (or null) written by {@link #write}. */
    static <T> T read(DataInputStream in, Class<T> type) throws IOException {
        shape(type);
        return type.cast(read(in, (Type) type, 0));
    }

    private static void write(DataOutputStream out, Type type, Object value, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new IllegalArgumentException("records nested deeper than " + MAX_DEPTH);
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) {
            writePrimitive(out, raw, value);
            return;
        }
        out.writeBoolean(value != null);
        if (value == null) return;
        if (raw == String.class) {
            WireFormat.writeString(out, (String) value);
        } else if (raw.isEnum()) {
            out.writeShort(((Enum<?>) value).ordinal());
        } else if (raw == List.class) {
            List<?> list = (List<?>) value;
            Type element = elementType(type);
            out.writeInt(list.size());
            for (Object e : list) write(out, element, e, depth + 1);
        } else if (raw.isRecord()) {
            for (RecordComponent c : shape(raw).components()) {
                write(out, c.getGenericType(), accessor(c, value), depth + 1);
            }
        } else {
            throw new IllegalArgumentException("cannot encode a " + type.getTypeName());
        }
    }

    private static Object read(DataInputStream in, Type type, int depth) throws IOException {
        if (depth > MAX_DEPTH) throw new ProtocolException("records nested deeper than " + MAX_DEPTH);
        Class<?> raw = raw(type);
        if (raw.isPrimitive()) return readPrimitive(in, raw);
        if (!in.readBoolean()) return null;
        if (raw == String.class) return WireFormat.readString(in);
        if (raw.isEnum()) {
            Object[] constants = raw.getEnumConstants();
            int i = in.readUnsignedShort();
            if (i >= constants.length) throw new ProtocolException("no " + raw.getSimpleName() + " number " + i);
            return constants[i];
        }
        if (raw == List.class) {
            int n = in.readInt();
            // every element takes at least its presence byte
            if (n < 0 || n > in.available()) throw new ProtocolException("bad list length " + n);
            Type element = elementType(type);
            List<Object> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) list.add(read(in, element, depth + 1));
            return List.copyOf(list);
        }
        if (raw.isRecord()) {
            Shape s = shape(raw);
            RecordComponent[] rc = s.components();
            Object[] args = new Object[rc.length];
            for (int i = 0; i < rc.length; i++) args[i] = read(in, rc[i].getGenericType(), depth + 1);
            try {
                return s.constructor().newInstance(args);
            } catch (InvocationTargetException e) {
                throw new ProtocolException("invalid " + raw.getSimpleName() + ": " + e.getCause().getMessage(), e);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot build " + raw.getName(), e);
            }
        }
        throw new IllegalArgumentException("cannot decode a " + type.getTypeName());
    }

    private static void writePrimitive(DataOutputStream out, Class<?> t, Object v) throws IOException {
        if (t == int.class) out.writeInt((Integer) v);
        else if (t == long.class) out.writeLong((Long) v);
        else if (t == double.class) out.writeDouble((Double) v);
        else if (t == boolean.class) out.writeBoolean((Boolean) v);
        else if (t == float.class) out.writeFloat((Float) v);
        else if (t == short.class) out.writeShort((Short) v);
        else if (t == byte.class) out.writeByte((Byte) v);
        else if (t == char.class) out.writeChar((Character) v);
        else throw new IllegalArgumentException("cannot encode a " + t);
    }

    private static Object readPrimitive(DataInputStream in, Class<?> t) throws IOException {
        if (t == int.class) return in.readInt();
        if (t == long.class) return in.readLong();
        if (t == double.class) return in.readDouble();
        if (t == boolean.class) return in.readBoolean();
        if (t == float.class) return in.readFloat();
        if (t == short.class) return in.readShort();
        if (t == byte.class) return in.readByte();
        if (t == char.class) return in.readChar();
        throw new IllegalArgumentException("cannot decode a " + t);
    }

    private static Object accessor(RecordComponent c, Object record) {
        try {
            var m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(record);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("accessor " + c.getName() + " failed", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read " + c.getName(), e);
        }
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) return c;
        if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) return c;
        throw new IllegalArgumentException("cannot encode a " + type.getTypeName());
    }

    private static Type elementType(Type listType) {
        if (listType instanceof ParameterizedType p) return p.getActualTypeArguments()[0];
        throw new IllegalArgumentException("a List needs its element type: " + listType.getTypeName());
    }
}
