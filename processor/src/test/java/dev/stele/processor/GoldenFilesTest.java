package dev.stele.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stele.processor.Compilations.compile;
import static dev.stele.processor.Compilations.sourceTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.stele.processor.generate.ProcessorVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything the processor generates for the representative events, aggregate, projection and {@code @FromTable}
 * records of {@code good/orders} (the codecs, the aggregate type, the projection type, the table mappings, the four
 * catalogs, the {@code .avsc} schemas, {@code META-INF/stele/index.json} and the service registrations) is compared
 * byte for byte with the files under {@code src/test/resources/golden/orders}.
 *
 * <p>After a deliberate change to what the processor generates, regenerate the golden files and review
 * their diff before committing it, from the repository root:
 *
 * <pre>mvn -q -o -pl processor -am verify -Dstele.golden.update=true</pre>
 *
 * (The system property {@code stele.golden.update} reaches the tests through surefire's
 * {@code systemPropertyVariables} in {@code processor/pom.xml}.)
 */
class GoldenFilesTest {

    static final String SOURCES = "good/orders";
    private static final boolean UPDATE = Boolean.getBoolean("stele.golden.update");

    /** Generated files by their path under the golden directory: {@code sources/...} or {@code resources/...}. */
    private static Map<String, byte[]> generated;
    private static Path golden;

    @BeforeAll
    static void compileAndUpdateIfAsked() throws IOException {
        Compilation compilation = compile(sourceTree(SOURCES));
        assertThat(compilation).succeeded();
        generated = generatedFiles(compilation);
        golden = Path.of(System.getProperty("stele.golden.dir", "src/test/resources/golden")).resolve("orders");
        if (UPDATE) {
            rewrite(golden, generated);
        }
    }

    @Test
    void theProcessorGeneratesExactlyTheGoldenFiles() throws IOException {
        assertThat(generated.keySet())
                .containsExactlyElementsOf(goldenFiles(golden).keySet())
                .contains("sources/com/example/orders/OrderPlacedCodec.java",
                        "sources/com/example/orders/OrderPlacedV1Codec.java",
                        "sources/com/example/orders/SteleCatalog.java",
                        "sources/com/example/orders/OrderAggregate.java",
                        "sources/com/example/orders/SteleAggregates.java",
                        "sources/com/example/orders/OrderTotalsProjection.java",
                        "sources/com/example/orders/SteleProjections.java",
                        "sources/com/example/orders/CustomerRegisteredTableMapping.java",
                        "sources/com/example/orders/CustomersTruncatedTableMapping.java",
                        "sources/com/example/orders/SteleTableMappings.java",
                        "resources/META-INF/stele/schemas/OrderPlaced/v1.avsc",
                        "resources/META-INF/stele/schemas/OrderPlaced/v2.avsc",
                        "resources/META-INF/stele/index.json",
                        "resources/META-INF/services/dev.stele.catalog.EventCatalog",
                        "resources/META-INF/services/dev.stele.catalog.AggregateCatalog",
                        "resources/META-INF/services/dev.stele.catalog.ProjectionCatalog",
                        "resources/META-INF/services/dev.stele.catalog.TableMappingCatalog");
    }

    @TestFactory
    Stream<DynamicTest> eachGeneratedFileEqualsItsGoldenFileByteForByte() throws IOException {
        Map<String, byte[]> expected = goldenFiles(golden);
        return generated.entrySet().stream().map(file -> DynamicTest.dynamicTest(file.getKey(), () -> {
            assertThat(expected).as("golden files").containsKey(file.getKey());
            byte[] want = expected.get(file.getKey());
            // text first, for a readable diff; then the bytes, which is what is promised
            assertThat(new String(file.getValue(), StandardCharsets.UTF_8))
                    .as("%s (regenerate with -Dstele.golden.update=true if the change is intended)", file.getKey())
                    .isEqualTo(new String(want, StandardCharsets.UTF_8));
            assertThat(file.getValue()).isEqualTo(want);
        }));
    }

    @Test
    void compilingTheSameSourcesTwiceGivesByteIdenticalOutput() {
        Map<String, byte[]> again = generatedFiles(compile(sourceTree(SOURCES)));

        assertSameFiles(again, generated);
    }

    @Test
    void theOrderOfTheSourceFilesDoesNotChangeTheOutput() {
        for (String sources : List.of(SOURCES, "good/kinds", "good/projections")) {
            List<JavaFileObject> files = new ArrayList<>(sourceTree(sources));
            Map<String, byte[]> inOrder = generatedFiles(compile(files));
            Collections.reverse(files);
            Map<String, byte[]> reversed = generatedFiles(compile(files));

            assertThat(inOrder).as(sources).isNotEmpty();
            assertSameFiles(reversed, inOrder);
        }
    }

    /** Avro writes pretty JSON with the platform's line separator; the schemas must not depend on it. */
    @Test
    void theOutputDoesNotDependOnThePlatformLineSeparator(@TempDir Path out) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dline.separator=\r\n",
                "-Dstele.test.sources=" + Compilations.testPath("").toAbsolutePath(),
                "-cp", System.getProperty("java.class.path"),
                GenerateOrdersMain.class.getName(), out.toString())
                .redirectErrorStream(true)
                .start();
        String log = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(child.waitFor(2, TimeUnit.MINUTES)).as("finished").isTrue();
        assertThat(child.exitValue()).as(log).isZero();

        assertSameFiles(goldenFiles(out), generated);
    }

    private static void assertSameFiles(Map<String, byte[]> actual, Map<String, byte[]> expected) {
        assertThat(actual.keySet()).containsExactlyElementsOf(expected.keySet());
        actual.forEach((path, bytes) -> {
            // text first, with carriage returns made visible, for a readable diff; then the bytes
            assertThat(visible(bytes)).as(path).isEqualTo(visible(expected.get(path)));
            assertThat(bytes).as(path).isEqualTo(expected.get(path));
        });
    }

    private static String visible(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).replace("\r", "\\r");
    }

    /** Every generated file but class files, sorted by path. */
    static Map<String, byte[]> generatedFiles(Compilation compilation) {
        assertThat(compilation).succeeded();
        Map<String, byte[]> files = new TreeMap<>();
        for (JavaFileObject file : compilation.generatedFiles()) {
            if (file.getKind() == JavaFileObject.Kind.CLASS) {
                continue;
            }
            String name = file.getName();
            String path;
            if (name.startsWith("/SOURCE_OUTPUT/")) {
                path = "sources/" + name.substring("/SOURCE_OUTPUT/".length());
            } else if (name.startsWith("/CLASS_OUTPUT/")) {
                path = "resources/" + name.substring("/CLASS_OUTPUT/".length());
            } else {
                throw new AssertionError("generated where no file is expected: " + name);
            }
            try (InputStream in = file.openInputStream()) {
                files.put(path, withoutProcessorVersion(in.readAllBytes()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return files;
    }

    /**
     * The file with the processor's own version, which generated catalogs name, replaced by
     * {@code @version@}: a release does not change the golden files.
     */
    private static byte[] withoutProcessorVersion(byte[] file) {
        return new String(file, StandardCharsets.UTF_8).replace(ProcessorVersion.label(), "stele-processor @version@")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, byte[]> goldenFiles(Path directory) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (String area : List.of("sources", "resources")) {
            Path root = directory.resolve(area);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : walk.filter(Files::isRegularFile).toList()) {
                    files.put(directory.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    /** Replaces the golden files with the generated ones, removing those no longer generated. */
    private static void rewrite(Path directory, Map<String, byte[]> files) throws IOException {
        for (String stale : goldenFiles(directory).keySet()) {
            if (!files.containsKey(stale)) {
                Files.delete(directory.resolve(stale));
            }
        }
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = directory.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
        System.out.println("Golden files rewritten in " + directory + ": " + files.size() + " files");
    }
}
