package dev.stele.cdc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.Arrays;

/**
 * The columns of one row of a change event ({@code before} or {@code after}) as JSON values, in the order the
 * event has them: read once, before the event has said which table it is of (Debezium writes {@code source}
 * after the rows), and looked up by name when mapped.
 */
final class JsonRow {

    private String[] names = new String[16];
    private Object[] values = new Object[16];
    private int size;

    /** A row with no columns: a truncate's. */
    static JsonRow empty() {
        return new JsonRow();
    }

    /** Reads the object the parser is at. */
    static JsonRow read(JsonParser parser) throws IOException {
        JsonRow row = new JsonRow();
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            parser.nextToken();
            row.add(name, JsonValues.read(parser));
        }
        if (parser.currentToken() != JsonToken.END_OBJECT) {
            throw new IOException("the event ends inside a row");
        }
        return row;
    }

    private void add(String name, Object value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
    }

    /** The index of the column, or -1 if the row has no such column. */
    int indexOf(String column) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(column)) {
                return i;
            }
        }
        return -1;
    }

    Object value(int index) {
        return values[index];
    }
}
