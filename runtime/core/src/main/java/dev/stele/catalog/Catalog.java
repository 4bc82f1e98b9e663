package dev.stele.catalog;

import dev.stele.catalog.internal.IndexCheck;
import dev.stele.catalog.internal.NewerVersions;
import dev.stele.catalog.internal.RegisteredEvent;
import dev.stele.catalog.internal.Registry;
import dev.stele.catalog.internal.ReleasedSchemas;
import dev.stele.catalog.internal.Resolvers;
import dev.stele.catalog.internal.SingleObjectEncoding;
import dev.stele.catalog.internal.SpiCheck;
import dev.stele.catalog.internal.ThreadLending;
import dev.stele.catalog.internal.WriterSchemas;
import dev.stele.cdc.internal.MappingIndex;
import dev.stele.codec.avro.AvroRecordReader;
import dev.stele.codec.avro.AvroRecordWriter;
import dev.stele.codec.avro.BoundedBinaryDecoder;
import dev.stele.codec.avro.ByteArrayBinaryEncoder;
import dev.stele.codec.json.JsonRecordReader;
import dev.stele.codec.json.JsonRecordWriter;
import dev.stele.format.EventSchemaNames;
import dev.stele.spi.AggregateType;
import dev.stele.spi.EventType;
import dev.stele.spi.ProjectionType;
import dev.stele.spi.TableMapping;
import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.RecordWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import org.apache.avro.Schema;
import org.apache.avro.io.ResolvingDecoder;

/**
 * Every event of every Stele module on the class path: encodes events to JSON and Avro and decodes
 * any stored version back to the latest.
 *
 * <pre>{@code
 * Catalog catalog = Catalog.load();
 * SerializedEvent json = catalog.toJson(new OrderPaid(...));            // name, version, payload
 * Object latest = catalog.fromJson(json.name(), json.version(), json.payload());
 * byte[] avro = catalog.toAvro(new OrderPaid(...));                    // C3 01 + fingerprint + body
 * Object again = catalog.fromAvro(avro);
 * }</pre>
 *
 * <p>Guarantees: reading is tolerant exactly as Avro schema resolution is, in both formats (unknown
 * fields skipped, missing fields take their {@code @Default}, aliases accepted); a decoded older
 * version is brought to the latest by its {@code @Upcast} chain; anything that cannot be read or
 * written raises a typed {@link dev.stele.SteleException} naming the event, version and field, and
 * nothing is dropped or guessed. A catalog is immutable and safe to share between threads.
 */
public final class Catalog {

    private static final byte[] NO_BYTES = new byte[0];

    /**
     * One JSON writer and reader, and one Avro encoder with its writer and decoder with its reader, per
     * thread, reset for each event, so that encoding and decoding allocate little but their result. Each is
     * lent while in use: a codec that calls back into the catalog (an accessor that encodes, an upcast that
     * decodes) gets a new one rather than the one in use. One that served an event larger than
     * {@link #KEPT_BUFFER} is not kept, so that a thread does not hold the buffers of its largest event for
     * good; a kept reader holds the last payload it read, at most that size, until its next.
     */
    private static final ThreadLending<JsonRecordWriter> JSON_WRITERS = new ThreadLending<>(JsonRecordWriter::new);
    private static final ThreadLending<JsonRecordReader> JSON_READERS =
            new ThreadLending<>(() -> new JsonRecordReader(NO_BYTES, 0, 0));
    private static final ThreadLending<AvroOut> AVRO_WRITERS = new ThreadLending<>(AvroOut::new);
    private static final ThreadLending<AvroIn> AVRO_READERS = new ThreadLending<>(AvroIn::new);
    private static final int KEPT_BUFFER = 64 * 1024;

    private final Registry registry;
    private final WriterSchemas writers;
    private final Map<Class<?>, AggregateType<?>> aggregates;
    private final Map<Class<?>, ProjectionType<?>> projections;
    private final List<TableMapping<?>> tableMappings;
    private final Resolvers resolvers = new Resolvers();

    private Catalog(Registry registry, WriterSchemas writers, Map<Class<?>, AggregateType<?>> aggregates,
            Map<Class<?>, ProjectionType<?>> projections, List<TableMapping<?>> tableMappings) {
        this.registry = registry;
        this.writers = writers;
        this.aggregates = aggregates;
        this.projections = projections;
        this.tableMappings = tableMappings;
    }

    private static Map<Class<?>, AggregateType<?>> byState(List<AggregateCatalog> aggregateCatalogs) {
        Map<Class<?>, AggregateType<?>> byState = new HashMap<>();
        for (AggregateCatalog catalog : aggregateCatalogs) {
            for (AggregateType<?> type : catalog.aggregateTypes()) {
                byState.put(type.stateType(), type);
            }
        }
        return Map.copyOf(byState);
    }

    private static Map<Class<?>, ProjectionType<?>> byClass(List<ProjectionCatalog> projectionCatalogs) {
        Map<Class<?>, ProjectionType<?>> byClass = new HashMap<>();
        for (ProjectionCatalog catalog : projectionCatalogs) {
            for (ProjectionType<?> type : catalog.projectionTypes()) {
                byClass.put(type.projectionClass(), type);
            }
        }
        return Map.copyOf(byClass);
    }

    /** Every generated catalog visible to the thread's context class loader (or this class's). */
    public static Catalog load() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return load(loader != null ? loader : Catalog.class.getClassLoader());
    }

    /**
     * Every generated catalog {@code loader} sees through {@link ServiceLoader}, with the schema
     * history of each module.
     *
     * @throws CatalogException if a catalog was generated for an SPI version this runtime does not run
     *     (naming the processor's and the runtime's versions), two catalogs claim the same
     *     {@code (name, version)} or the same {@code @FromTable} table and operation, or a module's event index
     *     lists an event no catalog registered
     */
    public static Catalog load(ClassLoader loader) {
        List<EventCatalog> catalogs = new ArrayList<>();
        ServiceLoader.load(EventCatalog.class, loader).forEach(catalogs::add);
        List<AggregateCatalog> aggregates = new ArrayList<>();
        ServiceLoader.load(AggregateCatalog.class, loader).forEach(aggregates::add);
        List<ProjectionCatalog> projections = new ArrayList<>();
        ServiceLoader.load(ProjectionCatalog.class, loader).forEach(projections::add);
        List<TableMappingCatalog> tables = new ArrayList<>();
        ServiceLoader.load(TableMappingCatalog.class, loader).forEach(tables::add);
        // before any generated code runs: a mismatch must not surface as a NoSuchMethodError later
        catalogs.forEach(SpiCheck::check);
        aggregates.forEach(SpiCheck::check);
        projections.forEach(SpiCheck::check);
        tables.forEach(SpiCheck::check);
        Registry registry = Registry.of(catalogs);
        IndexCheck.verify(loader, registry);
        return new Catalog(registry, new WriterSchemas(ReleasedSchemas.load(loader), SchemaSource.none()),
                byState(aggregates), byClass(projections), tableMappings(tables));
    }

    private static List<TableMapping<?>> tableMappings(List<TableMappingCatalog> tableCatalogs) {
        List<TableMapping<?>> mappings = new ArrayList<>();
        for (TableMappingCatalog catalog : tableCatalogs) {
            mappings.addAll(catalog.tableMappings());
        }
        try {
            MappingIndex.checkClaims(mappings); // the processor checks within a module, this across modules
        } catch (IllegalArgumentException e) {
            throw new CatalogException(e.getMessage() + " (two modules on the class path)");
        }
        mappings.sort(Comparator.comparing((TableMapping<?> m) -> m.table()).thenComparing(m -> m.eventName()));
        return List.copyOf(mappings);
    }

    /** A catalog of exactly {@code catalogs}, without schema history; for tests and tools. */
    public static Catalog of(EventCatalog... catalogs) {
        List.of(catalogs).forEach(SpiCheck::check);
        return new Catalog(Registry.of(List.of(catalogs)), new WriterSchemas(ReleasedSchemas.empty(),
                SchemaSource.none()), Map.of(), Map.of(), List.of());
    }

    /**
     * This catalog, also finding Avro writer schemas in {@code source}: how it reads data of event
     * versions newer than it knows, written by a later release (see {@link #fromAvro(byte[])}).
     */
    public Catalog withSchemaSource(SchemaSource source) {
        return new Catalog(registry, writers.withSource(Objects.requireNonNull(source, "source")), aggregates,
                projections, tableMappings);
    }

    /** Every registered event version, sorted by name and version. */
    public List<EventType<?>> eventTypes() {
        return registry.types();
    }

    /**
     * The registered type of an event record's class.
     *
     * @throws UnknownEventException if the class is not a registered event
     */
    public EventType<?> eventType(Class<?> eventClass) {
        RegisteredEvent<?> registered = registry.byType(eventClass);
        if (registered == null) {
            throw UnknownEventException.ofType(eventClass);
        }
        return registered.type();
    }

    /**
     * The generated type of an {@code @Aggregate} record.
     *
     * @throws CatalogException if the class is not an {@code @Aggregate} of a module on the class path
     */
    @SuppressWarnings("unchecked")
    public <S> AggregateType<S> aggregateType(Class<S> stateType) {
        AggregateType<?> type = aggregates.get(stateType);
        if (type == null) {
            throw new CatalogException(stateType.getName() + " is not an @Aggregate record known to the catalog;"
                    + " is it annotated @Aggregate and is stele-processor on the compiler's annotationProcessorPaths?");
        }
        return (AggregateType<S>) type;
    }

    /**
     * The generated type of a {@code @Projection} class.
     *
     * @throws CatalogException if the class is not a {@code @Projection} of a module on the class path
     */
    @SuppressWarnings("unchecked")
    public <P> ProjectionType<P> projectionType(Class<P> projectionClass) {
        ProjectionType<?> type = projections.get(projectionClass);
        if (type == null) {
            throw new CatalogException(projectionClass.getName() + " is not a @Projection class known to the catalog;"
                    + " is it annotated @Projection and is stele-processor on the compiler's annotationProcessorPaths?");
        }
        return (ProjectionType<P>) type;
    }

    /**
     * The mapping of every {@code @FromTable} record on the class path, by table and then event name; what
     * {@code dev.stele.cdc.DebeziumChanges} and the replication slot's reader map table changes with.
     */
    public List<TableMapping<?>> tableMappings() {
        return tableMappings;
    }

    /**
     * Encodes {@code event} as JSON. An older version's record is written as itself and labelled with
     * its own version.
     *
     * @throws UnknownEventException if the event's class is not a registered event
     * @throws EventEncodingException if a value cannot be written without loss
     */
    public SerializedEvent toJson(Object event) {
        RegisteredEvent<?> registered = registered(event);
        EventType<?> type = registered.type();
        ThreadLending.Slot<JsonRecordWriter> slot = JSON_WRITERS.slot();
        JsonRecordWriter out = slot.lend();
        out.reset();
        try {
            writeEvent(type, event, out);
            return new SerializedEvent(type.name(), type.version(), out.toByteArray());
        } catch (IOException | RuntimeException e) {
            throw encodingFailure(type, Format.JSON, out.path(), CodecFailure.of(e));
        } finally {
            slot.giveBack(out, out.capacity() <= KEPT_BUFFER); // by room: a refused string may have grown it
        }
    }

    /**
     * Decodes a JSON payload written as {@code (name, version)} and upcasts it to the latest version.
     * A version newer than the latest the application knows (written by a later release of the module)
     * is read with the latest version's reader, tolerantly by field name, and returned as that version;
     * the schema check ({@code stele:check}, FORWARD and FULL modes) makes sure a new version stays
     * readable that way.
     *
     * @throws UnknownEventException if no catalog registers {@code name}, or not {@code version} and no
     *     later one
     * @throws EventDecodingException if the payload is not a valid event of that version
     * @throws UpcastException if an {@code @Upcast} step fails
     */
    public Object fromJson(String name, int version, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        return decodeJson(reader(name, version), version, payload);
    }

    /**
     * {@link #fromJson(String, int, byte[])} for a payload that is already text, such as a {@code jsonb}
     * column read through JDBC; it is read as its UTF-8 bytes.
     */
    public Object fromJson(String name, int version, String payload) {
        Objects.requireNonNull(payload, "payload");
        return decodeJson(reader(name, version), version, payload.getBytes(StandardCharsets.UTF_8));
    }

    private Object decodeJson(RegisteredEvent<?> registered, int writtenVersion, byte[] payload) {
        ThreadLending.Slot<JsonRecordReader> slot = JSON_READERS.slot();
        JsonRecordReader in = slot.lend();
        in.reset(payload, 0, payload.length);
        Object decoded;
        try {
            decoded = registered.type().codec().read(in);
            in.expectEnd();
        } catch (IOException | RuntimeException e) {
            throw decodingFailure(registered, writtenVersion, Format.JSON, in.path(), CodecFailure.of(e));
        } finally {
            // its string buffer grows with the longest escaped string read, at most twice the payload; kept, it
            // also holds on to this payload until the next (clearing that would cost a fence per event)
            slot.giveBack(in, payload.length <= KEPT_BUFFER);
        }
        return registered.toLatest(decoded);
    }

    /**
     * Encodes {@code event} in Avro single-object encoding: {@code C3 01}, the fingerprint of the
     * event version's schema, then the Avro binary body.
     *
     * @throws UnknownEventException if the event's class is not a registered event
     * @throws EventEncodingException if a value cannot be written without loss
     */
    public byte[] toAvro(Object event) {
        RegisteredEvent<?> registered = registered(event);
        EventType<?> type = registered.type();
        ThreadLending.Slot<AvroOut> slot = AVRO_WRITERS.slot();
        AvroOut out = slot.lend();
        ByteArrayBinaryEncoder bytes = out.bytes;
        bytes.reset(SingleObjectEncoding.HEADER_LENGTH);
        AvroRecordWriter writer = out.writer.reset(bytes);
        try {
            writeEvent(type, event, writer);
            SingleObjectEncoding.writeHeader(bytes.buffer(), type.schemaFingerprint());
            return bytes.toByteArray();
        } catch (IOException | RuntimeException e) {
            throw encodingFailure(type, Format.AVRO, writer.path(), CodecFailure.of(e));
        } finally {
            slot.giveBack(out, bytes.capacity() <= KEPT_BUFFER); // by room: a refused string may have grown it
        }
    }

    /**
     * Decodes Avro single-object encoded data and upcasts it to the latest version. The writer's schema
     * is found by the fingerprint in the header: the current schema of an event version, one of its
     * earlier releases in the schema history on the class path, or else one the catalog's
     * {@link SchemaSource} has ({@link #withSchemaSource(SchemaSource)}); it is then resolved to the
     * reader of its version, or, for a version newer than the latest the application knows, to the
     * latest version's reader, and returned as that version.
     *
     * @throws UnknownSchemaException if no known schema has the data's fingerprint
     * @throws CatalogException if the schema source fails, or answers with a schema of another fingerprint
     * @throws EventDecodingException if the data is not a valid event under that schema
     * @throws UpcastException if an {@code @Upcast} step fails
     */
    public Object fromAvro(byte[] avro) {
        Objects.requireNonNull(avro, "avro");
        if (!SingleObjectEncoding.hasHeader(avro)) {
            throw new EventDecodingException(null, 0, Format.AVRO, "", "not Avro single-object encoding: "
                    + SingleObjectEncoding.describeStart(avro) + ", but it must start with C3 01 and an 8-byte schema"
                    + " fingerprint", null);
        }
        long fingerprint = SingleObjectEncoding.fingerprint(avro);
        RegisteredEvent<?> registered = registry.byFingerprint(fingerprint);
        if (registered != null) {
            return registered.toLatest(readAvro(registered, registered.version(), avro, fingerprint, null));
        }
        WriterSchemas.Written written = writers.find(fingerprint)
                .orElseThrow(() -> new UnknownSchemaException(fingerprint));
        RegisteredEvent<?> reader = reader(written.name(), written.version());
        // moved to the reader's names only when no resolver for this writer exists yet on this thread
        Supplier<Schema> writer = () -> EventSchemaNames.asVersion(written.schema(), reader.version());
        return reader.toLatest(readAvro(reader, written.version(), avro, fingerprint, writer));
    }

    /**
     * Reads the body: directly when it was written with the reader's own schema ({@code writer} null), else
     * through a resolver from {@code writer}, the schema with the data's {@code fingerprint}.
     */
    private Object readAvro(RegisteredEvent<?> registered, int writtenVersion, byte[] avro, long fingerprint,
            Supplier<Schema> writer) {
        ThreadLending.Slot<AvroIn> slot = AVRO_READERS.slot();
        AvroIn in = slot.lend();
        BoundedBinaryDecoder body = in.body.reset(avro, SingleObjectEncoding.HEADER_LENGTH,
                avro.length - SingleObjectEncoding.HEADER_LENGTH);
        AvroRecordReader reader = null;
        try {
            Object decoded;
            if (writer == null) {
                reader = in.reader.reset(body);
                decoded = registered.type().codec().read(reader);
            } else {
                ResolvingDecoder resolving = resolvers.resolve(fingerprint, writer, registered.schema(), body);
                reader = in.reader.reset(resolving);
                decoded = registered.type().codec().read(reader);
                resolving.drain();
            }
            if (body.remaining() != 0) {
                throw new CodecFailure(body.remaining() + " bytes remain after the event; the data does not match"
                        + " the schema its header names");
            }
            return decoded;
        } catch (IOException | RuntimeException e) {
            CodecFailure failure = CodecFailure.of(e);
            throw decodingFailure(registered, writtenVersion, Format.AVRO, reader == null ? "" : reader.path(), failure);
        } finally {
            if (writer != null) {
                in.reader.reset(in.body); // not the resolver: its schemas belong to this catalog
            }
            // kept, it holds on to this message until the next: only a small one
            slot.giveBack(in, avro.length <= KEPT_BUFFER);
        }
    }

    /** A thread's Avro encoder, whose buffer grows to the largest event it wrote, and the writer on it. */
    private static final class AvroOut {
        final ByteArrayBinaryEncoder bytes = new ByteArrayBinaryEncoder(256, SingleObjectEncoding.HEADER_LENGTH);
        final AvroRecordWriter writer = new AvroRecordWriter(bytes);
    }

    /** A thread's Avro decoder and the reader on it. */
    private static final class AvroIn {
        final BoundedBinaryDecoder body = new BoundedBinaryDecoder(NO_BYTES, 0, 0);
        final AvroRecordReader reader = new AvroRecordReader(body);
    }

    private RegisteredEvent<?> registered(Object event) {
        Objects.requireNonNull(event, "event");
        RegisteredEvent<?> registered = registry.byType(event.getClass());
        if (registered == null) {
            throw UnknownEventException.ofType(event.getClass());
        }
        return registered;
    }

    /**
     * The reader of data written as {@code (name, version)}: that version's, or, for a version newer
     * than the latest known, the latest's.
     */
    private RegisteredEvent<?> reader(String name, int version) {
        Objects.requireNonNull(name, "name");
        RegisteredEvent<?> registered = registry.find(name, version);
        if (registered != null) {
            return registered;
        }
        RegisteredEvent<?> latest = registry.latest(name);
        if (latest != null && version > latest.version()) {
            NewerVersions.met(name, version, latest.version());
            return latest;
        }
        throw UnknownEventException.of(name, version, registry.describeVersions(name));
    }

    private static <E> void writeEvent(EventType<E> type, Object event, RecordWriter out)
            throws IOException {
        type.codec().write(type.javaType().cast(event), out);
    }

    private static EventEncodingException encodingFailure(EventType<?> type, Format format, String path,
            CodecFailure failure) {
        return new EventEncodingException(type.name(), type.version(), format, path, failure.reason(), failure);
    }

    private static EventDecodingException decodingFailure(RegisteredEvent<?> registered, int writtenVersion,
            Format format, String path, CodecFailure failure) {
        String reason = writtenVersion == registered.version() ? failure.reason()
                : failure.reason() + " (read with the reader of v" + registered.version()
                        + ", the latest this application knows)";
        return new EventDecodingException(registered.name(), writtenVersion, format, path, reason,
                failure.getCause() != null ? failure.getCause() : failure);
    }

}
