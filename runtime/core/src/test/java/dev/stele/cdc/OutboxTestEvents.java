package dev.stele.cdc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.catalog.Catalog;
import dev.stele.catalog.EventCatalog;
import dev.stele.spi.EventCodec;
import dev.stele.spi.EventType;
import dev.stele.spi.SpiVersion;
import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.JsonReading;
import java.io.IOException;
import java.util.List;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.Encoder;

/**
 * A hand-written catalog, as the processor would generate it, of two events: {@code Opened} v1, and
 * {@code Shipped} v2 with its older v1 that upcasts (kilograms to grams). Each codec writes JSON and Avro binary
 * (its fields in order); the fingerprints are made up, and there are no schema resources, so Avro data reads
 * back only with the schema it was written with.
 */
public final class OutboxTestEvents {

    public record Opened(String accountId, String owner) {
    }

    public record Shipped(String parcelId, long grams) {
    }

    public record ShippedV1(String parcelId, double kg) {
    }

    public static final Catalog CATALOG = Catalog.of(new EventCatalog() {
        @Override
        public int spiVersion() {
            return SpiVersion.CURRENT;
        }

        @Override
        public String generatedBy() {
            return "OutboxTestEvents";
        }

        @Override
        public List<EventType<?>> eventTypes() {
            return List.of(EventType.of("Opened", 1, Opened.class, new OpenedCodec(), 11L),
                    EventType.of("Shipped", 1, ShippedV1.class, new ShippedV1Codec(), 21L)
                            .upcastingTo(2, old -> new Shipped(old.parcelId(), Math.round(old.kg() * 1000))),
                    EventType.of("Shipped", 2, Shipped.class, new ShippedCodec(), 22L));
        }
    });

    private OutboxTestEvents() {
    }

    /** Reads the two fields of an object; {@code null} for a field not there. */
    private static Object[] fields(JsonParser in, String first, String second) throws IOException {
        JsonReading.expectObject(in);
        Object[] values = new Object[2];
        for (String field = in.nextFieldName(); field != null; field = in.nextFieldName()) {
            JsonToken token = in.nextToken();
            int index = field.equals(first) ? 0 : field.equals(second) ? 1 : -1;
            if (index < 0) {
                in.skipChildren();
            } else if (token == JsonToken.VALUE_STRING) {
                values[index] = in.getText();
            } else if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                values[index] = in.getNumberValue();
            } else {
                throw new CodecFailure("expected a string or number").inField(field);
            }
        }
        for (int i = 0; i < 2; i++) {
            if (values[i] == null) {
                throw JsonReading.missingField(i == 0 ? first : second);
            }
        }
        return values;
    }

    private static final class OpenedCodec implements EventCodec<Opened> {
        @Override
        public void writeAvro(Opened event, Encoder out) throws IOException {
            out.writeString(event.accountId());
            out.writeString(event.owner());
        }

        @Override
        public Opened readAvro(Decoder in) throws IOException {
            return new Opened(in.readString(), in.readString());
        }

        @Override
        public void writeJson(Opened event, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("accountId", event.accountId());
            out.writeStringField("owner", event.owner());
            out.writeEndObject();
        }

        @Override
        public Opened readJson(JsonParser in) throws IOException {
            Object[] values = fields(in, "accountId", "owner");
            if (!(values[0] instanceof String id) || !(values[1] instanceof String owner)) {
                throw new CodecFailure("expected strings");
            }
            return new Opened(id, owner);
        }
    }

    private static final class ShippedCodec implements EventCodec<Shipped> {
        @Override
        public void writeAvro(Shipped event, Encoder out) throws IOException {
            out.writeString(event.parcelId());
            out.writeLong(event.grams());
        }

        @Override
        public Shipped readAvro(Decoder in) throws IOException {
            return new Shipped(in.readString(), in.readLong());
        }

        @Override
        public void writeJson(Shipped event, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("parcelId", event.parcelId());
            out.writeNumberField("grams", event.grams());
            out.writeEndObject();
        }

        @Override
        public Shipped readJson(JsonParser in) throws IOException {
            Object[] values = fields(in, "parcelId", "grams");
            if (!(values[0] instanceof String id) || !(values[1] instanceof Number grams)) {
                throw new CodecFailure("expected a string and a number");
            }
            return new Shipped(id, grams.longValue());
        }
    }

    private static final class ShippedV1Codec implements EventCodec<ShippedV1> {
        @Override
        public void writeAvro(ShippedV1 event, Encoder out) throws IOException {
            out.writeString(event.parcelId());
            out.writeDouble(event.kg());
        }

        @Override
        public ShippedV1 readAvro(Decoder in) throws IOException {
            return new ShippedV1(in.readString(), in.readDouble());
        }

        @Override
        public void writeJson(ShippedV1 event, JsonGenerator out) throws IOException {
            out.writeStartObject();
            out.writeStringField("parcelId", event.parcelId());
            out.writeNumberField("kg", event.kg());
            out.writeEndObject();
        }

        @Override
        public ShippedV1 readJson(JsonParser in) throws IOException {
            Object[] values = fields(in, "parcelId", "kg");
            if (!(values[0] instanceof String id) || !(values[1] instanceof Number kg)) {
                throw new CodecFailure("expected a string and a number");
            }
            return new ShippedV1(id, kg.doubleValue());
        }
    }
}
