package dev.stele.processor;

import static dev.stele.processor.Compilations.compileInto;
import static dev.stele.processor.Compilations.sourceTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.Catalog;
import dev.stele.spi.ProjectionType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two versions of one projection, as the runtime sees them: compiles {@code good/projections} with the
 * processor and finds {@code CustomerView} (version 1 by default) and {@code CustomerViewV2}
 * ({@code @Projection(name = "customer-view", version = 2)}) through the runtime's {@link Catalog}.
 */
class ProjectionVersionsTest {

    @TempDir
    static Path out;

    private static Catalog catalog;
    private static ClassLoader loader;

    @BeforeAll
    static void compileTheProjectionsWithTheProcessor() throws Exception {
        DiagnosticCollector<JavaFileObject> diagnostics = compileInto(out, sourceTree("good/projections"));
        assertThat(diagnostics.getDiagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).isEmpty();
        loader = new URLClassLoader(new URL[] {out.resolve("classes").toUri().toURL()},
                ProjectionVersionsTest.class.getClassLoader());
        catalog = Catalog.load(loader);
    }

    @Test
    void aProjectionWithoutAVersionIsVersionOne() throws Exception {
        ProjectionType<?> type = catalog.projectionType(loader.loadClass("com.example.shop.read.CustomerView"));

        assertThat(type.name()).isEqualTo("customer-view");
        assertThat(type.version()).isEqualTo(1);
    }

    @Test
    void theNextVersionSharesTheNameAndReportsItsVersion() throws Exception {
        ProjectionType<?> type = catalog.projectionType(loader.loadClass("com.example.shop.read.CustomerViewV2"));

        assertThat(type.name()).isEqualTo("customer-view");
        assertThat(type.version()).isEqualTo(2);
        assertThat(type.handledEvents()).containsExactly("OrderPlaced");
    }
}
