package dev.stele.bench;

import com.dslplatform.json.DslJson;
import com.dslplatform.json.JsonReader;
import com.dslplatform.json.JsonWriter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.stele.catalog.Catalog;
import dev.stele.catalog.SerializedEvent;
import dev.stele.codec.json.JsonRecordReader;
import dev.stele.codec.json.JsonRecordWriter;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.OrderPlacedCodec;
import dev.stele.spi.EventCodec;
import io.avaje.jsonb.JsonType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * facade and called directly, against Jackson databind and the two compile-time JSON generators DSL-JSON
 * ({@link DslJsonBaseline}) and avaje-jsonb ({@link AvajeBaseline}), each writing the same bytes.
 *
 * <p>Every side starts from the record and ends at a {@code byte[]} (encode), or the reverse (decode).
 * The setup fails the run unless every side writes exactly Stele's bytes and reads every other side's
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
    private EventCodec<OrderPlaced> codec;
    private JsonRecordWriter codecWriter;

    private ObjectWriter jacksonWriter;
    private ObjectReader jacksonReader;

    private DslJsonBaseline.Order dslOrder;
    private DslJson<Object> dslJson;
    private JsonWriter dslWriter;
    private JsonReader<Object> dslReader;
    private JsonWriter.WriteObject<DslJsonBaseline.Order> dslEncoder;
    private JsonReader.ReadObject<DslJsonBaseline.Order> dslDecoder;

    private JsonType<OrderPlaced> avajeType;

    @Setup
    public void setUp() throws IOException {
        event = Fixtures.orderWithThreeLines();
        catalog = Catalog.load();
        codec = OrderPlacedCodec.TYPE.codec();
        codecWriter = new JsonRecordWriter();
        ObjectMapper mapper = JacksonBaseline.mapper();
        jacksonWriter = mapper.writerFor(OrderPlaced.class);
        jacksonReader = mapper.readerFor(OrderPlaced.class);

        dslJson = DslJsonBaseline.dslJson();
        dslWriter = dslJson.newWriter();
        dslReader = dslJson.newReader();
        dslEncoder = DslJsonBaseline.writer(dslJson);
        dslDecoder = DslJsonBaseline.reader(dslJson);
        Fixtures.check(dslEncoder.getClass().getName().contains("_DslJsonConverter")
                        && dslDecoder.getClass().getName().contains("_DslJsonConverter"),
                "DSL-JSON runs the converter its processor generated, not a reflective one: " + dslEncoder.getClass());
        avajeType = AvajeBaseline.jsonb().type(OrderPlaced.class);

        json = catalog.toJson(event).payload();
        dslOrder = DslJsonBaseline.Order.of(event);
        Fixtures.check(Arrays.equals(json, steleCodecEncode()), "the codec called directly writes the catalog's bytes");
        Fixtures.check(event.equals(steleCodecDecode()), "the codec called directly reads the event");
        checkEverySide(event);
    }

    /**
     * Fails unless every side writes exactly the bytes the catalog writes for {@code value}, and every side
     * reads every side's bytes back to {@code value}.
     */
    void checkEverySide(OrderPlaced value) throws IOException {
        Map<String, byte[]> written = everySideWrites(value);
        byte[] stele = written.get("Stele");
        for (Map.Entry<String, byte[]> side : written.entrySet()) {
            byte[] bytes = side.getValue();
            Fixtures.check(Arrays.equals(stele, bytes), side.getKey() + " writes Stele's bytes:\n  Stele "
                    + new String(stele, StandardCharsets.UTF_8) + "\n  " + side.getKey() + " "
                    + new String(bytes, StandardCharsets.UTF_8));
            checkEverySideReads(side.getKey(), bytes, value);
        }
    }

    /** What each side writes for {@code value}, by side: Stele (the catalog) first. */
    Map<String, byte[]> everySideWrites(OrderPlaced value) throws IOException {
        Map<String, byte[]> written = new LinkedHashMap<>();
        written.put("Stele", catalog.toJson(value).payload());
        written.put("Stele's codec", writeCodec(value));
        written.put("Jackson", jacksonWriter.writeValueAsBytes(value));
        written.put("DSL-JSON", writeDslJson(DslJsonBaseline.Order.of(value)));
        written.put("avaje", avajeType.toJsonBytes(value));
        return written;
    }

    /** Fails unless every side reads {@code bytes}, written by {@code writer}, back to {@code value}. */
    void checkEverySideReads(String writer, byte[] bytes, OrderPlaced value) throws IOException {
        Map<String, Object> read = new LinkedHashMap<>();
        read.put("Stele", catalog.fromJson("OrderPlaced", 3, bytes));
        read.put("Stele's codec", readCodec(bytes));
        read.put("Jackson", jacksonReader.readValue(bytes));
        read.put("DSL-JSON", readDslJson(bytes).toEvent());
        read.put("avaje", avajeType.fromJson(bytes));
        read.forEach((reader, back) -> Fixtures.check(value.equals(back),
                reader + " reads " + writer + "'s bytes back to the event: " + back));
    }

    private byte[] writeCodec(OrderPlaced value) throws IOException {
        codecWriter.reset();
        codec.write(value, codecWriter);
        return codecWriter.toByteArray();
    }

    private byte[] writeDslJson(DslJsonBaseline.Order value) {
        dslWriter.reset();
        dslEncoder.write(dslWriter, value);
        return dslWriter.toByteArray();
    }

    private OrderPlaced readCodec(byte[] bytes) throws IOException {
        JsonRecordReader in = new JsonRecordReader(bytes, 0, bytes.length);
        OrderPlaced read = codec.read(in);
        in.expectEnd();
        return read;
    }

    private DslJsonBaseline.Order readDslJson(byte[] bytes) throws IOException {
        dslReader.process(bytes, bytes.length);
        dslReader.getNextToken();
        return dslDecoder.read(dslReader);
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

    /**
     * The generated codec without the facade, on a reused writer: no registry look-up, no error
     * translation, no upcast.
     */
    @Benchmark
    public byte[] steleCodecEncode() throws IOException {
        return writeCodec(event);
    }

    @Benchmark
    public OrderPlaced steleCodecDecode() throws IOException {
        return readCodec(json);
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

    /** DSL-JSON's generated converter on a reused writer, its recommended use; the copy of the record is the value. */
    @Benchmark
    public byte[] dslJsonEncode() {
        return writeDslJson(dslOrder);
    }

    /** DSL-JSON's generated converter on a reused reader. */
    @Benchmark
    public DslJsonBaseline.Order dslJsonDecode() throws IOException {
        return readDslJson(json);
    }

    @Benchmark
    public DslJsonBaseline.Order dslJsonRoundTrip() throws IOException {
        return readDslJson(dslJsonEncode());
    }

    /** avaje-jsonb's generated adapter through a pre-built {@code JsonType}, its ordinary use. */
    @Benchmark
    public byte[] avajeEncode() {
        return avajeType.toJsonBytes(event);
    }

    @Benchmark
    public OrderPlaced avajeDecode() {
        return avajeType.fromJson(json);
    }

    @Benchmark
    public OrderPlaced avajeRoundTrip() {
        return avajeType.fromJson(avajeType.toJsonBytes(event));
    }
}
