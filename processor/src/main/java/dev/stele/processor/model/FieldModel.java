package dev.stele.processor.model;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * One record component as encoded: its name is the JSON field name and the Avro field name.
 *
 * @param element the record component, for diagnostics
 * @param aliases earlier names, from {@code @Alias}
 */
public record FieldModel(String name, Element element, TypeMapping type, Optional<DefaultValue> defaultValue,
        List<String> aliases, boolean streamId) {

    /**
     * The accessors from the component to the value a stream id is written from, and that value's kind:
     * {@code [orderId, value]} and STRING for {@code @StreamId OrderId orderId} with {@code OrderId(String
     * value)}; empty if the type cannot name a stream (only String, UUID, int, long and typed ids of them
     * can).
     */
    public Optional<StreamIdPath> streamIdPath() {
        List<String> accessors = new ArrayList<>(List.of(name));
        TypeMapping at = type;
        while (at instanceof TypeMapping.Wrapper wrapper) {
            accessors.add(wrapper.accessor());
            at = wrapper.value();
        }
        if (at instanceof TypeMapping.Scalar scalar && STREAM_ID_KINDS.contains(scalar.kind())) {
            return Optional.of(new StreamIdPath(List.copyOf(accessors), scalar.kind()));
        }
        return Optional.empty();
    }

    private static final Set<ScalarKind> STREAM_ID_KINDS =
            EnumSet.of(ScalarKind.STRING, ScalarKind.UUID, ScalarKind.INT, ScalarKind.LONG);

    /** How to read a stream id off an event: accessor calls from the event, and the kind of value found. */
    public record StreamIdPath(List<String> accessors, ScalarKind kind) {
    }

    /** Must the data have this field? Only when it is neither optional nor defaulted. */
    public boolean isRequired() {
        return defaultValue.isEmpty() && !type.isOptional();
    }
}
