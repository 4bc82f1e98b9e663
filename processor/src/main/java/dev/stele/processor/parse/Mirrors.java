package dev.stele.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reading annotations through their mirrors, as auto-common does. */
public final class Mirrors {

    private final Elements elements;

    public Mirrors(Elements elements) {
        this.elements = elements;
    }

    /** The annotation of type {@code qualifiedName} on {@code construct}, if present. */
    public static Optional<AnnotationMirror> find(AnnotatedConstruct construct, String qualifiedName) {
        for (AnnotationMirror mirror : construct.getAnnotationMirrors()) {
            TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
            if (type.getQualifiedName().contentEquals(qualifiedName)) {
                return Optional.of(mirror);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code construct} carries any annotation with this simple name. */
    public static boolean hasSimpleName(AnnotatedConstruct construct, String simpleName) {
        for (AnnotationMirror mirror : construct.getAnnotationMirrors()) {
            if (mirror.getAnnotationType().asElement().getSimpleName().contentEquals(simpleName)) {
                return true;
            }
        }
        return false;
    }

    /** The value of {@code member}, or its declared default. */
    public AnnotationValue value(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : elements.getElementValuesWithDefaults(mirror).entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        throw new IllegalArgumentException("@" + mirror.getAnnotationType() + " has no member " + member);
    }

    /** The value of {@code member} as written in the source, for pointing diagnostics at it; else null. */
    public static AnnotationValue explicitValue(AnnotationMirror mirror, String member) {
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : mirror.getElementValues().entrySet()) {
            if (entry.getKey().getSimpleName().contentEquals(member)) {
                return entry.getValue();
            }
        }
        return null;
    }

    public String string(AnnotationMirror mirror, String member) {
        return (String) value(mirror, member).getValue();
    }

    public int integer(AnnotationMirror mirror, String member) {
        return (Integer) value(mirror, member).getValue();
    }

    /** An array member of strings, such as {@code @Alias}'s value. */
    public List<String> strings(AnnotationMirror mirror, String member) {
        List<String> result = new ArrayList<>();
        Object value = value(mirror, member).getValue();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                result.add((String) ((AnnotationValue) item).getValue());
            }
        } else {
            result.add((String) value);
        }
        return result;
    }
}
