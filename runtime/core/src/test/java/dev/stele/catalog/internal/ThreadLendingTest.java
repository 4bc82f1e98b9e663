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
        StringBuilder first = lending.lend();
        lending.giveBack(first, true);
        StringBuilder second = lending.lend();
        lending.giveBack(second, true);

        assertThat(second).isSameAs(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void aNestedCallGetsAnotherObjectAndTheOuterOneStaysTheThreads() {
        StringBuilder outer = lending.lend();
        StringBuilder inner = lending.lend();
        lending.giveBack(inner, true);
        StringBuilder stillLent = lending.lend();
        lending.giveBack(stillLent, true);
        lending.giveBack(outer, true);

        assertThat(inner).isNotSameAs(outer);
        assertThat(stillLent).isNotSameAs(outer);
        assertThat(lending.lend()).isSameAs(outer);
    }

    @Test
    void oneNotKeptIsReplaced() {
        StringBuilder grown = lending.lend();
        lending.giveBack(grown, false);

        assertThat(lending.lend()).isNotSameAs(grown);
    }

    @Test
    void threadsDoNotShare() throws InterruptedException {
        StringBuilder mine = lending.lend();
        StringBuilder[] theirs = new StringBuilder[1];
        Thread other = new Thread(() -> theirs[0] = lending.lend());
        other.start();
        other.join();

        assertThat(theirs[0]).isNotNull().isNotSameAs(mine);
    }
}
