package dev.stele.processor;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.parse.Unresolved;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;

/**
 * An annotation processor made of {@link Step}s that share one round lifecycle, in the manner of
 * auto-common's {@code BasicAnnotationProcessor}:
 *
 * <ul>
 *   <li>each round, every step gets the elements of its annotations: first those it could not handle in an
 *       earlier round, looked up again by qualified name, then the round's own;
 *   <li>a type that refers to something not generated yet waits for the next round; in the last round it
 *       is reported instead ({@link Message#TYPE_UNRESOLVED});
 *   <li>a step reports what is wrong with an element and goes on with the others; any unexpected
 *       {@code Throwable} becomes {@link Message#INTERNAL_ERROR} on the element being processed;
 *   <li>the first round that brings no element and leaves none waiting finishes the steps, which write
 *       what concerns the whole module; never the last round, where javac only warns about new sources;
 *   <li>an element that arrives after that (another processor generated it later still) cannot join the
 *       module's catalog: it is an error ({@link Message#ARRIVED_AFTER_CATALOG}), never left out silently.
 * </ul>
 */
abstract class StepProcessor extends AbstractProcessor {

    private List<Step> steps;
    private Diagnostics diagnostics;
    /** Per step and annotation, the qualified names of the types waiting for the next round. */
    private final Map<Step, Map<String, Set<String>>> deferred = new HashMap<>();
    private boolean finished;

    /** The steps, in the order they run within a round. */
    protected abstract List<Step> steps(ProcessingEnvironment environment, Diagnostics diagnostics);

    @Override
    public synchronized void init(ProcessingEnvironment environment) {
        super.init(environment);
        diagnostics = new Diagnostics(environment.getMessager(), environment.getElementUtils());
        steps = List.copyOf(steps(environment, diagnostics));
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> annotations = new LinkedHashSet<>();
        for (Step step : steps) {
            annotations.addAll(step.annotations());
            annotations.addAll(step.markers());
        }
        return annotations;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public final boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        boolean lastRound = round.processingOver();
        boolean broughtElements = false;
        Map<String, List<? extends Element>> annotatedInRound = new HashMap<>();
        for (Step step : steps) {
            for (String annotation : step.annotations()) {
                List<? extends Element> annotated = annotatedInRound.computeIfAbsent(annotation,
                        key -> annotatedWith(key, round));
                for (Element element : elements(step, annotation, annotated)) {
                    broughtElements = true;
                    if (finished) {
                        diagnostics.error(Message.ARRIVED_AFTER_CATALOG, element, element.getSimpleName());
                    } else {
                        process(step, annotation, element, lastRound);
                    }
                }
            }
        }
        if (!finished && (lastRound || !broughtElements && isNothingDeferred())) {
            finished = true;
            boolean write = !lastRound && !round.errorRaised();
            for (Step step : steps) {
                try {
                    step.finish(write);
                } catch (Throwable e) {
                    diagnostics.error(Message.INTERNAL_ERROR, null, step.getClass().getSimpleName(), trace(e));
                }
            }
        }
        return true;
    }

    /**
     * The elements annotated with {@code annotation} in this round. Several steps handle {@code @Event}: the
     * round's elements are looked up once for all of them, as each lookup scans every element of the round.
     */
    private List<? extends Element> annotatedWith(String annotation, RoundEnvironment round) {
        TypeElement annotationType = processingEnv.getElementUtils().getTypeElement(annotation);
        return annotationType == null ? List.of() : List.copyOf(round.getElementsAnnotatedWith(annotationType));
    }

    /** The deferred types of the step's annotation, then those of {@code annotated}, the round's elements. */
    private List<Element> elements(Step step, String annotation, List<? extends Element> annotated) {
        Map<String, Element> elements = new LinkedHashMap<>();
        Set<String> waiting = deferred.computeIfAbsent(step, key -> new HashMap<>())
                .computeIfAbsent(annotation, key -> new LinkedHashSet<>());
        for (String name : waiting) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type != null) {
                elements.put(name, type);
            }
        }
        waiting.clear();
        for (Element element : annotated) {
            String key = element instanceof TypeElement type ? type.getQualifiedName().toString()
                    : element.getEnclosingElement() + "#" + element;
            elements.putIfAbsent(key, element);
        }
        return new ArrayList<>(elements.values());
    }

    private void process(Step step, String annotation, Element element, boolean lastRound) {
        try {
            step.process(annotation, element);
        } catch (Unresolved unresolved) {
            if (!lastRound && element instanceof TypeElement type) {
                deferred.get(step).get(annotation).add(type.getQualifiedName().toString());
            } else {
                Element at = unresolved.component();
                String what = at.getKind() == ElementKind.PARAMETER ? "parameter" : "component";
                diagnostics.error(Message.TYPE_UNRESOLVED, at, what, at.getSimpleName(), unresolved.type());
            }
        } catch (Throwable e) {
            diagnostics.error(Message.INTERNAL_ERROR, element, element.getSimpleName(), trace(e));
        }
    }

    private boolean isNothingDeferred() {
        return deferred.values().stream().flatMap(byAnnotation -> byAnnotation.values().stream())
                .allMatch(Set::isEmpty);
    }

    private static String trace(Throwable problem) {
        StringWriter trace = new StringWriter();
        problem.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
