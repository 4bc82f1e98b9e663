package dev.stele.bench;

import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderLine;
import dev.stele.demo.orders.OrderPlaced;
import io.avaje.json.JsonAdapter;
import io.avaje.json.JsonReader;
import io.avaje.json.JsonWriter;
import io.avaje.jsonb.CustomAdapter;
import io.avaje.jsonb.Json;
import io.avaje.jsonb.Jsonb;
import io.avaje.jsonb.Types;
import java.util.Optional;

/**
 * avaje-jsonb 3.9 on the same record as Stele, {@link OrderPlaced} itself: {@code @Json.Import} makes avaje's
 * processor generate adapters for the demo's records without annotating them. Configured to write exactly
 * the JSON Stele's generated codec writes: {@code null}s written (avaje leaves them out by default), and the
 * typed id {@link OrderId} as its one value through a hand-written adapter. {@code Instant} (ISO-8601 text),
 * {@code UUID} and enums (by name) are avaje's own adapters. {@code Optional<String>} has one of its own here
 * too: avaje's wraps its Optional adapter in {@code nullSafe()}, so a JSON {@code null} reads back as a
 * {@code null} {@code Optional} rather than {@code Optional.empty()} (it writes an empty one as {@code null}, as
 * Stele does); {@link OptionalStringAdapter} reads {@code null} as empty. avaje has no reflective fallback:
 * without a generated or registered adapter, {@code Jsonb.type} fails.
 */
@Json.Import({OrderPlaced.class, OrderLine.class})
public final class AvajeBaseline {

    private AvajeBaseline() {
    }

    static Jsonb jsonb() {
        return Jsonb.builder()
                .serializeNulls(true)
                .add(Types.optionalOf(String.class), new OptionalStringAdapter())
                .build();
    }

    /** {@code Optional<String>} as its value or {@code null}, both ways. */
    static final class OptionalStringAdapter implements JsonAdapter<Optional<String>> {

        @Override
        public void toJson(JsonWriter writer, Optional<String> value) {
            if (value.isPresent()) {
                writer.value(value.get());
            } else {
                writer.nullValue();
            }
        }

        @Override
        public Optional<String> fromJson(JsonReader reader) {
            return reader.isNullValue() ? Optional.empty() : Optional.of(reader.readString());
        }
    }

    /** {@link OrderId} as its one value, both ways. */
    @CustomAdapter
    public static final class OrderIdAdapter implements JsonAdapter<OrderId> {

        @Override
        public void toJson(JsonWriter writer, OrderId value) {
            writer.value(value.value());
        }

        @Override
        public OrderId fromJson(JsonReader reader) {
            return new OrderId(reader.readString());
        }
    }
}
