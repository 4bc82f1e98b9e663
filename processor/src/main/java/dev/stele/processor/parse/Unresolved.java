package dev.stele.processor.parse;

import javax.lang.model.element.Element;

/**
 * Thrown while parsing a type that refers to a class not generated yet; the processor retries the
 * type in the next round and reports it only if it never resolves.
 */
public final class Unresolved extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Element component;
    private final String type;

    public Unresolved(Element component, String type) {
        super(type, null, false, false);
        this.component = component;
        this.type = type;
    }

    /**
     * The record component or the {@code @Handle} method's parameter whose type, or part of it, is unresolved:
     * where the error points.
     */
    public Element component() {
        return component;
    }

    public String type() {
        return type;
    }
}
