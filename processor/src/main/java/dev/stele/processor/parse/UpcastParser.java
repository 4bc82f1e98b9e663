package dev.stele.processor.parse;

import com.squareup.javapoet.ClassName;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.UpcastModel;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Checks an {@code @Upcast} method on its own: its signature, that it stays within one event name and
 * goes forward, and that the generated code can call it.
 */
public final class UpcastParser {

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;

    public UpcastParser(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
    }

    public Optional<UpcastModel> parse(ExecutableElement method) {
        AnnotationMirror annotation = Mirrors.find(method, AnnotationNames.UPCAST).orElseThrow();
        String label = method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
        if (!method.getModifiers().contains(Modifier.STATIC) || method.getModifiers().contains(Modifier.PRIVATE)) {
            return signature(method, annotation, label, "it is " + (method.getModifiers().contains(Modifier.PRIVATE)
                    ? "private" : "not static"));
        }
        if (method.getParameters().size() != 1) {
            return signature(method, annotation, label, "it takes " + method.getParameters().size() + " parameters");
        }
        TypeElement from = eventRecord(method.getParameters().get(0).asType());
        if (from == null) {
            return signature(method, annotation, label, "its parameter is not an @Event record");
        }
        TypeElement to = eventRecord(method.getReturnType());
        if (to == null) {
            return signature(method, annotation, label, "it does not return an @Event record");
        }
        String fromName = eventName(from);
        String toName = eventName(to);
        int fromVersion = version(from);
        int toVersion = version(to);
        if (!fromName.equals(toName)) {
            diagnostics.error(Message.UPCAST_OTHER_EVENT, method, annotation, label, fromName + " v" + fromVersion,
                    toName + " v" + toVersion);
            return Optional.empty();
        }
        if (toVersion <= fromVersion) {
            diagnostics.error(Message.UPCAST_BACKWARDS, method, annotation, label, fromName + " v" + fromVersion,
                    toVersion);
            return Optional.empty();
        }
        String codecPackage = Access.packageOf(from);
        if (!Access.isAccessible(method, codecPackage)) {
            diagnostics.error(Message.UPCAST_INACCESSIBLE, method, annotation, label, codecPackage,
                    from.getSimpleName());
            return Optional.empty();
        }
        TypeElement owner = (TypeElement) method.getEnclosingElement();
        return Optional.of(new UpcastModel(method, ClassName.get(owner), from, to));
    }

    private Optional<UpcastModel> signature(ExecutableElement method, AnnotationMirror annotation, String label,
            String problem) {
        diagnostics.error(Message.UPCAST_SIGNATURE, method, annotation, label, problem);
        return Optional.empty();
    }

    private static TypeElement eventRecord(TypeMirror type) {
        if (type.getKind() != TypeKind.DECLARED) {
            return null;
        }
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        return Mirrors.find(element, AnnotationNames.EVENT).isPresent() ? element : null;
    }

    /** The event name of an {@code @Event} type, as {@link EventParser} derives it. */
    public String eventName(TypeElement event) {
        String name = mirrors.string(Mirrors.find(event, AnnotationNames.EVENT).orElseThrow(), "name");
        return name.isEmpty() ? event.getSimpleName().toString() : name;
    }

    public int version(TypeElement event) {
        return mirrors.integer(Mirrors.find(event, AnnotationNames.EVENT).orElseThrow(), "version");
    }
}
