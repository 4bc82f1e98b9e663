package dev.stele.processor;

import static dev.stele.processor.Compilations.compileInto;
import static dev.stele.processor.Compilations.sourceTree;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.annotation.Operation;
import dev.stele.catalog.Catalog;
import dev.stele.spi.ColumnKind;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.math.BigDecimal;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated mapping of a {@code @FromTable} record builds the record from a row as the runtime will call it:
 * compiles {@code good/orders} with the processor, finds the mappings through the runtime's {@link Catalog}, and
 * maps rows of an {@link ArrayRow}.
 */
class TableMappingTest {

    private static final UUID EXTERNAL_ID = new UUID(3, 4);

    @TempDir
    static Path out;

    private static ClassLoader loader;
    private static List<TableMapping<?>> mappings;

    @BeforeAll
    static void compileTheOrdersWithTheProcessor() throws Exception {
        DiagnosticCollector<JavaFileObject> diagnostics = compileInto(out, sourceTree("good/orders"));
        assertThat(diagnostics.getDiagnostics()).filteredOn(d -> d.getKind() == Diagnostic.Kind.ERROR).isEmpty();
        loader = new URLClassLoader(new URL[] {out.resolve("classes").toUri().toURL()},
                TableMappingTest.class.getClassLoader());
        mappings = Catalog.load(loader).tableMappings();
    }

    @Test
    void theCatalogHasEveryMappingOfTheModuleByTableThenEventName() {
        assertThat(mappings).extracting(TableMapping::table)
                .containsOnly("shop.customers");
        assertThat(mappings).extracting(TableMapping::eventName)
                .containsExactly("CustomerRegistered", "CustomerRemoved", "CustomersTruncated");
    }

    @Test
    void aMappingNamesItsRecordTableAndOperationsInTheEnumsOrder() throws Exception {
        TableMapping<?> registered = mapping("CustomerRegistered");

        assertThat(registered.eventClass()).isSameAs(loader.loadClass("com.example.orders.CustomerRegistered"));
        assertThat(registered.table()).isEqualTo("shop.customers");
        assertThat(registered.operations()).containsExactly(Operation.INSERT, Operation.SNAPSHOT);
        assertThat(registered.operations()).isUnmodifiable();
        assertThat(mapping("CustomerRemoved").operations()).containsExactly(Operation.DELETE);
    }

    @Test
    void eachComponentReadsItsColumnByAnnotationOrInSnakeCaseWithItsKind() {
        List<MappedColumn> columns = mapping("CustomerRegistered").columns();

        assertThat(columns).extracting(MappedColumn::column).containsExactly("id", "email", "display_name",
                "last_seen_at", "first_order_id", "referrer_order_id", "channel", "tags", "credit_limit", "vip",
                "logins", "external_id", "since");
        assertThat(columns.get(0)).isEqualTo(MappedColumn.of("id", "customerId", ColumnKind.LONG, false));
        assertThat(columns.get(2)).isEqualTo(MappedColumn.of("display_name", "displayName", ColumnKind.STRING, true));
        assertThat(columns.get(3)).isEqualTo(MappedColumn.of("last_seen_at", "lastSeenAt", ColumnKind.INSTANT, true));
        assertThat(columns.get(5).optional()).isTrue();
        assertThat(columns.get(6).kind()).isEqualTo(ColumnKind.ENUM);
        assertThat(columns.get(7)).isEqualTo(MappedColumn.list("tags", "tags", false, ColumnKind.STRING));
        assertThat(columns.get(8)).isEqualTo(MappedColumn.decimal("credit_limit", "credit", false, 12, 2, true));
        assertThat(columns).isUnmodifiable();
    }

    @Test
    void aRowWithEveryColumnBuildsTheRecordWithTypedIdsEnumsListsAndPresentOptionals() throws Exception {
        Object customer = mapping("CustomerRegistered").map(new ArrayRow(7L, "ada@example.com", "Ada",
                Instant.parse("2024-01-31T10:15:30Z"), "o-1", "o-0", "MOBILE", List.of("vip", "beta"),
                new BigDecimal("1500.00"), true, 3, EXTERNAL_ID, LocalDate.parse("2020-02-29")));

        assertThat(customer).isEqualTo(customerRegistered(7L, "ada@example.com", Optional.of("Ada"),
                Instant.parse("2024-01-31T10:15:30Z"), orderId("o-1"), Optional.of(orderId("o-0")), channel("MOBILE"),
                List.of("vip", "beta"), new BigDecimal("1500.00"), true, 3, EXTERNAL_ID,
                LocalDate.parse("2020-02-29")));
    }

    @Test
    void nullColumnsGiveEmptyOptionalsAndNullForNullable() throws Exception {
        Object customer = mapping("CustomerRegistered").map(new ArrayRow(8L, "bob@example.com", null, null, "o-2",
                null, "WEB", List.of(), new BigDecimal("0.00"), false, 0, EXTERNAL_ID, LocalDate.parse("2021-01-01")));

        assertThat(accessor(customer, "displayName")).isEqualTo(Optional.empty());
        assertThat(accessor(customer, "lastSeenAt")).isNull();
        assertThat(accessor(customer, "referrerOrderId")).isEqualTo(Optional.empty());
        assertThat(accessor(customer, "firstOrderID")).isEqualTo(orderId("o-2"));
        assertThat(accessor(customer, "tags")).isEqualTo(List.of());
    }

    @Test
    void aNullInAColumnTheComponentRequiresFailsInTheRowsGetter() {
        TableMapping<?> registered = mapping("CustomerRegistered");
        ArrayRow row = new ArrayRow(9L, null, null, null, "o-3", null, "WEB", List.of(), BigDecimal.ONE, false, 0,
                EXTERNAL_ID, LocalDate.parse("2021-01-01"));

        assertThatThrownBy(() -> registered.map(row)).isInstanceOf(IllegalStateException.class)
                .hasMessage("column 1 is null");
    }

    @Test
    void aDeleteReadsTheKeyAndATruncateTakesAnEmptyRow() throws Exception {
        Object removed = mapping("CustomerRemoved").map(new ArrayRow(11L));
        Object truncated = mapping("CustomersTruncated").map(new ArrayRow());

        assertThat(accessor(removed, "customerId")).isEqualTo(11L);
        assertThat(truncated.getClass().getName()).isEqualTo("com.example.orders.CustomersTruncated");
        assertThat(mapping("CustomersTruncated").columns()).isEmpty();
    }

    private static TableMapping<?> mapping(String eventName) {
        return mappings.stream().filter(mapping -> mapping.eventName().equals(eventName)).findFirst().orElseThrow();
    }

    private static Object accessor(Object record, String name) throws Exception {
        return record.getClass().getMethod(name).invoke(record);
    }

    private static Object orderId(String value) throws Exception {
        return loader.loadClass("com.example.orders.OrderId").getDeclaredConstructor(String.class).newInstance(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object channel(String name) throws Exception {
        return Enum.valueOf((Class) loader.loadClass("com.example.orders.Channel"), name);
    }

    private static Object customerRegistered(Object... components) throws Exception {
        return loader.loadClass("com.example.orders.CustomerRegistered").getDeclaredConstructors()[0]
                .newInstance(components);
    }
}
