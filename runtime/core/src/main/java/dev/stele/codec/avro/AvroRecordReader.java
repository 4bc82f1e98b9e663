package dev.stele.codec.avro;

import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Decimals;
import dev.stele.spi.codec.EnumSymbols;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordReader;
import dev.stele.spi.codec.Temporals;
import dev.stele.spi.codec.Uuids;
import dev.stele.spi.codec.ValueReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.ResolvingDecoder;

/**
 * Reads an event in Avro binary from a {@link Decoder}, as {@link AvroRecordWriter} and Avro's
 * {@code GenericDatumWriter} write it. The decoder is either a plain one over data written with the
 * codec's own schema, whose fields then arrive in declaration order, or a {@link ResolvingDecoder} from
 * the writer's schema to the codec's, whose fields arrive in the order it gives: fields the codec does not
 * know skipped, fields the writer lacked supplied from their schema defaults, aliases followed. Either way
 * every field of the codec's record arrives exactly once, so none is ever missing when a record ends.
 *
 * <p>Lists, sets and maps come back unmodifiable, in the order read (a set drops a repeated element, a map
 * keeps the last value of a repeated key), and are never sized from a count the data claims. A union
 * branch other than 0 and 1, an enum index outside the symbols, a string that is not a UUID, a date-time
 * outside the nanosecond range, or a decimal beyond its precision and scale is a {@link CodecFailure}; the
 * decoder's own {@link IOException}s (an {@link java.io.EOFException} for truncated data) and runtime
 * exceptions pass through unchanged. On any failure {@link #path()} names the value being read, as
 * {@code lines[2].sku}.
 *
 * <p>Reads one event at a time ({@link #reset(Decoder)} for the next); not thread-safe. Reading a record
 * from a plain decoder allocates nothing beyond the values themselves.
 */
public final class AvroRecordReader extends RecordReader {

    private Decoder in;
    /** {@link #in} if it is Stele's own decoder, which reads UUIDs without text; else null. */
    private BoundedBinaryDecoder bytes;
    /** The resolver, or null for a plain decoder. */
    private ResolvingDecoder resolver;
    /** The resolver's field orders by record nesting; made for the first resolver, null before. */
    private FieldOrders orders;

    /** A reader of {@code in}, which is a plain decoder or a {@link ResolvingDecoder}. */
    public AvroRecordReader(Decoder in) {
        reset(in);
    }

    /**
     * Makes this reader read the next event from {@code in}, from the top: one reader then serves a thread's
     * events without a new reader and path per event.
     */
    public AvroRecordReader reset(Decoder in) {
        if (this.in != in) { // the same decoder again stores nothing (a reference store costs a fence under G1)
            this.in = in;
            this.resolver = in instanceof ResolvingDecoder resolving ? resolving : null;
            this.bytes = in instanceof BoundedBinaryDecoder own ? own : null;
        }
        if (resolver != null) {
            orders = new FieldOrders();
        }
        path.reset();
        return this;
    }

    @Override
    public int firstField(RecordFields fields) throws IOException {
        path.enterRecord(fields);
        if (resolver != null) {
            Schema.Field[] order = resolver.readFieldOrder();
            if (order.length != fields.size()) {
                throw new IllegalStateException("the decoder resolves to a record of " + order.length
                        + " fields where the codec reads " + fields + "; it must resolve to the codec's own schema");
            }
            orders.push(order);
        }
        return nextField(fields);
    }

    @Override
    public int nextField(RecordFields fields) {
        int field;
        if (resolver == null) {
            field = path.nextField();
        } else {
            field = orders.next();
            path.atField(field);
        }
        if (field < 0 || field >= fields.size()) {
            path.exit();
            return END;
        }
        return field;
    }

    @Override
    public boolean readBoolean() throws IOException {
        return in.readBoolean();
    }

    @Override
    public int readInt() throws IOException {
        return in.readInt();
    }

    @Override
    public long readLong() throws IOException {
        return in.readLong();
    }

    @Override
    public float readFloat() throws IOException {
        return in.readFloat();
    }

    @Override
    public double readDouble() throws IOException {
        return in.readDouble();
    }

    /**
     * The text as the decoder decodes its UTF-8, which cannot hold an unpaired surrogate: the catalog's
     * decoder refuses malformed UTF-8, Avro's {@code BinaryDecoder} puts U+FFFD in its place.
     */
    @Override
    public String readString() throws IOException {
        return in.readString();
    }

    @Override
    public Instant readInstant() throws IOException {
        return Temporals.fromEpochNanos(in.readLong());
    }

    @Override
    public LocalDate readLocalDate() throws IOException {
        return Temporals.fromEpochDays(in.readInt());
    }

    @Override
    public LocalDateTime readLocalDateTime() throws IOException {
        return Temporals.fromLocalNanos(in.readLong());
    }

    @Override
    public UUID readUuid() throws IOException {
        return bytes != null ? bytes.readUuid() : Uuids.parse(in.readString());
    }

    @Override
    public byte[] readBytes() throws IOException {
        ByteBuffer buffer = in.readBytes(null);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    @Override
    public BigDecimal readDecimal(int precision, int scale) throws IOException {
        return Decimals.fit(Decimals.fromBytes(readBytes(), scale), precision, scale);
    }

    /**
     * The constant at the index read. A resolver has already put a symbol the writer had and the codec lacks
     * onto the enum's schema default, or failed.
     */
    @Override
    public <E extends Enum<E>> E readEnum(EnumSymbols<E> symbols) throws IOException {
        int index = in.readEnum();
        if (index < 0 || index >= symbols.size()) {
            throw new CodecFailure("enum symbol " + index + " does not exist; the enum has " + symbols.size());
        }
        return symbols.constant(index);
    }

    /**
     * Adds the array's elements to {@code values}, each at {@code [index]} in the path while read; a failure
     * reading the size of a further block names the element it would start with.
     */
    @Override
    protected <T> void readElements(ValueReader<T> element, Collection<T> values) throws IOException {
        path.enterCollection();
        int index = 0;
        for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
            for (long i = 0; i < block; i++) {
                path.atIndex(index++);
                values.add(element.read(this));
            }
            path.atIndex(index);
        }
        path.exit();
    }

    /**
     * Entries at {@code ["key"]} in the path while their value is read; a failure reading a key or the size
     * of a further block names the map.
     */
    @Override
    public <T> Map<String, T> readMap(ValueReader<T> value) throws IOException {
        Map<String, T> values = new LinkedHashMap<>();
        path.enterMap();
        for (long block = in.readMapStart(); block != 0; block = in.mapNext()) {
            for (long i = 0; i < block; i++) {
                String key = in.readString();
                path.atKey(key);
                values.put(key, value.read(this));
                path.atKey(null);
            }
        }
        path.exit();
        return Collections.unmodifiableMap(values);
    }

    @Override
    public <T> T readNullable(ValueReader<T> present) throws IOException {
        int nullBranch = currentNullBranch();
        int branch = in.readIndex();
        if (branch != 0 && branch != 1) {
            throw new CodecFailure("union branch " + branch + " does not exist; the union has 2");
        }
        if (branch == nullBranch) {
            // nothing to read in Avro binary, but a resolving decoder's grammar expects the null consumed
            in.readNull();
            return null;
        }
        return present.read(this);
    }

    /** The branch of null in the union of the field being read. */
    private int currentNullBranch() {
        RecordFields fields = path.currentRecord();
        int field = path.currentPosition();
        if (fields == null || field < 0) {
            throw new IllegalStateException("an optional value is read outside a record's field, at '" + path()
                    + "'; Avro unions are fields of records here");
        }
        return fields.nullBranch(field);
    }
}
