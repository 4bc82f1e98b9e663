package dev.stele.cdc.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.spi.TableMapping;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schema of a change event's envelope, as Kafka Connect's JSON converter writes it with
 * {@code schemas.enable=true}: of it, only the column schemas of {@code before} and {@code after} matter; and
 * the mappings whose columns were found to fit each, so that a cached schema is checked against a mapping once.
 */
record EnvelopeSchema(Map<String, FieldSchema> before, Map<String, FieldSchema> after,
        Set<TableMapping<?>> checkedBefore, Set<TableMapping<?>> checkedAfter) {

    EnvelopeSchema(Map<String, FieldSchema> before, Map<String, FieldSchema> after) {
        this(before, after, ConcurrentHashMap.newKeySet(), ConcurrentHashMap.newKeySet());
    }

    /** How deep schemas may nest: an envelope, a row, a column, an array's items, and a little more. */
    private static final int MAX_DEPTH = 16;

    /** Reads the schema object the parser is at. */
    static EnvelopeSchema read(JsonParser parser) throws IOException {
        Map<String, Map<String, FieldSchema>> rows = new HashMap<>();
        expect(parser, JsonToken.START_OBJECT);
        for (String name = parser.nextFieldName(); name != null; name = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            if (name.equals("fields") && token == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    Node row = node(parser, 1);
                    if (row.field != null && (row.field.equals("before") || row.field.equals("after"))) {
                        rows.put(row.field, row.columns);
                    }
                }
                expect(parser, JsonToken.END_ARRAY);
            } else {
                skip(parser, token);
            }
        }
        expect(parser, JsonToken.END_OBJECT);
        return new EnvelopeSchema(rows.getOrDefault("before", Map.of()), rows.getOrDefault("after", Map.of()));
    }

    /** One schema object: a column (type, name, scale, items) or a struct of columns. */
    private static final class Node {
        String type;
        String name;
        Integer scale;
        FieldSchema items;
        String field;
        Map<String, FieldSchema> columns;

        FieldSchema schema() {
            return new FieldSchema(type == null ? "" : type, name, scale, items);
        }
    }

    private static Node node(JsonParser parser, int depth) throws IOException {
        if (depth > MAX_DEPTH) {
            throw new IOException("the schema nests deeper than " + MAX_DEPTH + " levels");
        }
        Node node = new Node();
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            JsonToken token = parser.nextToken();
            switch (key) {
                case "type" -> node.type = text(parser, token);
                case "name" -> node.name = text(parser, token);
                case "field" -> node.field = text(parser, token);
                case "parameters" -> node.scale = scale(parser, token);
                case "items" -> {
                    expect(parser, JsonToken.START_OBJECT);
                    node.items = node(parser, depth + 1).schema();
                }
                case "fields" -> {
                    expect(parser, JsonToken.START_ARRAY);
                    node.columns = new HashMap<>();
                    while (parser.nextToken() == JsonToken.START_OBJECT) {
                        Node column = node(parser, depth + 1);
                        if (column.field != null) {
                            node.columns.put(column.field, column.schema());
                        }
                    }
                    expect(parser, JsonToken.END_ARRAY);
                }
                default -> skip(parser, token);
            }
        }
        expect(parser, JsonToken.END_OBJECT);
        return node;
    }

    private static Integer scale(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.START_OBJECT) {
            skip(parser, token);
            return null;
        }
        Integer scale = null;
        for (String key = parser.nextFieldName(); key != null; key = parser.nextFieldName()) {
            JsonToken value = parser.nextToken();
            if (key.equals("scale") && value == JsonToken.VALUE_STRING) {
                try {
                    scale = Integer.valueOf(parser.getText());
                } catch (NumberFormatException e) {
                    throw new IOException("the decimal scale parameter '" + parser.getText() + "' is not an integer");
                }
            } else {
                skip(parser, value);
            }
        }
        expect(parser, JsonToken.END_OBJECT);
        return scale;
    }

    private static String text(JsonParser parser, JsonToken token) throws IOException {
        if (token != JsonToken.VALUE_STRING) {
            throw new IOException("expected a string in the schema, found " + token);
        }
        return parser.getText();
    }

    private static void skip(JsonParser parser, JsonToken token) throws IOException {
        if (token == null) {
            throw new IOException("the event ends inside its schema");
        }
        parser.skipChildren();
        if (parser.currentToken() == null) {
            throw new IOException("the event ends inside its schema");
        }
    }

    private static void expect(JsonParser parser, JsonToken expected) throws IOException {
        if (parser.currentToken() != expected) {
            throw new IOException("expected " + expected + " in the schema, found " + parser.currentToken());
        }
    }
}
