package dev.stele.bench;

import dev.stele.bench.AvroBaselines.ReflectOrder;
import dev.stele.catalog.Catalog;
import dev.stele.codec.avro.AvroRecordReader;
import dev.stele.codec.avro.AvroRecordWriter;
import dev.stele.demo.orders.OrderPlaced;
import dev.stele.demo.orders.OrderPlacedCodec;
import dev.stele.spi.EventCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DatumWriter;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.reflect.ReflectData;
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
 * Avro binary of {@link OrderPlaced} with three lines, on the schema the processor wrote
 * ({@code META-INF/stele/schemas/OrderPlaced/v3.avsc}): Stele's generated codec against Avro's own
 * reflect and generic data models (see {@link AvroBaselines} for why reflect works on a mirror class).
 *
 * <ul>
 *   <li>{@code stele*}, {@code avroReflect*}, {@code avroGeneric*}: whole messages in Avro single-object
 *       encoding ({@code C3 01}, fingerprint, body) — {@link Catalog#toAvro}/{@link Catalog#fromAvro}
 *       against Avro's {@link BinaryMessageEncoder}/{@link BinaryMessageDecoder}. The bytes are
 *       identical.
 *   <li>{@code body*}: the body alone, both sides writing to Avro's own buffered {@link BinaryEncoder}
 *       and reading from its {@link BinaryDecoder} (each reused, as Avro recommends): the generated code
 *       against {@code ReflectDatumWriter}/{@code ReflectDatumReader} with everything else equal.
 * </ul>
 * The setup fails the run unless all sides write the same bytes and read each other's bytes back to
 * an equal event.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class AvroBenchmark {

    private static final int HEADER_LENGTH = 10;

    private OrderPlaced event;
    private ReflectOrder reflectEvent;
    private byte[] message;
    private byte[] body;

    private Catalog catalog;
    private EventCodec<OrderPlaced> codec;

    private Schema schema;
    private BinaryMessageEncoder<ReflectOrder> reflectEncoder;
    private BinaryMessageDecoder<ReflectOrder> reflectDecoder;
    private BinaryMessageEncoder<GenericRecord> genericEncoder;
    private BinaryMessageDecoder<GenericRecord> genericDecoder;

    private DatumWriter<ReflectOrder> reflectWriter;
    private DatumReader<ReflectOrder> reflectReader;
    private final ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream(256);
    private BinaryEncoder bodyEncoder;
    private BinaryDecoder bodyDecoder;
    /** Reused as the catalog reuses its own: reset to the encoder or decoder for each operation. */
    private final AvroRecordWriter bodyWriter = new AvroRecordWriter(null);
    private final AvroRecordReader bodyReader = new AvroRecordReader(null);

    @Setup
    @SuppressWarnings("unchecked")
    public void setUp() throws IOException {
        event = Fixtures.orderWithThreeLines();
        reflectEvent = AvroBaselines.toReflect(event);
        catalog = Catalog.load();
        codec = OrderPlacedCodec.TYPE.codec();

        schema = AvroBaselines.schema(OrderPlacedCodec.TYPE);
        ReflectData reflect = AvroBaselines.reflectModel(schema);
        reflectEncoder = new BinaryMessageEncoder<>(reflect, schema);
        reflectDecoder = new BinaryMessageDecoder<>(reflect, schema);
        genericEncoder = new BinaryMessageEncoder<>(AvroBaselines.genericModel(), schema);
        genericDecoder = new BinaryMessageDecoder<>(AvroBaselines.genericModel(), schema);
        reflectWriter = reflect.createDatumWriter(schema);
        reflectReader = reflect.createDatumReader(schema);

        message = catalog.toAvro(event);
        body = Arrays.copyOfRange(message, HEADER_LENGTH, message.length);
        checkSame(message, avroReflectEncode(), "Avro reflect (BinaryMessageEncoder) writes the catalog's bytes");
        checkSame(message, avroGenericEncode(), "Avro generic (BinaryMessageEncoder) writes the catalog's bytes");
        checkSame(body, bodyEncodeStele(), "the generated codec on Avro's BinaryEncoder writes the catalog's body");
        checkSame(body, bodyEncodeReflect(), "ReflectDatumWriter on Avro's BinaryEncoder writes the catalog's body");
        Fixtures.check(event.equals(steleDecode()), "the catalog reads its own bytes back to the event");
        Fixtures.check(event.equals(AvroBaselines.fromReflect(avroReflectDecode())), "Avro reflect reads the event");
        Fixtures.check(event.equals(avroGenericDecode()), "Avro generic reads the event");
        Fixtures.check(event.equals(bodyDecodeStele()), "the generated codec reads the body from Avro's BinaryDecoder");
        Fixtures.check(event.equals(AvroBaselines.fromReflect(bodyDecodeReflect())), "ReflectDatumReader reads the body");
    }

    private static void checkSame(byte[] expected, byte[] actual, String what) {
        Fixtures.check(Arrays.equals(expected, actual), what + "\n  expected " + HexFormat.of().formatHex(expected)
                + "\n  actual   " + HexFormat.of().formatHex(actual));
    }

    /** The bytes of a buffer {@link BinaryMessageEncoder} returned; it copies them into an exact array. */
    private static byte[] bytes(ByteBuffer buffer) {
        if (buffer.hasArray() && buffer.arrayOffset() == 0 && buffer.position() == 0
                && buffer.remaining() == buffer.array().length) {
            return buffer.array();
        }
        byte[] copy = new byte[buffer.remaining()];
        buffer.duplicate().get(copy);
        return copy;
    }

    // ---- whole messages, single-object encoding ----

    @Benchmark
    public byte[] steleEncode() {
        return catalog.toAvro(event);
    }

    @Benchmark
    public Object steleDecode() {
        return catalog.fromAvro(message);
    }

    @Benchmark
    public Object steleRoundTrip() {
        return catalog.fromAvro(catalog.toAvro(event));
    }

    @Benchmark
    public byte[] avroReflectEncode() throws IOException {
        return bytes(reflectEncoder.encode(reflectEvent));
    }

    @Benchmark
    public ReflectOrder avroReflectDecode() throws IOException {
        return reflectDecoder.decode(message);
    }

    @Benchmark
    public ReflectOrder avroReflectRoundTrip() throws IOException {
        return reflectDecoder.decode(bytes(reflectEncoder.encode(reflectEvent)));
    }

    /** Includes mapping the record to a {@link GenericRecord}. */
    @Benchmark
    public byte[] avroGenericEncode() throws IOException {
        return bytes(genericEncoder.encode(AvroBaselines.toGeneric(event, schema)));
    }

    /** Includes mapping the {@link GenericRecord} to the record. */
    @Benchmark
    public OrderPlaced avroGenericDecode() throws IOException {
        return AvroBaselines.fromGeneric(genericDecoder.decode(message));
    }

    @Benchmark
    public OrderPlaced avroGenericRoundTrip() throws IOException {
        return AvroBaselines.fromGeneric(genericDecoder.decode(bytes(genericEncoder.encode(
                AvroBaselines.toGeneric(event, schema)))));
    }

    // ---- body only, the same Avro encoder and decoder on both sides ----

    @Benchmark
    public byte[] bodyEncodeStele() throws IOException {
        bodyBytes.reset();
        bodyEncoder = EncoderFactory.get().binaryEncoder(bodyBytes, bodyEncoder);
        codec.write(event, bodyWriter.reset(bodyEncoder));
        bodyEncoder.flush();
        return bodyBytes.toByteArray();
    }

    @Benchmark
    public byte[] bodyEncodeReflect() throws IOException {
        bodyBytes.reset();
        bodyEncoder = EncoderFactory.get().binaryEncoder(bodyBytes, bodyEncoder);
        reflectWriter.write(reflectEvent, bodyEncoder);
        bodyEncoder.flush();
        return bodyBytes.toByteArray();
    }

    @Benchmark
    public OrderPlaced bodyDecodeStele() throws IOException {
        bodyDecoder = DecoderFactory.get().binaryDecoder(body, bodyDecoder);
        return codec.read(bodyReader.reset(bodyDecoder));
    }

    @Benchmark
    public ReflectOrder bodyDecodeReflect() throws IOException {
        bodyDecoder = DecoderFactory.get().binaryDecoder(body, bodyDecoder);
        return reflectReader.read(null, bodyDecoder);
    }
}
