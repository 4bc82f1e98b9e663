package dev.stele.processor.generate;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.FieldSpec;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeName;
import com.squareup.javapoet.TypeSpec;
import dev.stele.processor.model.AggregateModel;
import dev.stele.processor.model.ApplyModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Generates {@code <Aggregate>Aggregate}: the {@code AggregateType} of one {@code @Aggregate} record,
 * with its event dispatch as a {@code switch} on the event name and a JSON codec of its state.
 */
public final class AggregateGenerator {

    private static final ParameterizedTypeName STRING_SET = ParameterizedTypeName.get(Names.SET,
            ClassName.get(String.class));

    private final Optional<AnnotationSpec> generated;

    public AggregateGenerator(Optional<AnnotationSpec> generated) {
        this.generated = generated;
    }

    /** The class generated for an aggregate's state record, which the aggregate catalog lists. */
    public static ClassName typeName(TypeElement state) {
        return Names.aggregate(state);
    }

    public JavaFile generate(AggregateModel aggregate, long stateFingerprint) {
        ClassName name = typeName(aggregate.element());
        ClassName state = ClassName.get(aggregate.element());
        CodecMembers members = new CodecMembers(name, aggregate.state(), "TYPE", "HANDLED_EVENTS", "category",
                "stateType", "snapshotEvery", "stateFingerprint", "handledEvents", "initial", "apply", "writeState",
                "readState");
        RecordCode code = new RecordCode(members);
        MethodSpec writeState = code.publicWriter("writeState", aggregate.state());
        MethodSpec readState = code.publicReader("readState", aggregate.state());
        List<MethodSpec> nested = code.nestedMethods();

        List<CodeBlock> handled = aggregate.applies().stream()
                .map(apply -> CodeBlock.of("$S", apply.eventName()))
                .toList();
        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addJavadoc("The aggregate {@link $T}, category $S: its initial state, the dispatch of events to its\n",
                        state, aggregate.category())
                .addJavadoc("{@code @Apply} methods, and the JSON codec of its state for snapshots.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(Names.AGGREGATE_TYPE, state))
                .addOriginatingElement(aggregate.element())
                .addField(FieldSpec.builder(name, "TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The aggregate as the generated aggregate catalog registers it.\n")
                        .initializer("new $T()", name).build())
                .addField(FieldSpec.builder(STRING_SET, "HANDLED_EVENTS", Modifier.PRIVATE, Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer("$T.of($L)", Names.SET, Code.list(handled)).build());
        generated.ifPresent(type::addAnnotation);
        members.constants().forEach(type::addField);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(getter("category", ClassName.get(String.class), CodeBlock.of("$S", aggregate.category())))
                .addMethod(getter("stateType", ParameterizedTypeName.get(ClassName.get(Class.class), state),
                        CodeBlock.of("$T.class", state)))
                .addMethod(getter("snapshotEvery", TypeName.INT, CodeBlock.of("$L", aggregate.snapshotEvery())))
                .addMethod(getter("stateFingerprint", TypeName.LONG,
                        CodeBlock.of("$L", String.format("0x%016xL", stateFingerprint))))
                .addMethod(getter("handledEvents", STRING_SET, CodeBlock.of("HANDLED_EVENTS")))
                .addMethod(MethodSpec.methodBuilder("initial")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(state)
                        .addParameter(String.class, "id")
                        .addStatement("return $T.$N(id)", state, aggregate.initial().getSimpleName().toString())
                        .build())
                .addMethod(apply(aggregate, state))
                .addMethod(writeState)
                .addMethod(readState)
                .addMethods(nested);
        for (ApplyModel apply : aggregate.applies()) {
            type.addOriginatingElement(apply.method());
        }
        return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    private static MethodSpec apply(AggregateModel aggregate, ClassName state) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("apply")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .returns(state)
                .addParameter(state, "state")
                .addParameter(String.class, "eventName")
                .addParameter(Object.class, "event");
        if (aggregate.applies().isEmpty()) {
            return method.addStatement("return state").build();
        }
        method.addCode("return switch (eventName) {\n$>");
        for (ApplyModel apply : aggregate.applies()) {
            method.addStatement("case $S -> state.$N(($T) event)", apply.eventName(), apply.methodName(),
                    ClassName.get(apply.eventType()));
        }
        return method.addStatement("default -> state").addCode("$<};\n").build();
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
