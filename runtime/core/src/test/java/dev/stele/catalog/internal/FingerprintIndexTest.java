package dev.stele.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FingerprintIndexTest {

    @Test
    void findsEveryFingerprintItHoldsAndNoOther() {
        SplittableRandom random = new SplittableRandom(7);
        for (int size : new int[] {0, 1, 2, 3, 8, 100}) {
            Map<Long, RegisteredEvent<?>> withValues = new HashMap<>();
            for (int i = 0; i < size; i++) {
                // half of them share their low bits, so that they collide in the table
                long fingerprint = i % 2 == 0 ? random.nextLong() : (long) i << 40;
                withValues.put(fingerprint, new RegisteredEvent<>(null));
            }

            FingerprintIndex index = new FingerprintIndex(withValues);

            withValues.forEach((fingerprint, event) -> assertThat(index.get(fingerprint)).isSameAs(event));
            for (int i = 0; i < 100; i++) {
                long other = random.nextLong();
                if (!withValues.containsKey(other)) {
                    assertThat(index.get(other)).isNull();
                }
            }
            assertThat(index.get((long) (size + 1) << 40)).isNull();
        }
    }
}
