package dev.stele.spi;

import dev.stele.format.SteleResources;
import java.util.Objects;
import java.util.function.Function;

/**
 * What a generated codec registers for one {@code (name, version)} of an event: the Java type, the
 * codec, the fingerprint of its Avro schema and, for an older version, the {@code @Upcast} step to
 * a later version.
 *
 * @param <E> the event record type
 */
public final class EventType<E> {

    private final String name;
    private final int version;
    private final Class<E> javaType;
    private final EventCodec<E> codec;
    private final long schemaFingerprint;
    private final int upcastTarget;
    private final Function<? super E, ?> upcast;
    private final Function<? super E, String> streamId;

    private EventType(String name, int version, Class<E> javaType, EventCodec<E> codec,
            long schemaFingerprint, int upcastTarget, Function<? super E, ?> upcast,
            Function<? super E, String> streamId) {
        this.name = Objects.requireNonNull(name, "name");
        this.version = version;
        this.javaType = Objects.requireNonNull(javaType, "javaType");
        this.codec = Objects.requireNonNull(codec, "codec");
        this.schemaFingerprint = schemaFingerprint;
        this.upcastTarget = upcastTarget;
        this.upcast = upcast;
        this.streamId = streamId;
    }

    /**
     * Describes one event version.
     *
     * @param schemaFingerprint the CRC-64-AVRO fingerprint of the schema's parsing canonical form
     */
    public static <E> EventType<E> of(String name, int version, Class<E> javaType, EventCodec<E> codec,
            long schemaFingerprint) {
        return new EventType<>(name, version, javaType, codec, schemaFingerprint, 0, null, null);
    }

    /** The same type with an {@code @Upcast} step to {@code targetVersion} of the same name. */
    public EventType<E> upcastingTo(int targetVersion, Function<? super E, ?> step) {
        if (targetVersion <= version) {
            throw new IllegalArgumentException(name + " v" + version + " cannot upcast to v" + targetVersion);
        }
        return new EventType<>(name, version, javaType, codec, schemaFingerprint, targetVersion,
                Objects.requireNonNull(step, "step"), streamId);
    }

    /**
     * The same type, whose events name their stream in their {@code @StreamId} component: the codec's
     * {@link EventCodec#streamId(Object) streamId} reads it.
     */
    public EventType<E> withStreamId() {
        return new EventType<>(name, version, javaType, codec, schemaFingerprint, upcastTarget, upcast,
                codec::streamId);
    }

    public String name() {
        return name;
    }

    public int version() {
        return version;
    }

    public Class<E> javaType() {
        return javaType;
    }

    public EventCodec<E> codec() {
        return codec;
    }

    public long schemaFingerprint() {
        return schemaFingerprint;
    }

    /** The version the {@code @Upcast} step leads to, or 0 if this version has none. */
    public int upcastTarget() {
        return upcastTarget;
    }

    /** Applies the {@code @Upcast} step; only for types whose {@link #upcastTarget()} is not 0. */
    public Object upcast(E event) {
        if (upcast == null) {
            throw new IllegalStateException(name + " v" + version + " has no @Upcast step");
        }
        return upcast.apply(event);
    }

    /** Whether the record has a {@code @StreamId} component. */
    public boolean hasStreamId() {
        return streamId != null;
    }

    /**
     * The stream id {@code event} names in its {@code @StreamId} component, as text (a typed id's value,
     * a UUID's or a number's text); null if it names none (the component is null) or the record has no
     * {@code @StreamId}.
     */
    public String streamIdOf(Object event) {
        return streamId == null ? null : streamId.apply(javaType.cast(event));
    }

    /** Where the processor wrote this version's Avro schema, relative to the class path root. */
    public String schemaResource() {
        return SteleResources.schema(name, version);
    }

    @Override
    public String toString() {
        return name + " v" + version + " (" + javaType.getName() + ")";
    }
}
