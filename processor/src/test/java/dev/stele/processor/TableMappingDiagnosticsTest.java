package dev.stele.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stele.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The {@code @FromTable} messages of the catalogue (STELE-044 to STELE-054): each compiles a real source under
 * {@code src/test/resources/bad/<case>/} with the processor, as a user's build runs it, and asserts the message
 * and the line it points at.
 */
class TableMappingDiagnosticsTest {

    private static Compilation compile(JavaFileObject... sources) {
        return Compilations.compile(Arrays.asList(sources));
    }

    // STELE-044

    @Test
    void tableNameWithAHyphenIsRejectedOnTheTableValue() {
        JavaFileObject source = source("bad/fromTableNameInvalid/shop/OrderLineAdded.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-044] @FromTable table 'public.order-lines' is not valid: write"
                        + " schema.table, or table for schema public, each an unquoted PostgreSQL identifier of 1 to 63"
                        + " letters, digits, '_' and '$' starting with a letter or '_' (compared in lower case, as"
                        + " PostgreSQL folds it)")
                .inFile(source)
                .onLineContaining("table = \"public.order-lines\"");
    }

    // STELE-045

    @Test
    void emptyOperationsAreRejectedOnTheOperationsValue() {
        JavaFileObject source = source("bad/fromTableOperationsEmpty/shop/CustomerRegistered.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-045] @FromTable on CustomerRegistered lists no operations, so no change"
                        + " would ever become one; name at least one, such as operations = {Operation.INSERT,"
                        + " Operation.SNAPSHOT}")
                .inFile(source)
                .onLineContaining("operations = {}");
    }

    // STELE-046

    @Test
    void secondRecordClaimingATableAndOperationIsRejectedNamingTheFirst() {
        JavaFileObject second = source("bad/fromTableDuplicate/shop/CustomerSignedUp.java");
        Compilation compilation = compile(source("bad/fromTableDuplicate/shop/CustomerRegistered.java"), second);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-046] INSERT of table public.customers is already mapped to"
                        + " shop.CustomerRegistered; a change becomes one record: remove INSERT from the operations of"
                        + " CustomerRegistered or of CustomerSignedUp")
                .inFile(second)
                .onLineContaining("operations = {Operation.INSERT, Operation.UPDATE}");
    }

    // STELE-047

    @Test
    void componentsNoColumnCanCarryAreRejectedEachOnItsLine() {
        JavaFileObject source = source("bad/columnTypeUnsupported/shop/CustomerRegistered.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining("[STELE-047] component 'tags' has type java.util.Set<java.lang.String>, which a"
                        + " column cannot carry into a @FromTable record. Supported: boolean, int, long, float, double"
                        + " and their boxes, String, Instant, LocalDate, LocalDateTime, BigDecimal with @Decimal, UUID,"
                        + " byte[], enums, List<T> of Boolean, Integer, Long, Float, Double, String or UUID, Optional<T>"
                        + " and @Nullable T of those, and single-component records of a supported scalar; read the"
                        + " column as one of them")
                .inFile(source)
                .onLineContaining("Set<String> tags");
        assertThat(compilation)
                .hadErrorContaining("[STELE-047] component 'address' has type record Address, which a column cannot"
                        + " carry")
                .inFile(source)
                .onLineContaining("Address address");
    }

    // STELE-048

    @Test
    void columnOnARecordWithoutFromTableIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/columnOutsideFromTable/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-048] @Column on component 'orderId' has no effect: OrderPlaced is not a"
                        + " @FromTable record; annotate it with @FromTable(table = \"...\", operations = ...), or"
                        + " remove @Column")
                .inFile(source)
                .onLineContaining("@Column(\"id\") String orderId");
    }

    // STELE-049

    @Test
    void columnNameWithAHyphenIsRejectedOnTheColumnValue() {
        JavaFileObject source = source("bad/columnNameInvalid/shop/CustomerRegistered.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-049] column name 'e-mail' of component 'email' is not valid: use an"
                        + " unquoted PostgreSQL identifier of 1 to 63 letters, digits, '_' and '$' starting with a"
                        + " letter or '_'")
                .inFile(source)
                .onLineContaining("@Column(\"e-mail\")");
    }

    // STELE-050

    @Test
    void approximateOnAComponentThatIsNotADecimalIsRejectedOnTheValue() {
        JavaFileObject source = source("bad/columnApproximateNotDecimal/shop/PaymentRecorded.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-050] @Column(approximate = true) on component 'amountMinor' of type long"
                        + " has no effect: only a BigDecimal reads a column Debezium sends as a double; remove"
                        + " approximate = true")
                .inFile(source)
                .onLineContaining("approximate = true) long amountMinor");
    }

    // STELE-051

    @Test
    void fromTableOnAnOlderVersionIsRejectedNamingTheLatest() {
        JavaFileObject older = source("bad/fromTableOlderVersion/shop/CustomerRegisteredV1.java");
        Compilation compilation = compile(older, source("bad/fromTableOlderVersion/shop/CustomerRegistered.java"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-051] @FromTable is on CustomerRegisteredV1, version 1 of"
                        + " CustomerRegistered, but the latest version is CustomerRegistered, version 2; move"
                        + " @FromTable to CustomerRegistered: a change becomes the record the application uses")
                .inFile(older)
                .onLineContaining("@FromTable(");
    }

    // STELE-052

    @Test
    void truncateOnARecordWithComponentsIsRejectedOnTheOperations() {
        JavaFileObject source = source("bad/truncateWithComponents/shop/CustomersCleared.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-052] CustomersCleared stands for TRUNCATE but has components"
                        + " (customerId); a truncate carries no row: map TRUNCATE to a record without components, and"
                        + " the other operations to this one")
                .inFile(source)
                .onLineContaining("operations = {Operation.DELETE, Operation.TRUNCATE}");
    }

    // STELE-053, a warning

    @Test
    void deleteReadingAColumnThatIsNeitherOptionalNorAKeyIsWarnedOfOnTheComponent() {
        JavaFileObject source = source("bad/deleteColumnNotKey/shop/CustomerRemoved.java");
        Compilation compilation = compile(source);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningCount(1);
        assertThat(compilation)
                .hadWarningContaining("[STELE-053] component 'email' of CustomerRemoved reads column 'email' on"
                        + " DELETE, but a delete's old row holds only the key columns unless the table is REPLICA"
                        + " IDENTITY FULL; make the component Optional or @Nullable, or run ALTER TABLE"
                        + " public.customers REPLICA IDENTITY FULL")
                .inFile(source)
                .onLineContaining("String email");
        assertThat(compilation).generatedSourceFile("shop.CustomerRemovedTableMapping");
    }

    // STELE-054

    @Test
    void fromTableOnARecordWithoutEventIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/fromTableNotEvent/shop/CustomerRow.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-054] @FromTable is on CustomerRow, which is not an @Event record;"
                        + " annotate it with @Event: each change of the table becomes that event")
                .inFile(source)
                .onLineContaining("@FromTable(");
    }
}
