package dev.stele.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.generate.CatalogGenerator;
import dev.stele.processor.generate.CodecGenerator;
import dev.stele.processor.generate.GeneratedFiles;
import dev.stele.processor.generate.IndexWriter;
import dev.stele.processor.generate.SchemaGenerator;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.UpcastModel;
import dev.stele.processor.parse.AnnotationNames;
import dev.stele.processor.parse.EventParser;
import dev.stele.processor.parse.Mirrors;
import dev.stele.processor.parse.Unresolved;
import dev.stele.processor.parse.UpcastParser;
import dev.stele.processor.validate.EventSetValidator;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
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
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * The Stele annotation processor for events: for each {@code @Event} record a codec and an Avro
 * schema, for the module a catalog, an event index and its {@code ServiceLoader} registration.
 *
 * <p>Each round parses the new {@code @Upcast} methods and {@code @Event} records into models (a type
 * that refers to a class not generated yet waits for the next round), generates the codec and
 * schema of each valid event at once, and, in the first round that brings no new event, validates
 * the module's events together and writes the catalog. A type with errors gets nothing generated;
 * the others go on.
 */
@AutoService(Processor.class)
public final class EventProcessor extends AbstractProcessor {

    /** Compiler option naming the generated catalog class, for modules whose default would clash. */
    public static final String CATALOG_OPTION = "stele.catalog";

    private Diagnostics diagnostics;
    private EventParser eventParser;
    private UpcastParser upcastParser;
    private SchemaGenerator schemas;
    private CodecGenerator codecs;
    private CatalogGenerator catalogs;
    private GeneratedFiles files;

    private final Map<String, EventModel> events = new LinkedHashMap<>();
    private final Map<String, Long> fingerprints = new HashMap<>();
    private final Map<String, UpcastModel> upcasts = new LinkedHashMap<>();
    private DeferredTypes deferred;
    /** {@code @Event} types reported as in error, by qualified name. */
    private final Set<String> rejected = new HashSet<>();
    private boolean catalogWritten;

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        deferred = new DeferredTypes(environment, AnnotationNames.EVENT);
        Mirrors mirrors = new Mirrors(environment.getElementUtils());
        diagnostics = new Diagnostics(environment.getMessager(), environment.getElementUtils());
        eventParser = new EventParser(mirrors, diagnostics);
        upcastParser = new UpcastParser(mirrors, diagnostics);
        schemas = new SchemaGenerator();
        files = new GeneratedFiles(environment);
        Optional<AnnotationSpec> generated = files.generatedAnnotation(EventProcessor.class);
        codecs = new CodecGenerator(generated);
        catalogs = new CatalogGenerator(generated);
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of(AnnotationNames.EVENT, AnnotationNames.UPCAST, AnnotationNames.STREAM_ID,
                AnnotationNames.DEFAULT, AnnotationNames.ALIAS, AnnotationNames.DECIMAL);
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
        boolean newUpcasts = parseUpcasts(round);
        List<TypeElement> candidates = deferred.takeCandidates(round);
        boolean newEvents = false;
        for (TypeElement candidate : candidates) {
            newEvents |= processEvent(candidate, round.processingOver());
        }
        if (!newEvents && !newUpcasts && !catalogWritten && !events.isEmpty() && deferred.isEmpty()) {
            writeCatalog(round.errorRaised());
        }
        return true;
    }

    private boolean parseUpcasts(RoundEnvironment round) {
        TypeElement upcastAnnotation = processingEnv.getElementUtils().getTypeElement(AnnotationNames.UPCAST);
        if (upcastAnnotation == null) {
            return false;
        }
        boolean found = false;
        for (Element element : round.getElementsAnnotatedWith(upcastAnnotation)) {
            if (element.getKind() != ElementKind.METHOD) {
                continue;
            }
            ExecutableElement method = (ExecutableElement) element;
            try {
                Optional<UpcastModel> upcast = upcastParser.parse(method);
                if (upcast.isPresent()) {
                    String key = method.getEnclosingElement() + "#" + method.getSimpleName() + method.getParameters();
                    upcasts.put(key, upcast.get());
                    found = true;
                }
            } catch (RuntimeException | Error e) {
                internalError(method, e);
            }
        }
        return found;
    }

    /** Parses and generates one event; true if it produced a new event model. */
    private boolean processEvent(TypeElement element, boolean lastRound) {
        String name = element.getQualifiedName().toString();
        if (events.containsKey(name)) {
            return false;
        }
        try {
            Optional<EventModel> parsed = eventParser.parse(element);
            if (parsed.isEmpty()) {
                rejected.add(name);
                return false;
            }
            EventModel event = parsed.get();
            events.put(name, event);
            generate(event);
            return true;
        } catch (Unresolved unresolved) {
            if (lastRound) {
                diagnostics.error(Message.TYPE_UNRESOLVED, unresolved.component(),
                        unresolved.component().getSimpleName(), unresolved.type());
                rejected.add(name);
            } else {
                deferred.defer(element);
            }
            return false;
        } catch (RuntimeException | Error e) {
            internalError(element, e);
            rejected.add(name);
            return false;
        }
    }

    private void generate(EventModel event) {
        SchemaGenerator.GeneratedSchema schema = schemas.generate(event);
        if (fingerprints.putIfAbsent(event.label(), schema.fingerprint()) != null) {
            return;
        }
        files.writeResource(IndexWriter.schemaResource(event), schema.json(), event.element());
        files.writeSource(codecs.generate(event, schema.fingerprint(), upcastStep(event)), event.element());
    }

    private Optional<CodecGenerator.UpcastStep> upcastStep(EventModel event) {
        for (UpcastModel upcast : upcasts.values()) {
            if (upcast.from().equals(event.element())) {
                return Optional.of(new CodecGenerator.UpcastStep(upcast, upcastParser.version(upcast.to())));
            }
        }
        return Optional.empty();
    }

    /**
     * Validates the module's events together and, if the compilation has no errors, writes the catalog.
     * After an error javac goes straight to its last round, where a new source only earns a warning
     * ("created in the last round"), and the build fails anyway.
     */
    private void writeCatalog(boolean errorRaised) {
        catalogWritten = true;
        List<EventModel> sorted = new ArrayList<>(events.values());
        sorted.sort(Comparator.comparing(EventModel::name).thenComparingInt(EventModel::version));
        new EventSetValidator(diagnostics).validate(sorted, new ArrayList<>(upcasts.values()), rejected);
        if (diagnostics.errorCount() != 0 || errorRaised) {
            return;
        }
        Map<String, Integer> latest = new HashMap<>();
        sorted.forEach(event -> latest.merge(event.name(), event.version(), Math::max));
        ClassName catalog = files.catalogName(CATALOG_OPTION, "SteleCatalog",
                sorted.stream().map(EventModel::javaType).toList());
        List<TypeElement> origins = sorted.stream().map(EventModel::element).toList();
        Element[] originArray = origins.toArray(Element[]::new);
        files.writeSource(catalogs.generate(CatalogGenerator.Kind.EVENTS, catalog,
                sorted.stream().map(CodecGenerator::codecName).toList(), origins), originArray);
        files.writeResource(IndexWriter.RESOURCE, IndexWriter.write(catalog, sorted, fingerprints, latest),
                originArray);
        files.writeResource(CatalogGenerator.Kind.EVENTS.serviceFile(), catalog.canonicalName() + "\n", originArray);
    }

    private void internalError(Element element, Throwable problem) {
        StringWriter trace = new StringWriter();
        problem.printStackTrace(new PrintWriter(trace));
        diagnostics.error(Message.INTERNAL_ERROR, element, element.getSimpleName(), trace);
    }
}
