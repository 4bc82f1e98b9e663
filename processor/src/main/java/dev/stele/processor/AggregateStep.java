package dev.stele.processor;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import dev.stele.format.HandlerIndex;
import dev.stele.format.SteleResources;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.generate.AggregateGenerator;
import dev.stele.processor.generate.CatalogGenerator;
import dev.stele.processor.generate.GeneratedFiles;
import dev.stele.processor.generate.SchemaGenerator;
import dev.stele.processor.model.AggregateModel;
import dev.stele.processor.parse.AggregateParser;
import dev.stele.processor.parse.AnnotationNames;
import dev.stele.processor.parse.EventDeclarations;
import dev.stele.processor.parse.Mirrors;
import dev.stele.processor.parse.RecordParser;
import dev.stele.processor.validate.RecordValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Aggregate} records: each is parsed, checked and given its {@code AggregateType} in the round it
 * appears, its {@code @Apply} methods checked against the latest version of each event the compilation
 * declares; when the module is complete, its aggregate catalog and service registration are written.
 */
final class AggregateStep implements Step {

    private final Diagnostics diagnostics;
    private final AggregateParser parser;
    private final RecordValidator validator;
    private final SchemaGenerator schemas = new SchemaGenerator();
    private final AggregateGenerator generator;
    private final CatalogGenerator catalogs;
    private final GeneratedFiles files;
    private final String catalogOption;

    private final LatestEvents latestEvents;

    private final Map<String, AggregateModel> aggregates = new LinkedHashMap<>();

    AggregateStep(ProcessingEnvironment environment, Mirrors mirrors, EventDeclarations declarations,
            LatestEvents latestEvents, RecordParser records, Diagnostics diagnostics, GeneratedFiles files,
            Optional<AnnotationSpec> generated, String catalogOption) {
        this.diagnostics = diagnostics;
        this.latestEvents = latestEvents;
        this.parser = new AggregateParser(mirrors, declarations, records, diagnostics, environment.getTypeUtils());
        this.validator = new RecordValidator(diagnostics);
        this.generator = new AggregateGenerator(generated);
        this.catalogs = new CatalogGenerator(generated);
        this.files = files;
        this.catalogOption = catalogOption;
    }

    @Override
    public List<String> annotations() {
        // the round's events first, so that an @Apply is checked against the latest version
        return List.of(AnnotationNames.EVENT, AnnotationNames.APPLY, AnnotationNames.AGGREGATE);
    }

    @Override
    public Set<String> markers() {
        return Set.of(AnnotationNames.INITIAL);
    }

    @Override
    public void process(String annotation, Element element) {
        switch (annotation) {
            case AnnotationNames.EVENT -> latestEvents.record((TypeElement) element);
            case AnnotationNames.APPLY -> checkOwner(element);
            default -> processAggregate((TypeElement) element);
        }
    }

    /** An {@code @Apply} method outside an {@code @Aggregate} record would never be called. */
    private void checkOwner(Element method) {
        Element owner = method.getEnclosingElement();
        if (Mirrors.find(owner, AnnotationNames.AGGREGATE).isEmpty()) {
            diagnostics.error(Message.APPLY_SIGNATURE, method, Mirrors.find(method, AnnotationNames.APPLY)
                    .orElse(null), owner.getSimpleName() + "." + method.getSimpleName(),
                    owner.getSimpleName() + " is not an @Aggregate record");
        }
    }

    private void processAggregate(TypeElement element) {
        String name = element.getQualifiedName().toString();
        if (aggregates.containsKey(name)) {
            return;
        }
        Optional<AggregateModel> parsed = parser.parse(element, latestEvents.byName());
        if (parsed.isEmpty() || !validator.validateState(parsed.get().state(), parsed.get().annotation())) {
            return;
        }
        AggregateModel aggregate = parsed.get();
        aggregates.put(name, aggregate);
        long fingerprint = schemas.generateState(aggregate.state()).fingerprint();
        files.writeSource(generator.generate(aggregate, fingerprint), element);
    }

    @Override
    public void finish(boolean write) {
        if (!write || diagnostics.errorCount() != 0 || aggregates.isEmpty()) {
            return;
        }
        List<AggregateModel> sorted = new ArrayList<>(aggregates.values());
        sorted.sort(Comparator.comparing(model -> model.state().qualifiedName()));
        List<TypeElement> origins = sorted.stream().map(AggregateModel::element).toList();
        Element[] originArray = origins.toArray(Element[]::new);
        ClassName catalog = files.catalogName(catalogOption, "SteleAggregates", origins);
        files.writeSource(catalogs.generate(CatalogGenerator.Kind.AGGREGATES, catalog,
                origins.stream().map(AggregateGenerator::typeName).toList(), origins), originArray);
        files.writeResource(CatalogGenerator.Kind.AGGREGATES.serviceFile(), catalog.canonicalName() + "\n",
                originArray);
        files.writeResource(SteleResources.AGGREGATES, new HandlerIndex(sorted.stream()
                .map(aggregate -> new HandlerIndex.Handler(aggregate.category(), aggregate.state().qualifiedName(),
                        aggregate.applies().stream().map(apply -> apply.event().name()).collect(Collectors.toCollection(TreeSet::new))))
                .toList()).toJson(), originArray);
    }
}
