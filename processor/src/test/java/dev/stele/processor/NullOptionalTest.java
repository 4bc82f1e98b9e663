package dev.stele.processor;

import static dev.stele.processor.Compilations.compileInto;
import static dev.stele.processor.Compilations.sourceTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.EventEncodingException;
import dev.stele.catalog.Format;
import java.lang.reflect.Constructor;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated writers take an {@code Optional} component as never null, as its contract says: a null
 * one is refused as any missing required value is, with the runtime's typed error naming the field, in
 * both formats. Compiles {@code good/orders} with the processor and writes through the runtime's
 * {@link Catalog}.
 */
class NullOptionalTest {

    @TempDir
    static Path out;

    private static Catalog catalog;
    private static Constructor<?> orderPlaced;
    private static Constructor<?> orderId;
    private static Object web;

    @BeforeAll
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void compileTheOrdersWithTheProcessor() throws Exception {
        DiagnosticCollector<JavaFileObject> diagnostics = compileInto(out, sourceTree("good/orders"));
        assertThat(diagnostics.getDiagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).isEmpty();
        ClassLoader loader = new URLClassLoader(new URL[] {out.resolve("classes").toUri().toURL()},
                NullOptionalTest.class.getClassLoader());
        catalog = Catalog.load(loader);
        Class<?> type = loader.loadClass("com.example.orders.OrderPlaced");
        orderPlaced = type.getDeclaredConstructors()[0];
        orderId = loader.loadClass("com.example.orders.OrderId").getDeclaredConstructors()[0];
        web = Enum.valueOf((Class) loader.loadClass("com.example.orders.Channel"), "WEB");
    }

    @Test
    void anEmptyOptionalIsWrittenAsAbsent() throws Exception {
        Object event = order(Optional.empty());

        assertThat(catalog.fromJson("OrderPlaced", 2, catalog.toJson(event).payload())).isEqualTo(event);
        assertThat(catalog.fromAvro(catalog.toAvro(event))).isEqualTo(event);
    }

    @Test
    void aNullOptionalIsRefusedAsAMissingRequiredValueInBothFormats() throws Exception {
        Object event = order(null);

        assertThatThrownBy(() -> catalog.toJson(event))
                .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                    assertThat(e.format()).isEqualTo(Format.JSON);
                    assertThat(e.fieldPath()).isEqualTo("couponCode");
                    assertThat(e.reason()).contains("an Optional one Optional.empty()");
                });
        assertThatThrownBy(() -> catalog.toAvro(event))
                .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                    assertThat(e.format()).isEqualTo(Format.AVRO);
                    assertThat(e.reason()).contains("an Optional one Optional.empty()");
                });
    }

    private static Object order(Optional<String> couponCode) throws Exception {
        return orderPlaced.newInstance(orderId.newInstance("o-1"), new UUID(1, 2), "ada@example.com",
                Instant.parse("2024-01-31T10:15:30Z"), web, couponCode, List.of(), Map.of(),
                new BigDecimal("12.50"));
    }
}
