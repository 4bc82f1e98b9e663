package dev.stele.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class HandlerIndexTest {

    private static final HandlerIndex INDEX = new HandlerIndex(List.of(
            new HandlerIndex.Handler("order-totals", "com.acme.OrderTotals",
                    new TreeSet<>(List.of("OrderPlaced", "OrderPaid"))),
            new HandlerIndex.Handler("order", "com.acme.Order", new TreeSet<>(List.of("OrderPlaced")))));

    @Test
    void whatTheWriterWritesTheReaderReadsBack() {
        assertThat(HandlerIndex.read(INDEX.toJson().getBytes(StandardCharsets.UTF_8), "test")).isEqualTo(INDEX);
    }

    @Test
    void theTextIsSortedWithOneHandlerPerLine() {
        assertThat(INDEX.toJson()).isEqualTo("""
                {
                  "format": 1,
                  "handlers": [
                    {"name": "order", "javaType": "com.acme.Order", "events": ["OrderPlaced"]},
                    {"name": "order-totals", "javaType": "com.acme.OrderTotals", "events": ["OrderPaid", "OrderPlaced"]}
                  ]
                }
                """);
    }

    @Test
    void aProjectionVersionOtherThanOneIsWrittenAfterTheNameAndReadBack() {
        HandlerIndex versions = new HandlerIndex(List.of(
                new HandlerIndex.Handler("order-totals", "com.acme.OrderTotals", new TreeSet<>(List.of("OrderPaid"))),
                new HandlerIndex.Handler("order-totals", "com.acme.OrderTotalsV2", new TreeSet<>(List.of("OrderPaid")),
                        2)));

        assertThat(versions.toJson()).isEqualTo("""
                {
                  "format": 1,
                  "handlers": [
                    {"name": "order-totals", "javaType": "com.acme.OrderTotals", "events": ["OrderPaid"]},
                    {"name": "order-totals", "version": 2, "javaType": "com.acme.OrderTotalsV2", "events": ["OrderPaid"]}
                  ]
                }
                """);
        assertThat(HandlerIndex.read(versions.toJson().getBytes(StandardCharsets.UTF_8), "test")).isEqualTo(versions);
    }

    @Test
    void aHandlerWithoutAVersionIsVersionOne() {
        byte[] unversioned = """
                {"format": 1, "handlers": [{"name": "a", "javaType": "a.A", "events": ["E"]}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThat(HandlerIndex.read(unversioned, "here").handlers()).extracting(HandlerIndex.Handler::version)
                .containsExactly(1);
    }

    @Test
    void aHandlerVersionBelowOneIsRefusedNamingIt() {
        byte[] zero = """
                {"format": 1, "handlers": [{"name": "a", "version": 0, "javaType": "a.A", "events": ["E"]}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> HandlerIndex.read(zero, "here"))
                .isInstanceOf(FormatException.class)
                .hasMessage("here: handler 1 of the index has version 0; versions start at 1");
    }

    @Test
    void aHandlerWithoutItsEventsIsRefusedNamingIt() {
        byte[] incomplete = """
                {"format": 1, "handlers": [{"name": "a", "javaType": "a.A"}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> HandlerIndex.read(incomplete, "here"))
                .isInstanceOf(FormatException.class)
                .hasMessage("here: handler 1 of the index lacks its name, javaType or events");
    }

    @Test
    void anIndexOfANewerFormatIsRefused() {
        byte[] newer = "{\"format\": 2, \"handlers\": []}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> HandlerIndex.read(newer, "here")).isInstanceOf(FormatException.class)
                .hasMessageContaining("format 2");
    }
}
