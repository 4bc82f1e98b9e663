package dev.stele.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.stele.processor.Compilations.source;

import com.google.testing.compile.Compilation;
import java.util.Arrays;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The aggregate messages of the catalogue (STELE-026 to STELE-033, and STELE-017 for a state): each
 * compiles a real source under {@code src/test/resources/bad/<case>/} with the processor, as a user's build
 * runs it, and asserts the message and the line it points at.
 */
class AggregateDiagnosticsTest {

    private static Compilation compile(JavaFileObject... sources) {
        return Compilations.compile(Arrays.asList(sources));
    }

    // STELE-017, for an aggregate's state: its schema keeps one default per enum, as an event's does

    @Test
    void stateWithOneEnumOfTwoDifferentDefaultsIsRejectedOnTheAggregateAnnotation() {
        JavaFileObject source = source("bad/aggregateEnumDefaultConflict/bank/Account.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-017] enum bank.Account.Status is used by fields with different"
                        + " @Default values (CLOSED, OPEN); Avro keeps one default per enum, so give those"
                        + " fields the same @Default or none")
                .inFile(source)
                .onLineContaining("@Aggregate(");
    }

    // STELE-026

    @Test
    void aggregateOnClassIsRejectedOnTheAnnotation() {
        JavaFileObject source = source("bad/aggregateOnClass/bank/Account.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-026] @Aggregate can only annotate a record, and Account is a class;"
                        + " declare the state as a record")
                .inFile(source)
                .onLineContaining("@Aggregate(");
    }

    // STELE-027

    @Test
    void categoryWithASpaceIsRejectedOnTheValue() {
        JavaFileObject source = source("bad/aggregateCategoryInvalid/bank/Account.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-027] aggregate category 'bank account' is not valid: use letters, digits,"
                        + " '_' and '.' (it names the aggregate's streams, <category>-<id>)")
                .inFile(source)
                .onLineContaining("category = \"bank account\"");
    }

    // STELE-028

    @Test
    void negativeSnapshotIntervalIsRejectedOnTheValue() {
        JavaFileObject source = source("bad/aggregateSnapshotInvalid/bank/Account.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-028] snapshotEvery = -5 is not valid: 0 for no snapshots, or a positive"
                        + " number of events")
                .inFile(source)
                .onLineContaining("snapshotEvery = -5");
    }

    // STELE-029

    @Test
    void aggregateWithoutInitialMethodSaysWhatToAdd() {
        JavaFileObject source = source("bad/initialMissing/bank/Account.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-029] aggregate Account has no @Initial method; add @Initial static Account"
                        + " initial(String id)")
                .inFile(source)
                .onLineContaining("@Aggregate(");
    }

    // STELE-030

    @Test
    void initialMethodThatIsNotStaticIsRejectedOnIt() {
        JavaFileObject source = source("bad/initialNotStatic/bank/Account.java");
        Compilation compilation = compile(source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-030] @Initial method Account.initial must be static and not private, take"
                        + " the stream id (String) and return Account; it is not static")
                .inFile(source)
                .onLineContaining("@Initial");
    }

    // STELE-031

    @Test
    void applyThatMutatesInsteadOfReturningIsRejected() {
        JavaFileObject event = source("bad/applyMutates/bank/Deposited.java");
        JavaFileObject source = source("bad/applyMutates/bank/Account.java");
        Compilation compilation = compile(event, source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-031] @Apply method Account.on must be an instance method of the @Aggregate"
                        + " record, not private, take one @Event record and return the next state; it returns void:"
                        + " return the next state instead of changing this one")
                .inFile(source)
                .onLineContaining("@Apply");
    }

    @Test
    void applyOutsideAnAggregateIsRejected() {
        JavaFileObject event = source("bad/applyOutsideAggregate/bank/Deposited.java");
        JavaFileObject source = source("bad/applyOutsideAggregate/bank/Ledger.java");
        Compilation compilation = compile(event, source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-031] @Apply method Ledger.on must be an instance method of the @Aggregate"
                        + " record, not private, take one @Event record and return the next state; Ledger is not an"
                        + " @Aggregate record")
                .inFile(source)
                .onLineContaining("@Apply");
    }

    // STELE-032

    @Test
    void twoApplyMethodsForOneEventAreRejectedOnTheSecond() {
        JavaFileObject event = source("bad/applyDuplicate/bank/Deposited.java");
        JavaFileObject source = source("bad/applyDuplicate/bank/Account.java");
        Compilation compilation = compile(event, source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-032] Account has two @Apply methods for Deposited, on(Deposited) and"
                        + " onAgain(Deposited); keep one")
                .inFile(source)
                .onLineContaining("Account onAgain(");
    }

    // STELE-033

    @Test
    void applyTakingAnOlderVersionIsRejectedNamingTheLatest() {
        JavaFileObject latest = source("bad/applyOlderVersion/bank/Deposited.java");
        JavaFileObject older = source("bad/applyOlderVersion/bank/DepositedV1.java");
        JavaFileObject source = source("bad/applyOlderVersion/bank/Account.java");
        Compilation compilation = compile(latest, older, source);

        assertThat(compilation).hadErrorCount(1);
        assertThat(compilation)
                .hadErrorContaining("[STELE-033] @Apply method Account.on takes DepositedV1, version 1 of Deposited;"
                        + " take Deposited, version 2: stored older versions are upcast before they reach the"
                        + " aggregate")
                .inFile(source)
                .onLineContaining("@Apply");
    }
}
