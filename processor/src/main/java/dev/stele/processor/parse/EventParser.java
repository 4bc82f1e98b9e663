package dev.stele.processor.parse;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.EventDeclaration;
import dev.stele.processor.model.EventModel;
import dev.stele.processor.model.RecordModel;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * Turns an {@code @Event} element into an {@link EventModel}, or reports why it cannot be one and
 * returns empty: it is a concrete, accessible record with a valid name and version, and its components
 * parse ({@link RecordParser}).
 */
public final class EventParser {

    private final EventDeclarations declarations;
    private final Diagnostics diagnostics;
    private final RecordParser records;

    public EventParser(EventDeclarations declarations, RecordParser records, Diagnostics diagnostics) {
        this.declarations = declarations;
        this.records = records;
        this.diagnostics = diagnostics;
    }

    /**
     * @throws Unresolved if a component refers to a type that is not generated yet
     */
    public Optional<EventModel> parse(TypeElement element) {
        EventDeclaration declaration = declarations.of(element).orElseThrow();
        if (element.getKind() != ElementKind.RECORD) {
            String kind = element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' ');
            diagnostics.error(Message.EVENT_NOT_RECORD, element, declaration.annotation(), element.getSimpleName(),
                    ("aeiou".indexOf(kind.charAt(0)) >= 0 ? "an " : "a ") + kind);
            return Optional.empty();
        }
        int errorsBefore = diagnostics.errorCount();
        if (!RecordParser.isAvroName(declaration.name())) {
            diagnostics.error(Message.EVENT_NAME_INVALID, element, declaration.annotation(),
                    Mirrors.explicitValue(declaration.annotation(), "name"), declaration.name());
        }
        if (declaration.version() < 1) {
            diagnostics.error(Message.EVENT_VERSION_INVALID, element, declaration.annotation(),
                    Mirrors.explicitValue(declaration.annotation(), "version"), declaration.version());
        }
        if (!element.getTypeParameters().isEmpty()) {
            diagnostics.error(Message.TYPE_GENERIC, element, declaration.annotation(), element.getQualifiedName());
        }
        String codecPackage = Access.packageOf(element);
        if (!Access.isAccessible(element, codecPackage)) {
            diagnostics.error(Message.TYPE_INACCESSIBLE, element, declaration.annotation(), element.getQualifiedName(),
                    codecPackage);
        }
        if (diagnostics.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        Optional<RecordModel> record = records.parse(element, codecPackage);
        return record.map(model -> new EventModel(declaration.name(), declaration.version(), model,
                declaration.annotation()));
    }
}
