package dev.stele.processor;

import static dev.stele.processor.Compilations.compileInto;
import static dev.stele.processor.Compilations.sourceTree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.catalog.Catalog;
import dev.stele.projection.EventContext;
import dev.stele.projection.Lsn;
import dev.stele.spi.ProjectionType;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated dispatch of a projection calls its {@code @Handle} methods as the runtime will: compiles
 * {@code good/orders} with the processor, finds the {@code OrderTotals} projection through the runtime's
 * {@link Catalog}, and hands it real events with a context.
 */
class ProjectionDispatchTest {

    @TempDir
    static Path out;

    private static ClassLoader loader;
    private static ProjectionType<Object> type;
    private static Class<?> orderTotals;

    private Object projection;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void compileTheOrdersWithTheProcessor() throws Exception {
        DiagnosticCollector<JavaFileObject> diagnostics = compileInto(out, sourceTree("good/orders"));
        assertThat(diagnostics.getDiagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).isEmpty();
        loader = new URLClassLoader(new URL[] {out.resolve("classes").toUri().toURL()},
                ProjectionDispatchTest.class.getClassLoader());
        orderTotals = loader.loadClass("com.example.orders.OrderTotals");
        type = (ProjectionType<Object>) Catalog.load(loader).projectionType(orderTotals);
    }

    @BeforeEach
    void newProjection() throws Exception {
        projection = orderTotals.getDeclaredConstructor().newInstance();
    }

    @Test
    void theCatalogKnowsTheProjectionByItsClassAndName() {
        assertThat(type.projectionClass()).isSameAs(orderTotals);
        assertThat(type.name()).isEqualTo("order-totals");
    }

    @Test
    void theHandledEventsAreExactlyTheEventsWithAHandlerSortedAndImmutable() {
        assertThat(type.handledEvents()).containsExactly("OrderPaid", "OrderPlaced");
        assertThat(type.handledEvents()).isUnmodifiable();
    }

    @Test
    void anEventIsHandedWithItsContextToTheHandlerThatTakesBoth() throws Exception {
        Object orderId = orderId("o-1");

        type.handle(projection, "OrderPlaced", orderPlaced(orderId, new BigDecimal("12.50")), new Context(42));

        assertThat(query("total", orderId)).isEqualTo(Optional.of(new BigDecimal("12.50")));
        assertThat(query("placedAt", orderId)).isEqualTo(Optional.of(42L));
    }

    @Test
    void anEventIsHandedToTheHandlerThatTakesNoContext() throws Exception {
        Object orderId = orderId("o-1");

        type.handle(projection, "OrderPaid", orderPaid(orderId, 700), new Context(43));
        type.handle(projection, "OrderPaid", orderPaid(orderId, 550), new Context(44));

        assertThat(query("paidMinor", orderId)).isEqualTo(1250L);
        assertThat(query("placedAt", orderId)).isEqualTo(Optional.empty());
    }

    @Test
    void anEventTheProjectionDoesNotHandleIsIgnored() throws Exception {
        Object orderId = orderId("o-1");

        type.handle(projection, "OrderShipped", new Object(), new Context(45));
        type.handle(projection, "orderPaid", orderPaid(orderId, 700), new Context(46));

        assertThat(query("paidMinor", orderId)).isEqualTo(0L);
        assertThat(query("total", orderId)).isEqualTo(Optional.empty());
    }

    private Object query(String method, Object orderId) throws Exception {
        return orderTotals.getMethod(method, orderId.getClass()).invoke(projection, orderId);
    }

    private static Object orderId(String value) throws Exception {
        return loader.loadClass("com.example.orders.OrderId").getDeclaredConstructor(String.class).newInstance(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object orderPlaced(Object orderId, BigDecimal total) throws Exception {
        Object web = Enum.valueOf((Class) loader.loadClass("com.example.orders.Channel"), "WEB");
        return loader.loadClass("com.example.orders.OrderPlaced").getDeclaredConstructors()[0].newInstance(orderId,
                new UUID(1, 2), "ada@example.com", Instant.parse("2024-01-31T10:15:30Z"), web, Optional.empty(),
                List.of(), Map.of(), total);
    }

    private static Object orderPaid(Object orderId, long amountMinor) throws Exception {
        return loader.loadClass("com.example.orders.OrderPaid").getDeclaredConstructors()[0].newInstance(orderId,
                amountMinor, Instant.parse("2024-01-31T10:20:00Z"));
    }

    /** A context as the runtime gives one, with no database behind it. */
    private record Context(long globalPosition) implements EventContext {

        @Override
        public String streamCategory() {
            return "order";
        }

        @Override
        public String streamId() {
            return "o-1";
        }

        @Override
        public long streamVersion() {
            return 1;
        }

        @Override
        public UUID eventId() {
            return new UUID(0, globalPosition);
        }

        @Override
        public String eventName() {
            return "OrderPlaced";
        }

        @Override
        public int storedVersion() {
            return 2;
        }

        @Override
        public Optional<String> correlationId() {
            return Optional.empty();
        }

        @Override
        public Optional<String> causationId() {
            return Optional.empty();
        }

        @Override
        public Map<String, String> headers() {
            return Map.of();
        }

        @Override
        public Lsn commitLsn() {
            return new Lsn(globalPosition);
        }

        @Override
        public Instant commitTime() {
            return Instant.parse("2024-01-31T10:15:31Z");
        }

        @Override
        public Connection connection() {
            throw new UnsupportedOperationException("no database in this test");
        }
    }
}
