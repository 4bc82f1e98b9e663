package dev.stele.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stele.processor.Compilations.compile;
import static dev.stele.processor.Compilations.source;
import static dev.stele.processor.Compilations.sourceTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The sources under {@code src/test/resources/good} compile, and so does everything generated for them,
 * without a single warning under {@code -Xlint:all}, as STYLE.md promises for generated code.
 *
 * <p>{@code good/orders} is the representative events, aggregate, projection and table mappings of the golden
 * files; {@code good/kinds} uses every supported component type, every kind of {@code @Default}, a three-version
 * upcast chain, an event nested in a class, one in a subpackage, components named like the generated code's own
 * locals, and {@code @FromTable} records nested in a class with every column kind; {@code good/edges} has defaults
 * at the edges of the stored ranges ({@link DefaultsAtTheEdgesTest}); {@code good/projections} has a projection
 * nested in a class, a record projection in a subpackage, events from another package, overloaded handlers named
 * like the generated method, handlers that throw checked exceptions, and two versions of one projection.
 */
class GoodSourcesTest {

    /**
     * Only {@code -Xlint:processing} is left out; {@link #theOnlyProcessingLintWarningIsTheUnclaimedGeneratedAnnotation}
     * pins down why.
     */
    @ParameterizedTest
    @ValueSource(strings = {"good/orders", "good/kinds", "good/edges", "good/projections"})
    void goodSourcesAndTheirGeneratedCodeCompileWithoutWarningsUnderXlintAll(String sources) {
        Compilation compilation = compile(sourceTree(sources), "-Xlint:all,-processing");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation.generatedSourceFiles()).isNotEmpty();
    }

    /**
     * Checked on JDK 17 with this processor: {@code -Xlint:processing} still warns, in each round after the
     * first, that no processor claimed {@code javax.annotation.processing.Generated}, the annotation on the
     * generated classes. The processor does not claim it (claiming it would hide it from other processors),
     * so builds leave {@code processing} out of {@code -Xlint}. If this test fails because the warning is
     * gone, the exclusion can go too.
     */
    @Test
    void theOnlyProcessingLintWarningIsTheUnclaimedGeneratedAnnotation() {
        Compilation compilation = compile(sourceTree("good/orders"), "-Xlint:all");

        assertThat(compilation).succeeded();
        assertThat(compilation.warnings()).isNotEmpty();
        assertThat(compilation.warnings())
                .extracting(warning -> warning.getMessage(null))
                .allMatch(message -> message.equals("No processor claimed any of these annotations:"
                        + " java.compiler/javax.annotation.processing.Generated"));
    }

    /** Generated code is read in reviews and stack traces: every line fits in 120 columns. */
    @ParameterizedTest
    @ValueSource(strings = {"good/orders", "good/kinds", "good/edges", "good/projections"})
    void everyGeneratedLineFitsIn120Columns(String sources) throws IOException {
        Compilation compilation = compile(sourceTree(sources));

        assertThat(compilation).succeeded();
        for (JavaFileObject file : compilation.generatedSourceFiles()) {
            assertThat(longLines(file.getCharContent(true).toString())).as(file.getName()).isEmpty();
        }
    }

    @Test
    void everyLineOfTheGoldenSourcesFitsIn120Columns() throws IOException {
        Path golden = Path.of(System.getProperty("stele.golden.dir", "src/test/resources/golden"));
        List<Path> sources;
        try (Stream<Path> files = Files.walk(golden)) {
            sources = files.filter(file -> file.toString().endsWith(".java")).toList();
        }

        assertThat(sources).isNotEmpty();
        for (Path source : sources) {
            assertThat(longLines(Files.readString(source))).as(source.toString()).isEmpty();
        }
    }

    /** {@code line: text} of each line longer than 120 columns. */
    private static List<String> longLines(String source) {
        List<String> lines = source.lines().toList();
        List<String> longer = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).length() > 120) {
                longer.add((i + 1) + ": " + lines.get(i));
            }
        }
        return longer;
    }

    @Test
    void everyEventGetsACodecAndTheModuleOneCatalogInTheEventsCommonPackage() {
        Compilation compilation = compile(sourceTree("good/kinds"));

        assertThat(compilation).succeeded();
        assertThat(compilation.generatedSourceFiles())
                .extracting(file -> file.getName())
                .containsExactlyInAnyOrder(
                        "/SOURCE_OUTPUT/com/example/kinds/EverythingHappenedCodec.java",
                        "/SOURCE_OUTPUT/com/example/kinds/EverythingHappenedV2Codec.java",
                        "/SOURCE_OUTPUT/com/example/kinds/EverythingHappenedV1Codec.java",
                        "/SOURCE_OUTPUT/com/example/kinds/Warehouse_StockCountedCodec.java",
                        "/SOURCE_OUTPUT/com/example/kinds/Stock_CountedCodec.java",
                        "/SOURCE_OUTPUT/com/example/kinds/Stock_DroppedCodec.java",
                        "/SOURCE_OUTPUT/com/example/kinds/audit/AuditLoggedCodec.java",
                        "/SOURCE_OUTPUT/com/example/kinds/SteleCatalog.java",
                        "/SOURCE_OUTPUT/com/example/kinds/Stock_CountedTableMapping.java",
                        "/SOURCE_OUTPUT/com/example/kinds/Stock_DroppedTableMapping.java",
                        "/SOURCE_OUTPUT/com/example/kinds/SteleTableMappings.java");
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.stele.catalog.EventCatalog")
                .contentsAsUtf8String()
                .isEqualTo("com.example.kinds.SteleCatalog\n");
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT,
                        "META-INF/services/dev.stele.catalog.TableMappingCatalog")
                .contentsAsUtf8String()
                .isEqualTo("com.example.kinds.SteleTableMappings\n");
    }

    @Test
    void everyProjectionGetsItsDispatchAndTheModuleOneProjectionCatalogInTheirCommonPackage() {
        Compilation compilation = compile(sourceTree("good/projections"));

        assertThat(compilation).succeeded();
        assertThat(compilation.generatedSourceFiles())
                .extracting(file -> file.getName())
                .filteredOn(name -> !name.endsWith("Codec.java") && !name.endsWith("/SteleCatalog.java"))
                .containsExactlyInAnyOrder(
                        "/SOURCE_OUTPUT/com/example/shop/Reports_DailySalesProjection.java",
                        "/SOURCE_OUTPUT/com/example/shop/read/CustomerViewProjection.java",
                        "/SOURCE_OUTPUT/com/example/shop/read/CustomerViewV2Projection.java",
                        "/SOURCE_OUTPUT/com/example/shop/SteleProjections.java");
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/services/dev.stele.catalog.ProjectionCatalog")
                .contentsAsUtf8String()
                .isEqualTo("com.example.shop.SteleProjections\n");
        assertThat(compilation)
                .generatedSourceFile("com.example.shop.read.CustomerViewProjection")
                .contentsAsUtf8String()
                .contains("            case \"InvoiceSent\" -> projection.handle((InvoiceSent) event);\n"
                        + "            case \"OrderPlaced\" -> projection.handle((OrderPlaced) event, context);\n");
    }

    /**
     * {@code customer-view} version 1 ({@code CustomerView}) and version 2 ({@code CustomerViewV2}) share the
     * name: both are generated, catalogued and indexed, and only version 2 overrides {@code version()}.
     */
    @Test
    void twoVersionsOfOneProjectionAreBothGeneratedAndOnlyTheSecondOverridesVersion() {
        Compilation compilation = compile(sourceTree("good/projections"));

        assertThat(compilation).succeeded();
        assertThat(compilation)
                .generatedSourceFile("com.example.shop.read.CustomerViewV2Projection")
                .contentsAsUtf8String()
                .contains("    @Override\n"
                        + "    public String name() {\n"
                        + "        return \"customer-view\";\n"
                        + "    }\n"
                        + "\n"
                        + "    @Override\n"
                        + "    public int version() {\n"
                        + "        return 2;\n"
                        + "    }\n");
        assertThat(compilation)
                .generatedSourceFile("com.example.shop.read.CustomerViewProjection")
                .contentsAsUtf8String()
                .doesNotContain("version()");
        assertThat(compilation)
                .generatedSourceFile("com.example.shop.SteleProjections")
                .contentsAsUtf8String()
                .contains("CustomerViewProjection.TYPE,\n                CustomerViewV2Projection.TYPE");
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/stele/projections.json")
                .contentsAsUtf8String()
                .contains("{\"name\": \"customer-view\", \"javaType\": \"com.example.shop.read.CustomerView\","
                        + " \"events\": [\"InvoiceSent\", \"OrderPlaced\"]},\n"
                        + "    {\"name\": \"customer-view\", \"version\": 2, \"javaType\":"
                        + " \"com.example.shop.read.CustomerViewV2\", \"events\": [\"OrderPlaced\"]}");
    }

    /**
     * The type of a component is generated by another processor in the first round: the event waits for it.
     * (The generator runs first: the Stele processor claims its annotations, and javac calls a {@code "*"}
     * processor after it only while some annotation is unclaimed.)
     */
    @Test
    void eventUsingATypeThatAnotherProcessorGeneratesIsGeneratedInALaterRound() {
        Compilation compilation = compile(List.of(source("bad/typeUnresolved/shop/OrderPlaced.java")),
                List.of(new OneSourceGenerator("shop.CustomerRef", "package shop;\n\npublic record CustomerRef(String"
                        + " value) {\n}\n"), new SteleProcessor()), "-Xlint:all,-processing");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("shop.OrderPlacedCodec");
        assertThat(compilation)
                .generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/stele/schemas/OrderPlaced/v1.avsc")
                .contentsAsUtf8String()
                .contains("\"name\" : \"customer\",\n    \"type\" : \"string\"");
    }

    /** The same for the event a handler takes: the projection waits for it, and is checked against it then. */
    @Test
    void projectionHandlingAnEventThatAnotherProcessorGeneratesIsGeneratedInALaterRound() {
        Compilation compilation = compile(List.of(source("bad/handleUnresolved/shop/Shipments.java")),
                List.of(new OneSourceGenerator("shop.OrderShipped", "package shop;\n\n"
                        + "@dev.stele.annotation.Event(name = \"OrderShipped\")\n"
                        + "public record OrderShipped(String orderId) {\n}\n"), new SteleProcessor()),
                "-Xlint:all,-processing");

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation)
                .generatedSourceFile("shop.ShipmentsProjection")
                .contentsAsUtf8String()
                .contains("case \"OrderShipped\" -> projection.on((OrderShipped) event);");
        assertThat(compilation).generatedSourceFile("shop.SteleProjections");
    }

    /** Writes one source in its first round, as a generator such as AutoValue would. */
    private static final class OneSourceGenerator extends AbstractProcessor {

        private final String name;
        private final String source;
        private boolean written;

        OneSourceGenerator(String name, String source) {
            this.name = name;
            this.source = source;
        }

        @Override
        public Set<String> getSupportedAnnotationTypes() {
            return Set.of("*");
        }

        @Override
        public SourceVersion getSupportedSourceVersion() {
            return SourceVersion.latestSupported();
        }

        @Override
        public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
            if (written) {
                return false;
            }
            written = true;
            try (Writer writer = processingEnv.getFiler().createSourceFile(name).openWriter()) {
                writer.write(source);
            } catch (IOException e) {
                processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, e.toString());
                throw new UncheckedIOException(e);
            }
            return false;
        }
    }
}
