package dev.stele.processor.model;

import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Element;

/**
 * One record component as encoded: its name is the JSON field name and the Avro field name.
 *
 * @param element the record component, for diagnostics
 * @param aliases earlier names, from {@code @Alias}
 */
public record FieldModel(String name, Element element, TypeMapping type, Optional<DefaultValue> defaultValue,
        List<String> aliases, boolean streamId) {

    /** Must the data have this field? Only when it is neither optional nor defaulted. */
    public boolean isRequired() {
        return defaultValue.isEmpty() && !type.isOptional();
    }
}
