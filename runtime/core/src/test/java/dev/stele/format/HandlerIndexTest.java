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
