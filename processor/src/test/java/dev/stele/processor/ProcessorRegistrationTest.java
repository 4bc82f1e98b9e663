package dev.stele.processor;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.annotation.processing.Processor;
import org.junit.jupiter.api.Test;

/** What javac finds on the processor path: one processor, whose steps own every Stele annotation. */
class ProcessorRegistrationTest {

    @Test
    void theServiceFileRegistersExactlyTheOneProcessor() throws Exception {
        Path classes = Path.of(SteleProcessor.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path services = classes.resolve("META-INF/services/" + Processor.class.getName());

        assertThat(Files.readAllLines(services)).containsExactly(SteleProcessor.class.getName());
    }

    @Test
    void theProcessorClaimsEveryAnnotationOfTheRuntimeAndTakesItsFourOptions() {
        SteleProcessor processor = new SteleProcessor();
        Compilation compilation = Compiler.javac().withProcessors(processor)
                .compile(JavaFileObjects.forSourceString("Empty", "final class Empty {}"));

        assertThat(compilation.status()).isEqualTo(Compilation.Status.SUCCESS);

        assertThat(processor.getSupportedAnnotationTypes()).containsExactlyInAnyOrder(
                "dev.stele.annotation.Event", "dev.stele.annotation.Upcast", "dev.stele.annotation.StreamId",
                "dev.stele.annotation.Default", "dev.stele.annotation.Alias", "dev.stele.annotation.Decimal",
                "dev.stele.annotation.Aggregate", "dev.stele.annotation.Initial", "dev.stele.annotation.Apply",
                "dev.stele.annotation.Projection", "dev.stele.annotation.Handle", "dev.stele.annotation.FromTable",
                "dev.stele.annotation.Column");
        assertThat(processor.getSupportedOptions()).containsExactlyInAnyOrder("stele.catalog",
                "stele.aggregateCatalog", "stele.projectionCatalog", "stele.tableMappingCatalog");
    }
}
