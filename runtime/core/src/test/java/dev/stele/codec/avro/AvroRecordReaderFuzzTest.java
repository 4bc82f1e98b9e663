package dev.stele.codec.avro;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any bytes read as a sample give a sample or an exception the catalog turns into a typed error: the
 * decoder's {@link IOException}s and runtime exceptions, and Stele's own checks; never an {@link Error}
 * such as running out of memory on a length the data merely claims.
 */
class AvroRecordReaderFuzzTest {

    @Property(tries = 1000)
    void randomBytesGiveASampleOrAnException(@ForAll byte[] bytes) {
        assertReadsOrFails(bytes);
    }

    @Property(tries = 1000)
    void mutatedSamplesGiveASampleOrAnException(@ForAll("mutations") byte[] bytes) {
        assertReadsOrFails(bytes);
    }

    @Provide
    Arbitrary<byte[]> mutations() throws IOException {
        byte[] valid = Samples.write(Samples.full());
        return Arbitraries.integers().between(0, valid.length - 1).list().ofMinSize(1).ofMaxSize(4)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] mutated = valid.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        mutated[positions.get(i)] = values.get(i);
                    }
                    return mutated;
                }));
    }

    private static void assertReadsOrFails(byte[] bytes) {
        try {
            assertThat(Samples.read(bytes)).isNotNull();
        } catch (IOException | RuntimeException expected) {
            assertThat(expected).isNotNull();
        }
    }
}
