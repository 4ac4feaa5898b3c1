package io.pixpool.core.jpeg;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Verdicts about ICC profiles (is it sRGB, can it be used), kept for the profiles seen lately and found by the
 * profile's bytes: a verdict costs milliseconds of colour management, and a batch mostly sees one or two profiles
 * (every photo a raw converter or editor exports carries the same sRGB profile). Keyed by content rather than by a
 * digest: the first SHA-256 of a worker's life costs 22 ms of security-provider start-up, more than the comparisons
 * of a whole batch. Profiles above {@link #MAX_PROFILE_BYTES} (printer profiles, rare in photos) are judged every
 * time; at most {@link #MAX_ENTRIES} verdicts are kept, so a worker holds at most 4 MiB of profiles.
 *
 * @param <V> the verdict
 */
public final class ProfileVerdicts<V> {

    static final int MAX_PROFILE_BYTES = 1 << 16;
    static final int MAX_ENTRIES = 64;

    private final Map<ByteBuffer, V> verdicts = new ConcurrentHashMap<>();

    /** The verdict on {@code profile}: kept, or made by {@code judge} (which must not keep or change the array). */
    public V get(byte[] profile, Function<byte[], V> judge) {
        if (profile.length > MAX_PROFILE_BYTES) return judge.apply(profile);
        V v = verdicts.get(ByteBuffer.wrap(profile));
        if (v != null) return v;
        v = judge.apply(profile);
        if (verdicts.size() >= MAX_ENTRIES) verdicts.clear();
        verdicts.put(ByteBuffer.wrap(profile.clone()), v); // a copy: the caller's array may be reused
        return v;
    }

    int size() {
        return verdicts.size();
    }
}
