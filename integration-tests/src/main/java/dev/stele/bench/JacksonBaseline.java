package dev.stele.bench;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.stele.demo.orders.OrderId;

/**
 * Jackson databind configured to write exactly the JSON Stele's generated codec writes for the same
 * record: ISO-8601 instants ({@link JavaTimeModule}, dates not as timestamps), {@code Optional} as its
 * value or null ({@link Jdk8Module}), and the typed id {@link OrderId} as its one value (a mix-in, so
 * the demo's record stays free of Jackson annotations). Record components are written in declaration
 * order, as Jackson does for records.
 */
final class JacksonBaseline {

    private JacksonBaseline() {
    }

    static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(new Jdk8Module())
                .addMixIn(OrderId.class, OrderIdMixIn.class)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .build();
    }

    /** {@link OrderId} as its single value, both ways. */
    abstract static class OrderIdMixIn {

        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        OrderIdMixIn(String value) {
        }

        @JsonValue
        abstract String value();
    }
}
