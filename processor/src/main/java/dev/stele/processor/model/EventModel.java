package dev.stele.processor.model;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Event} record: the name and version it is stored under and how its fields are encoded.
 *
 * @param annotation the {@code @Event} mirror, for diagnostics
 */
public record EventModel(String name, int version, RecordModel record, AnnotationMirror annotation) {

    public TypeElement element() {
        return record.element();
    }

    /** {@code OrderPaid v2}, as diagnostics name it. */
    public String label() {
        return name + " v" + version;
    }

    /** The {@code @StreamId} component, if the event has one. */
    public java.util.Optional<FieldModel> streamIdField() {
        return record.fields().stream().filter(FieldModel::streamId).findFirst();
    }
}
