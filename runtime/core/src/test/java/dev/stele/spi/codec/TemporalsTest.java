package dev.stele.spi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TemporalsTest {

    @Property(tries = 5000)
    void theFastInstantFormatWritesWhatIsoInstantWrites(
            @ForAll @LongRange(min = -62_167_219_200_000_000L, max = 253_402_300_799_999_999L) long micros) {
        Instant instant = Temporals.fromEpochMicros(micros);

        assertThat(Temporals.formatInstant(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @Property(tries = 5000)
    void anyMicrosecondInstantParsesBackFromItsText(@ForAll long micros) {
        Instant instant = Temporals.fromEpochMicros(micros);

        assertThat(Temporals.parseInstant(Temporals.formatInstant(instant))).isEqualTo(instant);
        assertThat(Temporals.toEpochMicros(instant)).isEqualTo(micros);
    }

    @Test
    void theExtremesOfTheMicrosecondRangeRoundTrip() {
        for (long micros : new long[] {Long.MIN_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE, -1, 0}) {
            assertThat(Temporals.toEpochMicros(Temporals.fromEpochMicros(micros))).isEqualTo(micros);
            assertThat(Temporals.toLocalMicros(Temporals.fromLocalMicros(micros))).isEqualTo(micros);
        }
    }

    @Property(tries = 2000)
    void localMicrosRoundTrip(@ForAll long micros) {
        assertThat(Temporals.toLocalMicros(Temporals.fromLocalMicros(micros))).isEqualTo(micros);
    }

    @Test
    void offsetsAreAcceptedWhenParsing() {
        assertThat(Temporals.parseInstant("2024-01-31T12:15:30.5+02:00"))
                .isEqualTo(Instant.parse("2024-01-31T10:15:30.500Z"));
    }

    @Test
    void leapDaysAndTheEndsOfTheFastRangeFormatExactly() {
        for (String text : new String[] {"2024-02-29T23:59:59.999999Z", "0000-01-01T00:00:00Z",
                "9999-12-31T23:59:59.999Z", "1900-03-01T00:00:00.010Z", "1969-12-31T23:59:59.000001Z"}) {
            assertThat(Temporals.formatInstant(Instant.parse(text))).isEqualTo(text);
        }
    }

    @Test
    void nanosecondsAreAFailureNotATruncation() {
        assertThatThrownBy(() -> Temporals.parseInstant("2024-01-31T10:15:30.123456789Z"))
                .isInstanceOf(CodecFailure.class).hasMessageContaining("finer than a microsecond");
        assertThatThrownBy(() -> Temporals.toEpochMicros(Instant.ofEpochSecond(0, 1)))
                .isInstanceOf(CodecFailure.class);
    }

    @Test
    void instantsBeyondTheMicrosecondRangeAreAFailure() {
        assertThatThrownBy(() -> Temporals.toEpochMicros(Instant.ofEpochSecond(Long.MAX_VALUE / 1000)))
                .isInstanceOf(CodecFailure.class)
                .hasMessageContaining("outside the range");
        assertThatThrownBy(() -> Temporals.toEpochDays(LocalDate.MAX)).isInstanceOf(CodecFailure.class);
    }

    @Test
    void malformedTextIsAFailureNamingTheExpectedForm() {
        assertThatThrownBy(() -> Temporals.parseInstant("2024-13-01T00:00:00Z")).isInstanceOf(CodecFailure.class)
                .hasMessageContaining("is not an ISO-8601 instant");
        assertThatThrownBy(() -> Temporals.parseLocalDate("31.01.2024")).isInstanceOf(CodecFailure.class)
                .hasMessageContaining("is not an ISO-8601 date");
    }
}
