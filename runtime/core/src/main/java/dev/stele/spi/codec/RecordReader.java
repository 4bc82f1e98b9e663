package dev.stele.spi.codec;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What a generated codec reads an event from, the same calls for both formats. A record is read by
 * asking for its fields until {@link #END}, and reading each one's value by its index:
 *
 * <pre>{@code
 * for (int field = in.firstField(ORDER_LINE); field != RecordReader.END;
 *         field = in.nextField(ORDER_LINE)) {
 *     switch (field) {
 *         case 0 -> sku = in.readString();
 *         case 1 -> quantity = in.readInt();
 *     }
 * }
 * }</pre>
 *
 * <p>Tolerant as Avro schema resolution is, in both formats: fields come in any order (JSON) or the
 * resolver's order (Avro); names the record lacks are skipped and never returned; aliases find their
 * field; a field the data lacks keeps the value its local started with (the {@code @Default}, an empty
 * {@code Optional}, or {@code null}), and a required one the data lacks is a failure when the record ends.
 *
 * <p>A value of the wrong kind, {@code null} for a required value, text that does not parse, or input
 * nested deeper than {@link CodecPath#MAX_DEPTH} is a {@link CodecFailure}; {@link #path()} says where.
 * Nothing is allocated in proportion to a length the input merely claims.
 *
 * <p>Not thread-safe; one reader reads one event at a time.
 */
public abstract class RecordReader {

    /** What {@link #firstField} and {@link #nextField} return when the record has no more fields. */
    public static final int END = -1;

    /** Where the reader stands; implementations keep it as they go. */
    protected final CodecPath path = new CodecPath();

    /** Where the reader stands, as {@code lines[2].sku}: the field a failure happened in. */
    public final String path() {
        return path.toString();
    }

    /**
     * Starts reading a record whose fields are {@code fields} and returns the index of its first field
     * present, or {@link #END} if it has none (after checking that no required field is missing).
     */
    public abstract int firstField(RecordFields fields) throws IOException;

    /**
     * The index of the record's next field present, or {@link #END}, as {@link #firstField}; {@code fields}
     * are the record's, as given to {@code firstField} (a constant of the codec: the reader need not look them up).
     */
    public abstract int nextField(RecordFields fields) throws IOException;

    public abstract boolean readBoolean() throws IOException;

    public abstract int readInt() throws IOException;

    public abstract long readLong() throws IOException;

    /** A number, or in JSON one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public abstract float readFloat() throws IOException;

    /** A number, or in JSON one of the strings {@code NaN}, {@code Infinity}, {@code -Infinity}. */
    public abstract double readDouble() throws IOException;

    /** A string; one holding an unpaired surrogate is refused, as writing refuses it. */
    public abstract String readString() throws IOException;

    public abstract Instant readInstant() throws IOException;

    public abstract LocalDate readLocalDate() throws IOException;

    public abstract LocalDateTime readLocalDateTime() throws IOException;

    public abstract UUID readUuid() throws IOException;

    public abstract byte[] readBytes() throws IOException;

    /**
     * A decimal at exactly {@code scale} (in JSON a number, or a string holding one); more fraction digits
     * than the scale, or more digits than the precision, is a failure, never a rounding.
     */
    public abstract BigDecimal readDecimal(int precision, int scale) throws IOException;

    /** A constant by its symbol; an unknown symbol reads as the symbols' fallback, else fails. */
    public abstract <E extends Enum<E>> E readEnum(EnumSymbols<E> symbols) throws IOException;

    /** An unmodifiable list of required elements, each read by {@code element}. */
    public final <T> List<T> readList(ValueReader<T> element) throws IOException {
        List<T> values = new ArrayList<>();
        readElements(element, values);
        return Collections.unmodifiableList(values);
    }

    /** An unmodifiable set of required elements in the order read, each read by {@code element}. */
    public final <T> Set<T> readSet(ValueReader<T> element) throws IOException {
        Set<T> values = new LinkedHashSet<>();
        readElements(element, values);
        return Collections.unmodifiableSet(values);
    }

    /** Adds the elements of the array at the reader's position to {@code values}, each read by {@code element}. */
    protected abstract <T> void readElements(ValueReader<T> element, Collection<T> values) throws IOException;

    /** An unmodifiable map with string keys, in the order read, each value read by {@code value}. */
    public abstract <T> Map<String, T> readMap(ValueReader<T> value) throws IOException;

    /**
     * The current field's optional value: empty for JSON {@code null} or the Avro union's null branch (whose
     * null the reader consumes, as a resolving decoder requires).
     */
    public final <T> Optional<T> readOptional(ValueReader<T> present) throws IOException {
        return Optional.ofNullable(readNullable(present));
    }

    /** The current field's {@code @Nullable} value: {@code null} for JSON {@code null} or the union's null branch. */
    public abstract <T> T readNullable(ValueReader<T> present) throws IOException;
}
