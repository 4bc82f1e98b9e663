package dev.stele.spi.codec;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.ResolvingDecoder;

/**
 * Reads each supported type in Avro binary, for generated codecs. Works on a plain decoder over data
 * written with the reader's own schema and on a {@link ResolvingDecoder} that resolves an earlier
 * schema to it (skipping fields the reader does not know, supplying defaults for the ones the writer
 * did not have, honouring aliases).
 */
public final class AvroReading {

    private static final int[][] IN_ORDER = new int[64][];

    static {
        for (int count = 0; count < IN_ORDER.length; count++) {
            IN_ORDER[count] = inOrder(count);
        }
    }

    private AvroReading() {
    }

    /**
     * The positions, in the reader's schema, of a record's fields in the order they arrive: the
     * declaration order for a plain decoder, the resolver's order for a resolving one.
     */
    public static int[] fieldOrder(Decoder in, int fieldCount) throws IOException {
        if (in instanceof ResolvingDecoder) {
            Schema.Field[] fields = ((ResolvingDecoder) in).readFieldOrder();
            int[] order = new int[fields.length];
            for (int i = 0; i < fields.length; i++) {
                order[i] = fields[i].pos();
            }
            return order;
        }
        return fieldCount < IN_ORDER.length ? IN_ORDER[fieldCount] : inOrder(fieldCount);
    }

    private static int[] inOrder(int count) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) {
            order[i] = i;
        }
        return order;
    }

    /**
     * The branch of a union {@code [null, T]} or {@code [T, null]}; true when it is the value, false
     * when it is null.
     */
    public static boolean readPresent(Decoder in, int nullBranch) throws IOException {
        int branch = in.readIndex();
        if (branch != 0 && branch != 1) {
            throw new CodecFailure("union branch " + branch + " does not exist; the union has 2");
        }
        return branch != nullBranch;
    }

    /** The index of an enum symbol, checked against the number of symbols. */
    public static int readSymbol(Decoder in, int symbolCount) throws IOException {
        int index = in.readEnum();
        if (index < 0 || index >= symbolCount) {
            throw new CodecFailure("enum symbol " + index + " does not exist; the enum has " + symbolCount);
        }
        return index;
    }

    public static String readString(Decoder in) throws IOException {
        return in.readString();
    }

    public static Instant readInstant(Decoder in) throws IOException {
        return Temporals.fromEpochNanos(in.readLong());
    }

    public static LocalDate readLocalDate(Decoder in) throws IOException {
        return Temporals.fromEpochDays(in.readInt());
    }

    public static LocalDateTime readLocalDateTime(Decoder in) throws IOException {
        return Temporals.fromLocalNanos(in.readLong());
    }

    public static UUID readUuid(Decoder in) throws IOException {
        return Uuids.parse(in.readString());
    }

    /** The decimal at exactly {@code scale}, held to {@code precision} as the JSON reader holds it. */
    public static BigDecimal readDecimal(Decoder in, int precision, int scale) throws IOException {
        return Decimals.fit(Decimals.fromBytes(readBytes(in), scale), precision, scale);
    }

    public static byte[] readBytes(Decoder in) throws IOException {
        ByteBuffer buffer = in.readBytes(null);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    public static <T> List<T> readList(Decoder in, AvroValueReader<T> element) throws IOException {
        List<T> values = new ArrayList<>();
        int index = 0;
        try {
            for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
                for (long i = 0; i < block; i++, index++) {
                    values.add(element.read(in));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw CodecFailure.of(e).atIndex(index);
        }
        return Collections.unmodifiableList(values);
    }

    public static <T> Set<T> readSet(Decoder in, AvroValueReader<T> element) throws IOException {
        Set<T> values = new LinkedHashSet<>();
        int index = 0;
        try {
            for (long block = in.readArrayStart(); block != 0; block = in.arrayNext()) {
                for (long i = 0; i < block; i++, index++) {
                    values.add(element.read(in));
                }
            }
        } catch (IOException | RuntimeException e) {
            throw CodecFailure.of(e).atIndex(index);
        }
        return Collections.unmodifiableSet(values);
    }

    public static <T> Map<String, T> readMap(Decoder in, AvroValueReader<T> value) throws IOException {
        Map<String, T> values = new LinkedHashMap<>();
        String key = null;
        try {
            for (long block = in.readMapStart(); block != 0; block = in.mapNext()) {
                for (long i = 0; i < block; i++) {
                    key = null;
                    key = in.readString();
                    values.put(key, value.read(in));
                }
            }
        } catch (IOException | RuntimeException e) {
            CodecFailure failure = CodecFailure.of(e);
            throw key == null ? failure : failure.atKey(key);
        }
        return Collections.unmodifiableMap(values);
    }

    /** The failure behind {@code problem}, tagged with the record field it happened in. */
    public static CodecFailure failure(Throwable problem, String field) {
        return CodecFailure.of(problem).inField(field);
    }
}
