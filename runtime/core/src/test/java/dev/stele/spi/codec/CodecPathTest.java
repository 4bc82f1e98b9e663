package dev.stele.spi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The path names where a reader or writer stands, whatever stood at the same depths before. */
class CodecPathTest {

    private static final RecordFields ORDER = RecordFields.of("id", "lines", "attributes");
    private static final RecordFields LINE = RecordFields.of("sku", "quantity");

    @Test
    void namesTheFieldIndexAndKeyItStandsAt() {
        CodecPath path = new CodecPath();
        path.enterRecord(ORDER);
        path.atField(1);
        path.enterCollection();
        path.atIndex(2);
        path.enterRecord(LINE);

        assertThat(path.nextField()).isZero();
        assertThat(path.nextField()).isEqualTo(1);
        assertThat(path).hasToString("lines[2].quantity");
        assertThat(path.currentRecord()).isSameAs(LINE);
        assertThat(path.recordSize()).isEqualTo(2);
    }

    @Test
    void levelsLeftBehindByAnEarlierValueDoNotShowOrCount() {
        CodecPath path = new CodecPath();
        path.enterRecord(ORDER);
        path.atField(1);
        path.enterCollection();
        path.atIndex(0);
        path.enterRecord(LINE);
        path.atField(0);
        path.exit();
        path.exit();
        path.atField(2);
        path.enterMap();
        path.atKey("colour code");

        assertThat(path).hasToString("attributes[\"colour code\"]");
        assertThat(path.currentRecord()).isNull();
        assertThat(path.recordSize()).isEqualTo(-1);
        assertThat(path.depth()).isEqualTo(2);

        path.exit();
        assertThat(path).hasToString("attributes");
        assertThat(path.currentRecord()).isSameAs(ORDER);
        assertThat(path.recordSize()).isEqualTo(3);

        // the next event, from the top, over the same array: a list where a map stood, a record where a list stood
        path.exit();
        path.reset();
        path.enterRecord(LINE);
        path.atField(1);
        path.enterCollection();
        path.atIndex(4);
        assertThat(path).hasToString("quantity[4]");
        assertThat(path.currentRecord()).isNull();
        path.exit();
        assertThat(path.currentRecord()).isSameAs(LINE);
        assertThat(path.currentPosition()).isEqualTo(1);
    }

    @Test
    void afterAFailureDeepInsideResetStartsAgainAtTheTop() {
        CodecPath path = new CodecPath();
        path.enterRecord(ORDER);
        path.atField(2);
        path.enterMap();
        path.atKey("k");
        path.reset();

        assertThat(path).hasToString("");
        assertThat(path.depth()).isZero();
        assertThat(path.currentPosition()).isEqualTo(-1);
        assertThat(path.recordSize()).isEqualTo(-1);
    }
}
