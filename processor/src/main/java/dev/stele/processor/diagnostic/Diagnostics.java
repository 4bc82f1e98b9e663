package dev.stele.processor.diagnostic;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Reports {@link Message}s at the narrowest place known: the annotation value, else the annotation,
 * else the element, and each only once. Counts errors, repeated ones too, so a step can tell whether
 * the type it handled is in trouble.
 *
 * <p>Two things javac cannot point at are moved to where it can, with the annotation and value found
 * again there: a record component (javac has no source position for one; its field, declared by the
 * same text in the record header, has), and an element or annotation from an earlier round (javac
 * enters the members and annotations of the sources anew each round, and the old ones no longer
 * match the source).
 */
public final class Diagnostics {

    private final Messager messager;
    private final Elements elements;
    private final Set<List<Object>> reported = new HashSet<>();
    private int errors;

    public Diagnostics(Messager messager, Elements elements) {
        this.messager = messager;
        this.elements = elements;
    }

    public void error(Message message, Element element, Object... args) {
        error(message, element, null, null, args);
    }

    public void error(Message message, Element element, AnnotationMirror annotation, Object... args) {
        error(message, element, annotation, null, args);
    }

    public void error(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
            Object... args) {
        errors++;
        report(Diagnostic.Kind.ERROR, message, element, annotation, value, args);
    }

    /** A warning: the code is valid, but likely not what was meant; not counted as an error. */
    public void warning(Message message, Element element, AnnotationMirror annotation, AnnotationValue value,
            Object... args) {
        report(Diagnostic.Kind.WARNING, message, element, annotation, value, args);
    }

    private void report(Diagnostic.Kind kind, Message message, Element element, AnnotationMirror annotation,
            AnnotationValue value, Object... args) {
        String text = message.format(args);
        Element at = locate(element);
        AnnotationMirror atAnnotation = sameAnnotation(at, annotation);
        AnnotationValue atValue = atAnnotation == annotation ? value : sameValue(annotation, atAnnotation, value);
        if (!reported.add(Arrays.asList(kind, text, at, atAnnotation, atValue))) {
            return; // a record nested in several events is parsed for each: say its mistakes once
        }
        if (atAnnotation == null) {
            messager.printMessage(kind, text, at);
        } else if (atValue == null) {
            messager.printMessage(kind, text, at, atAnnotation);
        } else {
            messager.printMessage(kind, text, at, atAnnotation, atValue);
        }
    }

    /** Errors reported so far; compare before and after a step to see whether it reported any. */
    public int errorCount() {
        return errors;
    }

    /** The element of the current round that javac can show in the source for {@code element}. */
    private Element locate(Element element) {
        if (element == null) {
            return null;
        }
        if (element.getKind() == ElementKind.RECORD_COMPONENT) {
            Element owner = locate(element.getEnclosingElement());
            for (VariableElement field : ElementFilter.fieldsIn(owner.getEnclosedElements())) {
                if (field.getSimpleName().contentEquals(element.getSimpleName())) {
                    return field;
                }
            }
            return owner;
        }
        if (element instanceof TypeElement type && type.getQualifiedName().length() > 0) {
            TypeElement current = elements.getTypeElement(type.getQualifiedName());
            return current != null ? current : element;
        }
        if (element instanceof ExecutableElement method) {
            Element owner = locate(method.getEnclosingElement());
            for (ExecutableElement candidate : ElementFilter.methodsIn(owner.getEnclosedElements())) {
                if (candidate.getSimpleName().contentEquals(method.getSimpleName())
                        && parameterTypes(candidate).equals(parameterTypes(method))) {
                    return candidate;
                }
            }
        }
        return element;
    }

    private static List<String> parameterTypes(ExecutableElement method) {
        return method.getParameters().stream().map(parameter -> parameter.asType().toString()).toList();
    }

    /** {@code annotation} if {@code element} carries it, else its annotation of the same type, else null. */
    private static AnnotationMirror sameAnnotation(Element element, AnnotationMirror annotation) {
        if (annotation == null || element.getAnnotationMirrors().contains(annotation)) {
            return annotation;
        }
        String type = annotation.getAnnotationType().toString();
        for (AnnotationMirror candidate : element.getAnnotationMirrors()) {
            if (candidate.getAnnotationType().toString().equals(type)) {
                return candidate;
            }
        }
        return null;
    }

    /** The value of the same member in {@code relocated}, or null if it was not written there. */
    private static AnnotationValue sameValue(AnnotationMirror original, AnnotationMirror relocated,
            AnnotationValue value) {
        if (original == null || relocated == null || value == null) {
            return null;
        }
        for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
                : original.getElementValues().entrySet()) {
            if (entry.getValue() == value) {
                for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> candidate
                        : relocated.getElementValues().entrySet()) {
                    if (candidate.getKey().getSimpleName().contentEquals(entry.getKey().getSimpleName())) {
                        return candidate.getValue();
                    }
                }
            }
        }
        return null;
    }
}
