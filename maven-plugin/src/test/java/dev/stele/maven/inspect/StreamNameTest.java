package dev.stele.maven.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.store.StreamId;
import org.junit.jupiter.api.Test;

class StreamNameTest {

    @Test
    void aStreamNameIsSplitAtItsFirstDash() throws GoalFailure {
        assertThat(StreamName.parse("order-o-1001", null, null)).isEqualTo(StreamId.of("order", "o-1001"));
    }

    @Test
    void aCategoryWithADashIsGivenApart() throws GoalFailure {
        assertThat(StreamName.parse(null, "order-line", "ol-7")).isEqualTo(StreamId.of("order-line", "ol-7"));
        assertThat(StreamName.parse("ol-7", "order-line", null)).isEqualTo(StreamId.of("order-line", "ol-7"));
    }

    @Test
    void aNameWithoutCategoryOrIdFails() {
        assertThatThrownBy(() -> StreamName.parse("order", null, null)).isInstanceOf(GoalFailure.class)
                .hasMessageStartingWith("Stream 'order' is not <category>-<id>");
        assertThatThrownBy(() -> StreamName.parse("order-", null, null)).isInstanceOf(GoalFailure.class);
        assertThatThrownBy(() -> StreamName.parse("-o-1", null, null)).isInstanceOf(GoalFailure.class);
    }

    @Test
    void noStreamFailsSayingHowToNameOne() {
        assertThatThrownBy(() -> StreamName.parse(null, null, null)).isInstanceOf(GoalFailure.class)
                .hasMessageContaining("-Dstele.stream=<category>-<id>");
        assertThatThrownBy(() -> StreamName.parse(null, "order", null)).isInstanceOf(GoalFailure.class)
                .hasMessage("Which stream of category order? Give -Dstele.id=<id>.");
    }

    @Test
    void formatsAndRangesAreCheckedBeforeConnecting() throws GoalFailure {
        assertThat(ReplayReport.Format.parse("Mermaid")).isEqualTo(ReplayReport.Format.MERMAID);
        assertThatThrownBy(() -> ReplayReport.Format.parse("csv")).isInstanceOf(GoalFailure.class)
                .hasMessage("Unknown replay format 'csv': use -Dstele.format=table, jsonl or mermaid.");
        assertThatThrownBy(() -> ReplayReport.checkRange(0, 10)).isInstanceOf(GoalFailure.class);
        assertThatThrownBy(() -> ReplayReport.checkRange(1, 0)).isInstanceOf(GoalFailure.class);
    }
}
