package dev.stele.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import dev.stele.catalog.Catalog;
import dev.stele.demo.orders.OrderLine;
import dev.stele.demo.orders.OrderPlaced;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How fast a JSON codec built on Jackson's streaming API could at best be for this event, which is why
 * Stele's codecs no longer use it (read with {@link JsonBenchmark}). Not a comparison with a baseline:
 * <ul>
 *   <li>{@code parserFloor}: Jackson's parser tokenising the same document and nothing else (string
 *       values are skipped, not decoded; no names are looked up) — less than any reader on
 *       {@link JsonParser} pays, since a reader must at least materialise its strings;
 *   <li>{@code generatorFloor}: Jackson's generator writing the same document from values already
 *       converted to text — what any writer on {@link JsonGenerator} pays at least.
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonHeadroomBenchmark {

    private static final SerializedString[] ORDER_FIELDS = {new SerializedString("orderId"),
        new SerializedString("customerId"), new SerializedString("customerEmail"), new SerializedString("totalMinor"),
        new SerializedString("currency"), new SerializedString("placedAt"), new SerializedString("channel"),
        new SerializedString("lines"), new SerializedString("couponCode"), new SerializedString("shipping")};
    private static final SerializedString[] LINE_FIELDS = {new SerializedString("sku"), new SerializedString("title"),
        new SerializedString("quantity"), new SerializedString("unitPriceMinor")};

    private OrderPlaced event;
    private byte[] json;
    private JsonFactory factory;
    private String customerIdText;
    private String placedAtText;

    @Setup
    public void setUp() throws IOException {
        event = Fixtures.orderWithThreeLines();
        factory = JsonFactory.builder().build();
        json = Catalog.load().toJson(event).payload();
        customerIdText = event.customerId().toString();
        placedAtText = event.placedAt().toString();
        Fixtures.check(java.util.Arrays.equals(json, generatorFloor()), "the generator floor writes the same bytes");
    }

    @Benchmark
    public int parserFloor() throws IOException {
        int tokens = 0;
        try (JsonParser in = factory.createParser(json)) {
            while (in.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    @Benchmark
    public byte[] generatorFloor() throws IOException {
        ByteArrayBuilder bytes = new ByteArrayBuilder(factory._getBufferRecycler());
        try (JsonGenerator out = factory.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeFieldName(ORDER_FIELDS[0]);
            out.writeString(event.orderId().value());
            out.writeFieldName(ORDER_FIELDS[1]);
            out.writeString(customerIdText);
            out.writeFieldName(ORDER_FIELDS[2]);
            out.writeString(event.customerEmail());
            out.writeFieldName(ORDER_FIELDS[3]);
            out.writeNumber(event.totalMinor());
            out.writeFieldName(ORDER_FIELDS[4]);
            out.writeString(event.currency());
            out.writeFieldName(ORDER_FIELDS[5]);
            out.writeString(placedAtText);
            out.writeFieldName(ORDER_FIELDS[6]);
            out.writeString(event.channel().name());
            out.writeFieldName(ORDER_FIELDS[7]);
            out.writeStartArray();
            for (OrderLine line : event.lines()) {
                out.writeStartObject();
                out.writeFieldName(LINE_FIELDS[0]);
                out.writeString(line.sku());
                out.writeFieldName(LINE_FIELDS[1]);
                out.writeString(line.title());
                out.writeFieldName(LINE_FIELDS[2]);
                out.writeNumber(line.quantity());
                out.writeFieldName(LINE_FIELDS[3]);
                out.writeNumber(line.unitPriceMinor());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeFieldName(ORDER_FIELDS[8]);
            out.writeString(event.couponCode().get());
            out.writeFieldName(ORDER_FIELDS[9]);
            out.writeString(event.shipping().name());
            out.writeEndObject();
        }
        byte[] result = bytes.toByteArray();
        bytes.release();
        return result;
    }
}
