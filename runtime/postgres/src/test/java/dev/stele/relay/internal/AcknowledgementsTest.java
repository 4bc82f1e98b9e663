package dev.stele.relay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.projection.Lsn;
import org.junit.jupiter.api.Test;

class AcknowledgementsTest {

    private final Acknowledgements acks = new Acknowledgements(new Lsn(100));

    @Test
    void aTransactionIsConfirmableOnlyOnceItCommittedAndEveryRecordOfItWasAcknowledged() {
        Acknowledgements.Transaction first = acks.begin();
        acks.sent(first);
        acks.sent(first);
        acks.acknowledged(first);
        assertThat(acks.confirmable()).isEqualTo(new Lsn(100));
        acks.acknowledged(first);
        assertThat(acks.confirmable()).as("not committed yet").isEqualTo(new Lsn(100));
        acks.committed(first, new Lsn(200));
        assertThat(acks.confirmable()).isEqualTo(new Lsn(200));
        assertThat(acks.acknowledgedCount()).isEqualTo(2);
    }

    @Test
    void aLaterTransactionAcknowledgedFirstWaitsForTheEarlierOne() {
        Acknowledgements.Transaction first = acks.begin();
        acks.sent(first);
        acks.committed(first, new Lsn(200));
        Acknowledgements.Transaction second = acks.begin();
        acks.sent(second);
        acks.committed(second, new Lsn(300));
        acks.committed(null, new Lsn(350)); // a transaction without outbox records, after them

        acks.acknowledged(second);
        assertThat(acks.confirmable()).isEqualTo(new Lsn(100));
        acks.acknowledged(first);
        assertThat(acks.confirmable()).isEqualTo(new Lsn(350));
    }

    @Test
    void aHeartbeatMovesThePositionOnlyWhenNothingIsOpen() {
        Acknowledgements.Transaction open = acks.begin();
        acks.sent(open);
        acks.passed(new Lsn(500));
        assertThat(acks.confirmable()).isEqualTo(new Lsn(100));
        acks.acknowledged(open);
        acks.committed(open, new Lsn(400));
        acks.passed(new Lsn(500));
        assertThat(acks.confirmable()).isEqualTo(new Lsn(500));
        acks.passed(new Lsn(450));
        assertThat(acks.confirmable()).as("never backwards").isEqualTo(new Lsn(500));
    }

    @Test
    void theFirstFailureIsKept() {
        acks.fail(new IllegalStateException("first"));
        acks.fail(new IllegalStateException("second"));
        assertThat(acks.failure()).hasMessage("first");
    }
}
