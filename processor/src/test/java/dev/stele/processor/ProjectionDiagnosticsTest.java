package dev.stele.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stele.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The projection messages of the catalogue (STELE-036 to STELE-043, STELE-055, STELE-023 for a handler's
 * parameter and STELE-024 for a projection class):
 * each compiles a real source under {@code src/test/resources/bad/<case>/} with the processor, as a user's
 * build runs it, and asserts the message and the line it points at.
 */
class ProjectionDiagnosticsTest {

    private static final String SIGNATURE = "[STELE-040] @Handle method OrderTotals.%s must be an instance method,"
            + " not private, return void and take an @Event record, optionally followed by an EventContext; %s";

    private static Compilation compile(JavaFileObject... sources) {
        return Compilations.compile(Arrays.asList(sources));
    }

    // STELE-023, for a handler's parameter: the projection waits for the event, and is told if it never comes

    @Test
    void handlerOfAnEventThatNeverResolvesIsReportedOnTheParameterWithAHint() {
        JavaFileObject source = source("bad/handleUnresolved/shop/Shipments.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("OrderShipped");
        assertThat(compilation)
                .hadErrorContaining("[STELE-023] the type of parameter 'event' could not be resolved: OrderShipped; if"
                        + " another annotation processor generates it, make sure it runs")
                .inFile(source)
                .onLineContaining("OrderShipped event");
    }

    // STELE-024, for a projection: the generated dispatch in the same package must reach it

    @Test
    void privateProjectionClassIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/projectionInaccessible/shop/Reports.java");
        Compilation compilation = compile(source("bad/projectionInaccessible/shop/OrderPlaced.java"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-024] shop.Reports.OrderTotals is not accessible from the code generated in"
                        + " package shop; make it public, or at least not private")
                .inFile(source)
                .onLineContaining("@Projection(");
    }

    // STELE-036

    @Test
    void projectionOnAnInterfaceIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/projectionOnInterface/shop/OrderTotals.java");
        Compilation compilation = compile(source("bad/projectionOnInterface/shop/OrderPlaced.java"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-036] @Projection can only annotate a class or record the runtime can hold"
                        + " an instance of, and OrderTotals is an interface; declare the projection as a class or"
                        + " record that is not abstract and has no type parameters")
                .inFile(source)
                .onLineContaining("@Projection(");
    }

    @Test
    void abstractProjectionClassIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/projectionAbstract/shop/OrderTotals.java");
        Compilation compilation = compile(source("bad/projectionAbstract/shop/OrderPlaced.java"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-036] @Projection can only annotate a class or record the runtime can hold"
                        + " an instance of, and OrderTotals is abstract;")
                .inFile(source)
                .onLineContaining("@Projection(");
    }

    // STELE-037

    @Test
    void projectionNameWithCapitalsAndASpaceIsRejectedOnTheValue() {
        JavaFileObject source = source("bad/projectionNameInvalid/shop/OrderTotals.java");
        Compilation compilation = compile(source("bad/projectionNameInvalid/shop/OrderPlaced.java"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-037] projection name 'Order Totals' is not valid: use 1 to 63 lower-case"
                        + " letters, digits, '-' and '_', starting with a letter (the projection's checkpoints are"
                        + " stored under it)")
                .inFile(source)
                .onLineContaining("name = \"Order Totals\"");
    }

    @Test
    void projectionNameOf64CharactersIsRejectedOnTheValue() {
        JavaFileObject source = source("bad/projectionNameTooLong/shop/OrderTotals.java");
        Compilation compilation = compile(source("bad/projectionNameTooLong/shop/OrderPlaced.java"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-037] projection name"
                        + " 'order-totals-by-customer-region-channel-currency-and-calendar-wk' is not valid: use 1 to"
                        + " 63 lower-case letters")
                .inFile(source)
                .onLineContaining("name = \"order-totals-by-");
    }

    // STELE-038

    @Test
    void secondProjectionOfANameIsRejectedOnItsNameNamingTheFirst() {
        JavaFileObject first = source("bad/projectionDuplicate/shop/OrderTotals.java");
        JavaFileObject second = source("bad/projectionDuplicate/shop/Totals.java");
        JavaFileObject event = source("bad/projectionDuplicate/shop/OrderPlaced.java");

        // the same report whatever order the files come in: the first by qualified name keeps the name
        for (Compilation compilation : List.of(compile(event, first, second), compile(second, first, event))) {
            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation)
                    .hadErrorContaining("[STELE-038] projection 'order-totals' version 1 is already declared by"
                            + " shop.OrderTotals; give Totals another name, or another version to rebuild the"
                            + " projection: one class per projection name and version")
                    .inFile(second)
                    .onLineContaining("name = \"order-totals\"");
        }
    }

    @Test
    void oneNameMayHaveSeveralVersionsButEachVersionOneClass() {
        JavaFileObject current = source("bad/projectionVersionDuplicate/shop/OrderTotals.java");
        JavaFileObject next = source("bad/projectionVersionDuplicate/shop/OrderTotalsV2.java");
        JavaFileObject again = source("bad/projectionVersionDuplicate/shop/Totals.java");
        JavaFileObject event = source("bad/projectionVersionDuplicate/shop/OrderPlaced.java");

        for (Compilation compilation : List.of(compile(event, current, next, again),
                compile(again, next, current, event))) {
            assertThat(compilation).hadErrorCount(1);
            assertThat(compilation)
                    .hadErrorContaining("[STELE-038] projection 'order-totals' version 2 is already declared by"
                            + " shop.OrderTotalsV2; give Totals another name, or another version to rebuild the"
                            + " projection: one class per projection name and version")
                    .inFile(again)
                    .onLineContaining("name = \"order-totals\", version = 2");
        }
    }

    // STELE-039

    @Test
    void projectionWithoutAHandleMethodSaysWhatToAdd() {
        JavaFileObject source = source("bad/projectionWithoutHandle/shop/OrderTotals.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-039] projection OrderTotals has no @Handle method, so no event would reach"
                        + " it; add one for each event it reads, such as @Handle void on(OrderPlaced event,"
                        + " EventContext context)")
                .inFile(source)
                .onLineContaining("@Projection(");
    }

    // STELE-040

    @Test
    void eachHandleMethodOfAWrongShapeIsRejectedWhereItIsWrong() {
        JavaFileObject source = source("bad/handleSignature/shop/OrderTotals.java");
        Compilation compilation = compile(source("bad/handleSignature/shop/OrderPlaced.java"), source);

        assertThat(compilation).hadErrorCount(7);
        assertThat(compilation)
                .hadErrorContaining(String.format(SIGNATURE, "onStatic", "it is static"))
                .inFile(source)
                .onLineContaining("@Handle static void onStatic(");
        assertThat(compilation)
                .hadErrorContaining(String.format(SIGNATURE, "onPrivate", "it is private"))
                .inFile(source)
                .onLineContaining("@Handle private void onPrivate(");
        assertThat(compilation)
                .hadErrorContaining(String.format(SIGNATURE, "onReturning", "it returns long; make it void: a handler"
                        + " writes the read model through EventContext.connection() and returns nothing"))
                .inFile(source)
                .onLineContaining("@Handle long onReturning(");
        assertThat(compilation)
                .hadErrorContaining(String.format(SIGNATURE, "onNothing", "it takes no parameter"))
                .inFile(source)
                .onLineContaining("@Handle void onNothing(");
        assertThat(compilation)
                .hadErrorContaining(String.format(SIGNATURE, "onText",
                        "its parameter java.lang.String is not an @Event record"))
                .inFile(source)
                .onLineContaining("String orderId");
        assertThat(compilation)
                .hadErrorContaining(String.format(SIGNATURE, "onConnection",
                        "its second parameter java.sql.Connection is not dev.stele.projection.EventContext"))
                .inFile(source)
                .onLineContaining("Connection connection)");
        assertThat(compilation)
                .hadErrorContaining(String.format(SIGNATURE, "onThree", "it takes 3 parameters"))
                .inFile(source)
                .onLineContaining("long position");
    }

    // STELE-041

    @Test
    void handleTakingAnOlderVersionIsRejectedOnTheParameterNamingTheLatest() {
        JavaFileObject source = source("bad/handleOlderVersion/shop/OrderTotals.java");
        Compilation compilation = compile(source("bad/handleOlderVersion/shop/OrderPlaced.java"),
                source("bad/handleOlderVersion/shop/OrderPlacedV1.java"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-041] @Handle method OrderTotals.on takes OrderPlacedV1, version 1 of"
                        + " OrderPlaced; take OrderPlaced, version 2: stored older versions are upcast before they"
                        + " reach the projection")
                .inFile(source)
                .onLineContaining("OrderPlacedV1 event");
    }

    // STELE-042

    @Test
    void twoHandleMethodsForOneEventAreRejectedOnTheSecond() {
        JavaFileObject source = source("bad/handleDuplicate/shop/OrderTotals.java");
        Compilation compilation = compile(source("bad/handleDuplicate/shop/OrderPlaced.java"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-042] OrderTotals has two @Handle methods for OrderPlaced, on(OrderPlaced)"
                        + " and onAgain(OrderPlaced); keep one")
                .inFile(source)
                .onLineContaining("void onAgain(");
    }

    // STELE-043

    @Test
    void handleOutsideAProjectionIsRejectedSayingWhatToAnnotate() {
        JavaFileObject source = source("bad/handleOutsideProjection/shop/Ledger.java");
        Compilation compilation = compile(source("bad/handleOutsideProjection/shop/OrderPlaced.java"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-043] @Handle method Ledger.on is in Ledger, which is not a @Projection"
                        + " class, so nothing would call it; annotate Ledger with @Projection(name = \"...\"), or move"
                        + " the method into a projection")
                .inFile(source)
                .onLineContaining("@Handle");
    }

    // STELE-055

    @Test
    void projectionVersionZeroIsRejectedOnTheValue() {
        JavaFileObject source = source("bad/projectionVersionInvalid/shop/OrderTotals.java");
        Compilation compilation = compile(source("bad/projectionVersionInvalid/shop/OrderPlaced.java"), source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-055] projection version 0 is not valid: versions start at 1; leave it out"
                        + " for 1, or raise it from the current version to rebuild the projection")
                .inFile(source)
                .onLineContaining("version = 0");
    }
}
