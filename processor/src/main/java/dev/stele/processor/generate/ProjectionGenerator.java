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
import dev.stele.processor.model.HandleModel;
import dev.stele.processor.model.ProjectionModel;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/**
 * Generates {@code <Projection>Projection}: the {@code ProjectionType} of one {@code @Projection} class, with
 * the sorted set of the event names it handles and its dispatch as a {@code switch} on the event name. Its
 * {@code version()} is overridden only for a version other than 1, the interface's default.
 */
public final class ProjectionGenerator {

    private static final ParameterizedTypeName STRING_SET = ParameterizedTypeName.get(Names.SET,
            ClassName.get(String.class));

    private final Optional<AnnotationSpec> generated;

    public ProjectionGenerator(Optional<AnnotationSpec> generated) {
        this.generated = generated;
    }

    /** The class generated for a projection class, which the projection catalog lists. */
    public static ClassName typeName(TypeElement projection) {
        return Names.projection(projection);
    }

    public JavaFile generate(ProjectionModel projection) {
        ClassName name = typeName(projection.element());
        ClassName target = ClassName.get(projection.element());
        List<HandleModel> handlers = new ArrayList<>(projection.handlers());
        handlers.sort(Comparator.comparing(HandleModel::eventName));
        List<CodeBlock> handled = handlers.stream().map(handler -> CodeBlock.of("$S", handler.eventName())).toList();

        TypeSpec.Builder type = TypeSpec.classBuilder(name)
                .addJavadoc("The projection {@link $T}, named $S: the names of the events it handles, and the\n",
                        target, projection.name())
                .addJavadoc("dispatch of each to its {@code @Handle} method.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ParameterizedTypeName.get(Names.PROJECTION_TYPE, target))
                .addOriginatingElement(projection.element())
                .addField(FieldSpec.builder(name, "TYPE", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
                        .addJavadoc("The projection as the generated projection catalog registers it.\n")
                        .initializer("new $T()", name).build())
                .addField(FieldSpec.builder(STRING_SET, "HANDLED_EVENTS", Modifier.PRIVATE, Modifier.STATIC,
                                Modifier.FINAL)
                        .initializer("$T.unmodifiableSortedSet($Znew $T<>($T.of($L)))", Collections.class,
                                TreeSet.class, Names.LIST, Code.list(handled))
                        .build());
        generated.ifPresent(type::addAnnotation);
        type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
                .addMethod(getter("name", ClassName.get(String.class), CodeBlock.of("$S", projection.name())));
        if (projection.version() != 1) {
            type.addMethod(getter("version", TypeName.INT, CodeBlock.of("$L", projection.version())));
        }
        type.addMethod(getter("projectionClass", ParameterizedTypeName.get(ClassName.get(Class.class), target),
                        CodeBlock.of("$T.class", target)))
                .addMethod(getter("handledEvents", STRING_SET, CodeBlock.of("HANDLED_EVENTS")))
                .addMethod(handle(handlers, target));
        for (HandleModel handler : handlers) {
            type.addOriginatingElement(handler.method());
        }
        return JavaFile.builder(name.packageName(), type.build()).skipJavaLangImports(true).indent("    ").build();
    }

    private static MethodSpec handle(List<HandleModel> handlers, ClassName target) {
        MethodSpec.Builder method = MethodSpec.methodBuilder("handle")
                .addAnnotation(Override.class)
                .addModifiers(Modifier.PUBLIC)
                .addParameter(target, "projection")
                .addParameter(String.class, "eventName")
                .addParameter(Object.class, "event")
                .addParameter(Names.EVENT_CONTEXT, "context")
                .addException(Exception.class)
                .beginControlFlow("switch (eventName)");
        for (HandleModel handler : handlers) {
            if (handler.takesContext()) {
                method.addStatement("case $S -> projection.$N(($T) event, context)", handler.eventName(),
                        handler.methodName(), ClassName.get(handler.eventType()));
            } else {
                method.addStatement("case $S -> projection.$N(($T) event)", handler.eventName(),
                        handler.methodName(), ClassName.get(handler.eventType()));
            }
        }
        return method.beginControlFlow("default ->")
                .addCode("// not an event this projection handles\n")
                .endControlFlow()
                .endControlFlow()
                .build();
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
