package dev.stele.maven.catalog;

import dev.stele.format.ValueType;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** How the catalogue names a field's type and writes its default. */
final class FieldTypes {

    private FieldTypes() {
    }

    /** Whether a field of this schema may be absent: a union with {@code null}. */
    static boolean optional(Schema schema) {
        return schema.getType() == Schema.Type.UNION
                && schema.getTypes().stream().anyMatch(branch -> branch.getType() == Schema.Type.NULL);
    }

    /**
     * {@code long}, {@code timestamp-nanos (Instant)}, {@code decimal(10,2) (BigDecimal)}, {@code array<string>},
     * {@code record Line}; a union with null is named by its other branch, since {@link #optional} says the rest.
     */
    static String describe(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ") (BigDecimal)";
        }
        if (logical != null) {
            return logical.getName() + ValueType.ofLogicalType(logical.getName())
                    .map(type -> " (" + type.javaType().getSimpleName() + ")").orElse("");
        }
        return switch (schema.getType()) {
            case UNION -> {
                var branches = schema.getTypes().stream().filter(branch -> branch.getType() != Schema.Type.NULL)
                        .toList();
                yield branches.size() == 1 ? describe(branches.get(0))
                        : branches.stream().map(FieldTypes::describe).collect(Collectors.joining(" or "));
            }
            case ARRAY -> "array<" + describe(schema.getElementType()) + ">";
            case MAP -> "map<string, " + describe(schema.getValueType()) + ">";
            case ENUM -> "enum " + schema.getName() + " " + schema.getEnumSymbols();
            case RECORD, FIXED -> schema.getType().getName() + " " + schema.getName();
            default -> schema.getType().getName().toLowerCase(Locale.ROOT);
        };
    }

    /** A field's default ({@link Schema.Field#defaultVal()}) as JSON, keys sorted. */
    static String json(Object value) {
        if (value == null || value == JsonProperties.NULL_VALUE) {
            return "null";
        }
        if (value instanceof CharSequence || value instanceof Enum<?>) {
            return quote(value.toString());
        }
        if (value instanceof byte[] bytes) {
            return quote(new String(bytes, StandardCharsets.ISO_8859_1));
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
            return sorted.entrySet().stream().map(entry -> quote(entry.getKey()) + ": " + json(entry.getValue()))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        if (value instanceof Collection<?> items) {
            StringBuilder json = new StringBuilder("[");
            for (Iterator<?> it = items.iterator(); it.hasNext();) {
                json.append(json(it.next())).append(it.hasNext() ? ", " : "");
            }
            return json.append(']').toString();
        }
        return value.toString();
    }

    private static String quote(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }
}
