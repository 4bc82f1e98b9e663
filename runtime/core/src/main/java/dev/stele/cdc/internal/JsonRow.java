package dev.stele.cdc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * The columns of one row of a change event ({@code before} or {@code after}) as JSON values, in the order the
 * event has them: read once, before the event has said which table it is of (Debezium writes {@code source}
 * after the rows), and looked up by name when mapped. An integer that fits a {@code long} is kept unboxed.
 */
final class JsonRow {

    /** In {@link #values}: the value is the {@code long} in {@link #longs}. */
    static final Object LONG = new Object();

    private String[] names = new String[16];
    private Object[] values = new Object[16];
    private long[] longs = new long[16];
    private int size;

    /** A row with no columns: a truncate's. */
    static JsonRow empty() {
        return new JsonRow();
    }

    /** Reads the object the parser is at. */
    static JsonRow read(JsonParser parser) throws IOException {
        JsonRow row = new JsonRow();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            if (row.size == row.names.length) {
                row.grow();
            }
            row.names[row.size] = name;
            if (token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() != JsonParser.NumberType.BIG_INTEGER) {
                row.values[row.size] = LONG;
                row.longs[row.size] = parser.getLongValue();
            } else {
                row.values[row.size] = JsonValues.read(parser);
            }
            row.size++;
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the event ends inside a row");
        }
        return row;
    }

    private void grow() {
        names = Arrays.copyOf(names, size * 2);
        values = Arrays.copyOf(values, size * 2);
        longs = Arrays.copyOf(longs, size * 2);
    }

    /** The index of the column at or after {@code from}, or -1 if the row has no such column there. */
    int indexOf(String column, int from) {
        for (int i = from; i < size; i++) {
            String name = names[i];
            // Jackson interns field names, as the compiler does the generated mappings' column names
            if (name == column || name.equals(column)) {
                return i;
            }
        }
        return -1;
    }

    /** The raw value: a String, Boolean, Double, BigInteger, List, Map, null, or {@link #LONG}. */
    Object raw(int index) {
        return values[index];
    }

    long longValue(int index) {
        return longs[index];
    }

    /** The value, an integer boxed as a {@code Long}. */
    Object value(int index) {
        Object value = values[index];
        return value == LONG ? (Object) longs[index] : value;
    }
}
