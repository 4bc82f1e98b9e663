package dev.stele.spi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class UuidsTest {

    @Property(tries = 3000)
    void anyUuidParsesBackFromItsTextInEitherCase(@ForAll long most, @ForAll long least) {
        UUID uuid = new UUID(most, least);

        assertThat(Uuids.parse(uuid.toString())).isEqualTo(uuid);
        assertThat(Uuids.parse(uuid.toString().toUpperCase(Locale.ROOT))).isEqualTo(uuid);
    }

    @Test
    void shortenedOrMalformedTextIsAFailure() {
        for (String text : new String[] {"1-2-3-4-5", "123e4567-e89b-12d3-a456-42661417400g",
                "123e4567-e89b-12d3-a456_426614174000", "123e4567e89b12d3a456426614174000", ""}) {
            assertThatThrownBy(() -> Uuids.parse(text)).as(text).isInstanceOf(CodecFailure.class)
                    .hasMessageContaining("is not a UUID");
        }
    }
}
