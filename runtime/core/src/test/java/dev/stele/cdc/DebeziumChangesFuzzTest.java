package dev.stele.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Any bytes read as a change event give a change or one of the two typed errors; nothing else, and no hang. */
class DebeziumChangesFuzzTest {

    private static final String VALID = "{\"before\":null,\"after\":{\"id\":7,\"email\":\"ana@example.com\","
            + "\"created_at\":\"2024-01-31T10:15:30.123456Z\",\"born\":19000,\"seen_at\":1706696130123456,"
            + "\"balance\":\"MDk=\",\"ref\":\"0e6c4f7a-2b1d-4c55-9a3e-5d2f1b7c8e90\",\"avatar\":null,\"tier\":\"GOLD\","
            + "\"tags\":[\"a\",\"b\"],\"profile\":null,\"active\":true},\"source\":{\"schema\":\"public\","
            + "\"table\":\"customers\",\"txId\":771,\"lsn\":23456789,\"ts_ms\":1706696130999,\"snapshot\":\"false\"},\"op\":\"c\"}";

    private final DebeziumChanges changes = DebeziumChanges.of(List.of(Customers.REGISTERED, Customers.REMOVED,
            Customers.TRUNCATED), DebeziumSettings.defaults());

    @Property(tries = 2000)
    void randomBytesGiveAChangeOrATypedError(@ForAll byte[] bytes) {
        assertReadsOrFailsTyped(bytes);
    }

    @Property(tries = 3000)
    void mutatedEventsGiveAChangeOrATypedError(@ForAll("mutations") byte[] bytes) {
        assertReadsOrFailsTyped(bytes);
    }

    @Provide
    Arbitrary<byte[]> mutations() {
        byte[] valid = VALID.getBytes(StandardCharsets.UTF_8);
        return Arbitraries.integers().between(0, valid.length - 1).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] mutated = valid.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        mutated[positions.get(i)] = values.get(i);
                    }
                    return mutated;
                }));
    }

    private void assertReadsOrFailsTyped(byte[] bytes) {
        try {
            assertThat(changes.read(bytes)).isNotNull();
        } catch (MalformedChangeException | ChangeEventException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }
}
