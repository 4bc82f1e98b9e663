package dev.stele.processor.generate;

import com.squareup.javapoet.ArrayTypeName;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.NameAllocator;
import com.squareup.javapoet.TypeName;
import dev.stele.processor.model.FieldModel;
import dev.stele.processor.model.RecordModel;
import dev.stele.processor.model.TypeMapping;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The members one codec class needs besides its public methods: field-name constants, enum symbol
 * tables, and a read and a write method per nested record and enum. The format emitters ask for them
 * by the model they need; this class names each once and remembers what is still to be generated, so
 * only what is used is generated.
 */
final class CodecMembers {

    private final NameAllocator names = new NameAllocator();
    private final List<FieldSpec> constants = new ArrayList<>();
    private final Map<String, String> fieldNameConstants = new HashMap<>();
    private final Map<String, String> fieldListConstants = new HashMap<>();
    private final Map<String, String> symbolConstants = new HashMap<>();
    private final Map<String, String> fieldNameArrays = new HashMap<>();
    private final Map<String, String> fieldIndexMethods = new HashMap<>();
    private final Map<String, String> readMethods = new HashMap<>();
    private final Map<String, String> writeMethods = new HashMap<>();
    private final Set<String> queued = new LinkedHashSet<>();
    private final Deque<RecordModel> pendingRecords = new ArrayDeque<>();
    private final Deque<TypeMapping.Enumeration> pendingEnums = new ArrayDeque<>();

    private final ClassName codec;
    private final Map<String, String> enumDefaults;

    /**
     * @param root the record the class encodes, whose enum defaults the readers fall back on
     * @param reserved the names of the class's own members
     */
    CodecMembers(ClassName codec, RecordModel root, String... reserved) {
        this.codec = codec;
        this.enumDefaults = root.enumDefaults();
        for (String name : reserved) {
            names.newName(name, name);
        }
    }

    /** The codec class the members belong to. */
    ClassName codec() {
        return codec;
    }

    /** The constant an unknown symbol of the enum reads as: the {@code @Default} of the fields using it. */
    Optional<String> enumDefault(TypeMapping.Enumeration enumeration) {
        return Optional.ofNullable(enumDefaults.get(key(enumeration)));
    }

    /** A {@code SerializedString} constant holding the JSON field name, encoded once. */
    String fieldName(String name) {
        return fieldNameConstants.computeIfAbsent(name, key -> {
            String constant = names.newName(Names.constant(key), "field:" + key);
            constants.add(constant(Names.SERIALIZED_STRING, constant,
                    CodeBlock.of("new $T($S)", Names.SERIALIZED_STRING, key)));
            return constant;
        });
    }

    /** The record's field names in schema order, for naming the field an Avro failure happened in. */
    String fieldList(RecordModel record) {
        return fieldListConstants.computeIfAbsent(record.qualifiedName(), key -> {
            String constant = names.newName(Names.constant(record.simpleName()) + "_FIELDS", "fields:" + key);
            List<CodeBlock> values = record.fields().stream().map(field -> CodeBlock.of("$S", field.name())).toList();
            constants.add(constant(ArrayTypeName.of(String.class), constant, CodeBlock.of("{$L}", Code.list(values))));
            return constant;
        });
    }

    /** The record's encoded JSON field names in declaration order, for matching fields in that order. */
    String fieldNames(RecordModel record) {
        return fieldNameArrays.computeIfAbsent(record.qualifiedName(), key -> {
            String constant = names.newName(Names.constant(record.simpleName()) + "_NAMES", "names:" + key);
            List<String> values = new ArrayList<>();
            for (FieldModel field : record.fields()) {
                values.add(fieldName(field.name()));
            }
            constants.add(constant(ArrayTypeName.of(Names.SERIALIZED_STRING), constant,
                    CodeBlock.of("{$L}", Code.names(values))));
            return constant;
        });
    }

    /** The name of the method that finds a record's field index by JSON name (aliases included). */
    String fieldIndex(RecordModel record) {
        return fieldIndexMethods.computeIfAbsent(record.qualifiedName(),
                key -> names.newName(Names.uncapitalized(record.simpleName()) + "Field", "fieldIndex:" + key));
    }

    /** The enum's constants in declaration order, which is the order of the Avro symbols. */
    String symbols(TypeMapping.Enumeration enumeration) {
        return symbolConstants.computeIfAbsent(key(enumeration), key -> {
            ClassName type = ClassName.get(enumeration.element());
            String constant = names.newName(Names.constant(type.simpleName()) + "_SYMBOLS", "symbols:" + key);
            constants.add(constant(ArrayTypeName.of(type), constant, CodeBlock.of("$T.values()", type)));
            return constant;
        });
    }

    /** The name of the read methods (JSON and Avro overloads) of a nested record; queues them. */
    String read(RecordModel record) {
        queue(record);
        return readMethods.get(record.qualifiedName());
    }

    String write(RecordModel record) {
        queue(record);
        return writeMethods.get(record.qualifiedName());
    }

    /** The name of the read methods (JSON and Avro overloads) of an enum; queues them. */
    String read(TypeMapping.Enumeration enumeration) {
        String key = key(enumeration);
        if (queued.add(key)) {
            readMethods.put(key, names.newName("read" + enumeration.element().getSimpleName(), "read:" + key));
            pendingEnums.add(enumeration);
        }
        return readMethods.get(key);
    }

    private void queue(RecordModel record) {
        String key = record.qualifiedName();
        if (queued.add(key)) {
            readMethods.put(key, names.newName("read" + record.simpleName(), "read:" + key));
            writeMethods.put(key, names.newName("write" + record.simpleName(), "write:" + key));
            pendingRecords.add(record);
        }
    }

    /**
     * The read and write methods of every record and enum queued so far, and of those they queue in turn:
     * JSON always, Avro when {@code avro} is given.
     */
    List<MethodSpec> generateQueued(JsonCode json, AvroCode avro) {
        List<MethodSpec> methods = new ArrayList<>();
        for (RecordModel next = pendingRecords.poll(); next != null; next = pendingRecords.poll()) {
            methods.add(json.writeRecord(next));
            methods.add(json.readRecord(next));
            methods.add(json.fieldIndex(next));
            if (avro != null) {
                methods.add(avro.writeRecord(next));
                methods.add(avro.readRecord(next));
            }
            for (TypeMapping.Enumeration enumeration = pendingEnums.poll(); enumeration != null;
                    enumeration = pendingEnums.poll()) {
                methods.add(json.readEnum(enumeration));
                if (avro != null) {
                    methods.add(avro.readEnum(enumeration));
                }
            }
        }
        return methods;
    }

    List<FieldSpec> constants() {
        return constants;
    }

    private static FieldSpec constant(TypeName type, String name, CodeBlock initializer) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(initializer)
                .build();
    }

    private static String key(TypeMapping.Enumeration enumeration) {
        return enumeration.element().getQualifiedName().toString();
    }
}
