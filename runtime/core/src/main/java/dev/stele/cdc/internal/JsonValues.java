package dev.stele.cdc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one JSON value of a row, as it is, without converting it: a string, a {@code Long} (or a
 * {@code BigInteger} beyond a long), a {@code Double}, a {@code Boolean}, null, a list of such, or a flat map
 * for a struct (Debezium's {@code {"scale", "value"}}). The column's schema or its component decides what it
 * becomes, later.
 */
final class JsonValues {

    /** How deep a struct or array may nest inside a column; Debezium's columns nest one level. */
    private static final int MAX_DEPTH = 8;

    private JsonValues() {
    }

    /** The value the parser is at, leaving the parser on its last token. */
    static Object read(JsonParser parser) throws IOException {
        return read(parser, 0);
    }

    private static Object read(JsonParser parser, int depth) throws IOException {
        JsonToken token = parser.currentToken();
        if (token == null) {
            throw new IOException("the event ends inside a value");
        }
        return switch (token) {
            case VALUE_STRING -> parser.getText();
            case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
                    ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
            case VALUE_NUMBER_FLOAT -> parser.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            case START_ARRAY -> {
                checkDepth(depth);
                List<Object> items = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    items.add(read(parser, depth + 1));
                }
                yield items;
            }
            case START_OBJECT -> {
                checkDepth(depth);
                Map<String, Object> fields = new LinkedHashMap<>();
                for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
                    parser.nextToken();
                    fields.put(name, read(parser, depth + 1));
                }
                if (parser.currentToken() != JsonToken.END_OBJECT) {
                    throw new IOException("the event ends inside an object");
                }
                yield fields;
            }
            default -> throw new IOException("unexpected " + token);
        };
    }

    private static void checkDepth(int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw new IOException("a column's value nests deeper than " + MAX_DEPTH + " levels");
        }
    }

    /** A value as an error message shows it: its JSON kind, and a short text. */
    static String describe(Object value) {
        if (value instanceof String text) {
            return "the string \"" + (text.length() > 40 ? text.substring(0, 40) + "…" : text) + "\"";
        }
        if (value instanceof Boolean) {
            return "the boolean " + value;
        }
        if (value instanceof Number) {
            return "the number " + value;
        }
        if (value instanceof List<?>) {
            return "an array";
        }
        return "an object";
    }
}
