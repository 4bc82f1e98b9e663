package dev.stele.processor.parse;

/**
 * Thrown while parsing a type that refers to a class not generated yet; the processor retries the
 * type in the next round and reports it only if it never resolves.
 */
public final class Unresolved extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String component;
    private final String type;

    public Unresolved(String component, String type) {
        super(type, null, false, false);
        this.component = component;
        this.type = type;
    }

    public String component() {
        return component;
    }

    public String type() {
        return type;
    }
}
