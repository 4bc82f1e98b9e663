package com.example.orders;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.stele.spi.AggregateType;
import dev.stele.spi.codec.JsonReading;
import dev.stele.spi.codec.JsonWriting;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.Generated;

/**
 * The aggregate {@link Order}, category "order": its initial state, the dispatch of events to its
 * {@code @Apply} methods, and the JSON codec of its state for snapshots.
 */
@Generated("dev.stele.processor.SteleProcessor")
public final class OrderAggregate implements AggregateType<Order> {
    /**
     * The aggregate as the generated aggregate catalog registers it.
     */
    public static final OrderAggregate TYPE = new OrderAggregate();

    private static final Set<String> HANDLED_EVENTS = Set.of("OrderPlaced");

    private static final SerializedString ID = new SerializedString("id");

    private static final SerializedString STATUS = new SerializedString("status");

    private static final SerializedString CHANNEL = new SerializedString("channel");

    private static final SerializedString COUPON_CODE = new SerializedString("couponCode");

    private static final SerializedString LINES = new SerializedString("lines");

    private static final SerializedString[] ORDER_NAMES = {ID, STATUS, CHANNEL, COUPON_CODE, LINES};

    private static final SerializedString SKU = new SerializedString("sku");

    private static final SerializedString QUANTITY = new SerializedString("quantity");

    private static final SerializedString UNIT_PRICE = new SerializedString("unitPrice");

    private static final SerializedString[] ORDER_LINE_NAMES = {SKU, QUANTITY, UNIT_PRICE};

    private OrderAggregate() {
    }

    @Override
    public String category() {
        return "order";
    }

    @Override
    public Class<Order> stateType() {
        return Order.class;
    }

    @Override
    public int snapshotEvery() {
        return 50;
    }

    @Override
    public long stateFingerprint() {
        return 0x7945cfafea80e9aaL;
    }

    @Override
    public Set<String> handledEvents() {
        return HANDLED_EVENTS;
    }

    @Override
    public Order initial(String id) {
        return Order.initial(id);
    }

    @Override
    public Order apply(Order state, String eventName, Object event) {
        return switch (eventName) {
            case "OrderPlaced" -> state.on((OrderPlaced) event);
            default -> state;
        };
    }

    @Override
    public void writeState(Order state, JsonGenerator out) throws IOException {
        writeOrder(out, state);
    }

    @Override
    public Order readState(JsonParser in) throws IOException {
        return readOrder(in);
    }

    private static void writeOrder(JsonGenerator out, Order value) throws IOException {
        out.writeStartObject();
        out.writeFieldName(ID);
        JsonWriting.writeString(out, JsonWriting.required(value.id()).value());
        out.writeFieldName(STATUS);
        JsonWriting.writeSymbol(out, value.status());
        out.writeFieldName(CHANNEL);
        JsonWriting.writeSymbol(out, value.channel());
        out.writeFieldName(COUPON_CODE);
        Optional<String> couponCode = JsonWriting.required(value.couponCode());
        if (couponCode.isEmpty()) {
            out.writeNull();
        } else {
            JsonWriting.writeString(out, couponCode.get());
        }
        out.writeFieldName(LINES);
        JsonWriting.writeArray(out, value.lines(), OrderAggregate::writeOrderLine);
        out.writeEndObject();
    }

    private static Order readOrder(JsonParser in) throws IOException {
        JsonReading.expectObject(in);
        OrderId id = null;
        boolean hasId = false;
        Order.Status status = null;
        boolean hasStatus = false;
        Channel channel = null;
        boolean hasChannel = false;
        Optional<String> couponCode = Optional.empty();
        List<OrderLine> lines = null;
        boolean hasLines = false;
        int field = -1;
        while ((field = JsonReading.nextField(in, ORDER_NAMES, field + 1,
                OrderAggregate::orderField)) != JsonReading.END_OF_OBJECT) {
            in.nextToken();
            switch (field) {
                case 0 -> {
                    id = new OrderId(JsonReading.readString(in));
                    hasId = true;
                }
                case 1 -> {
                    status = readStatus(in);
                    hasStatus = true;
                }
                case 2 -> {
                    channel = readChannel(in);
                    hasChannel = true;
                }
                case 3 -> couponCode = JsonReading.isNull(in) ? Optional.empty()
                        : Optional.of(JsonReading.readString(in));
                case 4 -> {
                    lines = JsonReading.readList(in, OrderAggregate::readOrderLine);
                    hasLines = true;
                }
                default -> JsonReading.skip(in);
            }
        }
        if (!hasId) {
            throw JsonReading.missingField("id");
        }
        if (!hasStatus) {
            throw JsonReading.missingField("status");
        }
        if (!hasChannel) {
            channel = Channel.WEB;
        }
        if (!hasLines) {
            throw JsonReading.missingField("lines");
        }
        return new Order(id, status, channel, couponCode, lines);
    }

    private static int orderField(String name) {
        return switch (name) {
            case "id" -> 0;
            case "status" -> 1;
            case "channel" -> 2;
            case "couponCode" -> 3;
            case "lines" -> 4;
            default -> 5;
        };
    }

    private static Order.Status readStatus(JsonParser in) throws IOException {
        return switch (JsonReading.readSymbol(in)) {
            case "NEW" -> Order.Status.NEW;
            case "PLACED" -> Order.Status.PLACED;
            default -> throw JsonReading.unknownSymbol(in, "Status");
        };
    }

    private static Channel readChannel(JsonParser in) throws IOException {
        return switch (JsonReading.readSymbol(in)) {
            case "WEB" -> Channel.WEB;
            case "MOBILE" -> Channel.MOBILE;
            case "STORE" -> Channel.STORE;
            default -> Channel.WEB;
        };
    }

    private static void writeOrderLine(JsonGenerator out, OrderLine value) throws IOException {
        out.writeStartObject();
        out.writeFieldName(SKU);
        JsonWriting.writeString(out, value.sku());
        out.writeFieldName(QUANTITY);
        JsonWriting.writeInt(out, value.quantity());
        out.writeFieldName(UNIT_PRICE);
        JsonWriting.writeDecimal(out, value.unitPrice(), 12, 2);
        out.writeEndObject();
    }

    private static OrderLine readOrderLine(JsonParser in) throws IOException {
        JsonReading.expectObject(in);
        String sku = null;
        boolean hasSku = false;
        int quantity = 0;
        boolean hasQuantity = false;
        BigDecimal unitPrice = null;
        boolean hasUnitPrice = false;
        int field = -1;
        while ((field = JsonReading.nextField(in, ORDER_LINE_NAMES, field + 1,
                OrderAggregate::orderLineField)) != JsonReading.END_OF_OBJECT) {
            in.nextToken();
            switch (field) {
                case 0 -> {
                    sku = JsonReading.readString(in);
                    hasSku = true;
                }
                case 1 -> {
                    quantity = JsonReading.readInt(in);
                    hasQuantity = true;
                }
                case 2 -> {
                    unitPrice = JsonReading.readDecimal(in, 12, 2);
                    hasUnitPrice = true;
                }
                default -> JsonReading.skip(in);
            }
        }
        if (!hasSku) {
            throw JsonReading.missingField("sku");
        }
        if (!hasQuantity) {
            throw JsonReading.missingField("quantity");
        }
        if (!hasUnitPrice) {
            throw JsonReading.missingField("unitPrice");
        }
        return new OrderLine(sku, quantity, unitPrice);
    }

    private static int orderLineField(String name) {
        return switch (name) {
            case "sku" -> 0;
            case "quantity" -> 1;
            case "unitPrice" -> 2;
            default -> 3;
        };
    }
}
