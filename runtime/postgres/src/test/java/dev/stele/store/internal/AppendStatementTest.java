package dev.stele.store.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.store.Position;
import org.junit.jupiter.api.Test;

class AppendStatementTest {

    @Test
    void positionsAreReadFromTheArrayInTheirOrder() {
        assertThat(AppendStatement.positions(42, "{7,8,10}", 3))
                .containsExactly(new Position(42, 7), new Position(42, 8), new Position(42, 10));
        assertThat(AppendStatement.positions(1, "{9223372036854775807}", 1))
                .containsExactly(new Position(1, Long.MAX_VALUE));
    }

    @Test
    void positionsThatDoNotMatchTheEventsFail() {
        assertThatThrownBy(() -> AppendStatement.positions(42, "{7,8}", 3)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("3 events appended but 2 positions returned");
    }
}
