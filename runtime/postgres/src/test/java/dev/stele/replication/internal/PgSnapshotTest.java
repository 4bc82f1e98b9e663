package dev.stele.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PgSnapshotTest {

    @Test
    void seesWhatCommittedBeforeItAndNothingInProgressOrLater() {
        PgSnapshot snapshot = PgSnapshot.parse("100:110:100,103,107");

        assertThat(snapshot.sees(99)).as("below xmin").isTrue();
        assertThat(snapshot.sees(100)).as("xmin itself was running").isFalse();
        assertThat(snapshot.sees(103)).as("in progress").isFalse();
        assertThat(snapshot.sees(105)).as("between, committed").isTrue();
        assertThat(snapshot.sees(107)).isFalse();
        assertThat(snapshot.sees(110)).as("xmax and later began after it").isFalse();
        assertThat(snapshot).hasToString("100:110:100,103,107");
    }

    @Test
    void aSnapshotWithNothingInProgressSeesEverythingBelowXmax() {
        PgSnapshot snapshot = PgSnapshot.parse("200:200:");

        assertThat(snapshot.sees(199)).isTrue();
        assertThat(snapshot.sees(200)).isFalse();
    }

    @Test
    void refusesWhatIsNotASnapshot() {
        assertThatThrownBy(() -> PgSnapshot.parse("100-110")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a pg_snapshot");
    }
}
