package dev.stele.processor.generate;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.WildcardTypeName;
import dev.stele.processor.model.EventModel;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/** Generates the module's {@code EventCatalog}: the list of every event version's registered type. */
public final class CatalogGenerator {

    private final Optional<AnnotationSpec> generated;

    public CatalogGenerator(Optional<AnnotationSpec> generated) {
        this.generated = generated;
    }

    /** @param events sorted by name and version */
    public JavaFile generate(ClassName catalog, List<EventModel> events) {
        CodeBlock.Builder types = CodeBlock.builder().add("return $T.of(", Names.LIST);
        for (int i = 0; i < events.size(); i++) {
            types.add(i == 0 ? "\n$T.TYPE" : ",\n$T.TYPE", CodecGenerator.codecName(events.get(i)));
        }
        types.add(")");
        TypeSpec.Builder type = TypeSpec.classBuilder(catalog)
                .addJavadoc("The events of this module, for {@code dev.stele.catalog.Catalog.load()}, which finds this\n")
                .addJavadoc("class through {@code META-INF/services/dev.stele.catalog.EventCatalog}.\n")
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(Names.EVENT_CATALOG)
                .addMethod(MethodSpec.methodBuilder("eventTypes")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(Names.LIST,
                                ParameterizedTypeName.get(Names.EVENT_TYPE, WildcardTypeName.subtypeOf(Object.class))))
                        .addStatement(types.build())
                        .build());
        generated.ifPresent(type::addAnnotation);
        events.forEach(event -> type.addOriginatingElement(event.element()));
        return JavaFile.builder(catalog.packageName(), type.build()).skipJavaLangImports(true).indent("    ").build();
    }
}
