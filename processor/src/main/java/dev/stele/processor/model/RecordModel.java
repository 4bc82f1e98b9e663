package dev.stele.processor.model;

import com.squareup.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.TypeElement;

/**
 * A record encoded as an object: an event, or a record nested in one.
 *
 * @param element where it was declared, for diagnostics and originating elements
 */
public record RecordModel(TypeElement element, ClassName javaType, List<FieldModel> fields) {

    public String simpleName() {
        return javaType.simpleName();
    }
}
