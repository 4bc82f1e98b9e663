package dev.stele.catalog;

import dev.stele.SteleException;

/**
 * A payload that cannot be read as the event it claims to be: malformed data, a wrong type, a
 * required field missing, a value out of range. Nothing is skipped or guessed; the message names
 * the event, version, format, field path and what was wrong.
 */
public class EventDecodingException extends SteleException {

    private static final long serialVersionUID = 1L;

    private final String eventName;
    private final int version;
    private final Format format;
    private final String fieldPath;
    private final String reason;

    /**
     * @param eventName null when the data does not say which event it is (Avro without its header)
     * @param version 0 when the data does not say
     */
    public EventDecodingException(String eventName, int version, Format format, String fieldPath, String reason,
            Throwable cause) {
        super("cannot decode " + (eventName == null ? "an event" : eventName + " v" + version) + " from " + format
                + (fieldPath.isEmpty() ? "" : " at '" + fieldPath + "'") + ": " + reason, cause);
        this.eventName = eventName;
        this.version = version;
        this.format = format;
        this.fieldPath = fieldPath;
        this.reason = reason;
    }

    /** The event's name; null when the data did not say which event it is. */
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
