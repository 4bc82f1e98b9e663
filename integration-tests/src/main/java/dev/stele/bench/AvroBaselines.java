package dev.stele.bench;

import dev.stele.demo.orders.Channel;
import dev.stele.demo.orders.OrderId;
import dev.stele.demo.orders.OrderLine;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.Shipping;
import dev.stele.spi.EventType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.avro.Conversions;
import org.apache.avro.Schema;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.reflect.Nullable;
import org.apache.avro.reflect.ReflectData;

/**
 * Avro's own data models on the schema the processor wrote for {@code OrderPlaced} v3, set up as a
 * user would to read and write the same event without Stele.
 *
 * <p>Avro 1.12 reflection cannot take the {@link OrderPlaced} record itself: {@code ReflectDatumReader}
 * instantiates a class through its no-argument constructor, which a record does not have
 * ({@code NoSuchMethodException: OrderPlaced.<init>()}), and {@code ReflectDatumWriter} cannot write the
 * typed id {@link OrderId} where the schema has a string ({@code ClassCastException}). So there are two
 * baselines:
 * <ul>
 *   <li>reflect, on {@link ReflectOrder}, a mutable mirror of the event with the plain field types
 *       reflection understands; the mirror is the value (no mapping is timed), which favours Avro;
 *   <li>generic, on {@link GenericRecord}, mapped from and to the {@link OrderPlaced} record inside the
 *       timed code, since an application holding events as records pays that mapping.
 * </ul>
 * Both convert {@code uuid} and {@code timestamp-nanos} with Avro's own logical type conversions.
 */
final class AvroBaselines {

    private AvroBaselines() {
    }

    /** The schema the processor wrote, read as the runtime reads it. */
    static Schema schema(EventType<?> type) {
        try (InputStream in = AvroBaselines.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
            Fixtures.check(in != null, "the processor's schema " + type.schemaResource() + " is on the class path");
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The generic data model, with Avro's conversions for the logical types the schema uses. */
    static GenericData genericModel() {
        GenericData model = new GenericData();
        model.addLogicalTypeConversion(new Conversions.UUIDConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampNanosConversion());
        return model;
    }

    /**
     * The reflect data model. The schema's names come from the event name ({@code stele.v3.OrderPlaced}),
     * not from Java classes, so the model is told which class stands for each named type, as
     * {@code ReflectData.getClass} would otherwise look them up by name.
     */
    static ReflectData reflectModel(Schema schema) {
        String record = schema.getFullName();
        Map<String, Class<?>> classes = Map.of(record, ReflectOrder.class, record + ".OrderLine", ReflectLine.class,
                record + ".Channel", Channel.class, record + ".Shipping", Shipping.class);
        ReflectData model = new ReflectData() {
            @Override
            public Class<?> getClass(Schema named) {
                Class<?> mapped = classes.get(named.getFullName());
                return mapped != null ? mapped : super.getClass(named);
            }
        };
        model.addLogicalTypeConversion(new Conversions.UUIDConversion());
        model.addLogicalTypeConversion(new TimeConversions.TimestampNanosConversion());
        return model;
    }

    /** The event as a generic record of {@code schema}. */
    static GenericRecord toGeneric(OrderPlaced event, Schema schema) {
        Schema lineSchema = schema.getField("lines").schema().getElementType();
        GenericData.Array<GenericRecord> lines = new GenericData.Array<>(event.lines().size(),
                schema.getField("lines").schema());
        for (OrderLine line : event.lines()) {
            GenericData.Record generic = new GenericData.Record(lineSchema);
            generic.put(0, line.sku());
            generic.put(1, line.title());
            generic.put(2, line.quantity());
            generic.put(3, line.unitPriceMinor());
            lines.add(generic);
        }
        GenericData.Record record = new GenericData.Record(schema);
        record.put(0, event.orderId().value());
        record.put(1, event.customerId());
        record.put(2, event.customerEmail());
        record.put(3, event.totalMinor());
        record.put(4, event.currency());
        record.put(5, event.placedAt());
        record.put(6, new GenericData.EnumSymbol(schema.getField("channel").schema(), event.channel().name()));
        record.put(7, lines);
        record.put(8, event.couponCode().orElse(null));
        record.put(9, new GenericData.EnumSymbol(schema.getField("shipping").schema(), event.shipping().name()));
        return record;
    }

    /** The record a generic reader produced, as the event. Strings arrive as Avro's {@code Utf8}. */
    static OrderPlaced fromGeneric(GenericRecord record) {
        @SuppressWarnings("unchecked")
        List<GenericRecord> generic = (List<GenericRecord>) record.get(7);
        List<OrderLine> lines = new ArrayList<>(generic.size());
        for (GenericRecord line : generic) {
            lines.add(new OrderLine(line.get(0).toString(), line.get(1).toString(), (Integer) line.get(2),
                    (Long) line.get(3)));
        }
        Object coupon = record.get(8);
        return new OrderPlaced(new OrderId(record.get(0).toString()), (UUID) record.get(1), record.get(2).toString(),
                (Long) record.get(3), record.get(4).toString(), (Instant) record.get(5),
                Channel.valueOf(((GenericEnumSymbol<?>) record.get(6)).toString()), List.copyOf(lines),
                Optional.ofNullable(coupon == null ? null : coupon.toString()),
                Shipping.valueOf(((GenericEnumSymbol<?>) record.get(9)).toString()));
    }

    /** The event as the reflect mirror; only for the setup's checks. */
    static ReflectOrder toReflect(OrderPlaced event) {
        ReflectOrder order = new ReflectOrder();
        order.orderId = event.orderId().value();
        order.customerId = event.customerId();
        order.customerEmail = event.customerEmail();
        order.totalMinor = event.totalMinor();
        order.currency = event.currency();
        order.placedAt = event.placedAt();
        order.channel = event.channel();
        order.lines = new ArrayList<>();
        for (OrderLine line : event.lines()) {
            ReflectLine mirror = new ReflectLine();
            mirror.sku = line.sku();
            mirror.title = line.title();
            mirror.quantity = line.quantity();
            mirror.unitPriceMinor = line.unitPriceMinor();
            order.lines.add(mirror);
        }
        order.couponCode = event.couponCode().orElse(null);
        order.shipping = event.shipping();
        return order;
    }

    /** The reflect mirror as the event; only for the setup's checks. */
    static OrderPlaced fromReflect(ReflectOrder order) {
        List<OrderLine> lines = new ArrayList<>();
        for (ReflectLine line : order.lines) {
            lines.add(new OrderLine(line.sku, line.title, line.quantity, line.unitPriceMinor));
        }
        return new OrderPlaced(new OrderId(order.orderId), order.customerId, order.customerEmail, order.totalMinor,
                order.currency, order.placedAt, order.channel, List.copyOf(lines),
                Optional.ofNullable(order.couponCode), order.shipping);
    }

    /** {@link OrderPlaced} as Avro reflection can read and write it: public fields, a no-argument constructor. */
    public static final class ReflectOrder {
        public String orderId;
        public UUID customerId;
        public String customerEmail;
        public long totalMinor;
        public String currency;
        public Instant placedAt;
        public Channel channel;
        public List<ReflectLine> lines;
        @Nullable
        public String couponCode;
        public Shipping shipping;
    }

    /** {@link OrderLine} for Avro reflection. */
    public static final class ReflectLine {
        public String sku;
        public String title;
        public int quantity;
        public long unitPriceMinor;
    }
}
