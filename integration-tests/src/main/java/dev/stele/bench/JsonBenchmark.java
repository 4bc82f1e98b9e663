package dev.stele.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.stele.catalog.Catalog;
import dev.stele.catalog.SerializedEvent;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.OrderPlacedCodec;
import dev.stele.spi.EventCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
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
 * JSON of {@link OrderPlaced} with three lines: Stele's generated codec, through the {@link Catalog}
 * facade and called directly, against Jackson databind on the same record writing the same bytes.
 *
 * <p>Every side starts from the record and ends at a {@code byte[]} (encode), or the reverse (decode).
 * The setup fails the run unless Jackson writes exactly Stele's bytes and each side reads the other's
 * bytes back to an equal record.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class JsonBenchmark {

    private OrderPlaced event;
    private byte[] json;

    private Catalog catalog;
    private JsonFactory factory;
    private EventCodec<OrderPlaced> codec;

    private ObjectWriter jacksonWriter;
    private ObjectReader jacksonReader;

    @Setup
    public void setUp() throws IOException {
        event = Fixtures.orderWithThreeLines();
        catalog = Catalog.load();
        factory = JsonFactory.builder().build();
        codec = OrderPlacedCodec.TYPE.codec();
        ObjectMapper mapper = JacksonBaseline.mapper();
        jacksonWriter = mapper.writerFor(OrderPlaced.class);
        jacksonReader = mapper.readerFor(OrderPlaced.class);

        SerializedEvent serialized = catalog.toJson(event);
        json = serialized.payload();
        byte[] jackson = jacksonWriter.writeValueAsBytes(event);
        Fixtures.check(Arrays.equals(json, jackson), "Jackson writes Stele's bytes:\n  stele   "
                + new String(json, StandardCharsets.UTF_8) + "\n  jackson " + new String(jackson, StandardCharsets.UTF_8));
        Fixtures.check(Arrays.equals(json, steleCodecEncode()), "the codec called directly writes the catalog's bytes");
        Fixtures.check(event.equals(catalog.fromJson(serialized.name(), serialized.version(), jackson)),
                "the catalog reads Jackson's bytes back to the event");
        Fixtures.check(event.equals(steleCodecDecode()), "the codec called directly reads the event");
        Fixtures.check(event.equals(jacksonReader.readValue(json)), "Jackson reads Stele's bytes back to the event");
    }

    @Benchmark
    public byte[] steleCatalogEncode() {
        return catalog.toJson(event).payload();
    }

    @Benchmark
    public Object steleCatalogDecode() {
        return catalog.fromJson("OrderPlaced", 3, json);
    }

    @Benchmark
    public Object steleCatalogRoundTrip() {
        SerializedEvent serialized = catalog.toJson(event);
        return catalog.fromJson(serialized.name(), serialized.version(), serialized.payload());
    }

    /** The generated codec without the facade: no registry look-up, no error translation, no upcast. */
    @Benchmark
    public byte[] steleCodecEncode() throws IOException {
        ByteArrayBuilder bytes = new ByteArrayBuilder(factory._getBufferRecycler());
        try (JsonGenerator out = factory.createGenerator(bytes)) {
            codec.writeJson(event, out);
        }
        byte[] result = bytes.toByteArray();
        bytes.release();
        return result;
    }

    @Benchmark
    public OrderPlaced steleCodecDecode() throws IOException {
        try (JsonParser in = factory.createParser(json)) {
            in.nextToken();
            return codec.readJson(in);
        }
    }

    @Benchmark
    public byte[] jacksonEncode() throws IOException {
        return jacksonWriter.writeValueAsBytes(event);
    }

    @Benchmark
    public OrderPlaced jacksonDecode() throws IOException {
        return jacksonReader.readValue(json);
    }

    @Benchmark
    public OrderPlaced jacksonRoundTrip() throws IOException {
        return jacksonReader.readValue(jacksonWriter.writeValueAsBytes(event));
    }
}
