package dev.stele.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PgTextTest {

    @Test
    void timestamptzTakesEveryOffsetFormPostgresWrites() {
        assertThat(PgText.timestamptz("2024-01-31 10:15:30.123456+00")).isEqualTo(Instant.parse("2024-01-31T10:15:30.123456Z"));
        assertThat(PgText.timestamptz("2024-01-31 10:15:30+05:30")).isEqualTo(Instant.parse("2024-01-31T04:45:30Z"));
        assertThat(PgText.timestamptz("1900-01-01 00:00:00+00:09:21")).isEqualTo(Instant.parse("1899-12-31T23:50:39Z"));
        assertThat(PgText.timestamptz("2024-01-31 10:15:30-08")).isEqualTo(Instant.parse("2024-01-31T18:15:30Z"));
        assertThat(PgText.timestamptz("0001-01-01 00:00:00+00 BC")).isEqualTo(Instant.parse("0000-01-01T00:00:00Z"));
        assertThat(PgText.timestamptz("12345-06-07 00:00:00+00")).isEqualTo(Instant.parse("+12345-06-07T00:00:00Z"));
    }

    @Test
    void infinityHasNoJavaValue() {
        assertThatThrownBy(() -> PgText.timestamptz("infinity")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> PgText.date("-infinity")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void timestampAndDate() {
        assertThat(PgText.timestamp("2024-01-31 10:15:30.5")).isEqualTo(LocalDateTime.parse("2024-01-31T10:15:30.5"));
        assertThat(PgText.date("2024-02-29")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(PgText.date("0044-03-15 BC")).isEqualTo(LocalDate.of(-43, 3, 15));
        assertThatThrownBy(() -> PgText.timestamp("2024-01-31T10")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numericIsExactAndRefusesNaN() {
        assertThat(PgText.numeric("-12345678901234567890.000000001"))
                .isEqualTo(new BigDecimal("-12345678901234567890.000000001"));
        assertThatThrownBy(() -> PgText.numeric("NaN")).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> PgText.numeric("Infinity")).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void byteaInHex() {
        assertThat(PgText.bytea("\\x00ff10")).containsExactly(0, 255, 16);
        assertThat(PgText.bytea("\\x")).isEmpty();
        assertThatThrownBy(() -> PgText.bytea("\\x0g")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgText.bytea("abc")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void arraysWithQuotesEscapesAndNulls() {
        assertThat(PgText.array("{}")).isEmpty();
        assertThat(PgText.array("{a,b}")).containsExactly("a", "b");
        assertThat(PgText.array("{\"ü \\\"quoted\\\", x\",NULL,\"NULL\"}"))
                .isEqualTo(Arrays.asList("ü \"quoted\", x", null, "NULL"));
        assertThat(PgText.array("{ a , b\t}")).containsExactly("a", "b");
        assertThatThrownBy(() -> PgText.array("{{1,2},{3,4}}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgText.array("{\"open}")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PgText.array("a,b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unquotedArrayElementsKeepControlCharactersArrayOutLeavesUnquoted() {
        // array_out quotes an element only for its six spaces, quotes, backslashes, braces, commas or NULL:
        // SELECT ARRAY[chr(1), 'x' || chr(31)]::text gives {\u0001,x\u001f}, not to be trimmed away
        assertThat(PgText.array("{\u0001,x\u001f,\u007f\u0085}"))
                .containsExactly("\u0001", "x\u001f", "\u007f\u0085");
    }

    @Test
    void booleans() {
        assertThat(PgText.bool("t")).isTrue();
        assertThat(PgText.bool("f")).isFalse();
        assertThatThrownBy(() -> PgText.bool("yes")).isInstanceOf(IllegalArgumentException.class);
    }
}
