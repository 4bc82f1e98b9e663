package dev.stele.format;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.avro.Schema;

/**
 * How event schemas are named: from the event's name and version, never from the Java package. The
 * event record is {@code stele.v<version>.<EventName>}; each nested record or enum is
 * {@code stele.v<version>.<EventName>.<SimpleName>}. Moving a class is therefore not a schema change,
 * and two versions of one event never share a fingerprint.
 */
public final class EventSchemaNames {

    private static final Pattern EVENT = Pattern.compile("stele\\.v([1-9][0-9]{0,8})\\.([^.]+)");

    /** An event version, as a schema's name says. */
    public record Named(String name, int version) {
    }

    private EventSchemaNames() {
    }

    /** The namespace of an event version's record: {@code stele.v2}. */
    public static String namespace(int version) {
        return "stele.v" + version;
    }

    /** The namespace of the records and enums nested in an event version: {@code stele.v2.OrderPlaced}. */
    public static String nestedNamespace(String eventName, int version) {
        return namespace(version) + "." + eventName;
    }

    /** The event version an event schema was written for, or empty if it is not named as Stele names events. */
    public static Optional<Named> of(Schema schema) {
        if (schema.getType() != Schema.Type.RECORD) {
            return Optional.empty();
        }
        Matcher matcher = EVENT.matcher(schema.getFullName());
        return matcher.matches() ? Optional.of(new Named(matcher.group(2), Integer.parseInt(matcher.group(1))))
                : Optional.empty();
    }

    /**
     * {@code schema}, an event version's schema, with every name moved to {@code version}'s namespace and
     * nothing else changed: what a reader of {@code version} resolves data of another version against,
     * since Avro resolves named types by name.
     *
     * @throws IllegalArgumentException if {@code schema} is not named as Stele names events
     */
    public static Schema asVersion(Schema schema, int version) {
        Named named = of(schema).orElseThrow(() -> new IllegalArgumentException(schema.getFullName()
                + " is not named as a Stele event schema (stele.v<version>.<Name>)"));
        if (named.version() == version) {
            return schema;
        }
        return new Renamer(namespace(named.version()), namespace(version)).copy(schema);
    }

    /** Copies a schema with its namespaces' version prefix replaced. */
    private static final class Renamer {

        private final String from;
        private final String to;
        private final Map<String, Schema> named = new HashMap<>();

        Renamer(String from, String to) {
            this.from = from;
            this.to = to;
        }

        private String rename(String namespace) {
            if (namespace == null) {
                return null;
            }
            if (namespace.equals(from)) {
                return to;
            }
            return namespace.startsWith(from + ".") ? to + namespace.substring(from.length()) : namespace;
        }

        Schema copy(Schema schema) {
            return switch (schema.getType()) {
                case RECORD -> record(schema);
                case ENUM -> named(schema, () -> Schema.createEnum(schema.getName(), schema.getDoc(),
                        rename(schema.getNamespace()), schema.getEnumSymbols(), schema.getEnumDefault()));
                case FIXED -> named(schema, () -> Schema.createFixed(schema.getName(), schema.getDoc(),
                        rename(schema.getNamespace()), schema.getFixedSize()));
                case ARRAY -> withProperties(schema, Schema.createArray(copy(schema.getElementType())));
                case MAP -> withProperties(schema, Schema.createMap(copy(schema.getValueType())));
                case UNION -> {
                    List<Schema> branches = new ArrayList<>();
                    schema.getTypes().forEach(branch -> branches.add(copy(branch)));
                    yield Schema.createUnion(branches);
                }
                default -> schema;
            };
        }

        private Schema record(Schema schema) {
            Schema known = named.get(schema.getFullName());
            if (known != null) {
                return known;
            }
            Schema copy = Schema.createRecord(schema.getName(), schema.getDoc(), rename(schema.getNamespace()),
                    schema.isError());
            named.put(schema.getFullName(), copy);
            schema.getAliases().forEach(copy::addAlias);
            List<Schema.Field> fields = new ArrayList<>();
            for (Schema.Field field : schema.getFields()) {
                Schema.Field copied = new Schema.Field(field.name(), copy(field.schema()), field.doc(),
                        field.defaultVal(), field.order());
                field.aliases().forEach(copied::addAlias);
                field.getObjectProps().forEach(copied::addProp);
                fields.add(copied);
            }
            copy.setFields(fields);
            return withProperties(schema, copy);
        }

        private Schema named(Schema schema, Supplier<Schema> create) {
            Schema known = named.get(schema.getFullName());
            if (known != null) {
                return known;
            }
            Schema copy = withProperties(schema, create.get());
            named.put(schema.getFullName(), copy);
            return copy;
        }

        private static Schema withProperties(Schema from, Schema to) {
            from.getObjectProps().forEach(to::addProp);
            if (from.getLogicalType() != null) {
                from.getLogicalType().addToSchema(to);
            }
            return to;
        }
    }
}
