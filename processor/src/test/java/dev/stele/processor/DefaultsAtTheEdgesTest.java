package dev.stele.processor;

import static dev.stele.processor.Compilations.compileInto;
import static dev.stele.processor.Compilations.sourceTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.Catalog;
import dev.stele.format.SchemaHistory;
import dev.stele.format.SteleResources;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code @Default} means in data exactly what its text says, at the edges of what Stele stores: the
 * processor parses it and computes the Avro default with the runtime's own conversions, so the generated
 * JSON reader and Avro schema resolution fill in the same value, to the nanosecond and the last digit.
 * Compiles {@code good/edges} with the processor and reads events through the runtime's {@link Catalog}.
 * (Each value one step further is a compile error: {@code DiagnosticMessagesTest}, STELE-012.)
 */
class DefaultsAtTheEdgesTest {

    /** The first release of {@code Edges}: only its id, so every other field takes its default. */
    private static final Schema RELEASED = SchemaBuilder.record("Edges").namespace("stele.v1").fields()
            .requiredString("id")
            .endRecord();

    /** Each defaulted component and the value its default text names. */
    private static final Map<String, Object> EXPECTED = new LinkedHashMap<>();

    static {
        EXPECTED.put("justBeforeTheEpoch", Instant.parse("1969-12-31T23:59:59.999999999Z"));
        EXPECTED.put("earliestInstant", Instant.parse("1677-09-21T00:12:43.145224192Z"));
        EXPECTED.put("latestInstant", Instant.parse("2262-04-11T23:47:16.854775807Z"));
        EXPECTED.put("earliestLocal", LocalDateTime.parse("1677-09-21T00:12:43.145224192"));
        EXPECTED.put("latestLocal", LocalDateTime.parse("2262-04-11T23:47:16.854775807"));
        EXPECTED.put("farPast", LocalDateTime.parse("1700-01-01T00:00:00.000000001"));
        EXPECTED.put("farFuture", LocalDateTime.parse("2200-12-31T23:59:59.999999999"));
        EXPECTED.put("earliestDate", LocalDate.parse("-5877641-06-23"));
        EXPECTED.put("latestDate", LocalDate.parse("+5881580-07-11"));
        EXPECTED.put("largest", new BigDecimal("9999999999999999999999999999.9999999999"));
        EXPECTED.put("smallest", new BigDecimal("-9999999999999999999999999999.9999999999"));
        EXPECTED.put("finest", new BigDecimal("0.0000000001"));
    }

    @TempDir
    static Path out;

    private static Catalog catalog;

    @BeforeAll
    static void compileTheEdgesWithTheProcessor() throws IOException {
        DiagnosticCollector<JavaFileObject> diagnostics = compileInto(out, sourceTree("good/edges"));
        assertThat(diagnostics.getDiagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).isEmpty();
        Path history = out.resolve("history").resolve(SteleResources.HISTORY);
        Files.createDirectories(history.getParent());
        Files.write(history, new SchemaHistory(List.of(SchemaHistory.Entry.of("Edges", 1, "1.0.0", RELEASED)))
                .toJson());
        ClassLoader loader = new URLClassLoader(new URL[] {out.resolve("classes").toUri().toURL(),
                out.resolve("history").toUri().toURL()}, DefaultsAtTheEdgesTest.class.getClassLoader());
        catalog = Catalog.load(loader);
    }

    @Test
    void jsonWithoutTheFieldsReadsEachDefaultAsTheValueItsTextNames() throws Exception {
        Object event = catalog.fromJson("Edges", 1, "{\"id\":\"e-1\"}");

        assertThat(components(event)).containsExactlyEntriesOf(EXPECTED);
    }

    @Test
    void avroWrittenWithoutTheFieldsResolvesEachDefaultToTheValueItsTextNames() throws Exception {
        GenericRecord released = new GenericData.Record(RELEASED);
        released.put("id", "e-1");

        Object event = catalog.fromAvro(singleObject(RELEASED, released));

        assertThat(components(event)).containsExactlyEntriesOf(EXPECTED);
    }

    @Test
    void theDefaultsSurviveARoundTripThroughBothFormats() throws Exception {
        Object event = catalog.fromJson("Edges", 1, "{\"id\":\"e-1\"}");

        assertThat(components(catalog.fromAvro(catalog.toAvro(event)))).containsExactlyEntriesOf(EXPECTED);
        assertThat(components(catalog.fromJson("Edges", 1, catalog.toJson(event).payload())))
                .containsExactlyEntriesOf(EXPECTED);
    }

    @Test
    void aParsedDefaultIsAConstantOfTheCodecNotParsedAgainForEachEvent() throws IOException {
        String codec = Files.readString(out.resolve("sources/com/example/edges/EdgesCodec.java"));
        String read = codec.substring(codec.indexOf("public Edges read("));
        read = read.substring(0, read.indexOf("\n    }\n"));

        assertThat(codec).contains("private static final Instant LATEST_INSTANT_DEFAULT = Instant.parse(")
                .contains("private static final BigDecimal FINEST_DEFAULT = new BigDecimal(");
        assertThat(read).contains("Instant latestInstant = LATEST_INSTANT_DEFAULT;")
                .doesNotContain(".parse(").doesNotContain("new BigDecimal(");
    }

    /** The event's components but its id, by name. */
    private static Map<String, Object> components(Object event) throws ReflectiveOperationException {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : event.getClass().getRecordComponents()) {
            if (!component.getName().equals("id")) {
                values.put(component.getName(), component.getAccessor().invoke(event));
            }
        }
        return values;
    }

    /** Avro's own single-object encoding of the record: what another Avro producer would send. */
    private static byte[] singleObject(Schema schema, GenericRecord record) throws IOException {
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
