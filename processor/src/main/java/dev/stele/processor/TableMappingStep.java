package dev.stele.processor;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import dev.stele.format.SteleResources;
import dev.stele.format.TableIndex;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.generate.CatalogGenerator;
import dev.stele.processor.generate.GeneratedFiles;
import dev.stele.processor.generate.TableMappingGenerator;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.TableMappingModel;
import dev.stele.processor.parse.AnnotationNames;
import dev.stele.processor.parse.EventDeclarations;
import dev.stele.processor.parse.EventParser;
import dev.stele.processor.parse.Mirrors;
import dev.stele.processor.parse.RecordParser;
import dev.stele.processor.parse.TableMappingParser;
import dev.stele.processor.validate.TableMappingValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;

/**
 * {@code @FromTable} records: each is parsed as its event, checked and given its {@code TableMapping} in the
 * round it appears, against the latest version of its event the compilation declares so far; a {@code @Column}
 * outside such a record is reported. When the module is complete, no two records may claim one table and
 * operation, each must still be the latest version of its event, and the table mapping catalog and its service
 * registration are written.
 */
final class TableMappingStep implements Step {

    private final Diagnostics diagnostics;
    private final EventDeclarations declarations;
    private final LatestEvents latestEvents;
    private final EventParser events;
    private final TableMappingParser parser;
    private final TableMappingValidator validator;
    private final TableMappingGenerator generator;
    private final CatalogGenerator catalogs;
    private final GeneratedFiles files;
    private final String catalogOption;

    /** Every mapping parsed, by qualified name, valid or not: the claims are checked across all of them. */
    private final Map<String, TableMappingModel> mappings = new LinkedHashMap<>();
    /** The qualified names of the mappings that passed their own checks, and were generated. */
    private final Set<String> accepted = new HashSet<>();

    TableMappingStep(Mirrors mirrors, EventDeclarations declarations, LatestEvents latestEvents, RecordParser records,
            Diagnostics diagnostics, GeneratedFiles files, Optional<AnnotationSpec> generated, String catalogOption) {
        this.diagnostics = diagnostics;
        this.declarations = declarations;
        this.latestEvents = latestEvents;
        this.events = new EventParser(declarations, records, diagnostics);
        this.parser = new TableMappingParser(mirrors, diagnostics);
        this.validator = new TableMappingValidator(diagnostics);
        this.generator = new TableMappingGenerator(generated);
        this.catalogs = new CatalogGenerator(generated);
        this.files = files;
        this.catalogOption = catalogOption;
    }

    @Override
    public List<String> annotations() {
        // the round's events first, so that a @FromTable is checked against the latest version
        return List.of(AnnotationNames.EVENT, AnnotationNames.COLUMN, AnnotationNames.FROM_TABLE);
    }

    @Override
    public void process(String annotation, Element element) {
        switch (annotation) {
            case AnnotationNames.EVENT -> latestEvents.record((TypeElement) element);
            case AnnotationNames.COLUMN -> checkOwner(element);
            default -> processMapping((TypeElement) element);
        }
    }

    /**
     * A {@code @Column} outside a {@code @FromTable} record names a column nothing reads. javac copies it from the
     * record component to the field, the accessor and the constructor's parameter: each is reported on the
     * component, once.
     */
    private void checkOwner(Element element) {
        Element owner = element;
        while (!(owner instanceof TypeElement)) {
            owner = owner.getEnclosingElement();
        }
        if (Mirrors.find(owner, AnnotationNames.FROM_TABLE).isPresent()) {
            return;
        }
        Element at = element;
        for (RecordComponentElement component : ((TypeElement) owner).getRecordComponents()) {
            if (component.getSimpleName().contentEquals(element.getSimpleName())) {
                at = component;
            }
        }
        if (at.getKind() != ElementKind.RECORD_COMPONENT && owner.getKind() == ElementKind.RECORD) {
            return; // an accessor or constructor parameter renamed from its component: reported there
        }
        AnnotationMirror column = Mirrors.find(at, AnnotationNames.COLUMN)
                .or(() -> Mirrors.find(element, AnnotationNames.COLUMN)).orElse(null);
        diagnostics.error(Message.COLUMN_OUTSIDE_FROM_TABLE, at, column, at.getSimpleName(), owner.getSimpleName());
    }

    private void processMapping(TypeElement element) {
        String name = element.getQualifiedName().toString();
        if (mappings.containsKey(name)) {
            return;
        }
        AnnotationMirror fromTable = Mirrors.find(element, AnnotationNames.FROM_TABLE).orElseThrow();
        if (declarations.of(element).isEmpty()) {
            diagnostics.error(Message.FROM_TABLE_NOT_EVENT, element, fromTable, element.getSimpleName());
            return;
        }
        if (element.getKind() != ElementKind.RECORD) {
            return; // an @Event that is not a record: the event step says so
        }
        int errorsBefore = diagnostics.errorCount();
        Optional<EventModel> event = events.parse(element); // its errors are the event step's to report
        if (event.isEmpty()) {
            return;
        }
        Optional<TableMappingModel> parsed = parser.parse(event.get());
        if (parsed.isEmpty()) {
            return;
        }
        TableMappingModel mapping = parsed.get();
        mappings.put(name, mapping);
        if (validator.validate(mapping, latestEvents.byName()) && diagnostics.errorCount() == errorsBefore) {
            accepted.add(name);
            files.writeSource(generator.generate(mapping), element);
        }
    }

    /**
     * Checks that no two records of the module claim one table and operation and that each is the latest
     * version of its event and, if the compilation has no errors, writes the table mapping catalog and its
     * service registration.
     */
    @Override
    public void finish(boolean write) {
        List<TableMappingModel> sorted = new ArrayList<>(mappings.values());
        sorted.sort(Comparator.comparing(TableMappingModel::qualifiedName));
        validator.validateClaims(sorted);
        // a later round may have brought a later version of an event accepted earlier
        sorted.stream().filter(mapping -> accepted.contains(mapping.qualifiedName()))
                .forEach(mapping -> validator.checkLatest(mapping, latestEvents.byName()));
        if (!write || diagnostics.errorCount() != 0 || sorted.isEmpty()) {
            return;
        }
        List<TypeElement> origins = sorted.stream().map(TableMappingModel::element).toList();
        Element[] originArray = origins.toArray(Element[]::new);
        ClassName catalog = files.catalogName(catalogOption, "SteleTableMappings", origins);
        files.writeSource(catalogs.generate(CatalogGenerator.Kind.TABLE_MAPPINGS, catalog,
                origins.stream().map(TableMappingGenerator::typeName).toList(), origins), originArray);
        files.writeResource(CatalogGenerator.Kind.TABLE_MAPPINGS.serviceFile(), catalog.canonicalName() + "\n",
                originArray);
        files.writeResource(SteleResources.TABLES, tableIndex(sorted).toJson(), originArray);
    }

    /** The module's tables, for the Debezium connector settings {@code stele:debezium} writes. */
    private static TableIndex tableIndex(List<TableMappingModel> mappings) {
        List<TableIndex.Table> perRecord = new ArrayList<>();
        for (TableMappingModel mapping : mappings) {
            SortedSet<String> columns = new TreeSet<>();
            mapping.columns().forEach(column -> columns.add(column.column()));
            perRecord.add(new TableIndex.Table(mapping.table(), mapping.operations(), columns,
                    new TreeSet<>(List.of(mapping.qualifiedName()))));
        }
        return TableIndex.merged(perRecord);
    }
}
