package dev.stele.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.generate.AggregateGenerator;
import dev.stele.processor.generate.CatalogGenerator;
import dev.stele.processor.generate.GeneratedFiles;
import dev.stele.processor.generate.SchemaGenerator;
import dev.stele.processor.model.AggregateModel;
import dev.stele.processor.parse.AggregateParser;
import dev.stele.processor.parse.AggregateParser.Latest;
import dev.stele.processor.parse.AnnotationNames;
import dev.stele.processor.parse.Mirrors;
import dev.stele.processor.parse.Unresolved;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The Stele annotation processor for aggregates: for each {@code @Aggregate} record an
 * {@code AggregateType} with its event dispatch and state codec, for the module an aggregate catalog
 * and its {@code ServiceLoader} registration. Rounds work as in {@link EventProcessor}.
 */
@AutoService(Processor.class)
public final class AggregateProcessor extends AbstractProcessor {

    /** Compiler option naming the generated aggregate catalog class. */
    public static final String CATALOG_OPTION = "stele.aggregateCatalog";

    private Diagnostics diagnostics;
    private Mirrors mirrors;
    private AggregateParser parser;
    private SchemaGenerator schemas;
    private AggregateGenerator generator;
    private CatalogGenerator catalogs;
    private GeneratedFiles files;

    private final Map<String, AggregateModel> aggregates = new LinkedHashMap<>();
    private final Map<String, Latest> latestEvents = new HashMap<>();
    private DeferredTypes deferred;
    private boolean catalogWritten;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        deferred = new DeferredTypes(environment, AnnotationNames.AGGREGATE);
        mirrors = new Mirrors(environment.getElementUtils());
        diagnostics = new Diagnostics(environment.getMessager(), environment.getElementUtils());
        parser = new AggregateParser(mirrors, diagnostics, environment.getTypeUtils());
        schemas = new SchemaGenerator();
        files = new GeneratedFiles(environment);
        Optional<AnnotationSpec> generated = files.generatedAnnotation(AggregateProcessor.class);
        generator = new AggregateGenerator(generated);
        catalogs = new CatalogGenerator(generated);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(AnnotationNames.AGGREGATE, AnnotationNames.INITIAL, AnnotationNames.APPLY);
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(CATALOG_OPTION);
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        collectLatestEvents(round);
        checkAppliesOutsideAggregates(round);
        List<TypeElement> candidates = deferred.takeCandidates(round);
        boolean found = false;
        for (TypeElement candidate : candidates) {
            found |= processAggregate(candidate, round.processingOver());
        }
        if (!found && !catalogWritten && !aggregates.isEmpty() && deferred.isEmpty()) {
            writeCatalog(round.errorRaised());
        }
        return true;
    }

    /** The latest version of each event name this compilation declares, so an @Apply can be checked against it. */
    private void collectLatestEvents(RoundEnvironment round) {
        TypeElement event = processingEnv.getElementUtils().getTypeElement(AnnotationNames.EVENT);
        if (event == null) {
            return;
        }
        for (Element element : round.getElementsAnnotatedWith(event)) {
            Optional<AnnotationMirror> mirror = Mirrors.find(element, AnnotationNames.EVENT);
            if (mirror.isEmpty()) {
                continue;
            }
            String name = mirrors.string(mirror.get(), "name");
            name = name.isEmpty() ? element.getSimpleName().toString() : name;
            int version = mirrors.integer(mirror.get(), "version");
            Latest known = latestEvents.get(name);
            if (known == null || known.version() < version) {
                latestEvents.put(name, new Latest(version, element.getSimpleName().toString()));
            }
        }
    }

    private void checkAppliesOutsideAggregates(RoundEnvironment round) {
        TypeElement apply = processingEnv.getElementUtils().getTypeElement(AnnotationNames.APPLY);
        if (apply == null) {
            return;
        }
        for (Element method : round.getElementsAnnotatedWith(apply)) {
            Element owner = method.getEnclosingElement();
            if (Mirrors.find(owner, AnnotationNames.AGGREGATE).isEmpty()) {
                diagnostics.error(Message.APPLY_SIGNATURE, method, Mirrors.find(method, AnnotationNames.APPLY)
                        .orElse(null), owner.getSimpleName() + "." + method.getSimpleName(),
                        owner.getSimpleName() + " is not an @Aggregate record");
            }
        }
    }

    private boolean processAggregate(TypeElement element, boolean lastRound) {
        String name = element.getQualifiedName().toString();
        if (aggregates.containsKey(name)) {
            return false;
        }
        try {
            Optional<AggregateModel> parsed = parser.parse(element, latestEvents);
            if (parsed.isEmpty()) {
                return false;
            }
            AggregateModel aggregate = parsed.get();
            aggregates.put(name, aggregate);
            long fingerprint = schemas.generateState(aggregate.state()).fingerprint();
            files.writeSource(generator.generate(aggregate, fingerprint), aggregate.element());
            return true;
        } catch (Unresolved unresolved) {
            if (lastRound) {
                diagnostics.error(Message.TYPE_UNRESOLVED, unresolved.component(),
                        unresolved.component().getSimpleName(), unresolved.type());
            } else {
                deferred.defer(element);
            }
            return false;
        } catch (RuntimeException | Error e) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            diagnostics.error(Message.INTERNAL_ERROR, element, element.getSimpleName(), trace);
            return false;
        }
    }

    private void writeCatalog(boolean errorRaised) {
        catalogWritten = true;
        if (diagnostics.errorCount() != 0 || errorRaised) {
            return;
        }
        List<AggregateModel> sorted = new ArrayList<>(aggregates.values());
        sorted.sort(Comparator.comparing(model -> model.javaType().canonicalName()));
        ClassName catalog = files.catalogName(CATALOG_OPTION, "SteleAggregates",
                sorted.stream().map(AggregateModel::javaType).toList());
        List<TypeElement> origins = sorted.stream().map(AggregateModel::element).toList();
        files.writeSource(catalogs.generate(CatalogGenerator.Kind.AGGREGATES, catalog,
                sorted.stream().map(AggregateGenerator::typeName).toList(), origins), origins.toArray(Element[]::new));
        files.writeResource(CatalogGenerator.Kind.AGGREGATES.serviceFile(), catalog.canonicalName() + "\n",
                origins.toArray(Element[]::new));
    }
}
