package io.pixpool.core.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileVerdictsTest {

    private final ProfileVerdicts<Integer> verdicts = new ProfileVerdicts<>();
    private final List<byte[]> judged = new ArrayList<>();

    private int judge(byte[] profile) {
        judged.add(profile.clone());
        return profile.length + profile[0];
    }

    private static byte[] profile(int length, int first) {
        byte[] p = new byte[length];
        p[0] = (byte) first;
        p[length - 1] = 42;
        return p;
    }

    @Test
    void aProfileIsJudgedOnceWhateverArrayItComesIn() {
        assertThat(verdicts.get(profile(3144, 1), this::judge)).isEqualTo(3145);
        assertThat(verdicts.get(profile(3144, 1), this::judge)).isEqualTo(3145);
        assertThat(verdicts.get(profile(3144, 2), this::judge)).as("other bytes, other verdict").isEqualTo(3146);
        assertThat(judged).hasSize(2);
    }

    @Test
    void theCallerReusingItsArrayDoesNotChangeWhatIsKept() {
        byte[] buffer = profile(500, 7);
        assertThat(verdicts.get(buffer, this::judge)).isEqualTo(507);
        buffer[0] = 9; // the same array now holds another profile
        assertThat(verdicts.get(buffer, this::judge)).isEqualTo(509);
        assertThat(verdicts.get(profile(500, 7), this::judge)).isEqualTo(507);
        assertThat(judged).hasSize(2);
    }

    @Test
    void hugeProfilesAreJudgedEachTimeAndFewAreKept() {
        byte[] huge = profile(ProfileVerdicts.MAX_PROFILE_BYTES + 1, 3);
        verdicts.get(huge, this::judge);
        verdicts.get(huge, this::judge);
        assertThat(judged).hasSize(2);
        assertThat(verdicts.size()).isZero();
        for (int i = 0; i < 3 * ProfileVerdicts.MAX_ENTRIES; i++) verdicts.get(profile(100 + i, 0), this::judge);
        assertThat(verdicts.size()).isBetween(1, ProfileVerdicts.MAX_ENTRIES);
    }
}
