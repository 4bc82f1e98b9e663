package dev.stele.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ThreadLendingTest {

    private final AtomicInteger made = new AtomicInteger();
    private final ThreadLending<StringBuilder> lending = new ThreadLending<>(() -> {
        made.incrementAndGet();
        return new StringBuilder();
    });

    @Test
    void aThreadGetsItsOwnObjectBackCallAfterCall() {
        StringBuilder first = lending.slot().lend();
        lending.slot().giveBack(first, true);
        StringBuilder second = lending.slot().lend();
        lending.slot().giveBack(second, true);

        assertThat(second).isSameAs(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void aNestedCallGetsAnotherObjectAndTheOuterOneStaysTheThreads() {
        StringBuilder outer = lending.slot().lend();
        StringBuilder inner = lending.slot().lend();
        lending.slot().giveBack(inner, true);
        StringBuilder stillLent = lending.slot().lend();
        lending.slot().giveBack(stillLent, true);
        lending.slot().giveBack(outer, true);

        assertThat(inner).isNotSameAs(outer);
        assertThat(stillLent).isNotSameAs(outer);
        assertThat(lending.slot().lend()).isSameAs(outer);
    }

    @Test
    void oneNotKeptIsReplaced() {
        StringBuilder grown = lending.slot().lend();
        lending.slot().giveBack(grown, false);

        assertThat(lending.slot().lend()).isNotSameAs(grown);
    }

    @Test
    void threadsDoNotShare() throws InterruptedException {
        StringBuilder mine = lending.slot().lend();
        StringBuilder[] theirs = new StringBuilder[1];
        Thread other = new Thread(() -> theirs[0] = lending.slot().lend());
        other.start();
        other.join();

        assertThat(theirs[0]).isNotNull().isNotSameAs(mine);
    }
}
