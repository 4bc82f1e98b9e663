package dev.stele.processor.generate;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.NameAllocator;
import dev.stele.processor.model.FieldModel;
import dev.stele.processor.model.RecordModel;
import dev.stele.processor.model.TypeMapping;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * The JSON half of a codec: for each record an object writer and a tolerant object reader, for each
 * enum a symbol reader, all through Jackson's streaming API and {@code JsonReading}/{@code JsonWriting}.
 */
final class JsonCode {

    private final CodecMembers members;

    JsonCode(CodecMembers members) {
        this.members = members;
    }

    MethodSpec writeRecord(RecordModel record) {
        NameAllocator locals = Code.locals("out", "value");
        MethodSpec.Builder method = MethodSpec.methodBuilder(members.write(record))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Names.JSON_GENERATOR, "out")
                .addParameter(ClassName.get(record.element()), "value")
                .addException(Names.IO_EXCEPTION)
                .addStatement("out.writeStartObject()");
        for (FieldModel field : record.fields()) {
            method.addStatement("out.writeFieldName($N)", members.fieldName(field.name()));
            CodeBlock access = CodeBlock.of("value.$N()", field.element().getSimpleName().toString());
            if (field.type() instanceof TypeMapping.Nullable nullable) {
                String local = locals.newName(field.name(), field);
                if (nullable.optional()) {
                    // an Optional is never null: a null one fails as any missing required value does
                    method.addStatement("$T $N = $T.required($L)", Code.type(nullable), local, Names.JSON_WRITING,
                                    access)
                            .beginControlFlow("if ($N.isEmpty())", local);
                } else {
                    method.addStatement("$T $N = $L", Code.type(nullable), local, access)
                            .beginControlFlow("if ($N == null)", local);
                }
                CodeBlock present = CodeBlock.of(nullable.optional() ? "$N.get()" : "$N", local);
                method.addStatement("out.writeNull()")
                        .nextControlFlow("else")
                        .addStatement(write(nullable.value(), present, "out", locals))
                        .endControlFlow();
            } else {
                method.addStatement(write(field.type(), access, "out", locals));
            }
        }
        return method.addStatement("out.writeEndObject()").build();
    }

    MethodSpec readRecord(RecordModel record) {
        NameAllocator locals = Code.locals("in", "field");
        MethodSpec.Builder method = MethodSpec.methodBuilder(members.read(record))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ClassName.get(record.element()))
                .addParameter(Names.JSON_PARSER, "in")
                .addException(Names.IO_EXCEPTION)
                .addStatement("$T.expectObject(in)", Names.JSON_READING);
        List<String> values = new ArrayList<>();
        List<String> flags = new ArrayList<>();
        for (FieldModel field : record.fields()) {
            String value = locals.newName(field.name(), field);
            values.add(value);
            method.addStatement("$T $N = $L", Code.type(field.type()), value, Code.initialValue(field.type()));
            String flag = null;
            if (field.isRequired() || field.defaultValue().isPresent()) {
                flag = locals.newName("has" + Names.capitalized(field.name()), "has:" + field.name());
                method.addStatement("boolean $N = false", flag);
            }
            flags.add(flag);
        }
        // fields are expected in declaration order, matched on their encoded names; any other order falls
        // back to looking the name up, aliases included
        method.addStatement("int field = -1")
                .beginControlFlow("while ((field = $T.nextField(in, $N, field + 1,$W$T::$N))$W!= $T.END_OF_OBJECT)",
                        Names.JSON_READING, members.fieldNames(record), members.codec(), members.fieldIndex(record),
                        Names.JSON_READING)
                .addStatement("in.nextToken()");
        if (record.fields().isEmpty()) {
            method.addStatement("$T.skip(in)", Names.JSON_READING);
        } else {
            method.beginControlFlow("switch (field)");
            for (int i = 0; i < record.fields().size(); i++) {
                FieldModel field = record.fields().get(i);
                CodeBlock read = read(field.type(), "in", locals);
                if (flags.get(i) == null) {
                    method.addStatement("case $L -> $N =$W$L", i, values.get(i), read);
                } else {
                    method.beginControlFlow("case $L ->", i)
                            .addStatement("$N = $L", values.get(i), read)
                            .addStatement("$N = true", flags.get(i))
                            .endControlFlow();
                }
            }
            method.addStatement("default -> $T.skip(in)", Names.JSON_READING).endControlFlow();
        }
        method.endControlFlow();
        for (int i = 0; i < record.fields().size(); i++) {
            FieldModel field = record.fields().get(i);
            if (field.isRequired()) {
                method.beginControlFlow("if (!$N)", flags.get(i))
                        .addStatement("throw $T.missingField($S)", Names.JSON_READING, field.name())
                        .endControlFlow();
            } else if (field.defaultValue().isPresent()) {
                method.beginControlFlow("if (!$N)", flags.get(i))
                        .addStatement("$N = $L", values.get(i), Code.defaultValue(field))
                        .endControlFlow();
            }
        }
        return method.addStatement("return new $T($L)", ClassName.get(record.element()), Code.names(values)).build();
    }

    /** The index of a field by its name or an alias, or the field count for a name the record lacks. */
    MethodSpec fieldIndex(RecordModel record) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(members.fieldIndex(record))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(int.class)
                .addParameter(String.class, "name");
        if (record.fields().isEmpty()) {
            return method.addStatement("return 0").build();
        }
        method.addCode("return switch (name) {\n$>");
        for (int i = 0; i < record.fields().size(); i++) {
            FieldModel field = record.fields().get(i);
            List<CodeBlock> names = new ArrayList<>();
            names.add(CodeBlock.of("$S", field.name()));
            field.aliases().forEach(alias -> names.add(CodeBlock.of("$S", alias)));
            method.addStatement("case $L -> $L", Code.list(names), i);
        }
        return method.addStatement("default -> $L", record.fields().size())
                .addCode("$<};\n")
                .build();
    }

    /**
     * Reads an enum constant by name. A name the enum lacks (a later release may have added it) reads as
     * the {@code @Default} of the fields of that enum, if they have one; else it is a failure.
     */
    MethodSpec readEnum(TypeMapping.Enumeration enumeration) {
        ClassName type = ClassName.get(enumeration.element());
        MethodSpec.Builder method = MethodSpec.methodBuilder(members.read(enumeration))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(type)
                .addParameter(Names.JSON_PARSER, "in")
                .addException(Names.IO_EXCEPTION);
        Optional<String> fallback = members.enumDefault(enumeration);
        CodeBlock unknown = CodeBlock.of("throw $T.unknownSymbol(in, $S)", Names.JSON_READING, type.simpleName());
        if (enumeration.symbols().isEmpty() && fallback.isEmpty()) {
            return method.addStatement("$T.readSymbol(in)", Names.JSON_READING).addStatement(unknown).build();
        }
        method.addCode("return switch ($T.readSymbol(in)) {\n$>", Names.JSON_READING);
        for (String symbol : enumeration.symbols()) {
            method.addStatement("case $S -> $T.$N", symbol, type, symbol);
        }
        return method.addStatement("default -> $L", fallback.map(symbol -> CodeBlock.of("$T.$N", type, symbol))
                        .orElse(unknown))
                .addCode("$<};\n")
                .build();
    }

    /** A statement writing the non-optional {@code value} of {@code type} to {@code out}. */
    private CodeBlock write(TypeMapping type, CodeBlock value, String out, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            CodeBlock checked = scalar.isPrimitive() || !isNumberOrBoolean(scalar) ? value
                    : CodeBlock.of("$T.required($L)", Names.JSON_WRITING, value);
            return CodeBlock.of("$T.$N($N, $L)", Names.JSON_WRITING, "write" + suffix(scalar), out, checked);
        }
        if (type instanceof TypeMapping.Decimal decimal) {
            return CodeBlock.of("$T.writeDecimal($N, $L, $L, $L)", Names.JSON_WRITING, out, value,
                    decimal.precision(), decimal.scale());
        }
        if (type instanceof TypeMapping.Enumeration) {
            return CodeBlock.of("$T.writeSymbol($N, $L)", Names.JSON_WRITING, out, value);
        }
        if (type instanceof TypeMapping.Sequence sequence) {
            return CodeBlock.of("$T.writeArray($N, $L,$W$L)", Names.JSON_WRITING, out, value,
                    writer(sequence.element(), locals));
        }
        if (type instanceof TypeMapping.StringMap map) {
            return CodeBlock.of("$T.writeMap($N, $L,$W$L)", Names.JSON_WRITING, out, value,
                    writer(map.value(), locals));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$N($N, $T.required($L))", members.write(nested.record()), out, Names.JSON_WRITING,
                    value);
        }
        if (type instanceof TypeMapping.Wrapper wrapper) {
            return write(wrapper.value(),
                    CodeBlock.of("$T.required($L).$N()", Names.JSON_WRITING, value, wrapper.accessor()), out, locals);
        }
        throw new IllegalArgumentException("optional values are written by their field: " + type);
    }

    /** A {@code JsonValueWriter} for collection elements of {@code type}. */
    private CodeBlock writer(TypeMapping type, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            return CodeBlock.of("$T::$N", Names.JSON_WRITING, "write" + suffix(scalar));
        }
        if (type instanceof TypeMapping.Enumeration) {
            return CodeBlock.of("$T::writeSymbol", Names.JSON_WRITING);
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$T::$N", members.codec(), members.write(nested.record()));
        }
        String out = locals.newName("elementOut");
        String element = locals.newName("element");
        return CodeBlock.of("($N, $N) -> $L", out, element, write(type, CodeBlock.of("$N", element), out, locals));
    }

    /** An expression reading a value of {@code type} whose first token is current. */
    private CodeBlock read(TypeMapping type, String in, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            return CodeBlock.of("$T.$N($N)", Names.JSON_READING, "read" + suffix(scalar), in);
        }
        if (type instanceof TypeMapping.Decimal decimal) {
            return CodeBlock.of("$T.readDecimal($N, $L, $L)", Names.JSON_READING, in, decimal.precision(),
                    decimal.scale());
        }
        if (type instanceof TypeMapping.Enumeration enumeration) {
            return CodeBlock.of("$N($N)", members.read(enumeration), in);
        }
        if (type instanceof TypeMapping.Sequence sequence) {
            return CodeBlock.of("$T.$N($N,$W$L)", Names.JSON_READING, sequence.set() ? "readSet" : "readList", in,
                    reader(sequence.element(), locals));
        }
        if (type instanceof TypeMapping.StringMap map) {
            return CodeBlock.of("$T.readMap($N,$W$L)", Names.JSON_READING, in, reader(map.value(), locals));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$N($N)", members.read(nested.record()), in);
        }
        if (type instanceof TypeMapping.Wrapper wrapper) {
            return CodeBlock.of("new $T($L)", ClassName.get(wrapper.element()), read(wrapper.value(), in, locals));
        }
        TypeMapping.Nullable nullable = (TypeMapping.Nullable) type;
        CodeBlock value = read(nullable.value(), in, locals);
        return nullable.optional()
                ? CodeBlock.of("$T.isNull($N)$W? $T.empty()$W: $T.of($L)", Names.JSON_READING, in, Names.OPTIONAL,
                        Names.OPTIONAL, value)
                : CodeBlock.of("$T.isNull($N)$W? null$W: $L", Names.JSON_READING, in, value);
    }

    /** A {@code JsonValueReader} for collection elements of {@code type}. */
    private CodeBlock reader(TypeMapping type, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            return CodeBlock.of("$T::$N", Names.JSON_READING, "read" + suffix(scalar));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$T::$N", members.codec(), members.read(nested.record()));
        }
        if (type instanceof TypeMapping.Enumeration enumeration) {
            return CodeBlock.of("$T::$N", members.codec(), members.read(enumeration));
        }
        String element = locals.newName("element");
        return CodeBlock.of("$N -> $L", element, read(type, element, locals));
    }

    private static boolean isNumberOrBoolean(TypeMapping.Scalar scalar) {
        switch (scalar.kind()) {
            case BOOLEAN:
            case INT:
            case LONG:
            case FLOAT:
            case DOUBLE:
                return true;
            default:
                return false;
        }
    }

    /** The type part of the helper names: {@code writeInstant}, {@code readLocalDate}, ... */
    static String suffix(TypeMapping.Scalar scalar) {
        switch (scalar.kind()) {
            case BOOLEAN:
                return "Boolean";
            case INT:
                return "Int";
            case LONG:
                return "Long";
            case FLOAT:
                return "Float";
            case DOUBLE:
                return "Double";
            case STRING:
                return "String";
            case INSTANT:
                return "Instant";
            case LOCAL_DATE:
                return "LocalDate";
            case LOCAL_DATE_TIME:
                return "LocalDateTime";
            case UUID:
                return "Uuid";
            case BYTES:
                return "Bytes";
            default:
                throw new AssertionError(scalar.kind());
        }
    }
}
