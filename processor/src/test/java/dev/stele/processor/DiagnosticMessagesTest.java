package dev.stele.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stele.processor.Compilations.compile;
import static dev.stele.processor.Compilations.source;
import static dev.stele.processor.Compilations.sourceTree;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import dev.stele.processor.diagnostic.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * One test per message of the catalogue ({@link Message}): each compiles a real source under
 * {@code src/test/resources/bad/<case>/} and asserts the message id, its whole text, the file and the line
 * it points at.
 *
 * <p>Not tested here: {@link Message#INTERNAL_ERROR} (STELE-900) reports a bug in the processor itself (an
 * unexpected exception, or the Filer failing to write), so no source can trigger it on purpose; the
 * processor catches every {@code Throwable} per element and turns it into this message.
 */
class DiagnosticMessagesTest {

    // STELE-001

    @Test
    void eventOnClassIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/eventOnClass/shop/OrderNote.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-001] @Event can only annotate a record, and OrderNote is a class;"
                        + " declare it as a record")
                .inFile(source)
                .onLineContaining("@Event(");
    }

    @Test
    void eventOnInterfaceIsRejectedSayingItIsAnInterface() {
        JavaFileObject source = source("bad/eventOnInterface/shop/OrderNote.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-001] @Event can only annotate a record, and OrderNote is an interface;"
                        + " declare it as a record")
                .inFile(source)
                .onLineContaining("@Event");
    }

    // STELE-002

    @Test
    void eventNameThatIsNotAnAvroNameIsRejectedOnTheNameValue() {
        JavaFileObject source = source("bad/eventNameInvalid/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-002] event name 'order-placed' is not valid: use letters, digits and"
                        + " underscores, starting with a letter (it becomes the Avro schema name)")
                .inFile(source)
                .onLineContaining("name = \"order-placed\"");
    }

    // STELE-003

    @Test
    void versionZeroIsRejectedOnTheVersionValue() {
        JavaFileObject source = source("bad/eventVersionInvalid/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-003] event version 0 is not valid: versions start at 1")
                .inFile(source)
                .onLineContaining("version = 0");
    }

    // STELE-004

    @Test
    void sameNameAndVersionTwiceIsRejectedOnTheSecondEventAnnotation() {
        JavaFileObject first = source("bad/eventDuplicate/shop/OrderPlaced.java");
        JavaFileObject second = source("bad/eventDuplicate/shop/OrderPlacedAgain.java");
        Compilation compilation = compile(first, second);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-004] OrderPlaced v2 is declared twice, by shop.OrderPlaced and by"
                        + " shop.OrderPlacedAgain; give one of them another version")
                .inFile(second)
                .onLineContaining("@Event(");
    }

    // STELE-005

    @Test
    void unsupportedComponentTypeIsRejectedOnTheComponentNamingTheTypeAndTheSupportedOnes() {
        JavaFileObject source = source("bad/typeUnsupported/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-005] component 'placedAt' has type java.util.Date, which Stele cannot"
                        + " encode. Supported: boolean, int, long, float, double and their boxes, String, Instant,"
                        + " LocalDate, LocalDateTime, UUID, BigDecimal with @Decimal, byte[], enums, Optional<T>,"
                        + " @Nullable T, List<T>, Set<T>, Map<String, T>, records")
                .inFile(source)
                .onLineContaining("Date placedAt");
    }

    // STELE-006

    @Test
    void bigDecimalWithoutDecimalIsRejectedOnTheComponent() {
        JavaFileObject source = source("bad/decimalMissing/shop/OrderPaid.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-006] component 'amount' is a BigDecimal without @Decimal; add"
                        + " @Decimal(precision = ..., scale = ...) so its scale is fixed in the schema")
                .inFile(source)
                .onLineContaining("BigDecimal amount");
    }

    // STELE-007

    @Test
    void decimalWithScaleAbovePrecisionIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/decimalInvalid/shop/OrderPaid.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-007] @Decimal(precision = 2, scale = 4) is not valid: precision must be"
                        + " at least 1 and scale between 0 and the precision")
                .inFile(source)
                .onLineContaining("@Decimal(");
    }

    // STELE-008

    @Test
    void olderVersionWithoutUpcastIsRejectedOnItsEventAnnotation() {
        JavaFileObject latest = source("bad/upcastPathMissing/shop/OrderPlaced.java");
        JavaFileObject older = source("bad/upcastPathMissing/shop/OrderPlacedV1.java");
        Compilation compilation = compile(latest, older);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-008] OrderPlaced v1 has no @Upcast path to version 2, the latest; add a"
                        + " static method annotated @Upcast taking OrderPlacedV1 and returning a later version")
                .inFile(older)
                .onLineContaining("@Event(");
    }

    @Test
    void brokenUpcastChainIsReportedOnEveryVersionBeforeTheBreakNamingWhereItStops() {
        JavaFileObject v1 = source("bad/upcastChainBroken/shop/OrderPlacedV1.java");
        JavaFileObject v2 = source("bad/upcastChainBroken/shop/OrderPlacedV2.java");
        Compilation compilation = compile(source("bad/upcastChainBroken/shop/OrderPlaced.java"), v1, v2);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining("[STELE-008] OrderPlaced v1 (its @Upcast chain stops at version 2) has no"
                        + " @Upcast path to version 3, the latest; add a static method annotated @Upcast taking"
                        + " OrderPlacedV2 and returning a later version")
                .inFile(v1)
                .onLineContaining("@Event(");
        assertThat(compilation)
                .hadErrorContaining("[STELE-008] OrderPlaced v2 has no @Upcast path to version 3, the latest")
                .inFile(v2)
                .onLineContaining("@Event(");
    }

    // STELE-009: every way of getting the signature wrong; the older version is then also without a path

    @Test
    void upcastThatIsNotStaticIsRejectedOnTheAnnotation() {
        JavaFileObject older = source("bad/upcastNotStatic/shop/OrderPlacedV1.java");
        Compilation compilation = compile(source("bad/upcastNotStatic/shop/OrderPlaced.java"), older);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining("[STELE-009] @Upcast method OrderPlacedV1.toV2 must be static and not private,"
                        + " take exactly one @Event record and return a later version of the same event; it is not"
                        + " static")
                .inFile(older)
                .onLineContaining("@Upcast");
        assertThat(compilation)
                .hadErrorContaining("[STELE-008] OrderPlaced v1 has no @Upcast path to version 2")
                .inFile(older)
                .onLineContaining("@Event(");
    }

    @Test
    void upcastWithTwoParametersIsRejectedOnTheAnnotation() {
        JavaFileObject older = source("bad/upcastTwoParameters/shop/OrderPlacedV1.java");
        Compilation compilation = compile(source("bad/upcastTwoParameters/shop/OrderPlaced.java"), older);

        assertThat(compilation)
                .hadErrorContaining("[STELE-009] @Upcast method OrderPlacedV1.toV2 must be static and not private,"
                        + " take exactly one @Event record and return a later version of the same event; it takes 2"
                        + " parameters")
                .inFile(older)
                .onLineContaining("@Upcast");
    }

    @Test
    void upcastTakingSomethingOtherThanAnEventIsRejectedOnTheAnnotation() {
        JavaFileObject older = source("bad/upcastParameterNotEvent/shop/OrderPlacedV1.java");
        Compilation compilation = compile(source("bad/upcastParameterNotEvent/shop/OrderPlaced.java"), older);

        assertThat(compilation)
                .hadErrorContaining("[STELE-009] @Upcast method OrderPlacedV1.toV2 must be static and not private,"
                        + " take exactly one @Event record and return a later version of the same event; its"
                        + " parameter is not an @Event record")
                .inFile(older)
                .onLineContaining("@Upcast");
    }

    // STELE-010

    @Test
    void upcastToAnEarlierVersionIsRejectedOnItsAnnotation() {
        JavaFileObject older = source("bad/upcastBackwards/shop/OrderPlacedV1.java");
        Compilation compilation = compile(source("bad/upcastBackwards/shop/OrderPlaced.java"), older);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-010] @Upcast method OrderPlacedV1.fromV2 goes from OrderPlaced v2 to"
                        + " version 1; an upcast must lead to a later version")
                .inFile(older)
                .onLine(15); // the second @Upcast, on fromV2
    }

    // STELE-011

    @Test
    void upcastToAnotherEventNameIsRejectedOnItsAnnotation() {
        JavaFileObject older = source("bad/upcastOtherEvent/shop/OrderPlacedV1.java");
        Compilation compilation = compile(source("bad/upcastOtherEvent/shop/OrderPlaced.java"),
                source("bad/upcastOtherEvent/shop/OrderPaid.java"), older);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-011] @Upcast method OrderPlacedV1.toPaid goes from OrderPlaced v1 to"
                        + " OrderPaid v2; an upcast must stay within one event name")
                .inFile(older)
                .onLine(14); // the second @Upcast, on toPaid
    }

    // STELE-012

    @Test
    void defaultThatDoesNotParseAsTheFieldTypeIsRejectedOnTheValue() {
        JavaFileObject source = source("bad/defaultInvalid/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-012] @Default(\"yesterday\") does not parse as Instant: it is not"
                        + " ISO-8601 (such as 2024-01-31T10:15:30Z)")
                .inFile(source)
                .onLineContaining("\"yesterday\"");
    }

    /** The edges Stele stores are the runtime's: nanoseconds and days since the epoch, a decimal's precision. */
    @Test
    void defaultOneStepPastWhatSteleStoresIsRejectedOnTheValueWithTheRuntimesReason() {
        JavaFileObject source = source("bad/defaultPastRange/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(9);
        assertPastRange(compilation, source, "1677-09-21T00:12:43.145224191Z", "Instant",
                "1677-09-21T00:12:43.145224191Z is outside the range of a timestamp in nanoseconds");
        assertPastRange(compilation, source, "2262-04-11T23:47:16.854775808Z", "Instant",
                "2262-04-11T23:47:16.854775808Z is outside the range of a timestamp in nanoseconds");
        assertPastRange(compilation, source, "1677-09-21T00:12:43.145224191", "LocalDateTime",
                "1677-09-21T00:12:43.145224191 is outside the range of a local timestamp in nanoseconds");
        assertPastRange(compilation, source, "2262-04-11T23:47:16.854775808", "LocalDateTime",
                "2262-04-11T23:47:16.854775808 is outside the range of a local timestamp in nanoseconds");
        assertPastRange(compilation, source, "-5877641-06-22", "LocalDate",
                "-5877641-06-22 is outside the range of a date in days since 1970-01-01");
        assertPastRange(compilation, source, "+5881580-07-12", "LocalDate",
                "+5881580-07-12 is outside the range of a date in days since 1970-01-01");
        assertPastRange(compilation, source, "1969-12-31T23:59:59.9999999999Z", "Instant",
                "it is not ISO-8601 (such as 2024-01-31T10:15:30Z)");
        assertPastRange(compilation, source, "99999999999999999999999999999.9999999999", "BigDecimal(38, 10)",
                "needs more than 28 digits before the decimal point; the field is @Decimal(precision = 38,"
                        + " scale = 10)");
        assertPastRange(compilation, source, "0.00000000001", "BigDecimal(38, 10)",
                "has more than 10 digits after the decimal point; the field is @Decimal(precision = 38, scale"
                        + " = 10) and Stele does not round");
    }

    private static void assertPastRange(Compilation compilation, JavaFileObject source, String text, String type,
            String reason) {
        assertThat(compilation)
                .hadErrorContaining("[STELE-012] @Default(\"" + text + "\") does not parse as " + type + ": ")
                .inFile(source)
                .onLineContaining("\"" + text + "\"");
        assertThat(compilation)
                .hadErrorContaining(reason)
                .inFile(source)
                .onLineContaining("\"" + text + "\"");
    }

    // STELE-013

    @Test
    void defaultOnANestedRecordIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/defaultUnsupported/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-013] @Default is not supported on component 'shipTo' of type record"
                        + " Address; make it Optional or @Nullable if it may be absent from older data")
                .inFile(source)
                .onLineContaining("@Default(");
    }

    // STELE-014

    @Test
    void secondUpcastFromTheSameVersionIsRejectedOnItsAnnotation() {
        JavaFileObject migrations = source("bad/upcastDuplicate/shop/Migrations.java");
        JavaFileObject older = source("bad/upcastDuplicate/shop/OrderPlacedV1.java");
        Compilation compilation = compile(migrations, source("bad/upcastDuplicate/shop/OrderPlaced.java"), older);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-014] OrderPlacedV1 has two @Upcast methods, Migrations.placedInCents and"
                        + " OrderPlacedV1.toV2; keep one")
                .inFile(older)
                .onLineContaining("@Upcast");
    }

    // STELE-015

    @Test
    void secondStreamIdIsRejectedOnItsAnnotation() {
        JavaFileObject source = source("bad/streamIdDuplicate/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-015] components 'orderId' and 'customerId' are both marked @StreamId; an"
                        + " event belongs to one stream")
                .inFile(source)
                .onLine(9); // the second @StreamId, alone on its line
    }

    @Test
    void aStreamIdThatIsNotOneValueIsRejectedOnItsAnnotation() {
        JavaFileObject source = source("bad/streamIdType/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-034] @StreamId component 'lines' has type java.util.List<java.lang.String>;"
                        + " a stream id is one value every event of the stream has, written as text: use String, UUID,"
                        + " int, long, or a single-component record of one of them")
                .inFile(source)
                .onLine(10); // the @StreamId, alone on its line
    }

    @Test
    void anOptionalStreamIdIsRejectedSayingSo() {
        JavaFileObject source = source("bad/streamIdOptional/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-034] @StreamId component 'orderId' is optional; a stream id is one value"
                        + " every event of the stream has")
                .inFile(source)
                .onLine(9);
    }

    // STELE-035

    @Test
    void anEventAnotherProcessorGeneratesAfterTheCatalogIsAnErrorNotLeftOutSilently() {
        Compilation compilation = compile(sourceTree("good/orders"),
                List.of(new SteleProcessor(), new LateEventProcessor()));

        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining("[STELE-035] LateEvent was generated in a round after the module's"
                + " catalog was written, so no catalog would register it; have the processor that generates it run"
                + " earlier, or declare it in a source file");
    }

    // STELE-016

    @Test
    void aliasThatIsNotAnAvroNameIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/aliasInvalid/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-016] @Alias(\"total-minor\") on component 'totalMinor' is not a valid"
                        + " Avro name: use ASCII letters, digits and underscores")
                .inFile(source)
                .onLineContaining("@Alias(");
    }

    @Test
    void aliasNamingAnotherComponentIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/aliasOfSibling/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-016] @Alias(\"orderId\") on component 'reference' is the name of a"
                        + " component of the same record; a reader could not tell them apart")
                .inFile(source)
                .onLineContaining("@Alias(");
    }

    // STELE-017

    @Test
    void oneEnumWithTwoDifferentDefaultsIsRejectedOnTheEventAnnotation() {
        JavaFileObject source = source("bad/enumDefaultConflict/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-017] enum shop.OrderPlaced.Shipping is used by fields with different"
                        + " @Default values (EXPRESS, STANDARD); Avro keeps one default per enum, so give those"
                        + " fields the same @Default or none")
                .inFile(source)
                .onLineContaining("@Event(");
    }

    // STELE-018

    @Test
    void recordThatContainsItselfIsRejectedOnTheComponentThatRecurses() {
        JavaFileObject source = source("bad/recordRecursive/shop/CategoryCreated.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-018] record shop.CategoryCreated.Category contains itself (through"
                        + " component 'children'); Stele encodes trees of records, not recursive types")
                .inFile(source)
                .onLineContaining("List<Category> children");
    }

    // STELE-019

    @Test
    void componentNameThatIsNotAsciiIsRejectedOnTheComponent() {
        JavaFileObject source = source("bad/nameInvalid/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-019] component name 'référence' is not a valid Avro name: use ASCII"
                        + " letters, digits and underscores, starting with a letter or underscore")
                .inFile(source)
                .onLineContaining("String référence");
    }

    @Test
    void enumConstantThatIsNotAnAvroNameIsRejectedOnTheComponentUsingTheEnum() {
        JavaFileObject source = source("bad/enumConstantInvalid/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-019] enum constant '$HUGE' is not a valid Avro name: use ASCII letters,"
                        + " digits and underscores, starting with a letter or underscore")
                .inFile(source)
                .onLineContaining("Size size");
    }

    // STELE-020

    @Test
    void packagePrivateUpcastInAnotherPackageIsRejectedOnItsAnnotation() {
        JavaFileObject upcasts = source("bad/upcastInaccessible/shop/migrations/Upcasts.java");
        JavaFileObject older = source("bad/upcastInaccessible/shop/OrderPlacedV1.java");
        Compilation compilation = compile(source("bad/upcastInaccessible/shop/OrderPlaced.java"), older, upcasts);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation)
                .hadErrorContaining("[STELE-020] @Upcast method Upcasts.toV2 cannot be called from the code generated"
                        + " in package shop; make it public in a public class, or move it next to OrderPlacedV1")
                .inFile(upcasts)
                .onLineContaining("@Upcast");
        assertThat(compilation)
                .hadErrorContaining("[STELE-008] OrderPlaced v1 has no @Upcast path to version 2")
                .inFile(older)
                .onLineContaining("@Event(");
    }

    // STELE-021

    @Test
    void twoNestedTypesWithOneSimpleNameAreRejectedOnTheEventAnnotation() {
        JavaFileObject source = source("bad/typeNameClash/shop/OrderPlaced.java");
        Compilation compilation = compile(source, source("bad/typeNameClash/shop/Billing.java"),
                source("bad/typeNameClash/shop/Shipping.java"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-021] OrderPlaced v1 uses two different types named Address"
                        + " (shop.Billing.Address and shop.Shipping.Address); Avro names nested types by simple name,"
                        + " so rename one")
                .inFile(source)
                .onLineContaining("@Event(");
    }

    // STELE-022

    @Test
    void genericEventIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/typeGeneric/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-022] shop.OrderPlaced has type parameters; events and the records in them"
                        + " must be concrete types")
                .inFile(source)
                .onLineContaining("@Event(");
    }

    @Test
    void genericNestedRecordIsRejectedOnTheComponent() {
        JavaFileObject source = source("bad/typeGenericNested/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-022] shop.OrderPlaced.Pair has type parameters; events and the records in"
                        + " them must be concrete types")
                .inFile(source)
                .onLineContaining("Pair<String, Long> firstLine");
    }

    // STELE-023

    @Test
    void componentOfATypeThatNeverResolvesIsReportedOnTheComponentWithAHint() {
        JavaFileObject source = source("bad/typeUnresolved/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(2);
        assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(source).onLineContaining("CustomerRef");
        assertThat(compilation)
                .hadErrorContaining("[STELE-023] the type of component 'customer' could not be resolved: CustomerRef;"
                        + " if another annotation processor generates it, make sure it runs")
                .inFile(source)
                .onLineContaining("CustomerRef customer");
    }

    // STELE-024

    @Test
    void privateEnumUsedByAComponentIsRejectedOnTheComponent() {
        JavaFileObject source = source("bad/typeInaccessible/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-024] shop.OrderPlaced.Status is not accessible from the code generated in"
                        + " package shop; make it public, or at least not private")
                .inFile(source)
                .onLineContaining("Status status");
    }

    @Test
    void privateEventRecordIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/eventInaccessible/shop/Orders.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-024] shop.Orders.OrderPlaced is not accessible from the code generated in"
                        + " package shop; make it public, or at least not private")
                .inFile(source)
                .onLineContaining("@Event(");
    }

    // STELE-025

    @Test
    void listOfRecordsWithoutComponentsIsRejectedOnTheComponent() {
        JavaFileObject source = source("bad/emptyRecordElement/shop/OrderPlaced.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-025] record shop.OrderPlaced.Marker has no components, so it cannot be an"
                        + " element of a collection (each element would take no bytes); give it a component")
                .inFile(source)
                .onLineContaining("List<Marker> markers");
    }

    // one error per mistake

    @Test
    void mistakeInARecordSharedByTwoEventsIsReportedOnce() {
        JavaFileObject address = source("bad/nestedRecordSharedByTwoEvents/shop/Address.java");
        Compilation compilation = compile(address, source("bad/nestedRecordSharedByTwoEvents/shop/OrderPlaced.java"),
                source("bad/nestedRecordSharedByTwoEvents/shop/OrderShipped.java"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-006] component 'latitude' is a BigDecimal without @Decimal")
                .inFile(address)
                .onLineContaining("BigDecimal latitude");
    }

    @Test
    void upcastToAVersionWithErrorsIsNotReportedAsAMissingPath() {
        JavaFileObject v2 = source("bad/upcastToRejectedVersion/shop/OrderPlacedV2.java");
        Compilation compilation = compile(source("bad/upcastToRejectedVersion/shop/OrderPlaced.java"), v2,
                source("bad/upcastToRejectedVersion/shop/OrderPlacedV1.java"));

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-005] component 'placedAt' has type java.util.Date")
                .inFile(v2)
                .onLineContaining("Date placedAt");
    }

    // the catalogue itself

    @Test
    void everyMessageOfTheCatalogueButTheInternalErrorHasATestHere() throws IOException {
        String tests = Files.readString(Compilations.testPath("java/dev/stele/processor/DiagnosticMessagesTest.java"),
                StandardCharsets.UTF_8)
                + Files.readString(Compilations.testPath("java/dev/stele/processor/AggregateDiagnosticsTest.java"),
                        StandardCharsets.UTF_8)
                + Files.readString(Compilations.testPath("java/dev/stele/processor/ProjectionDiagnosticsTest.java"),
                        StandardCharsets.UTF_8)
                + Files.readString(Compilations.testPath("java/dev/stele/processor/TableMappingDiagnosticsTest.java"),
                        StandardCharsets.UTF_8);
        List<String> untested = new ArrayList<>();
        for (Message message : Message.values()) {
            if (message != Message.INTERNAL_ERROR && !tests.contains("\"[" + message.id() + "] ")) {
                untested.add(message.id() + " " + message.name());
            }
        }
        assertThat(untested).as("messages without a test asserting their text").isEmpty();
    }

    @Test
    void everyBadCaseIsCompiledByATest() throws IOException {
        String tests = Files.readString(Compilations.testPath("java/dev/stele/processor/DiagnosticMessagesTest.java"),
                StandardCharsets.UTF_8)
                + Files.readString(Compilations.testPath("java/dev/stele/processor/ReportAndContinueTest.java"),
                        StandardCharsets.UTF_8)
                + Files.readString(Compilations.testPath("java/dev/stele/processor/AggregateDiagnosticsTest.java"),
                        StandardCharsets.UTF_8)
                + Files.readString(Compilations.testPath("java/dev/stele/processor/ProjectionDiagnosticsTest.java"),
                        StandardCharsets.UTF_8)
                + Files.readString(Compilations.testPath("java/dev/stele/processor/TableMappingDiagnosticsTest.java"),
                        StandardCharsets.UTF_8);
        List<String> unused = new ArrayList<>();
        try (var cases = Files.list(Compilations.testPath("resources/bad"))) {
            cases.map(path -> path.getFileName().toString())
                    .filter(name -> !tests.contains("\"bad/" + name + "/"))
                    .sorted()
                    .forEach(unused::add);
        }
        assertThat(unused).as("cases under src/test/resources/bad that no test compiles").isEmpty();
        assertThat(sourceTree("bad")).isNotEmpty();
    }
}
