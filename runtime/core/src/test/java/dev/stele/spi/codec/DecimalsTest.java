package dev.stele.spi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class DecimalsTest {

    @Test
    void valuesAreWidenedToTheScaleAndNeverRounded() {
        assertThat(Decimals.fit(new BigDecimal("7.5"), 5, 2)).isEqualTo(new BigDecimal("7.50"));
        assertThat(Decimals.fit(new BigDecimal("1E+2"), 5, 2)).isEqualTo(new BigDecimal("100.00"));
        assertThat(Decimals.fit(new BigDecimal("12.3400"), 5, 2)).isEqualTo(new BigDecimal("12.34"));
        assertThatThrownBy(() -> Decimals.fit(new BigDecimal("0.125"), 5, 2)).isInstanceOf(CodecFailure.class)
                .hasMessageContaining("more than 2 digits after the decimal point");
        assertThatThrownBy(() -> Decimals.fit(new BigDecimal("1234.5"), 5, 2)).isInstanceOf(CodecFailure.class)
                .hasMessageContaining("digits before the decimal point");
    }

    @Test
    void hostileExponentsAreRejectedWithoutExpandingThem() {
        for (String text : new String[] {"1e400000000", "-1E+999999999", "1e-400000000", "123456789e-99999999"}) {
            assertThatThrownBy(() -> Decimals.fit(new BigDecimal(text), 12, 2)).as(text)
                    .isInstanceOf(CodecFailure.class);
        }
        assertThat(Decimals.fit(new BigDecimal("0E-400000000"), 12, 2)).isEqualTo(new BigDecimal("0.00"));
        assertThat(Decimals.fit(new BigDecimal("0E+400000000"), 12, 2)).isEqualTo(new BigDecimal("0.00"));
    }

    @Test
    void messagesShowOrdinaryValuesAsPlainDigits() {
        assertThatThrownBy(() -> Decimals.fit(new BigDecimal("1E-11"), 12, 2))
                .hasMessage("0.00000000001 has more than 2 digits after the decimal point; the field is"
                        + " @Decimal(precision = 12, scale = 2) and Stele does not round");
        assertThatThrownBy(() -> Decimals.fit(new BigDecimal("1E+12"), 12, 2))
                .hasMessageStartingWith("1000000000000 needs more than 10 digits before the decimal point");
        assertThatThrownBy(() -> Decimals.fit(new BigDecimal("1e400000000"), 12, 2))
                .hasMessageStartingWith("1E+400000000 needs more than 10 digits");
    }
}
