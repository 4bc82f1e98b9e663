package dev.stele.processor.generate;

import dev.stele.format.EventSchemaNames;
import dev.stele.format.ValueType;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.FieldModel;
import dev.stele.processor.model.RecordModel;
import dev.stele.processor.model.TypeMapping;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.JsonProperties;
import org.apache.avro.JsonSchemaFormatter;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;

/**
 * The Avro schema of one event version. Names come from the event name and version, never from the
 * Java package: the event record is {@code stele.v<version>.<EventName>}, and each nested record or
 * enum is {@code stele.v<version>.<EventName>.<SimpleName>}. Moving a class is therefore not a schema
 * change, and two versions of one event never share a fingerprint. Logical types are the runtime's
 * ({@link ValueType}).
 */
public final class SchemaGenerator {

    /** Avro's pretty JSON, created directly: its factory lookup uses the context class loader, not ours. */
    private static final JsonSchemaFormatter PRETTY = new JsonSchemaFormatter(true);

    /** The schema, its text as written to the resource, and the fingerprint the runtime keys it by. */
    public record GeneratedSchema(Schema schema, String json, long fingerprint) {
    }

    public GeneratedSchema generate(EventModel event) {
        return generate(event.record(), event.name(), EventSchemaNames.namespace(event.version()));
    }

    /**
     * The schema of an aggregate's state, {@code stele.aggregate.<SimpleName>}: what a snapshot's
     * fingerprint is taken of.
     */
    public GeneratedSchema generateState(RecordModel state) {
        return generate(state, state.simpleName(), "stele.aggregate");
    }

    private GeneratedSchema generate(RecordModel record, String name, String namespace) {
        Builder builder = new Builder(namespace + "." + name, record.enumDefaults());
        Schema schema = builder.record(record, name, namespace);
        // Avro's pretty printer ends lines with the platform's separator; the resource must not depend on it
        String json = PRETTY.format(schema).replace(System.lineSeparator(), "\n") + "\n";
        return new GeneratedSchema(schema, json, SchemaNormalization.parsingFingerprint64(schema));
    }

    /** Builds one schema, defining each named type once and referring to it by name after that. */
    private static final class Builder {

        private final String nestedNamespace;
        private final Map<String, String> enumDefaults;
        private final Map<String, Schema> named = new HashMap<>();

        Builder(String nestedNamespace, Map<String, String> enumDefaults) {
            this.nestedNamespace = nestedNamespace;
            this.enumDefaults = enumDefaults;
        }

        Schema record(RecordModel record, String name, String namespace) {
            Schema schema = Schema.createRecord(name, null, namespace, false);
            named.put(record.qualifiedName(), schema);
            List<Schema.Field> fields = new ArrayList<>();
            for (FieldModel field : record.fields()) {
                fields.add(field(field));
            }
            schema.setFields(fields);
            return schema;
        }

        private Schema.Field field(FieldModel field) {
            boolean hasDefault = field.defaultValue().isPresent();
            Schema schema;
            if (field.type() instanceof TypeMapping.Nullable nullable) {
                Schema value = schema(nullable.value());
                Schema none = Schema.create(Schema.Type.NULL);
                schema = Schema.createUnion(hasDefault ? List.of(value, none) : List.of(none, value));
            } else {
                schema = schema(field.type());
            }
            Schema.Field result;
            if (hasDefault) {
                result = new Schema.Field(field.name(), schema, null, field.defaultValue().get().avroValue());
            } else if (field.type().isOptional()) {
                result = new Schema.Field(field.name(), schema, null, JsonProperties.NULL_VALUE);
            } else {
                result = new Schema.Field(field.name(), schema);
            }
            field.aliases().forEach(result::addAlias);
            return result;
        }

        private Schema schema(TypeMapping type) {
            if (type instanceof TypeMapping.Scalar scalar) {
                return scalar(scalar);
            }
            if (type instanceof TypeMapping.Decimal decimal) {
                return ValueType.decimalSchema(decimal.precision(), decimal.scale());
            }
            if (type instanceof TypeMapping.Enumeration enumeration) {
                String key = enumeration.element().getQualifiedName().toString();
                Schema known = named.get(key);
                if (known == null) {
                    known = Schema.createEnum(enumeration.element().getSimpleName().toString(), null, nestedNamespace,
                            enumeration.symbols(), enumDefaults.get(key));
                    named.put(key, known);
                }
                return known;
            }
            if (type instanceof TypeMapping.Sequence sequence) {
                return Schema.createArray(schema(sequence.element()));
            }
            if (type instanceof TypeMapping.StringMap map) {
                return Schema.createMap(schema(map.value()));
            }
            if (type instanceof TypeMapping.Nested nested) {
                Schema known = named.get(nested.record().qualifiedName());
                return known != null ? known : record(nested.record(), nested.record().simpleName(), nestedNamespace);
            }
            if (type instanceof TypeMapping.Wrapper wrapper) {
                return schema(wrapper.value());
            }
            throw new IllegalArgumentException("optional values are unions of fields, not standalone: " + type);
        }

        private static Schema scalar(TypeMapping.Scalar scalar) {
            switch (scalar.kind()) {
                case BOOLEAN:
                    return Schema.create(Schema.Type.BOOLEAN);
                case INT:
                    return Schema.create(Schema.Type.INT);
                case LONG:
                    return Schema.create(Schema.Type.LONG);
                case FLOAT:
                    return Schema.create(Schema.Type.FLOAT);
                case DOUBLE:
                    return Schema.create(Schema.Type.DOUBLE);
                case STRING:
                    return Schema.create(Schema.Type.STRING);
                case INSTANT:
                    return ValueType.INSTANT.schema();
                case LOCAL_DATE:
                    return ValueType.LOCAL_DATE.schema();
                case LOCAL_DATE_TIME:
                    return ValueType.LOCAL_DATE_TIME.schema();
                case UUID:
                    return ValueType.UUID_TEXT.schema();
                case BYTES:
                    return Schema.create(Schema.Type.BYTES);
                default:
                    throw new AssertionError(scalar.kind());
            }
        }
    }
}
