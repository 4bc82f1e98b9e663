package dev.stele.processor;

import static dev.stele.processor.Compilations.compileInto;
import static dev.stele.processor.Compilations.source;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A type with errors is abandoned alone: its errors are all reported and nothing is generated for it,
 * while the other events of the compilation are still generated. Compiled into real directories, because
 * compile-testing hides the generated files of a failed compilation.
 */
class ReportAndContinueTest {

    @TempDir
    Path out;

    @Test
    void eventWithErrorsGetsNoCodecWhileAValidEventInTheSameCompilationStillDoes() {
        JavaFileObject paid = source("bad/reportAndContinue/shop/OrderPaid.java");
        DiagnosticCollector<JavaFileObject> diagnostics = compileInto(out,
                List.of(source("bad/reportAndContinue/shop/OrderPlaced.java"), paid));

        assertThat(errors(diagnostics)).containsExactly(
                "OrderPaid.java:11 [STELE-006] component 'amount' is a BigDecimal without @Decimal; add"
                        + " @Decimal(precision = ..., scale = ...) so its scale is fixed in the schema",
                "OrderPaid.java:12 [STELE-005] component 'paidAt' has type java.util.Date, which Stele cannot"
                        + " encode. Supported: boolean, int, long, float, double and their boxes, String, Instant,"
                        + " LocalDate, LocalDateTime, UUID, BigDecimal with @Decimal, byte[], enums, Optional<T>,"
                        + " @Nullable T, List<T>, Set<T>, Map<String, T>, records");
        assertThat(out.resolve("sources/shop/OrderPlacedCodec.java")).isRegularFile();
        assertThat(out.resolve("classes/META-INF/stele/schemas/OrderPlaced/v1.avsc")).isRegularFile();
        assertThat(out.resolve("sources/shop/OrderPaidCodec.java")).doesNotExist();
        assertThat(out.resolve("classes/META-INF/stele/schemas/OrderPaid")).doesNotExist();
    }

    @Test
    void compilationWithErrorsWritesNoCatalogAndNoExtraWarning() {
        DiagnosticCollector<JavaFileObject> diagnostics = compileInto(out,
                List.of(source("bad/reportAndContinue/shop/OrderPlaced.java"),
                        source("bad/reportAndContinue/shop/OrderPaid.java")));

        assertThat(errors(diagnostics)).hasSize(2);
        assertThat(diagnostics.getDiagnostics())
                .filteredOn(diagnostic -> diagnostic.getKind() != Diagnostic.Kind.ERROR)
                .isEmpty();
        assertThat(out.resolve("sources/shop/SteleCatalog.java")).doesNotExist();
        assertThat(out.resolve("classes/META-INF/stele/index.json")).doesNotExist();
        assertThat(out.resolve("classes/META-INF/services/dev.stele.catalog.EventCatalog")).doesNotExist();
    }

    @Test
    void fromTableRecordWithErrorsGetsNoMappingWhileAValidOneStillDoes() {
        DiagnosticCollector<JavaFileObject> diagnostics = compileInto(out,
                List.of(source("bad/columnTypeUnsupported/shop/CustomerRegistered.java"),
                        source("bad/deleteColumnNotKey/shop/CustomerRemoved.java")));

        assertThat(errors(diagnostics)).hasSize(2)
                .allMatch(error -> error.startsWith("CustomerRegistered.java:1") && error.contains("[STELE-047]"));
        assertThat(out.resolve("sources/shop/CustomerRemovedTableMapping.java")).isRegularFile();
        assertThat(out.resolve("sources/shop/CustomerRegisteredTableMapping.java")).doesNotExist();
        assertThat(out.resolve("sources/shop/SteleTableMappings.java")).doesNotExist();
        assertThat(out.resolve("classes/META-INF/services/dev.stele.catalog.TableMappingCatalog")).doesNotExist();
    }

    /** {@code File.java:line message} of each error, in the order reported. */
    private static List<String> errors(DiagnosticCollector<JavaFileObject> diagnostics) {
        return diagnostics.getDiagnostics().stream()
                .filter(diagnostic -> diagnostic.getKind() == Diagnostic.Kind.ERROR)
                .map(diagnostic -> {
                    String name = diagnostic.getSource() == null ? "?" : diagnostic.getSource().getName();
                    return name.substring(name.lastIndexOf('/') + 1) + ":" + diagnostic.getLineNumber() + " "
                            + diagnostic.getMessage(null);
                })
                .toList();
    }
}
