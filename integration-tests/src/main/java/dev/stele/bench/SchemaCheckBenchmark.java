package dev.stele.bench;

import dev.stele.format.EventIndex;
import dev.stele.format.SteleResources;
import dev.stele.maven.check.CheckRequest;
import dev.stele.maven.check.CheckResult;
import dev.stele.maven.check.CheckService;
import dev.stele.maven.check.CompatibilityMode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The plugin time of {@code stele:check} for a module of 500 events against a baseline of 500: the
 * whole {@link CheckService#check} (read the build's schemas and the released jar, compare in
 * FULL_TRANSITIVE mode, write the history and the reports). Single-shot, as a build runs it once; the
 * cold first call is what a build pays.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 3)
@Warmup(iterations = 0)
@Measurement(iterations = 5)
public class SchemaCheckBenchmark {

    static final int EVENTS = 500;

    private Path root;
    private CheckRequest request;

    @Setup(Level.Trial)
    public void writeModules() throws IOException {
        root = Files.createTempDirectory("stele-check-bench");
        Path released = writeClasses(root.resolve("released"), false);
        Path jar = root.resolve("orders-events-1.0.0.jar");
        pack(released, jar);
        Path current = writeClasses(root.resolve("classes"), true);
        request = new CheckRequest(current, "1.1.0-SNAPSHOT", Optional.of(new CheckRequest.Baseline("1.0.0", jar)),
                CompatibilityMode.FULL_TRANSITIVE, List.of(), List.of(), root.resolve("stele"));
    }

    @TearDown(Level.Trial)
    public void deleteModules() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }

    @Benchmark
    public CheckResult check500EventsAgainst500() throws Exception {
        CheckResult result = new CheckService().check(request);
        if (result.failed()) {
            throw new IllegalStateException("the benchmark's change is compatible, yet: " + result.errors());
        }
        return result;
    }

    /** 500 event schemas of ten fields each, as the processor writes them; the current build adds an optional field. */
    static Path writeClasses(Path classes, boolean withNote) throws IOException {
        List<EventIndex.Entry> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            String name = "Event" + i;
            Schema schema = schema(name, withNote);
            EventIndex.Entry event = new EventIndex.Entry(name, 1, "bench." + name,
                    SchemaNormalization.parsingFingerprint64(schema));
            Path file = classes.resolve(event.schemaResource());
            Files.createDirectories(file.getParent());
            Files.writeString(file, schema.toString(), StandardCharsets.UTF_8);
            events.add(event);
        }
        Files.writeString(classes.resolve(SteleResources.INDEX), new EventIndex("bench.SteleCatalog", events).toJson(),
                StandardCharsets.UTF_8);
        return classes;
    }

    private static Schema schema(String name, boolean withNote) {
        SchemaBuilder.FieldAssembler<Schema> fields = SchemaBuilder.record(name).namespace("stele.v1").fields()
                .requiredString("orderId")
                .requiredString("customerEmail")
                .requiredLong("totalMinor")
                .requiredString("currency")
                .name("placedAt").type(LogicalTypes.timestampNanos().addToSchema(Schema.create(Schema.Type.LONG)))
                .noDefault()
                .name("customerId").type(LogicalTypes.uuid().addToSchema(Schema.create(Schema.Type.STRING)))
                .noDefault()
                .name("channel").type().enumeration("Channel").namespace("stele.v1." + name)
                .symbols("WEB", "MOBILE", "STORE").noDefault()
                .name("lines").type().array().items(SchemaBuilder.record("OrderLine").namespace("stele.v1." + name)
                        .fields().requiredString("sku").requiredInt("quantity").requiredLong("unitPriceMinor")
                        .endRecord()).noDefault()
                .optionalString("couponCode")
                .name("shipping").type().stringType().stringDefault("STANDARD");
        return (withNote ? fields.optionalString("note") : fields).endRecord();
    }

    private static void pack(Path classes, Path jar) throws IOException {
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                zip.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
    }
}
