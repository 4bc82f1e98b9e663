package dev.stele.processor;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import dev.stele.format.HandlerIndex;
import dev.stele.format.SteleResources;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.generate.CatalogGenerator;
import dev.stele.processor.generate.GeneratedFiles;
import dev.stele.processor.generate.ProjectionGenerator;
import dev.stele.processor.model.ProjectionModel;
import dev.stele.processor.parse.AnnotationNames;
import dev.stele.processor.parse.EventDeclarations;
import dev.stele.processor.parse.Mirrors;
import dev.stele.processor.parse.ProjectionParser;
import dev.stele.processor.validate.ProjectionValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Projection} classes: each is parsed, checked and given its {@code ProjectionType} in the round it
 * appears, its {@code @Handle} methods checked against the latest version of each event the compilation
 * declares; when the module is complete, its projections' names and versions are checked together and its
 * projection catalog, service registration and handler index are written.
 */
final class ProjectionStep implements Step {

    private final Diagnostics diagnostics;
    private final LatestEvents latestEvents;
    private final ProjectionParser parser;
    private final ProjectionValidator validator;
    private final ProjectionGenerator generator;
    private final CatalogGenerator catalogs;
    private final GeneratedFiles files;
    private final String catalogOption;

    /** Every projection parsed, by qualified name, valid or not: the names are checked across all of them. */
    private final Map<String, ProjectionModel> projections = new LinkedHashMap<>();

    ProjectionStep(Mirrors mirrors, EventDeclarations declarations, LatestEvents latestEvents,
            Diagnostics diagnostics, GeneratedFiles files, Optional<AnnotationSpec> generated, String catalogOption) {
        this.diagnostics = diagnostics;
        this.latestEvents = latestEvents;
        this.parser = new ProjectionParser(mirrors, declarations, diagnostics);
        this.validator = new ProjectionValidator(diagnostics);
        this.generator = new ProjectionGenerator(generated);
        this.catalogs = new CatalogGenerator(generated);
        this.files = files;
        this.catalogOption = catalogOption;
    }

    @Override
    public List<String> annotations() {
        // the round's events first, so that a @Handle is checked against the latest version
        return List.of(AnnotationNames.EVENT, AnnotationNames.HANDLE, AnnotationNames.PROJECTION);
    }

    @Override
    public void process(String annotation, Element element) {
        switch (annotation) {
            case AnnotationNames.EVENT -> latestEvents.record((TypeElement) element);
            case AnnotationNames.HANDLE -> checkOwner(element);
            default -> processProjection((TypeElement) element);
        }
    }

    /** A {@code @Handle} method outside a {@code @Projection} class would never be called. */
    private void checkOwner(Element method) {
        Element owner = method.getEnclosingElement();
        if (Mirrors.find(owner, AnnotationNames.PROJECTION).isEmpty()) {
            diagnostics.error(Message.HANDLE_OUTSIDE_PROJECTION, method,
                    Mirrors.find(method, AnnotationNames.HANDLE).orElse(null),
                    owner.getSimpleName() + "." + method.getSimpleName(), owner.getSimpleName(),
                    owner.getSimpleName());
        }
    }

    private void processProjection(TypeElement element) {
        String name = element.getQualifiedName().toString();
        if (projections.containsKey(name)) {
            return;
        }
        int errorsBefore = diagnostics.errorCount();
        Optional<ProjectionModel> parsed = parser.parse(element);
        if (parsed.isEmpty()) {
            return;
        }
        ProjectionModel projection = parsed.get();
        projections.put(name, projection);
        if (validator.validate(projection, latestEvents.byName()) && diagnostics.errorCount() == errorsBefore) {
            files.writeSource(generator.generate(projection), element);
        }
    }

    /**
     * Checks that no two projections of the module share a name and version and, if the compilation has no
     * errors, writes the projection catalog, its service registration and the handler index.
     */
    @Override
    public void finish(boolean write) {
        List<ProjectionModel> sorted = new ArrayList<>(projections.values());
        sorted.sort(Comparator.comparing(ProjectionModel::qualifiedName));
        validator.validateNames(sorted);
        if (!write || diagnostics.errorCount() != 0 || sorted.isEmpty()) {
            return;
        }
        List<TypeElement> origins = sorted.stream().map(ProjectionModel::element).toList();
        Element[] originArray = origins.toArray(Element[]::new);
        ClassName catalog = files.catalogName(catalogOption, "SteleProjections", origins);
        files.writeSource(catalogs.generate(CatalogGenerator.Kind.PROJECTIONS, catalog,
                origins.stream().map(ProjectionGenerator::typeName).toList(), origins), originArray);
        files.writeResource(CatalogGenerator.Kind.PROJECTIONS.serviceFile(), catalog.canonicalName() + "\n",
                originArray);
        files.writeResource(SteleResources.PROJECTIONS, new HandlerIndex(sorted.stream()
                .map(projection -> new HandlerIndex.Handler(projection.name(), projection.qualifiedName(),
                        projection.handlers().stream().map(handle -> handle.event().name())
                                .collect(Collectors.toCollection(TreeSet::new)), projection.version()))
                .toList()).toJson(), originArray);
    }
}
