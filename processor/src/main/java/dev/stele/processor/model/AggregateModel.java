package dev.stele.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Aggregate} record: its category, its state's encoding, its {@code @Initial} method and
 * its {@code @Apply} methods sorted by event name.
 *
 * @param annotation the {@code @Aggregate} mirror, for diagnostics
 */
public record AggregateModel(String category, int snapshotEvery, RecordModel state, ExecutableElement initial,
        List<ApplyModel> applies, AnnotationMirror annotation) {

    public TypeElement element() {
        return state.element();
    }
}
