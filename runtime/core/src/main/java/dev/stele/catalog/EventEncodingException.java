package dev.stele.catalog;

import dev.stele.SteleException;

/**
 * An event value that cannot be written without losing something: a required field that is
 * {@code null}, a time outside the years 1677 to 2262, a decimal that does not fit its scale. Both formats
 * apply the same checks, so an event that encodes in one encodes in the other.
 */
public class EventEncodingException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final String eventName;
    private final int version;
    private final Format format;
    private final String fieldPath;
    private final String reason;

    public EventEncodingException(String eventName, int version, Format format, String fieldPath, String reason,
            Throwable cause) {
        super("cannot encode " + eventName + " v" + version + " as " + format
                + (fieldPath.isEmpty() ? "" : " at '" + fieldPath + "'") + ": " + reason, cause);
        this.eventName = eventName;
        this.version = version;
        this.format = format;
        this.fieldPath = fieldPath;
        this.reason = reason;
    }

    public String eventName() {
        return eventName;
    }

    public int version() {
        return version;
    }

    public Format format() {
        return format;
    }

    /** Where in the event, as {@code field.nested[index]}; empty for the event as a whole. */
    public String fieldPath() {
        return fieldPath;
    }

    public String reason() {
        return reason;
    }
}
