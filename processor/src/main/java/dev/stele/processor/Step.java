package dev.stele.processor;

import java.util.List;
import java.util.Set;
import javax.lang.model.element.Element;

/**
 * One concern of the processor, as auto-common's {@code BasicAnnotationProcessor.Step} is: the annotations
 * it owns and what it does with the elements that carry them. {@link StepProcessor} runs the rounds: it
 * hands each step its elements, retries the ones that wait for a generated type, turns an unexpected
 * exception into a diagnostic on the element, and tells the steps when the module is complete.
 */
interface Step {

    /**
     * The annotations whose elements the step handles, by qualified name, in the order it wants them
     * within a round. Several steps may handle one annotation.
     */
    List<String> annotations();

    /** Annotations the step owns without handling their elements: they only mark parts of what it handles. */
    default Set<String> markers() {
        return Set.of();
    }

    /**
     * Handles one element annotated with {@code annotation}. Reports what is wrong with it through the
     * diagnostics and generates nothing for it then; other elements go on.
     *
     * @throws dev.stele.processor.parse.Unresolved if the element refers to a type that is not generated
     *     yet: the element is retried in the next round, and reported only if it never resolves
     */
    void process(String annotation, Element element);

    /**
     * Called once, in the first round that brings the steps no element and leaves none waiting, or else in
     * the last round: what concerns the module's elements together, such as its catalog.
     *
     * @param write whether files may be written: not in the last round (javac would only warn that a source
     *     created there is not processed) and not after an error
     */
    void finish(boolean write);
}
