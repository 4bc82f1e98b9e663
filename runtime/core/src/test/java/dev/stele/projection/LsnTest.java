package dev.stele.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LsnTest {

    @Test
    void parsesAndPrintsAsPostgresWritesIt() {
        Lsn lsn = Lsn.parse("16/B374D848");

        assertThat(lsn.value()).isEqualTo(0x16_B374D848L);
        assertThat(lsn).hasToString("16/B374D848");
        assertThat(Lsn.parse("0/0")).isEqualTo(Lsn.NONE);
        assertThat(Lsn.parse("FFFFFFFF/FFFFFFFF").value()).isEqualTo(-1L);
    }

    @Test
    void ordersAsTheLogDoesEvenPastTheSignBit() {
        Lsn low = Lsn.parse("7FFFFFFF/FFFFFFFF");
        Lsn high = Lsn.parse("80000000/0");

        assertThat(high.isAfter(low)).isTrue();
        assertThat(high.bytesSince(low)).isEqualTo(1);
        assertThat(low.bytesSince(high)).isZero();
    }

    @Test
    void textThatIsNotAPositionIsRefused() {
        for (String bad : new String[] {"", "/", "16", "16/", "/B3", "G/1", "123456789/1", "1/123456789"}) {
            assertThatThrownBy(() -> Lsn.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("is not a log position");
        }
    }
}
