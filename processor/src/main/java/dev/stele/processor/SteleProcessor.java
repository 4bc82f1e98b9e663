package dev.stele.processor;

import com.google.auto.service.AutoService;
import com.squareup.javapoet.AnnotationSpec;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.generate.GeneratedFiles;
import dev.stele.processor.parse.EventDeclarations;
import dev.stele.processor.parse.Mirrors;
import dev.stele.processor.parse.RecordParser;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;

/**
 * The Stele annotation processor: for each {@code @Event} record a codec and an Avro schema, for each
 * {@code @Aggregate} record its {@code AggregateType}, for each {@code @Projection} class its
 * {@code ProjectionType}, for each {@code @FromTable} record its {@code TableMapping}, and for the module an
 * event catalog with its index, an aggregate catalog, a projection catalog, a table mapping catalog, and their
 * {@code ServiceLoader} registrations. One step per concern ({@link EventStep}, {@link AggregateStep},
 * {@link ProjectionStep}, {@link TableMappingStep}), sharing the rounds of {@link StepProcessor}.
 */
@AutoService(Processor.class)
public final class SteleProcessor extends StepProcessor {

    /** Compiler option naming the generated event catalog class, for modules whose default would clash. */
    public static final String CATALOG_OPTION = "stele.catalog";

    /** Compiler option naming the generated aggregate catalog class. */
    public static final String AGGREGATE_CATALOG_OPTION = "stele.aggregateCatalog";

    /** Compiler option naming the generated projection catalog class. */
    public static final String PROJECTION_CATALOG_OPTION = "stele.projectionCatalog";

    /** Compiler option naming the generated table mapping catalog class. */
    public static final String TABLE_MAPPING_CATALOG_OPTION = "stele.tableMappingCatalog";

    @Override
    protected List<Step> steps(ProcessingEnvironment environment, Diagnostics diagnostics) {
        Mirrors mirrors = new Mirrors(environment.getElementUtils());
        EventDeclarations events = new EventDeclarations(mirrors);
        LatestEvents latestEvents = new LatestEvents(events);
        RecordParser records = new RecordParser(mirrors, diagnostics);
        GeneratedFiles files = new GeneratedFiles(environment);
        Optional<AnnotationSpec> generated = files.generatedAnnotation(SteleProcessor.class);
        return List.of(
                new EventStep(events, records, diagnostics, files, generated, CATALOG_OPTION),
                new AggregateStep(environment, mirrors, events, latestEvents, records, diagnostics, files, generated,
                        AGGREGATE_CATALOG_OPTION),
                new ProjectionStep(mirrors, events, latestEvents, diagnostics, files, generated,
                        PROJECTION_CATALOG_OPTION),
                new TableMappingStep(mirrors, events, latestEvents, records, diagnostics, files, generated,
                        TABLE_MAPPING_CATALOG_OPTION));
    }

    @Override
    public Set<String> getSupportedOptions() {
        return Set.of(CATALOG_OPTION, AGGREGATE_CATALOG_OPTION, PROJECTION_CATALOG_OPTION,
                TABLE_MAPPING_CATALOG_OPTION);
    }
}
