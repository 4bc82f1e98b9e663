package dev.stele.maven.check;

/**
 * What "compatible" means, as in Confluent's schema registry. BACKWARD: this build reads data written
 * by released schemas. FORWARD: released readers read data this build writes. FULL: both. The
 * {@code _TRANSITIVE} forms check against every released schema of the event version, not only the
 * baseline's.
 */
public enum CompatibilityMode {
    BACKWARD(true, false, false),
    BACKWARD_TRANSITIVE(true, false, true),
    FORWARD(false, true, false),
    FORWARD_TRANSITIVE(false, true, true),
    FULL(true, true, false),
    FULL_TRANSITIVE(true, true, true),
    NONE(false, false, false);

    private final boolean backward;
    private final boolean forward;
    private final boolean transitive;

    CompatibilityMode(boolean backward, boolean forward, boolean transitive) {
        this.backward = backward;
        this.forward = forward;
        this.transitive = transitive;
    }

    /** Must this build read what released schemas wrote? */
    public boolean backward() {
        return backward;
    }

    /** Must released readers read what this build writes? */
    public boolean forward() {
        return forward;
    }

    public boolean transitive() {
        return transitive;
    }
}
