package com.example.orders;

import dev.stele.spi.AggregateType;
import dev.stele.spi.codec.EnumSymbols;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordReader;
import dev.stele.spi.codec.RecordWriter;
import dev.stele.spi.codec.ValueReader;
import dev.stele.spi.codec.ValueWriter;
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

    private static final RecordFields ORDER = RecordFields.of("id", "status", "channel",
            "couponCode", "lines")
            .withOptional("channel", "couponCode");

    private static final EnumSymbols<Order.Status> STATUS = EnumSymbols.of("Status", Order.Status.values());

    private static final EnumSymbols<Channel> CHANNEL = EnumSymbols.of("Channel", Channel.values(),
            Channel.WEB);

    private static final RecordFields ORDER_LINE = RecordFields.of("sku", "quantity", "unitPrice");

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
    public void writeState(Order value, RecordWriter out) throws IOException {
        out.startRecord(ORDER);
        out.field(ORDER, 0).writeString(RecordWriter.required(value.id()).value());
        out.field(ORDER, 1).writeEnum(STATUS, value.status());
        out.field(ORDER, 2).writeEnum(CHANNEL, value.channel());
        out.field(ORDER, 3).writeOptional(value.couponCode(), ValueWriter.STRING);
        out.field(ORDER, 4).writeList(value.lines(), OrderAggregate::writeOrderLine);
        out.endRecord();
    }

    @Override
    public Order readState(RecordReader in) throws IOException {
        OrderId id = null;
        Order.Status status = null;
        Channel channel = Channel.WEB;
        Optional<String> couponCode = Optional.empty();
        List<OrderLine> lines = null;
        for (int field = in.firstField(ORDER); field != RecordReader.END;
                field = in.nextField(ORDER)) {
            switch (field) {
                case 0 -> id = new OrderId(in.readString());
                case 1 -> status = in.readEnum(STATUS);
                case 2 -> channel = in.readEnum(CHANNEL);
                case 3 -> couponCode = in.readOptional(ValueReader.STRING);
                case 4 -> lines = in.readList(OrderAggregate::readOrderLine);
            }
        }
        return new Order(id, status, channel, couponCode, lines);
    }

    private static void writeOrderLine(RecordWriter out, OrderLine value) throws IOException {
        out.startRecord(ORDER_LINE);
        out.field(ORDER_LINE, 0).writeString(value.sku());
        out.field(ORDER_LINE, 1).writeInt(value.quantity());
        out.field(ORDER_LINE, 2).writeDecimal(value.unitPrice(), 12, 2);
        out.endRecord();
    }

    private static OrderLine readOrderLine(RecordReader in) throws IOException {
        String sku = null;
        int quantity = 0;
        BigDecimal unitPrice = null;
        for (int field = in.firstField(ORDER_LINE); field != RecordReader.END;
                field = in.nextField(ORDER_LINE)) {
            switch (field) {
                case 0 -> sku = in.readString();
                case 1 -> quantity = in.readInt();
                case 2 -> unitPrice = in.readDecimal(12, 2);
            }
        }
        return new OrderLine(sku, quantity, unitPrice);
    }
}
