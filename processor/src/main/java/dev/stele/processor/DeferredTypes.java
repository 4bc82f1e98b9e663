package dev.stele.processor;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The types a processor handles, round by round: those annotated in the round, and those that waited
 * for a class another processor generates, retried by qualified name.
 */
final class DeferredTypes {

    private final ProcessingEnvironment environment;
    private final String annotation;
    private final Set<String> deferred = new LinkedHashSet<>();

    DeferredTypes(ProcessingEnvironment environment, String annotation) {
        this.environment = environment;
        this.annotation = annotation;
    }

    /** The types to handle this round: the deferred ones first, then the round's own. */
    List<TypeElement> takeCandidates(RoundEnvironment round) {
        List<TypeElement> candidates = new ArrayList<>();
        for (String name : deferred) {
            TypeElement type = environment.getElementUtils().getTypeElement(name);
            if (type != null) {
                candidates.add(type);
            }
        }
        deferred.clear();
        TypeElement annotationType = environment.getElementUtils().getTypeElement(annotation);
        if (annotationType != null) {
            for (Element element : round.getElementsAnnotatedWith(annotationType)) {
                if (element instanceof TypeElement type) {
                    candidates.add(type);
                }
            }
        }
        return candidates;
    }

    /** Retries {@code type} next round. */
    void defer(TypeElement type) {
        deferred.add(type.getQualifiedName().toString());
    }

    boolean isEmpty() {
        return deferred.isEmpty();
    }
}
