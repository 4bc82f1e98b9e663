package dev.stele.spi.codec;

/**
 * A value that cannot be written or read, with the path of the field it was found at (for example
 * {@code lines[2].sku}). Raised by generated codecs and the helpers they call; the catalog turns it
 * into a typed {@link dev.stele.catalog.EventDecodingException} or
 * {@link dev.stele.catalog.EventEncodingException} that names the event and version.
 *
 * <p>It describes bad data, not a bug, so it carries no stack trace of its own; a wrapped cause keeps
 * its trace.
 */
public final class CodecFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String reason;
    private String path;

    public CodecFailure(String reason) {
        this(reason, null);
    }

    public CodecFailure(String reason, Throwable cause) {
        super(reason, cause, false, false);
        this.reason = reason;
        this.path = "";
    }

    /** What was wrong, without the path. */
    public String reason() {
        return reason;
    }

    /** Where, as {@code field.nested[index]}; empty at the top level. */
    public String path() {
        return path;
    }

    /** Prefixes the path with the field it was found in, and returns this failure. */
    public CodecFailure inField(String field) {
        if (path.isEmpty()) {
            path = field;
        } else if (path.charAt(0) == '[') {
            path = field + path;
        } else {
            path = field + '.' + path;
        }
        return this;
    }

    /** Prefixes the path with the collection index it was found at, and returns this failure. */
    public CodecFailure atIndex(int index) {
        return inElement("[" + index + "]");
    }

    /** Prefixes the path with the map key it was found at, and returns this failure. */
    public CodecFailure atKey(String key) {
        return inElement("[\"" + key + "\"]");
    }

    private CodecFailure inElement(String element) {
        if (path.isEmpty() || path.charAt(0) == '[') {
            path = element + path;
        } else {
            path = element + '.' + path;
        }
        return this;
    }

    /**
     * The failure behind {@code problem}: itself if it already is one, else a new failure whose reason
     * describes it (end of data, malformed input, a value out of range).
     */
    public static CodecFailure of(Throwable problem) {
        if (problem instanceof CodecFailure failure) {
            return failure;
        }
        if (problem instanceof com.fasterxml.jackson.core.JsonProcessingException json) {
            // malformed JSON is bad data: its position is worth saying, Jackson's own message (which ends in
            // "Source: REDACTED …") and stack are not
            com.fasterxml.jackson.core.JsonLocation location = json.getLocation();
            return new CodecFailure(json.getOriginalMessage() + (location == null ? ""
                    : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")"));
        }
        return new CodecFailure(describe(problem), problem);
    }

    private static String describe(Throwable problem) {
        if (problem instanceof java.io.EOFException) {
            return "the data ends before the value does";
        }
        String message = problem.getMessage();
        return message == null ? problem.getClass().getSimpleName() : message;
    }

    @Override
    public String getMessage() {
        return path.isEmpty() ? reason : path + ": " + reason;
    }
}
