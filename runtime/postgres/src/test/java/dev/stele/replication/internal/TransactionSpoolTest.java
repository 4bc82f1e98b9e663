package dev.stele.replication.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransactionSpoolTest {

    @TempDir
    Path directory;

    @Test
    void givesBackATransactionsChangesInOrderAtItsCommitAndLeavesNoFile() throws Exception {
        try (TransactionSpool spool = new TransactionSpool(directory)) {
            spool.append(7, 7, text("one"));
            spool.append(8, 8, text("other transaction"));
            spool.append(7, 7, text("two"));

            assertThat(texts(spool.commit(7))).containsExactly("one", "two");
            assertThat(spool.openTransactions()).isEqualTo(1);
        }
        try (var files = Files.list(directory)) {
            assertThat(files).as("closing deletes what was not committed").isEmpty();
        }
    }

    @Test
    void anAbortedSubtransactionIsCutOutAndAnAbortedTransactionDiscarded() throws Exception {
        try (TransactionSpool spool = new TransactionSpool(directory)) {
            spool.append(7, 7, text("top"));
            spool.append(7, 9, text("savepoint rolled back"));
            spool.append(7, 9, text("also rolled back"));
            spool.abort(7, 9);
            spool.append(7, 10, text("after the rollback"));
            spool.append(5, 5, text("doomed"));
            spool.abort(5, 5);

            assertThat(texts(spool.commit(7))).containsExactly("top", "after the rollback");
            assertThat(texts(spool.commit(5))).isEmpty();
        }
    }

    @Test
    void readsWhatItWroteFromABufferWithAnOffset() throws Exception {
        ByteBuffer buffer = ByteBuffer.wrap("xxpayload".getBytes(StandardCharsets.UTF_8));
        buffer.position(2);
        try (TransactionSpool spool = new TransactionSpool(directory)) {
            spool.append(1, 1, buffer);
            assertThat(texts(spool.commit(1))).containsExactly("payload");
        }
    }

    private static ByteBuffer text(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> texts(Iterator<ByteBuffer> buffers) {
        List<String> texts = new ArrayList<>();
        buffers.forEachRemaining(buffer -> texts.add(StandardCharsets.UTF_8.decode(buffer).toString()));
        return texts;
    }
}
