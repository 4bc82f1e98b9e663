package dev.stele.maven.check;

import dev.stele.format.ValueType;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/** How findings name Avro types, and how Avro field locations become field paths. */
final class AvroTypes {

    private AvroTypes() {
    }

    /** {@code long}, {@code timestamp-nanos (Instant)}, {@code decimal(10,2)}, {@code [null, string]}, ... */
    static String describe(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical instanceof LogicalTypes.Decimal decimal) {
            return "decimal(" + decimal.getPrecision() + "," + decimal.getScale() + ")";
        }
        if (logical != null) {
            String java = javaType(logical.getName());
            return logical.getName() + (java.isEmpty() ? "" : " (" + java + ")");
        }
        switch (schema.getType()) {
            case UNION:
                return schema.getTypes().stream().map(AvroTypes::describe).collect(Collectors.joining(", ", "[", "]"));
            case ARRAY:
                return "array<" + describe(schema.getElementType()) + ">";
            case MAP:
                return "map<" + describe(schema.getValueType()) + ">";
            case RECORD:
            case ENUM:
            case FIXED:
                return schema.getType().getName() + " " + schema.getName();
            default:
                return schema.getType().getName().toLowerCase(Locale.ROOT);
        }
    }

    /** The Java type Stele maps a logical type to (of any unit), or empty. */
    static String javaType(String logicalType) {
        return ValueType.ofLogicalType(logicalType).map(type -> type.javaType().getSimpleName()).orElse("");
    }

    /**
     * The field path ({@code lines[].sku}) of a JSON-pointer location such as
     * {@code /fields/5/type/items/fields/0/type} in {@code root}; segments it cannot follow are left out.
     */
    static String fieldPath(Schema root, String location) {
        StringBuilder path = new StringBuilder();
        Schema at = root;
        String[] segments = location.split("/");
        for (int i = 0; i < segments.length && at != null; i++) {
            String segment = segments[i];
            if (segment.equals("fields") && i + 1 < segments.length && at.getType() == Schema.Type.RECORD) {
                int index = parseIndex(segments[++i]);
                if (index < 0 || index >= at.getFields().size()) {
                    break;
                }
                Schema.Field field = at.getFields().get(index);
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(field.name());
                at = field.schema();
                if (i + 1 < segments.length && segments[i + 1].equals("type")) {
                    i++;
                }
            } else if (segment.equals("items") && at.getType() == Schema.Type.ARRAY) {
                path.append("[]");
                at = at.getElementType();
            } else if (segment.equals("values") && at.getType() == Schema.Type.MAP) {
                path.append("{}");
                at = at.getValueType();
            } else if (at.getType() == Schema.Type.UNION && parseIndex(segment) >= 0
                    && parseIndex(segment) < at.getTypes().size()) {
                at = at.getTypes().get(parseIndex(segment));
            }
        }
        return path.toString();
    }

    private static int parseIndex(String segment) {
        try {
            return Integer.parseInt(segment);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The schema of a union's non-null branch, or the schema itself. */
    static Schema nonNull(Schema schema) {
        if (schema.getType() != Schema.Type.UNION) {
            return schema;
        }
        for (Schema branch : schema.getTypes()) {
            if (branch.getType() != Schema.Type.NULL) {
                return branch;
            }
        }
        return schema;
    }

    /**
     * What goes wrong when a field's type changes between two primitives Avro resolution converts
     * between with a change of value, in whichever direction data then flows; empty for any other pair.
     */
    static Optional<String> valueChange(Schema.Type before, Schema.Type after) {
        EnumSet<Schema.Type> pair = before == after ? EnumSet.noneOf(Schema.Type.class) : EnumSet.of(before, after);
        if (pair.equals(EnumSet.of(Schema.Type.INT, Schema.Type.FLOAT))) {
            return Optional.of("an int past 2^24 would read back rounded as a float");
        }
        if (pair.equals(EnumSet.of(Schema.Type.LONG, Schema.Type.FLOAT))) {
            return Optional.of("a long past 2^24 would read back rounded as a float");
        }
        if (pair.equals(EnumSet.of(Schema.Type.LONG, Schema.Type.DOUBLE))) {
            return Optional.of("a long past 2^53 would read back rounded as a double");
        }
        if (pair.equals(EnumSet.of(Schema.Type.STRING, Schema.Type.BYTES))) {
            return Optional.of("in JSON a byte[] is Base64 text, so the same field would change meaning");
        }
        return Optional.empty();
    }

    /** Whether Avro resolution converts one primitive to the other in either direction. */
    static boolean samePhysicalOrPromotable(Schema a, Schema b) {
        Schema.Type x = a.getType();
        Schema.Type y = b.getType();
        return x == y || promotes(x, y) || promotes(y, x);
    }

    private static boolean promotes(Schema.Type from, Schema.Type to) {
        switch (from) {
            case INT:
                return to == Schema.Type.LONG || to == Schema.Type.FLOAT || to == Schema.Type.DOUBLE;
            case LONG:
                return to == Schema.Type.FLOAT || to == Schema.Type.DOUBLE;
            case FLOAT:
                return to == Schema.Type.DOUBLE;
            case STRING:
                return to == Schema.Type.BYTES;
            case BYTES:
                return to == Schema.Type.STRING;
            default:
                return false;
        }
    }
}
