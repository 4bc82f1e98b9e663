package dev.stele.bench;

import com.dslplatform.json.CompiledJson;
import com.dslplatform.json.JavaTimeConverter;
import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonConverter;
import com.dslplatform.json.JsonReader;
import com.dslplatform.json.JsonWriter;
import dev.stele.demo.orders.Channel;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderLine;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.Shipping;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * DSL-JSON 2.0.2 on a copy of {@link OrderPlaced}, configured to write exactly the JSON Stele's generated
 * codec writes. DSL-JSON's processor generates converters only for types annotated {@code @CompiledJson}
 * (or Jackson/JSON-B annotated) and has no way to import a type it may not annotate, so {@link Order} and
 * {@link Line} are records with the same components, in the same order, of the same types as
 * {@code OrderPlaced} and {@code OrderLine}: what a user of DSL-JSON would write on their own record. The
 * copy is the value, as the user's record would be: no mapping to or from {@code OrderPlaced} is timed
 * ({@link Order#of} and {@link Order#toEvent} serve the setup checks only).
 *
 * <p>Two converters, written by hand as DSL-JSON asks for types it does not know: the typed id
 * {@link OrderId} as its one value, and {@link Instant}, which DSL-JSON 2.0.2 has no converter for (it has
 * {@code OffsetDateTime} and the {@code Local*} types). {@link InstantConverter} reads with DSL-JSON's own
 * date-time parser ({@code JavaTimeConverter.deserializeDateTime}, much faster than {@code Instant.parse}),
 * and writes {@code Instant.toString()}, the text Stele writes: DSL-JSON's own writer
 * ({@code JavaTimeConverter.serialize}) drops the fraction's trailing zeros ({@code .12Z} where Stele writes
 * {@code .120Z}, {@code .5Z} for {@code .500Z}), which would part from Stele's bytes for such instants. UUIDs,
 * enums (by name), {@code long}/{@code int}, lists and {@code Optional} (its value, or {@code null}) are
 * DSL-JSON's own.
 */
public final class DslJsonBaseline {

    private DslJsonBaseline() {
    }

    /**
     * The converters the processor generated (DSL-JSON 2.x finds them by name, {@code _Order_DslJsonConverter}
     * beside {@code Order}) and DSL-JSON's own for the JDK's types; no reflective analysis of classes. The
     * benchmark's setup checks that the writer and reader it gets are the generated ones.
     */
    static DslJson<Object> dslJson() {
        return new DslJson<>(new DslJson.Settings<>().includeServiceLoader());
    }

    /** The generated writer for {@link Order}, looked up once as a pre-built Jackson {@code ObjectWriter} is. */
    static JsonWriter.WriteObject<Order> writer(DslJson<Object> dslJson) {
        return Objects.requireNonNull(dslJson.tryFindWriter(Order.class),
                "no DSL-JSON writer for Order");
    }

    /** The generated reader for {@link Order}. */
    static JsonReader.ReadObject<Order> reader(DslJson<Object> dslJson) {
        return Objects.requireNonNull(dslJson.tryFindReader(Order.class),
                "no DSL-JSON reader for Order");
    }

    /** {@code OrderPlaced} version 3 for DSL-JSON. */
    @CompiledJson
    public record Order(
            OrderId orderId,
            UUID customerId,
            String customerEmail,
            long totalMinor,
            String currency,
            Instant placedAt,
            Channel channel,
            List<Line> lines,
            Optional<String> couponCode,
            Shipping shipping) {

        static Order of(OrderPlaced event) {
            return new Order(event.orderId(), event.customerId(), event.customerEmail(), event.totalMinor(),
                    event.currency(), event.placedAt(), event.channel(),
                    event.lines().stream().map(Line::of).toList(), event.couponCode(), event.shipping());
        }

        OrderPlaced toEvent() {
            return new OrderPlaced(orderId, customerId, customerEmail, totalMinor, currency, placedAt, channel,
                    lines.stream().map(Line::toLine).toList(), couponCode, shipping);
        }
    }

    /** {@code OrderLine} for DSL-JSON. */
    @CompiledJson
    public record Line(String sku, String title, int quantity, long unitPriceMinor) {

        static Line of(OrderLine line) {
            return new Line(line.sku(), line.title(), line.quantity(), line.unitPriceMinor());
        }

        OrderLine toLine() {
            return new OrderLine(sku, title, quantity, unitPriceMinor);
        }
    }

    /** {@link OrderId} as its one value, both ways. */
    @JsonConverter(target = OrderId.class)
    public static final class OrderIdConverter {

        private OrderIdConverter() {
        }

        public static final JsonReader.ReadObject<OrderId> JSON_READER = reader -> new OrderId(reader.readString());

        public static final JsonWriter.WriteObject<OrderId> JSON_WRITER = (writer, value) -> {
            if (value == null) {
                writer.writeNull();
            } else {
                writer.writeString(value.value());
            }
        };
    }

    /** {@link Instant} as ISO-8601 text in UTC, the form Stele writes; read by DSL-JSON's own parser. */
    @JsonConverter(target = Instant.class)
    public static final class InstantConverter {

        private InstantConverter() {
        }

        public static final JsonReader.ReadObject<Instant> JSON_READER =
                reader -> JavaTimeConverter.deserializeDateTime(reader).toInstant();

        public static final JsonWriter.WriteObject<Instant> JSON_WRITER = (writer, value) -> {
            if (value == null) {
                writer.writeNull();
            } else {
                writer.writeString(value.toString());
            }
        };
    }
}
