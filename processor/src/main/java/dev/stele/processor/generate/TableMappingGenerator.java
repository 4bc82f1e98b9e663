package dev.stele.processor.generate;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.NameAllocator;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import dev.stele.annotation.Operation;
import dev.stele.processor.model.ColumnModel;
import dev.stele.processor.model.TableMappingModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/**
 * Generates {@code <Event>TableMapping}: the {@code TableMapping} of one {@code @FromTable} record, with its
 * table, operations and columns as constants, and {@code map}, which calls the record's constructor with one
 * typed getter of the row per component.
 */
public final class TableMappingGenerator {

    private static final ParameterizedTypeName OPERATION_SET = ParameterizedTypeName.get(Names.SET, Names.OPERATION);
    private static final ParameterizedTypeName COLUMN_LIST = ParameterizedTypeName.get(Names.LIST,
            Names.MAPPED_COLUMN);

    private final Optional<AnnotationSpec> generated;

    public TableMappingGenerator(Optional<AnnotationSpec> generated) {
        this.generated = generated;
    }

    /** The class generated for a {@code @FromTable} record, which the table mapping catalog lists. */
    public static ClassName typeName(TypeElement event) {
        return Names.tableMapping(event);
    }

    public JavaFile generate(TableMappingModel mapping) {
        ClassName name = typeName(mapping.element());
        ClassName target = ClassName.get(mapping.element());
        String operations = mapping.operations().stream().map(Operation::name)
                .collect(Collectors.joining("}, {@code ", "{@code ", "}"));
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addJavadoc("Changes of table {@code $L} as {@link $T}, event {@code $L},\n", mapping.table(),
                        target, mapping.eventName())
                .addJavadoc("on $L: the column each component reads, and the record built from a row.\n", operations)
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(Names.TABLE_MAPPING, target))
                .addOriginatingElement(mapping.element())
                .addField(FieldSpec.builder(name, "TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The mapping as the generated table mapping catalog registers it.\n")
                        .initializer("new $T()", name).build())
                .addField(FieldSpec.builder(OPERATION_SET, "OPERATIONS", Modifier.PRIVATE, Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer("$T.unmodifiableSet($T.of($L))", Collections.class, EnumSet.class,
                                Code.list(mapping.operations().stream()
                                        .map(operation -> CodeBlock.of("$T.$N", Names.OPERATION, operation.name()))
                                        .toList()))
                        .build())
                .addField(FieldSpec.builder(COLUMN_LIST, "COLUMNS", Modifier.PRIVATE, Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer("$T.of($>$>$L$<$<)", Names.LIST, lines(mapping.columns().stream()
                                .map(TableMappingGenerator::mappedColumn).toList()))
                        .build());
        generated.ifPresent(type::addAnnotation);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(getter("table", ClassName.get(String.class), CodeBlock.of("$S", mapping.table())))
                .addMethod(getter("operations", OPERATION_SET, CodeBlock.of("OPERATIONS")))
                .addMethod(getter("eventClass", ParameterizedTypeName.get(ClassName.get(Class.class), target),
                        CodeBlock.of("$T.class", target)))
                .addMethod(getter("eventName", ClassName.get(String.class), CodeBlock.of("$S", mapping.eventName())))
                .addMethod(getter("columns", COLUMN_LIST, CodeBlock.of("COLUMNS")))
                .addMethod(map(mapping, target));
        return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    /** {@code MappedColumn.of("id", "customerId", ColumnKind.LONG, false)}, or its decimal or list form. */
    private static CodeBlock mappedColumn(ColumnModel column) {
        return switch (column.kind()) {
            case DECIMAL -> CodeBlock.of("$T.decimal($S, $S, $L, $L, $L, $L)", Names.MAPPED_COLUMN, column.column(),
                    column.component(), column.optional(), column.precision(), column.scale(), column.approximate());
            case LIST -> CodeBlock.of("$T.list($S, $S, $L, $T.$N)", Names.MAPPED_COLUMN, column.column(),
                    column.component(), column.optional(), Names.COLUMN_KIND, column.elementKind().orElseThrow().name());
            default -> CodeBlock.of("$T.of($S, $S, $T.$N, $L)", Names.MAPPED_COLUMN, column.column(),
                    column.component(), Names.COLUMN_KIND, column.kind().name(), column.optional());
        };
    }

    private static MethodSpec map(TableMappingModel mapping, ClassName target) {
        NameAllocator locals = Code.locals();
        String row = Code.fresh(locals, "row");
        List<CodeBlock> arguments = new ArrayList<>();
        for (int i = 0; i < mapping.columns().size(); i++) {
            arguments.add(value(mapping.columns().get(i), i, row));
        }
        return MethodSpec.methodBuilder("map")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(target)
                .addParameter(Names.CHANGE_ROW, row)
                .addStatement("return new $T($L)", target, lines(arguments))
                .build();
    }

    /** The component's value from column {@code index} of the row: read, wrapped in its typed ids, optional. */
    private static CodeBlock value(ColumnModel column, int index, String row) {
        CodeBlock value = read(column, index, row);
        List<TypeElement> typedIds = new ArrayList<>(column.typedIds());
        Collections.reverse(typedIds);
        for (TypeElement typedId : typedIds) {
            value = CodeBlock.of("new $T($L)", ClassName.get(typedId), value);
        }
        return switch (column.presence()) {
            case REQUIRED -> value;
            case OPTIONAL -> CodeBlock.of("$N.isNull($L) ? $T.empty() : $T.of($L)", row, index, Names.OPTIONAL,
                    Names.OPTIONAL, value);
            case NULLABLE -> CodeBlock.of("$N.isNull($L) ? null : $L", row, index, value);
        };
    }

    /** The row's getter for the column's kind: {@code row.getLong(0)}, {@code row.getEnum(3, Status.class)}. */
    private static CodeBlock read(ColumnModel column, int index, String row) {
        return switch (column.kind()) {
            case BOOLEAN -> CodeBlock.of("$N.getBoolean($L)", row, index);
            case INT -> CodeBlock.of("$N.getInt($L)", row, index);
            case LONG -> CodeBlock.of("$N.getLong($L)", row, index);
            case FLOAT -> CodeBlock.of("$N.getFloat($L)", row, index);
            case DOUBLE -> CodeBlock.of("$N.getDouble($L)", row, index);
            case STRING -> CodeBlock.of("$N.getString($L)", row, index);
            case INSTANT -> CodeBlock.of("$N.getInstant($L)", row, index);
            case LOCAL_DATE -> CodeBlock.of("$N.getLocalDate($L)", row, index);
            case LOCAL_DATE_TIME -> CodeBlock.of("$N.getLocalDateTime($L)", row, index);
            case DECIMAL -> CodeBlock.of("$N.getDecimal($L)", row, index);
            case UUID -> CodeBlock.of("$N.getUuid($L)", row, index);
            case BYTES -> CodeBlock.of("$N.getBytes($L)", row, index);
            case ENUM -> CodeBlock.of("$N.getEnum($L, $T.class)", row, index, declared(column.valueType()));
            case LIST -> CodeBlock.of("$N.getList($L, $T.class)", row, index,
                    declared(((DeclaredType) column.valueType()).getTypeArguments().get(0)));
        };
    }

    /** The class of a declared type, without its type arguments or annotations. */
    private static TypeName declared(TypeMirror type) {
        return ClassName.get((TypeElement) ((DeclaredType) type).asElement());
    }

    /** {@code a, b, c}, each on a line of its own after the opening parenthesis; nothing for none. */
    private static CodeBlock lines(List<CodeBlock> items) {
        return items.isEmpty() ? CodeBlock.of("") : CodeBlock.of("\n$L", CodeBlock.join(items, ",\n"));
    }

    private static MethodSpec getter(String name, TypeName type, CodeBlock value) {
        return MethodSpec.methodBuilder(name)
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(type)
                .addStatement("return $L", value)
                .build();
    }
}
