package dev.stele.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.spi.EventCodec;
import dev.stele.spi.EventType;
import dev.stele.spi.SpiVersion;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordReader;
import dev.stele.spi.codec.RecordWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A codec may call back into the catalog on the same thread while it writes or reads (through a record's
 * accessor, say): the inner call, failed or not, must not touch the outer one's writer or reader.
 */
class CatalogReentrancyTest {

    record Outer(String a, String b) {
    }

    record Inner(String value) {
    }

    private static final RecordFields OUTER = RecordFields.of("a", "b");
    private static final RecordFields INNER = RecordFields.of("value");

    /** What the outer codec does between its two fields; set by each test. */
    private static Runnable between = () -> { };

    private static final Catalog CATALOG = Catalog.of(new EventCatalog() {
        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public String generatedBy() {
            return "CatalogReentrancyTest";
        }

        @Override
        public List<EventType<?>> eventTypes() {
            return List.of(EventType.of("Outer", 1, Outer.class, new OuterCodec(), 1L),
                    EventType.of("Inner", 1, Inner.class, new InnerCodec(), 2L));
        }
    });

    @Test
    void anEncodeInsideAnEncodeLeavesTheOuterOneWhole() {
        between = () -> assertThat(text(CATALOG.toJson(new Inner("i")).payload())).isEqualTo("{\"value\":\"i\"}");

        assertThat(text(CATALOG.toJson(new Outer("1", "2")).payload())).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
    }

    @Test
    void aFailedEncodeInsideAnEncodeLeavesTheOuterOneWhole() {
        between = () -> assertThatThrownBy(() -> CATALOG.toJson(new Inner(null)))
                .isInstanceOf(EventEncodingException.class);

        assertThat(text(CATALOG.toJson(new Outer("1", "2")).payload())).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        // and the thread's writer serves the next event from the top
        between = () -> { };
        assertThat(text(CATALOG.toJson(new Outer("3", "4")).payload())).isEqualTo("{\"a\":\"3\",\"b\":\"4\"}");
    }

    @Test
    void aDecodeInsideADecodeLeavesTheOuterOneWhole() {
        between = () -> assertThat(CATALOG.fromJson("Inner", 1, "{\"value\":\"i\"}")).isEqualTo(new Inner("i"));

        assertThat(CATALOG.fromJson("Outer", 1, "{\"a\":\"1\",\"b\":\"2\"}")).isEqualTo(new Outer("1", "2"));
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static final class OuterCodec implements EventCodec<Outer> {
        @Override
        public void write(Outer event, RecordWriter out) throws IOException {
            out.startRecord(OUTER);
            out.field(OUTER, 0).writeString(event.a());
            between.run();
            out.field(OUTER, 1).writeString(event.b());
            out.endRecord();
        }

        @Override
        public Outer read(RecordReader in) throws IOException {
            String a = null;
            String b = null;
            for (int field = in.firstField(OUTER); field != RecordReader.END; field = in.nextField(OUTER)) {
                switch (field) {
                    case 0 -> {
                        a = in.readString();
                        between.run();
                    }
                    case 1 -> b = in.readString();
                    default -> { }
                }
            }
            return new Outer(a, b);
        }
    }

    private static final class InnerCodec implements EventCodec<Inner> {
        @Override
        public void write(Inner event, RecordWriter out) throws IOException {
            out.startRecord(INNER);
            out.field(INNER, 0).writeString(event.value());
            out.endRecord();
        }

        @Override
        public Inner read(RecordReader in) throws IOException {
            String value = null;
            for (int field = in.firstField(INNER); field != RecordReader.END; field = in.nextField(INNER)) {
                if (field == 0) {
                    value = in.readString();
                }
            }
            return new Inner(value);
        }
    }
}
