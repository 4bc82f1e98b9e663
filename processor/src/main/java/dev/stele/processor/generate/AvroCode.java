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
import javax.lang.model.element.Modifier;

/**
 * The Avro half of a codec: for each record a writer in schema order and a reader that takes the
 * fields in the order they arrive (the schema's, or a resolving decoder's), for each enum a symbol
 * reader, all through Avro's {@code Encoder}/{@code Decoder} and {@code AvroReading}/{@code AvroWriting}.
 */
final class AvroCode {

    private final CodecMembers members;

    AvroCode(CodecMembers members) {
        this.members = members;
    }

    MethodSpec writeRecord(RecordModel record) {
        NameAllocator locals = Code.locals("out", "value");
        MethodSpec.Builder method = MethodSpec.methodBuilder(members.write(record))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .addParameter(Names.ENCODER, "out")
                .addParameter(ClassName.get(record.element()), "value")
                .addException(Names.IO_EXCEPTION);
        for (FieldModel field : record.fields()) {
            CodeBlock access = CodeBlock.of("value.$N()", field.element().getSimpleName().toString());
            if (field.type() instanceof TypeMapping.Nullable nullable) {
                int nullBranch = nullBranch(field);
                String local = locals.newName(field.name(), field);
                if (nullable.optional()) {
                    // an Optional is never null: a null one fails as any missing required value does
                    method.addStatement("$T $N = $T.required($L)", Code.type(nullable), local, Names.AVRO_WRITING,
                                    access)
                            .beginControlFlow("if ($N.isEmpty())", local);
                } else {
                    method.addStatement("$T $N = $L", Code.type(nullable), local, access)
                            .beginControlFlow("if ($N == null)", local);
                }
                method.addStatement("out.writeIndex($L)", nullBranch)
                        .nextControlFlow("else")
                        .addStatement("out.writeIndex($L)", 1 - nullBranch)
                        .addStatement(write(nullable.value(),
                                CodeBlock.of(nullable.optional() ? "$N.get()" : "$N", local), "out", locals))
                        .endControlFlow();
            } else {
                method.addStatement(write(field.type(), access, "out", locals));
            }
        }
        return method.build();
    }

    MethodSpec readRecord(RecordModel record) {
        NameAllocator locals = Code.locals("in", "order", "position", "problem");
        ClassName type = ClassName.get(record.element());
        MethodSpec.Builder method = MethodSpec.methodBuilder(members.read(record))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(type)
                .addParameter(Names.DECODER, "in")
                .addException(Names.IO_EXCEPTION);
        if (record.fields().isEmpty()) {
            method.addStatement("$T.fieldOrder(in, 0)", Names.AVRO_READING);
            return method.addStatement("return new $T()", type).build();
        }
        List<String> values = new ArrayList<>();
        for (FieldModel field : record.fields()) {
            String value = locals.newName(field.name(), field);
            values.add(value);
            method.addStatement("$T $N = $L", Code.type(field.type()), value, Code.initialValue(field.type()));
        }
        method.addStatement("int[] order = $T.fieldOrder(in, $L)", Names.AVRO_READING, record.fields().size())
                .addStatement("int position = 0")
                .beginControlFlow("try")
                .beginControlFlow("for (; position < order.length; position++)")
                .beginControlFlow("switch (order[position])");
        for (int i = 0; i < record.fields().size(); i++) {
            FieldModel field = record.fields().get(i);
            method.addStatement("case $L -> $N =$W$L", i, values.get(i), read(field.type(), field, "in", locals));
        }
        method.endControlFlow()
                .endControlFlow()
                .nextControlFlow("catch ($T | $T problem)", Names.IO_EXCEPTION, Names.RUNTIME_EXCEPTION)
                .addStatement("throw $T.failure(problem, $N[order[position]])", Names.AVRO_READING,
                        members.fieldList(record))
                .endControlFlow();
        return method.addStatement("return new $T($L)", type, Code.names(values)).build();
    }

    MethodSpec readEnum(TypeMapping.Enumeration enumeration) {
        String symbols = members.symbols(enumeration);
        return MethodSpec.methodBuilder(members.read(enumeration))
                .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                .returns(ClassName.get(enumeration.element()))
                .addParameter(Names.DECODER, "in")
                .addException(Names.IO_EXCEPTION)
                .addStatement("return $N[$T.readSymbol(in, $N.length)]", symbols, Names.AVRO_READING, symbols)
                .build();
    }

    /** Null's branch in the field's union: first, unless a {@code @Default} value has to come first. */
    static int nullBranch(FieldModel field) {
        return field.defaultValue().isPresent() ? 1 : 0;
    }

    private CodeBlock write(TypeMapping type, CodeBlock value, String out, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            String primitive = primitiveMethod(scalar);
            if (primitive != null) {
                CodeBlock checked = scalar.isPrimitive() ? value
                        : CodeBlock.of("$T.required($L)", Names.AVRO_WRITING, value);
                return CodeBlock.of("$N.$N($L)", out, "write" + primitive, checked);
            }
            return CodeBlock.of("$T.$N($N, $L)", Names.AVRO_WRITING, "write" + JsonCode.suffix(scalar), out, value);
        }
        if (type instanceof TypeMapping.Decimal decimal) {
            return CodeBlock.of("$T.writeDecimal($N, $L, $L, $L)", Names.AVRO_WRITING, out, value,
                    decimal.precision(), decimal.scale());
        }
        if (type instanceof TypeMapping.Enumeration) {
            return CodeBlock.of("$T.writeSymbol($N, $L)", Names.AVRO_WRITING, out, value);
        }
        if (type instanceof TypeMapping.Sequence sequence) {
            return CodeBlock.of("$T.writeArray($N, $L,$W$L)", Names.AVRO_WRITING, out, value,
                    writer(sequence.element(), locals));
        }
        if (type instanceof TypeMapping.StringMap map) {
            return CodeBlock.of("$T.writeMap($N, $L,$W$L)", Names.AVRO_WRITING, out, value,
                    writer(map.value(), locals));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$N($N, $T.required($L))", members.write(nested.record()), out, Names.AVRO_WRITING,
                    value);
        }
        if (type instanceof TypeMapping.Wrapper wrapper) {
            return write(wrapper.value(),
                    CodeBlock.of("$T.required($L).$N()", Names.AVRO_WRITING, value, wrapper.accessor()), out, locals);
        }
        throw new IllegalArgumentException("optional values are written by their field: " + type);
    }

    private CodeBlock writer(TypeMapping type, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            String primitive = primitiveMethod(scalar);
            return primitive != null ? CodeBlock.of("$T::$N", Names.ENCODER, "write" + primitive)
                    : CodeBlock.of("$T::$N", Names.AVRO_WRITING, "write" + JsonCode.suffix(scalar));
        }
        if (type instanceof TypeMapping.Enumeration) {
            return CodeBlock.of("$T::writeSymbol", Names.AVRO_WRITING);
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$T::$N", members.codec(), members.write(nested.record()));
        }
        String out = locals.newName("elementOut");
        String element = locals.newName("element");
        return CodeBlock.of("($N, $N) -> $L", out, element, write(type, CodeBlock.of("$N", element), out, locals));
    }

    private CodeBlock read(TypeMapping type, FieldModel field, String in, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            String primitive = primitiveMethod(scalar);
            return primitive != null ? CodeBlock.of("$N.$N()", in, "read" + primitive)
                    : CodeBlock.of("$T.$N($N)", Names.AVRO_READING, "read" + JsonCode.suffix(scalar), in);
        }
        if (type instanceof TypeMapping.Decimal decimal) {
            return CodeBlock.of("$T.readDecimal($N, $L, $L)", Names.AVRO_READING, in, decimal.precision(),
                    decimal.scale());
        }
        if (type instanceof TypeMapping.Enumeration enumeration) {
            return CodeBlock.of("$N($N)", members.read(enumeration), in);
        }
        if (type instanceof TypeMapping.Sequence sequence) {
            return CodeBlock.of("$T.$N($N,$W$L)", Names.AVRO_READING, sequence.set() ? "readSet" : "readList", in,
                    reader(sequence.element(), locals));
        }
        if (type instanceof TypeMapping.StringMap map) {
            return CodeBlock.of("$T.readMap($N,$W$L)", Names.AVRO_READING, in, reader(map.value(), locals));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$N($N)", members.read(nested.record()), in);
        }
        if (type instanceof TypeMapping.Wrapper wrapper) {
            return CodeBlock.of("new $T($L)", ClassName.get(wrapper.element()),
                    read(wrapper.value(), null, in, locals));
        }
        TypeMapping.Nullable nullable = (TypeMapping.Nullable) type;
        CodeBlock value = read(nullable.value(), null, in, locals);
        CodeBlock present = CodeBlock.of("$T.readPresent($N, $L)", Names.AVRO_READING, in, nullBranch(field));
        return nullable.optional()
                ? CodeBlock.of("$L$W? $T.of($L)$W: $T.empty()", present, Names.OPTIONAL, value, Names.OPTIONAL)
                : CodeBlock.of("$L$W? $L$W: null", present, value);
    }

    private CodeBlock reader(TypeMapping type, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            String primitive = primitiveMethod(scalar);
            return primitive != null ? CodeBlock.of("$T::$N", Names.DECODER, "read" + primitive)
                    : CodeBlock.of("$T::$N", Names.AVRO_READING, "read" + JsonCode.suffix(scalar));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$T::$N", members.codec(), members.read(nested.record()));
        }
        if (type instanceof TypeMapping.Enumeration enumeration) {
            return CodeBlock.of("$T::$N", members.codec(), members.read(enumeration));
        }
        String element = locals.newName("element");
        return CodeBlock.of("$N -> $L", element, read(type, null, element, locals));
    }

    /** The Encoder/Decoder method suffix for types Avro encodes natively, else null. */
    private static String primitiveMethod(TypeMapping.Scalar scalar) {
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
            default:
                return null;
        }
    }
}
