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
 * The body of a codec: for each record one writer and one reader, through {@code RecordWriter} and
 * {@code RecordReader}, which serve JSON and Avro alike. A writer names each field and writes its value in
 * declaration order; a reader starts every local at what the field is when the data lacks it and takes the
 * fields in whatever order they come.
 */
final class RecordCode {

    private final CodecMembers members;

    RecordCode(CodecMembers members) {
        this.members = members;
    }

    /** The public writer of the codec's own record: {@code write(value, out)}, overriding {@code name}. */
    MethodSpec publicWriter(String name, RecordModel record) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(ClassName.get(record.element()), "value")
                .addParameter(Names.RECORD_WRITER, "out");
        return writeBody(method, record).build();
    }

    /** The public reader of the codec's own record: {@code read(in)}, overriding {@code name}. */
    MethodSpec publicReader(String name, RecordModel record) {
        MethodSpec.Builder method = MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC);
        return readBody(method, record).build();
    }

    /** The private writer and reader of every nested record queued so far, and of those they queue in turn. */
    List<MethodSpec> nestedMethods() {
        List<MethodSpec> methods = new ArrayList<>();
        for (RecordModel next = members.nextPending(); next != null; next = members.nextPending()) {
            methods.add(writeBody(MethodSpec.methodBuilder(members.write(next))
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
                    .addParameter(Names.RECORD_WRITER, "out")
                    .addParameter(ClassName.get(next.element()), "value"), next).build());
            methods.add(readBody(MethodSpec.methodBuilder(members.read(next))
                    .addModifiers(Modifier.PRIVATE, Modifier.STATIC), next).build());
        }
        return methods;
    }

    private MethodSpec.Builder writeBody(MethodSpec.Builder method, RecordModel record) {
        NameAllocator locals = Code.locals("out", "value");
        String fields = members.fields(record);
        method.addException(Names.IO_EXCEPTION).addStatement("out.startRecord($N)", fields);
        for (int i = 0; i < record.fields().size(); i++) {
            FieldModel field = record.fields().get(i);
            CodeBlock access = CodeBlock.of("value.$N()", field.element().getSimpleName().toString());
            method.addStatement("out.field($N, $L).$L", fields, i, write(field.type(), access, locals.clone()));
        }
        return method.addStatement("out.endRecord()");
    }

    private MethodSpec.Builder readBody(MethodSpec.Builder method, RecordModel record) {
        ClassName type = ClassName.get(record.element());
        method.returns(type).addParameter(Names.RECORD_READER, "in").addException(Names.IO_EXCEPTION);
        if (record.fields().isEmpty()) {
            return method.addStatement("in.firstField($N)", members.fields(record))
                    .addStatement("return new $T()", type);
        }
        NameAllocator locals = Code.locals("in", "field");
        List<String> values = new ArrayList<>();
        for (FieldModel field : record.fields()) {
            String value = locals.newName(field.name(), field);
            values.add(value);
            method.addStatement("$T $N = $L", Code.type(field.type()), value, field.defaultValue().isPresent()
                    ? members.defaultValue(record, field) : Code.initialValue(field.type()));
        }
        String fields = members.fields(record);
        method.beginControlFlow("for (int field = in.firstField($N); field != $T.END;$Wfield = in.nextField($N))",
                        fields, Names.RECORD_READER, fields)
                .beginControlFlow("switch (field)");
        for (int i = 0; i < record.fields().size(); i++) {
            method.addStatement("case $L -> $N =$W$L", i, values.get(i),
                    read(record.fields().get(i).type(), "in", locals.clone()));
        }
        return method.endControlFlow()
                .endControlFlow()
                .addStatement("return new $T($L)", type, Code.names(values));
    }

    /** The call on a {@code RecordWriter} that writes {@code value} of {@code type}: {@code writeInt(value.count())}. */
    private CodeBlock write(TypeMapping type, CodeBlock value, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            CodeBlock checked = scalar.isPrimitive() || !isNumberOrBoolean(scalar) ? value
                    : CodeBlock.of("$T.required($L)", Names.RECORD_WRITER, value);
            return CodeBlock.of("write$L($L)", suffix(scalar), checked);
        }
        if (type instanceof TypeMapping.Decimal decimal) {
            return CodeBlock.of("writeDecimal($L, $L, $L)", value, decimal.precision(), decimal.scale());
        }
        if (type instanceof TypeMapping.Enumeration enumeration) {
            return CodeBlock.of("writeEnum($N, $L)", members.symbols(enumeration), value);
        }
        if (type instanceof TypeMapping.Sequence sequence) {
            return CodeBlock.of("writeList($L,$W$L)", value, writer(sequence.element(), locals));
        }
        if (type instanceof TypeMapping.StringMap map) {
            return CodeBlock.of("writeMap($L,$W$L)", value, writer(map.value(), locals));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("writeRecord($L,$W$T::$N)", value, members.codec(), members.write(nested.record()));
        }
        if (type instanceof TypeMapping.Wrapper wrapper) {
            return write(wrapper.value(), CodeBlock.of("$T.required($L).$N()", Names.RECORD_WRITER, value,
                    wrapper.accessor()), locals);
        }
        TypeMapping.Nullable nullable = (TypeMapping.Nullable) type;
        return CodeBlock.of("$L($L,$W$L)", nullable.optional() ? "writeOptional" : "writeNullable", value,
                writer(nullable.value(), locals));
    }

    /**
     * A {@code ValueWriter} of {@code type}: for a scalar the constant the runtime holds, as javac compiles a class
     * without lambdas noticeably faster; a method reference to a nested record's writer; else a lambda.
     */
    private CodeBlock writer(TypeMapping type, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            return CodeBlock.of("$T.$L", Names.VALUE_WRITER, constant(scalar));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$T::$N", members.codec(), members.write(nested.record()));
        }
        String out = Code.fresh(locals, "elementOut");
        String element = Code.fresh(locals, "element");
        CodeBlock value = type instanceof TypeMapping.Wrapper wrapper
                ? CodeBlock.of("$N.$N()", element, wrapper.accessor()) : CodeBlock.of("$N", element);
        TypeMapping written = type instanceof TypeMapping.Wrapper wrapper ? wrapper.value() : type;
        return CodeBlock.of("($N, $N) -> $N.$L", out, element, out, write(written, value, locals));
    }

    /** An expression reading a value of {@code type} from {@code in}: {@code in.readInt()}. */
    private CodeBlock read(TypeMapping type, String in, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            return CodeBlock.of("$N.read$L()", in, suffix(scalar));
        }
        if (type instanceof TypeMapping.Decimal decimal) {
            return CodeBlock.of("$N.readDecimal($L, $L)", in, decimal.precision(), decimal.scale());
        }
        if (type instanceof TypeMapping.Enumeration enumeration) {
            return CodeBlock.of("$N.readEnum($N)", in, members.symbols(enumeration));
        }
        if (type instanceof TypeMapping.Sequence sequence) {
            return CodeBlock.of("$N.$L($L)", in, sequence.set() ? "readSet" : "readList",
                    reader(sequence.element(), locals));
        }
        if (type instanceof TypeMapping.StringMap map) {
            return CodeBlock.of("$N.readMap($L)", in, reader(map.value(), locals));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$N($N)", members.read(nested.record()), in);
        }
        if (type instanceof TypeMapping.Wrapper wrapper) {
            return CodeBlock.of("new $T($L)", ClassName.get(wrapper.element()), read(wrapper.value(), in, locals));
        }
        TypeMapping.Nullable nullable = (TypeMapping.Nullable) type;
        return CodeBlock.of("$N.$L($L)", in, nullable.optional() ? "readOptional" : "readNullable",
                reader(nullable.value(), locals));
    }

    /** A {@code ValueReader} of {@code type}: as {@link #writer}, a constant, a method reference or a lambda. */
    private CodeBlock reader(TypeMapping type, NameAllocator locals) {
        if (type instanceof TypeMapping.Scalar scalar) {
            return CodeBlock.of("$T.$L", Names.VALUE_READER, constant(scalar));
        }
        if (type instanceof TypeMapping.Nested nested) {
            return CodeBlock.of("$T::$N", members.codec(), members.read(nested.record()));
        }
        String element = Code.fresh(locals, "elementIn");
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

    /** The {@code ValueWriter} and {@code ValueReader} constant of a scalar: {@code STRING}, {@code LOCAL_DATE}. */
    private static String constant(TypeMapping.Scalar scalar) {
        return Names.constant(suffix(scalar));
    }

    /** The type part of the reader's and writer's method names: {@code writeInstant}, {@code readLocalDate}. */
    private static String suffix(TypeMapping.Scalar scalar) {
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
