package dev.stele.cdc;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.EventCatalog;
import dev.stele.spi.EventCodec;
import dev.stele.spi.EventType;
import dev.stele.spi.SpiVersion;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordReader;
import dev.stele.spi.codec.RecordWriter;
import java.io.IOException;
import java.util.List;

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

    private static final RecordFields OPENED = RecordFields.of("accountId", "owner");
    private static final RecordFields SHIPPED = RecordFields.of("parcelId", "grams");
    private static final RecordFields SHIPPED_V1 = RecordFields.of("parcelId", "kg");

    private static final class OpenedCodec implements EventCodec<Opened> {
        @Override
        public void write(Opened event, RecordWriter out) throws IOException {
            out.startRecord(OPENED);
            out.field(OPENED, 0).writeString(event.accountId());
            out.field(OPENED, 1).writeString(event.owner());
            out.endRecord();
        }

        @Override
        public Opened read(RecordReader in) throws IOException {
            String accountId = null;
            String owner = null;
            for (int field = in.firstField(OPENED); field != RecordReader.END; field = in.nextField(OPENED)) {
                switch (field) {
                    case 0 -> accountId = in.readString();
                    case 1 -> owner = in.readString();
                }
            }
            return new Opened(accountId, owner);
        }
    }

    private static final class ShippedCodec implements EventCodec<Shipped> {
        @Override
        public void write(Shipped event, RecordWriter out) throws IOException {
            out.startRecord(SHIPPED);
            out.field(SHIPPED, 0).writeString(event.parcelId());
            out.field(SHIPPED, 1).writeLong(event.grams());
            out.endRecord();
        }

        @Override
        public Shipped read(RecordReader in) throws IOException {
            String parcelId = null;
            long grams = 0;
            for (int field = in.firstField(SHIPPED); field != RecordReader.END; field = in.nextField(SHIPPED)) {
                switch (field) {
                    case 0 -> parcelId = in.readString();
                    case 1 -> grams = in.readLong();
                }
            }
            return new Shipped(parcelId, grams);
        }
    }

    private static final class ShippedV1Codec implements EventCodec<ShippedV1> {
        @Override
        public void write(ShippedV1 event, RecordWriter out) throws IOException {
            out.startRecord(SHIPPED_V1);
            out.field(SHIPPED_V1, 0).writeString(event.parcelId());
            out.field(SHIPPED_V1, 1).writeDouble(event.kg());
            out.endRecord();
        }

        @Override
        public ShippedV1 read(RecordReader in) throws IOException {
            String parcelId = null;
            double kg = 0;
            for (int field = in.firstField(SHIPPED_V1); field != RecordReader.END; field = in.nextField(SHIPPED_V1)) {
                switch (field) {
                    case 0 -> parcelId = in.readString();
                    case 1 -> kg = in.readDouble();
                }
            }
            return new ShippedV1(parcelId, kg);
        }
    }
}
