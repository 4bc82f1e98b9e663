package dev.stele.processor.diagnostic;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;

/**
 * Reports {@link Message}s at the narrowest place known: the annotation value, else the annotation,
 * else the element. Counts errors so a step can tell whether the type it handled is in trouble.
 */
public final class Diagnostics {

    private final Messager messager;
    private int errors;

    public Diagnostics(Messager messager) {
        this.messager = messager;
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
        String text = message.format(args);
        if (annotation == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element);
        } else if (value == null) {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element, annotation);
        } else {
            messager.printMessage(Diagnostic.Kind.ERROR, text, element, annotation, value);
        }
    }

    /** Errors reported so far; compare before and after a step to see whether it reported any. */
    public int errorCount() {
        return errors;
    }
}
