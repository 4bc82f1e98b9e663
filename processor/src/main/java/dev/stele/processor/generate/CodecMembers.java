package dev.stele.processor.generate;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.NameAllocator;
import com.squareup.javapoet.ParameterizedTypeName;
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
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * The members one codec class needs besides its public methods: a {@code RecordFields} constant per
 * record, an {@code EnumSymbols} constant per enum, a constant per computed {@code @Default}, and a read and
 * a write method per nested record.
 * {@link RecordCode} asks for them by the model it needs; this class names each once and remembers which
 * records still need their methods, so only what is used is generated.
 */
final class CodecMembers {

    private final NameAllocator names = new NameAllocator();
    private final List<FieldSpec> constants = new ArrayList<>();
    private final Map<String, String> fieldConstants = new HashMap<>();
    private final Map<String, String> symbolConstants = new HashMap<>();
    private final Map<String, String> defaultConstants = new HashMap<>();
    private final Map<String, String> readMethods = new HashMap<>();
    private final Map<String, String> writeMethods = new HashMap<>();
    private final Set<String> queued = new LinkedHashSet<>();
    private final Deque<RecordModel> pending = new ArrayDeque<>();

    private final ClassName codec;
    private final Map<String, String> enumDefaults;

    /**
     * @param root the record the class encodes, whose enum defaults unknown symbols fall back on; its
     *     methods are the class's own, not queued here
     * @param reserved the names of the class's own members
     */
    CodecMembers(ClassName codec, RecordModel root, String... reserved) {
        this.codec = codec;
        this.enumDefaults = root.enumDefaults();
        for (String name : reserved) {
            names.newName(name, name);
        }
        queued.add(root.qualifiedName());
    }

    /** The codec class the members belong to. */
    ClassName codec() {
        return codec;
    }

    /**
     * The record's {@code RecordFields}: its field names in declaration order, then the aliases, the fields
     * data may lack, and the unions whose null comes second.
     */
    String fields(RecordModel record) {
        return fieldConstants.computeIfAbsent(record.qualifiedName(), key -> {
            String constant = names.newName(Names.constant(record.simpleName()), "fields:" + key);
            CodeBlock.Builder initializer = CodeBlock.builder().add("$T.of($L)", Names.RECORD_FIELDS,
                    Code.list(record.fields().stream().map(field -> CodeBlock.of("$S", field.name())).toList()));
            List<CodeBlock> optional = new ArrayList<>();
            List<CodeBlock> nullSecond = new ArrayList<>();
            for (FieldModel field : record.fields()) {
                if (!field.aliases().isEmpty()) {
                    List<CodeBlock> aliases = new ArrayList<>();
                    aliases.add(CodeBlock.of("$S", field.name()));
                    field.aliases().forEach(alias -> aliases.add(CodeBlock.of("$S", alias)));
                    initializer.add("\n$>$>.withAliases($L)$<$<", Code.list(aliases));
                }
                if (!field.isRequired()) {
                    optional.add(CodeBlock.of("$S", field.name()));
                }
                if (field.type().isOptional() && field.defaultValue().isPresent()) {
                    nullSecond.add(CodeBlock.of("$S", field.name()));
                }
            }
            if (!optional.isEmpty()) {
                initializer.add("\n$>$>.withOptional($L)$<$<", Code.list(optional));
            }
            if (!nullSecond.isEmpty()) {
                initializer.add("\n$>$>.withNullSecond($L)$<$<", Code.list(nullSecond));
            }
            constants.add(constant(Names.RECORD_FIELDS, constant, initializer.build()));
            return constant;
        });
    }

    /**
     * The enum's {@code EnumSymbols}: its constants, and the one an unknown symbol reads as (the
     * {@code @Default} of the fields of that enum), if any.
     */
    String symbols(TypeMapping.Enumeration enumeration) {
        String key = enumeration.element().getQualifiedName().toString();
        return symbolConstants.computeIfAbsent(key, ignored -> {
            ClassName type = ClassName.get(enumeration.element());
            String constant = names.newName(Names.constant(type.simpleName()), "symbols:" + key);
            String fallback = enumDefaults.get(key);
            constants.add(constant(ParameterizedTypeName.get(Names.ENUM_SYMBOLS, type), constant, fallback == null
                    ? CodeBlock.of("$T.of($S, $T.values())", Names.ENUM_SYMBOLS, type.simpleName(), type)
                    : CodeBlock.of("$T.of($S, $T.values(),$W$T.$N)", Names.ENUM_SYMBOLS, type.simpleName(), type,
                            type, fallback)));
            return constant;
        });
    }

    /**
     * What a reader's local of {@code field}, which has a {@code @Default}, starts at: the default itself, or
     * a constant holding it when it is computed ({@link Code#defaultIsComputed}), so that reading an event
     * does not parse it again.
     */
    CodeBlock defaultValue(RecordModel record, FieldModel field) {
        if (!Code.defaultIsComputed(field)) {
            return Code.defaultValue(field);
        }
        String key = record.qualifiedName() + "#" + field.name();
        String constant = defaultConstants.computeIfAbsent(key, ignored -> {
            String name = names.newName(Names.constant(field.name()) + "_DEFAULT", "default:" + key);
            constants.add(constant(Code.type(field.type()), name, Code.defaultValue(field)));
            return name;
        });
        return CodeBlock.of("$N", constant);
    }

    /** The name of a nested record's read method; queues its methods. */
    String read(RecordModel record) {
        queue(record);
        return readMethods.get(record.qualifiedName());
    }

    /** The name of a nested record's write method; queues its methods. */
    String write(RecordModel record) {
        queue(record);
        return writeMethods.get(record.qualifiedName());
    }

    private void queue(RecordModel record) {
        String key = record.qualifiedName();
        if (queued.add(key)) {
            readMethods.put(key, names.newName("read" + record.simpleName(), "read:" + key));
            writeMethods.put(key, names.newName("write" + record.simpleName(), "write:" + key));
            pending.add(record);
        }
    }

    /** The next nested record whose methods are still to be generated, or null. */
    RecordModel nextPending() {
        return pending.poll();
    }

    List<FieldSpec> constants() {
        return constants;
    }

    private static FieldSpec constant(TypeName type, String name, CodeBlock initializer) {
        return FieldSpec.builder(type, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
                .initializer(initializer)
                .build();
    }
}
