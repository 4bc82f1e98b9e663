package dev.stele.spi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class TemporalsTest {

    @Property(tries = 5000)
    void theFastInstantFormatWritesWhatIsoInstantWrites(@ForAll long nanos) {
        Instant instant = Temporals.fromEpochNanos(nanos);

        assertThat(Temporals.formatInstant(instant)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
    }

    @Property(tries = 5000)
    void anyNanosecondInstantParsesBackFromItsText(@ForAll long nanos) {
        Instant instant = Temporals.fromEpochNanos(nanos);

        assertThat(Temporals.parseInstant(Temporals.formatInstant(instant))).isEqualTo(instant);
        assertThat(Temporals.toEpochNanos(instant)).isEqualTo(nanos);
    }

    @Property(tries = 2000)
    void localNanosRoundTrip(@ForAll long nanos) {
        LocalDateTime value = Temporals.fromLocalNanos(nanos);

        assertThat(Temporals.toLocalNanos(value)).isEqualTo(nanos);
        assertThat(Temporals.parseLocalDateTime(value.toString())).isEqualTo(value);
    }

    @Property(tries = 2000)
    void daysRoundTrip(@ForAll @LongRange(min = Integer.MIN_VALUE, max = Integer.MAX_VALUE) long days) {
        assertThat(Temporals.toEpochDays(Temporals.fromEpochDays((int) days))).isEqualTo((int) days);
    }

    @Test
    void instantNowIsStoredAsItIs() {
        Instant now = Instant.now().plusNanos(1);

        assertThat(Temporals.fromEpochNanos(Temporals.toEpochNanos(now))).isEqualTo(now);
        assertThat(Temporals.parseInstant(Temporals.formatInstant(now))).isEqualTo(now);
    }

    @Test
    void theEdgesOfTheNanosecondRangeRoundTripAndOneNanosecondBeyondIsAFailure() {
        Instant earliest = Instant.parse(Temporals.EARLIEST);
        Instant latest = Instant.parse(Temporals.LATEST);

        assertThat(Temporals.toEpochNanos(earliest)).isEqualTo(Long.MIN_VALUE);
        assertThat(Temporals.toEpochNanos(latest)).isEqualTo(Long.MAX_VALUE);
        assertThat(Temporals.fromEpochNanos(Long.MIN_VALUE)).isEqualTo(earliest);
        assertThat(Temporals.fromEpochNanos(Long.MAX_VALUE)).isEqualTo(latest);
        assertThatThrownBy(() -> Temporals.toEpochNanos(earliest.minusNanos(1)))
                .isInstanceOf(CodecFailure.class)
                .hasMessage("1677-09-21T00:12:43.145224191Z is outside the range of a timestamp in nanoseconds"
                        + " (1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z)");
        assertThatThrownBy(() -> Temporals.parseInstant("2262-04-11T23:47:16.854775808Z"))
                .isInstanceOf(CodecFailure.class).hasMessageContaining("outside the range of a timestamp");
    }

    @Test
    void theEdgesOfTheLocalRangeRoundTripAndOneNanosecondBeyondIsAFailure() {
        LocalDateTime earliest = LocalDateTime.parse("1677-09-21T00:12:43.145224192");
        LocalDateTime latest = LocalDateTime.parse("2262-04-11T23:47:16.854775807");

        assertThat(Temporals.toLocalNanos(earliest)).isEqualTo(Long.MIN_VALUE);
        assertThat(Temporals.toLocalNanos(latest)).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Temporals.toLocalNanos(latest.plusNanos(1)))
                .isInstanceOf(CodecFailure.class)
                .hasMessage("2262-04-11T23:47:16.854775808 is outside the range of a local timestamp in nanoseconds"
                        + " (1677-09-21T00:12:43.145224192 to 2262-04-11T23:47:16.854775807)");
        assertThatThrownBy(() -> Temporals.parseLocalDateTime("1677-09-21T00:12:43.145224191"))
                .isInstanceOf(CodecFailure.class);
    }

    @Test
    void aNegativeSecondWithAFractionBeforeNineteenSeventyIsExact() {
        Instant justBefore = Instant.parse("1969-12-31T23:59:59.999999999Z");

        assertThat(Temporals.toEpochNanos(justBefore)).isEqualTo(-1);
        assertThat(Temporals.fromEpochNanos(-1)).isEqualTo(justBefore);
    }

    @Test
    void offsetsAreAcceptedWhenParsing() {
        assertThat(Temporals.parseInstant("2024-01-31T12:15:30.5+02:00"))
                .isEqualTo(Instant.parse("2024-01-31T10:15:30.500Z"));
    }

    @Test
    void leapDaysAndTheEndsOfTheFastRangeFormatExactly() {
        for (String text : new String[] {"2024-02-29T23:59:59.999999Z", "1700-01-01T00:00:00Z",
                "2262-04-11T23:47:16.854775807Z", "1900-03-01T00:00:00.010Z", "1969-12-31T23:59:59.000000001Z"}) {
            assertThat(Temporals.formatInstant(Instant.parse(text))).isEqualTo(text);
        }
    }

    @Test
    void daysBeyondAnIntAreAFailure() {
        assertThatThrownBy(() -> Temporals.toEpochDays(LocalDate.MAX)).isInstanceOf(CodecFailure.class)
                .hasMessageContaining("outside the range of a date");
    }

    @Test
    void malformedTextIsAFailureNamingTheExpectedForm() {
        assertThatThrownBy(() -> Temporals.parseInstant("2024-13-01T00:00:00Z")).isInstanceOf(CodecFailure.class)
                .hasMessageContaining("is not an ISO-8601 instant");
        assertThatThrownBy(() -> Temporals.parseInstant("2024-01-31T10:15:30.1234567891Z"))
                .isInstanceOf(CodecFailure.class);
        assertThatThrownBy(() -> Temporals.parseLocalDate("31.01.2024")).isInstanceOf(CodecFailure.class)
                .hasMessageContaining("is not an ISO-8601 date");
    }
}
