package dev.stele.format;

import dev.stele.SteleException;

/** A file under {@code META-INF/stele/} that cannot be read: damaged, incomplete, or of a newer format. */
public final class FormatException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final String origin;

    /**
     * @param origin where the file was read from: a URL, a jar path with {@code !/entry}, or a directory
     */
    public FormatException(String origin, String problem, Throwable cause) {
        super(origin + ": " + problem, cause);
        this.origin = origin;
    }

    public FormatException(String origin, String problem) {
        this(origin, problem, null);
    }

    /** Where the file was read from. */
    public String origin() {
        return origin;
    }
}
