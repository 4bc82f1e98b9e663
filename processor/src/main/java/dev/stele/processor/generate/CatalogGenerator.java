package dev.stele.processor.generate;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.JavaFile;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import com.squareup.javapoet.TypeSpec;
import com.squareup.javapoet.WildcardTypeName;
import dev.stele.catalog.AggregateCatalog;
import dev.stele.catalog.EventCatalog;
import dev.stele.catalog.ProjectionCatalog;
import dev.stele.catalog.TableMappingCatalog;
import dev.stele.format.SteleResources;
import dev.stele.spi.SpiVersion;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;

/**
 * Generates a module's catalog: a class implementing a {@code ServiceLoader} interface with one method
 * that lists the {@code TYPE} of every generated class, the event, aggregate, projection and table mapping
 * catalogs alike.
 */
public final class CatalogGenerator {

    /** What a catalog lists: the interface, its method, the element type of the list. */
    public enum Kind {
        EVENTS(EventCatalog.class, "eventTypes", Names.EVENT_TYPE, "events"),
        AGGREGATES(AggregateCatalog.class, "aggregateTypes", Names.AGGREGATE_TYPE, "aggregates"),
        PROJECTIONS(ProjectionCatalog.class, "projectionTypes", Names.PROJECTION_TYPE, "projections"),
        TABLE_MAPPINGS(TableMappingCatalog.class, "tableMappings", Names.TABLE_MAPPING, "table mappings");

        final Class<?> service;
        final String method;
        final ClassName elementType;
        final String what;

        Kind(Class<?> service, String method, ClassName elementType, String what) {
            this.service = service;
            this.method = method;
            this.elementType = elementType;
            this.what = what;
        }

        /** {@code META-INF/services/<interface>}, where the catalog class is registered. */
        public String serviceFile() {
            return SteleResources.serviceFile(service);
        }
    }

    private final Optional<AnnotationSpec> generated;

    public CatalogGenerator(Optional<AnnotationSpec> generated) {
        this.generated = generated;
    }

    /** @param holders the generated classes whose {@code TYPE} the catalog lists, in order */
    public JavaFile generate(Kind kind, ClassName catalog, List<ClassName> holders, List<? extends Element> origins) {
        CodeBlock.Builder types = CodeBlock.builder().add("return $T.of(", Names.LIST);
        for (int i = 0; i < holders.size(); i++) {
            types.add(i == 0 ? "\n$T.TYPE" : ",\n$T.TYPE", holders.get(i));
        }
        types.add(")");
        TypeSpec.Builder type = TypeSpec.classBuilder(catalog)
                .addJavadoc("The $L of this module, for {@code dev.stele.catalog.Catalog.load()}, which finds this\n",
                        kind.what)
                .addJavadoc("class through {@code $L}.\n", kind.serviceFile())
                .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
                .addSuperinterface(ClassName.get(kind.service))
                .addMethod(MethodSpec.methodBuilder("spiVersion")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(int.class)
                        .addStatement("return $L", SpiVersion.CURRENT)
                        .build())
                .addMethod(MethodSpec.methodBuilder("generatedBy")
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(String.class)
                        .addStatement("return $S", ProcessorVersion.label())
                        .build())
                .addMethod(MethodSpec.methodBuilder(kind.method)
                        .addAnnotation(Override.class)
                        .addModifiers(Modifier.PUBLIC)
                        .returns(ParameterizedTypeName.get(Names.LIST,
                                ParameterizedTypeName.get(kind.elementType, WildcardTypeName.subtypeOf(Object.class))))
                        .addStatement(types.build())
                        .build());
        generated.ifPresent(type::addAnnotation);
        origins.forEach(type::addOriginatingElement);
        return JavaFile.builder(catalog.packageName(), type.build()).skipJavaLangImports(true).indent("    ").build();
    }
}
