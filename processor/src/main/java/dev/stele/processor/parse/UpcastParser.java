package dev.stele.processor.parse;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.EventDeclaration;
import dev.stele.processor.model.UpcastModel;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;

/**
 * Turns an {@code @Upcast} method into an {@link UpcastModel}, or reports why its signature is wrong: it
 * must be static and not private, and take and return an {@code @Event} type. What the step means
 * (same event, a later version, callable from the codec) is the validator's to check.
 */
public final class UpcastParser {

    private final EventDeclarations events;
    private final Diagnostics diagnostics;

    public UpcastParser(EventDeclarations events, Diagnostics diagnostics) {
        this.events = events;
        this.diagnostics = diagnostics;
    }

    public Optional<UpcastModel> parse(ExecutableElement method) {
        AnnotationMirror annotation = Mirrors.find(method, AnnotationNames.UPCAST).orElseThrow();
        if (!method.getModifiers().contains(Modifier.STATIC) || method.getModifiers().contains(Modifier.PRIVATE)) {
            return signature(method, annotation, "it is " + (method.getModifiers().contains(Modifier.PRIVATE)
                    ? "private" : "not static"));
        }
        if (method.getParameters().size() != 1) {
            return signature(method, annotation, "it takes " + method.getParameters().size() + " parameters");
        }
        Optional<EventDeclaration> from = events.of(method.getParameters().get(0).asType());
        if (from.isEmpty()) {
            return signature(method, annotation, "its parameter is not an @Event record");
        }
        Optional<EventDeclaration> to = events.of(method.getReturnType());
        if (to.isEmpty()) {
            return signature(method, annotation, "it does not return an @Event record");
        }
        return Optional.of(new UpcastModel(method, annotation, from.get(), to.get()));
    }

    private Optional<UpcastModel> signature(ExecutableElement method, AnnotationMirror annotation, String problem) {
        diagnostics.error(Message.UPCAST_SIGNATURE, method, annotation,
                method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName(), problem);
        return Optional.empty();
    }
}
