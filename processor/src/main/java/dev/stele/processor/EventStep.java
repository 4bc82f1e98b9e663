package dev.stele.processor;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import dev.stele.format.EventIndex;
import dev.stele.format.SteleResources;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.generate.CatalogGenerator;
import dev.stele.processor.generate.CodecGenerator;
import dev.stele.processor.generate.GeneratedFiles;
import dev.stele.processor.generate.SchemaGenerator;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.UpcastStep;
import dev.stele.processor.parse.AnnotationNames;
import dev.stele.processor.parse.EventDeclarations;
import dev.stele.processor.parse.EventParser;
import dev.stele.processor.parse.RecordParser;
import dev.stele.processor.parse.UpcastParser;
import dev.stele.processor.validate.EventSetValidator;
import dev.stele.processor.validate.RecordValidator;
import dev.stele.processor.validate.UpcastSteps;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * {@code @Upcast} methods and {@code @Event} records: each upcast is checked as a step between versions
 * as soon as it is seen; each event is parsed, checked and given its codec and Avro schema in the round
 * it appears (a type in error gets nothing); when the module is complete, its events are checked together
 * and its catalog, event index and service registration are written.
 */
final class EventStep implements Step {

    private final Diagnostics diagnostics;
    private final EventParser parser;
    private final UpcastParser upcastParser;
    private final RecordValidator validator;
    private final UpcastSteps upcasts;
    private final SchemaGenerator schemas = new SchemaGenerator();
    private final CodecGenerator codecs;
    private final CatalogGenerator catalogs;
    private final GeneratedFiles files;
    private final String catalogOption;

    /** The valid events, by qualified name. */
    private final Map<String, EventModel> events = new LinkedHashMap<>();
    /** Every {@code @Event} type handed to the step, by qualified name: those not in {@link #events} are in error. */
    private final Set<String> seen = new HashSet<>();
    /** Schema fingerprints, by {@link EventModel#label()}. */
    private final Map<String, Long> fingerprints = new HashMap<>();

    EventStep(EventDeclarations declarations, RecordParser records, Diagnostics diagnostics, GeneratedFiles files,
            Optional<AnnotationSpec> generated, String catalogOption) {
        this.diagnostics = diagnostics;
        this.parser = new EventParser(declarations, records, diagnostics);
        this.upcastParser = new UpcastParser(declarations, diagnostics);
        this.validator = new RecordValidator(diagnostics);
        this.upcasts = new UpcastSteps(diagnostics);
        this.codecs = new CodecGenerator(generated);
        this.catalogs = new CatalogGenerator(generated);
        this.files = files;
        this.catalogOption = catalogOption;
    }

    @Override
    public List<String> annotations() {
        // upcasts first: the codec of an older version registers its step
        return List.of(AnnotationNames.UPCAST, AnnotationNames.EVENT);
    }

    @Override
    public Set<String> markers() {
        return Set.of(AnnotationNames.STREAM_ID, AnnotationNames.DEFAULT, AnnotationNames.ALIAS,
                AnnotationNames.DECIMAL);
    }

    @Override
    public void process(String annotation, Element element) {
        if (annotation.equals(AnnotationNames.UPCAST)) {
            if (element.getKind() == ElementKind.METHOD) {
                upcastParser.parse((ExecutableElement) element).ifPresent(upcasts::check);
            }
        } else if (element instanceof TypeElement type) {
            processEvent(type);
        }
    }

    private void processEvent(TypeElement type) {
        String name = type.getQualifiedName().toString();
        if (events.containsKey(name)) {
            return;
        }
        seen.add(name);
        Optional<EventModel> parsed = parser.parse(type);
        if (parsed.isEmpty() || !validator.validate(parsed.get())) {
            return;
        }
        EventModel event = parsed.get();
        events.put(name, event);
        SchemaGenerator.GeneratedSchema schema = schemas.generate(event);
        if (fingerprints.putIfAbsent(event.label(), schema.fingerprint()) != null) {
            return; // a second declaration of the version: the set's validation reports it
        }
        files.writeResource(SteleResources.schema(event.name(), event.version()), schema.json(), type);
        files.writeSource(codecs.generate(event, schema.fingerprint(), upcasts.from(type)), type);
    }

    /**
     * Checks the module's events together and, if the compilation has no errors, writes the catalog, the
     * event index and the catalog's service registration.
     */
    @Override
    public void finish(boolean write) {
        List<EventModel> sorted = new ArrayList<>(events.values());
        sorted.sort(Comparator.comparing(EventModel::name).thenComparingInt(EventModel::version));
        Set<String> rejected = new HashSet<>(seen);
        rejected.removeAll(events.keySet());
        new EventSetValidator(diagnostics).validate(sorted, upcasts, rejected);
        if (!write || diagnostics.errorCount() != 0 || sorted.isEmpty()) {
            return;
        }
        List<TypeElement> origins = sorted.stream().map(EventModel::element).toList();
        Element[] originArray = origins.toArray(Element[]::new);
        ClassName catalog = files.catalogName(catalogOption, "SteleCatalog", origins);
        files.writeSource(catalogs.generate(CatalogGenerator.Kind.EVENTS, catalog,
                origins.stream().map(CodecGenerator::codecName).toList(), origins), originArray);
        List<EventIndex.Entry> entries = sorted.stream()
                .map(event -> indexEntry(event, upcasts.from(event.element())))
                .toList();
        files.writeResource(SteleResources.INDEX, new EventIndex(catalog.canonicalName(), entries).toJson(),
                originArray);
        files.writeResource(CatalogGenerator.Kind.EVENTS.serviceFile(), catalog.canonicalName() + "\n", originArray);
    }

    private EventIndex.Entry indexEntry(EventModel event, Optional<UpcastStep> upcast) {
        long fingerprint = fingerprints.get(event.label());
        String javaType = event.record().qualifiedName();
        return upcast.map(step -> new EventIndex.Entry(event.name(), event.version(), javaType, fingerprint,
                        step.toVersion(), step.owner().getSimpleName() + "." + step.methodName()))
                .orElseGet(() -> new EventIndex.Entry(event.name(), event.version(), javaType, fingerprint));
    }
}
