package dev.stele.cdc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.annotation.Operation;
import dev.stele.cdc.ChangeEventException.Problem;
import dev.stele.projection.Lsn;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DebeziumChangesTest {

    private static final String ROW = """
            {"id":7,"email":"ana@example.com","created_at":"2024-01-31T10:15:30.123456Z","born":19000,\
            "seen_at":1706696130123456,"balance":"MDk=","ref":"0e6c4f7a-2b1d-4c55-9a3e-5d2f1b7c8e90",\
            "avatar":null,"tier":"GOLD","tags":["a","b"],"profile":"{\\"x\\": 1}","active":true}""";
    private static final String SOURCE = """
            {"version":"3.6.1.Final","connector":"postgresql","name":"it","ts_ms":1706696130999,"snapshot":"false",\
            "db":"postgres","sequence":"[null,\\"23\\"]","schema":"public","table":"customers","txId":771,\
            "lsn":23456789,"xmin":null}""";
    private static final String COLUMNS_SCHEMA = """
            [{"type":"int64","optional":false,"field":"id"},{"type":"string","optional":false,"field":"email"},\
            {"type":"string","optional":false,"name":"io.debezium.time.ZonedTimestamp","version":1,"field":"created_at"},\
            {"type":"int32","optional":false,"name":"io.debezium.time.Date","version":1,"field":"born"},\
            {"type":"int64","optional":false,"name":"io.debezium.time.MicroTimestamp","version":1,"field":"seen_at"},\
            {"type":"bytes","optional":false,"name":"org.apache.kafka.connect.data.Decimal","version":1,\
            "parameters":{"scale":"2","connect.decimal.precision":"12"},"field":"balance"},\
            {"type":"string","optional":false,"name":"io.debezium.data.Uuid","version":1,"field":"ref"},\
            {"type":"bytes","optional":true,"field":"avatar"},\
            {"type":"string","optional":false,"name":"io.debezium.data.Enum","version":1,\
            "parameters":{"allowed":"GOLD,SILVER"},"field":"tier"},\
            {"type":"array","items":{"type":"string","optional":true},"optional":true,"field":"tags"},\
            {"type":"string","optional":true,"name":"io.debezium.data.Json","version":1,"field":"profile"},\
            {"type":"boolean","optional":false,"field":"active"}]""";
    private static final String SCHEMA = """
            {"type":"struct","fields":[{"type":"struct","fields":%1$s,"optional":true,\
            "name":"it.public.customers.Value","field":"before"},{"type":"struct","fields":%1$s,"optional":true,\
            "name":"it.public.customers.Value","field":"after"},{"type":"struct","fields":[],"optional":false,\
            "name":"io.debezium.connector.postgresql.Source","field":"source"},\
            {"type":"string","optional":false,"field":"op"},{"type":"int64","optional":true,"field":"ts_ms"}],\
            "optional":false,"name":"it.public.customers.Envelope","version":2}""".formatted(COLUMNS_SCHEMA);

    private final DebeziumChanges changes = DebeziumChanges.of(List.of(Customers.REGISTERED, Customers.REMOVED,
            Customers.TRUNCATED, Customers.REMOVED_FULLY), DebeziumSettings.defaults());

    private static String payload(String op, String before, String after) {
        return "{\"before\":" + before + ",\"after\":" + after + ",\"source\":" + SOURCE
                + ",\"transaction\":null,\"op\":\"" + op + "\",\"ts_ms\":1706696131000}";
    }

    private static String enveloped(String payload) {
        return "{\"schema\":" + SCHEMA + ",\"payload\":" + payload + "}";
    }

    private static void assertRegistered(Customers.Registered r) {
        assertThat(r.id()).isEqualTo(7);
        assertThat(r.email()).isEqualTo("ana@example.com");
        assertThat(r.createdAt()).isEqualTo(Instant.parse("2024-01-31T10:15:30.123456Z"));
        assertThat(r.born()).isEqualTo(LocalDate.ofEpochDay(19000));
        assertThat(r.seenAt()).isEqualTo(LocalDateTime.parse("2024-01-31T10:15:30.123456"));
        assertThat(r.balance()).isEqualTo(new BigDecimal("123.45"));
        assertThat(r.ref()).isEqualTo(UUID.fromString("0e6c4f7a-2b1d-4c55-9a3e-5d2f1b7c8e90"));
        assertThat(r.avatar()).isEmpty();
        assertThat(r.tier()).isEqualTo(Customers.Tier.GOLD);
        assertThat(r.tags()).containsExactly("a", "b");
        assertThat(r.profile()).contains("{\"x\": 1}");
        assertThat(r.active()).isTrue();
    }

    @Test
    void insertWithoutSchemaMapsEveryColumnWithItsSource() {
        TableChange change = changes.read(payload("c", "null", ROW));

        RowChange row = (RowChange) change;
        assertThat(row.operation()).isEqualTo(Operation.INSERT);
        assertRegistered(row.event(Customers.Registered.class));
        assertThat(row.source().table()).isEqualTo("public.customers");
        assertThat(row.source().lsn()).contains(new Lsn(23456789));
        assertThat(row.source().transactionId()).hasValue(771);
        assertThat(row.source().at()).contains(Instant.ofEpochMilli(1706696130999L));
        assertThat(row.source().snapshot()).isFalse();
    }

    @Test
    void insertWithSchemaEnvelopeMapsTheSameRecord() {
        RowChange row = (RowChange) changes.read(enveloped(payload("c", "null", ROW)));

        assertRegistered(row.event(Customers.Registered.class));
    }

    @Test
    void payloadBeforeSchemaIsReadWithTheSchema() {
        String reversed = "{\"payload\":" + payload("u", "null", ROW) + ",\"schema\":" + SCHEMA + "}";

        RowChange row = (RowChange) changes.read(reversed.getBytes(StandardCharsets.UTF_8));

        assertThat(row.operation()).isEqualTo(Operation.UPDATE);
        assertRegistered(row.event(Customers.Registered.class));
    }

    @Test
    void snapshotReadIsSnapshotOperation() {
        String snapshot = payload("r", "null", ROW).replace("\"snapshot\":\"false\"", "\"snapshot\":\"true\"");

        RowChange row = (RowChange) changes.read(snapshot);

        assertThat(row.operation()).isEqualTo(Operation.SNAPSHOT);
        assertThat(row.source().snapshot()).isTrue();
    }

    @Test
    void deleteMapsTheKeyFromTheOldRow() {
        String before = "{\"id\":7,\"email\":null,\"created_at\":null}";

        RowChange row = (RowChange) changes.read(payload("d", before, "null"));

        assertThat(row.event()).isEqualTo(new Customers.Removed(7));
    }

    @Test
    void deleteNeedingMoreThanTheKeyNamesReplicaIdentityFull() {
        String accounts = payload("d", "{\"id\":7,\"email\":null}", "null").replace("\"customers\"", "\"accounts\"");

        assertThatThrownBy(() -> changes.read(accounts))
                .isInstanceOfSatisfying(ChangeEventException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.NULL);
                    assertThat(e.table()).isEqualTo("public.accounts");
                    assertThat(e.column()).isEqualTo("email");
                    assertThat(e.component()).contains("RemovedFully.email");
                    assertThat(e.lsn()).contains(new Lsn(23456789));
                })
                .hasMessageContaining("REPLICA IDENTITY FULL");
    }

    @Test
    void truncateMapsTheRecordWithoutRow() {
        RowChange row = (RowChange) changes.read(payload("t", "null", "null"));

        assertThat(row.operation()).isEqualTo(Operation.TRUNCATE);
        assertThat(row.event()).isEqualTo(new Customers.Truncated());
    }

    @Test
    void tombstoneIsSkippedByRule() {
        SkippedChange skipped = (SkippedChange) changes.read((byte[]) null);

        assertThat(skipped.reason()).isEqualTo(SkippedChange.Reason.TOMBSTONE);
        assertThat(skipped.operation()).isEmpty();
    }

    @Test
    void aTableOrOperationWithoutRecordIsSkippedAsNotMapped() {
        String otherTable = payload("c", "null", ROW).replace("\"customers\"", "\"orders\"");

        SkippedChange skipped = (SkippedChange) changes.read(otherTable);

        assertThat(skipped.reason()).isEqualTo(SkippedChange.Reason.NOT_MAPPED);
        assertThat(skipped.operation()).contains(Operation.INSERT);
        assertThat(skipped.source().table()).isEqualTo("public.orders");
    }

    @Test
    void logicalMessageIsHandedOn() {
        String message = "{\"op\":\"m\",\"ts_ms\":1,\"source\":" + SOURCE.replace("\"table\":\"customers\"", "\"table\":\"\"")
                + ",\"message\":{\"prefix\":\"stele\",\"content\":\"aGk=\"}}";

        LogicalMessage handed = (LogicalMessage) changes.read(message);

        assertThat(handed.prefix()).isEqualTo("stele");
        assertThat(handed.content()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void toastPlaceholderIsRefusedWithTheFix() {
        String toasted = payload("u", "null", ROW.replace("\"ana@example.com\"", "\"__debezium_unavailable_value\""));

        assertThatThrownBy(() -> changes.read(toasted))
                .isInstanceOfSatisfying(ChangeEventException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.UNAVAILABLE);
                    assertThat(e.column()).isEqualTo("email");
                    assertThat(e.component()).contains("Registered.email");
                })
                .hasMessageContaining("REPLICA IDENTITY FULL");
    }

    @Test
    void retypedColumnIsRefusedBeforeAnyValueWithTheSchema() {
        String retyped = enveloped(payload("c", "null", ROW)).replace(
                "\"name\":\"io.debezium.time.ZonedTimestamp\"", "\"name\":\"io.debezium.time.MicroTimestampX\"");

        assertThatThrownBy(() -> changes.read(retyped))
                .isInstanceOfSatisfying(ChangeEventException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TYPE_MISMATCH);
                    assertThat(e.column()).isEqualTo("created_at");
                    assertThat(e.component()).contains("Registered.createdAt");
                });
    }

    @Test
    void timestampWithoutZoneIntoAnInstantIsRefusedNamingLocalDateTime() {
        String retyped = enveloped(payload("c", "null", ROW.replace("\"2024-01-31T10:15:30.123456Z\"", "1706696130123456")))
                .replace("{\"type\":\"string\",\"optional\":false,\"name\":\"io.debezium.time.ZonedTimestamp\"",
                        "{\"type\":\"int64\",\"optional\":false,\"name\":\"io.debezium.time.MicroTimestamp\"");

        assertThatThrownBy(() -> changes.read(retyped))
                .isInstanceOf(ChangeEventException.class)
                .hasMessageContaining("LocalDateTime");
    }

    @Test
    void renamedColumnIsMissing() {
        String renamed = payload("c", "null", ROW.replace("\"email\":", "\"e_mail\":"));

        assertThatThrownBy(() -> changes.read(renamed))
                .isInstanceOfSatisfying(ChangeEventException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.MISSING);
                    assertThat(e.column()).isEqualTo("email");
                });
    }

    @Test
    void nullInANonOptionalComponentIsRefused() {
        String nulled = payload("c", "null", ROW.replace("\"ana@example.com\"", "null"));

        assertThatThrownBy(() -> changes.read(nulled))
                .isInstanceOfSatisfying(ChangeEventException.class, e -> assertThat(e.problem()).isEqualTo(Problem.NULL))
                .hasMessageContaining("Optional");
    }

    @Test
    void decimalTooWideForItsComponentIsOutOfRangeNeverRounded() {
        // 0x0102030405060708090A = a 20-digit unscaled value, far beyond @Decimal(12, 2)
        String wide = payload("c", "null", ROW.replace("\"MDk=\"", "\"AQIDBAUGBwgJCg==\""));

        assertThatThrownBy(() -> changes.read(wide))
                .isInstanceOfSatisfying(ChangeEventException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.OUT_OF_RANGE));
    }

    @Test
    void integerBeyondALongIsOutOfRange() {
        String wide = payload("c", "null", ROW.replace("\"id\":7", "\"id\":92233720368547758070"));

        assertThatThrownBy(() -> changes.read(wide))
                .isInstanceOfSatisfying(ChangeEventException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.OUT_OF_RANGE));
    }

    @Test
    void unknownEnumConstantIsNamed() {
        String bronze = payload("c", "null", ROW.replace("\"GOLD\"", "\"BRONZE\""));

        assertThatThrownBy(() -> changes.read(bronze))
                .isInstanceOf(ChangeEventException.class)
                .hasMessageContaining("'BRONZE' is not a constant of Tier");
    }

    @Test
    void wrongJsonTypeIsATypeMismatch() {
        String wrong = payload("c", "null", ROW.replace("\"active\":true", "\"active\":\"yes\""));

        assertThatThrownBy(() -> changes.read(wrong))
                .isInstanceOfSatisfying(ChangeEventException.class, e -> {
                    assertThat(e.problem()).isEqualTo(Problem.TYPE_MISMATCH);
                    assertThat(e.column()).isEqualTo("active");
                });
    }

    @Test
    void unknownOpIsMalformed() {
        assertThatThrownBy(() -> changes.read(payload("x", "null", ROW)))
                .isInstanceOfSatisfying(MalformedChangeException.class, e -> {
                    assertThat(e.path()).isEqualTo("payload.op");
                    assertThat(e.table()).contains("public.customers");
                });
    }

    @Test
    void insertWithoutAfterIsMalformed() {
        String noAfter = payload("c", "null", ROW).replace("\"after\":" + ROW + ",", "");

        assertThatThrownBy(() -> changes.read(noAfter))
                .isInstanceOfSatisfying(MalformedChangeException.class,
                        e -> assertThat(e.path()).isEqualTo("payload.after"))
                .hasMessageContaining("there is no after");
    }

    @Test
    void missingOpIsMalformed() {
        assertThatThrownBy(() -> changes.read("{\"before\":null,\"after\":" + ROW + "}"))
                .isInstanceOfSatisfying(MalformedChangeException.class,
                        e -> assertThat(e.path()).isEqualTo("payload.op"));
    }

    @Test
    void everyTruncationOfAValidEventIsMalformed() {
        String event = enveloped(payload("c", "null", ROW));
        for (int length = 0; length < event.length() - 1; length++) {
            String cut = event.substring(0, length);
            assertThatThrownBy(() -> changes.read(cut)).as("cut at %d", length)
                    .isInstanceOf(MalformedChangeException.class);
        }
    }

    @Test
    void notJsonIsMalformed() {
        assertThatThrownBy(() -> changes.read("not json"))
                .isInstanceOf(MalformedChangeException.class)
                .hasMessageContaining("not a complete JSON change event");
    }

    @Test
    void approximateDecimalIsRefusedUnlessTheComponentAcceptsIt() {
        DebeziumChanges doubles = DebeziumChanges.of(List.of(Customers.REGISTERED),
                DebeziumSettings.defaults().withDecimalHandling(DecimalHandlingMode.DOUBLE));
        String asDouble = payload("c", "null", ROW.replace("\"MDk=\"", "123.45"));

        assertThatThrownBy(() -> doubles.read(asDouble))
                .isInstanceOfSatisfying(ChangeEventException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.INEXACT));
    }

    @Test
    void decimalAsStringAndTimestampInMillisFollowTheSettings() {
        DebeziumChanges connect = DebeziumChanges.of(List.of(Customers.REGISTERED), DebeziumSettings.defaults()
                .withDecimalHandling(DecimalHandlingMode.STRING).withTimePrecision(TimePrecisionMode.CONNECT));
        String event = payload("c", "null", ROW.replace("\"MDk=\"", "\"123.45\"")
                .replace("1706696130123456", "1706696130123"));

        Customers.Registered r = ((RowChange) connect.read(event)).event(Customers.Registered.class);

        assertThat(r.balance()).isEqualTo(new BigDecimal("123.45"));
        assertThat(r.seenAt()).isEqualTo(LocalDateTime.parse("2024-01-31T10:15:30.123"));
    }

    @Test
    void variableScaleDecimalIsRead() {
        String variable = payload("c", "null", ROW.replace("\"MDk=\"", "{\"scale\":1,\"value\":\"MDk=\"}"));

        Customers.Registered r = ((RowChange) changes.read(variable)).event(Customers.Registered.class);

        assertThat(r.balance()).isEqualTo(new BigDecimal("1234.50"));
    }

    @Test
    void optionalBytesArePresentWhenSet() {
        String withAvatar = payload("c", "null", ROW.replace("\"avatar\":null", "\"avatar\":\"AQID\""));

        Customers.Registered r = ((RowChange) changes.read(withAvatar)).event(Customers.Registered.class);

        assertThat(r.avatar()).hasValueSatisfying(bytes -> assertThat(bytes).containsExactly(1, 2, 3));
        assertThat(Optional.of(r.email())).contains("ana@example.com");
    }

    @Test
    void twoRecordsForOneTableAndOperationAreRefused() {
        assertThatThrownBy(() -> DebeziumChanges.of(List.of(Customers.REMOVED, Customers.REMOVED),
                DebeziumSettings.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("both map DELETE of public.customers");
    }

    @Test
    void aSchemaSeenBeforeIsReusedAndGivesTheSameRecord() {
        String event = enveloped(payload("c", "null", ROW));

        RowChange first = (RowChange) changes.read(event);
        RowChange second = (RowChange) changes.read(event);

        assertRegistered(second.event(Customers.Registered.class));
        assertThat(second.source()).isEqualTo(first.source());
    }

    @Test
    void aCachedSchemaStillRefusesWhatFollowsThePayload() {
        String event = enveloped(payload("c", "null", ROW));
        changes.read(event);
        String extra = event.substring(0, event.length() - 1) + ",\"extra\":1}";
        String twice = event + "{}";
        String unclosed = event.substring(0, event.length() - 1);

        assertThatThrownBy(() -> changes.read(extra)).isInstanceOf(MalformedChangeException.class)
                .hasMessageContaining("more than schema and payload");
        assertThatThrownBy(() -> changes.read(twice)).isInstanceOf(MalformedChangeException.class)
                .hasMessageContaining("more JSON follows");
        assertThatThrownBy(() -> changes.read(unclosed)).isInstanceOf(MalformedChangeException.class)
                .hasMessageContaining("not closed");
    }

    @Test
    void aCachedSchemaIsNotTakenForAnotherOne() {
        changes.read(enveloped(payload("c", "null", ROW)));
        String retyped = enveloped(payload("c", "null", ROW)).replace(
                "\"name\":\"io.debezium.time.ZonedTimestamp\"", "\"name\":\"io.debezium.time.MicroTimestampX\"");

        assertThatThrownBy(() -> changes.read(retyped))
                .isInstanceOfSatisfying(ChangeEventException.class,
                        e -> assertThat(e.problem()).isEqualTo(Problem.TYPE_MISMATCH));
    }

    @Test
    void repeatedFieldsSteleReadsAreRefused() {
        String twoOps = payload("c", "null", ROW).replace("\"op\":\"c\"", "\"op\":\"c\",\"op\":\"d\"");
        String twoEmails = payload("c", "null", ROW.replace("\"email\":", "\"email\":\"x@y\",\"email\":"));
        String twoTables = payload("c", "null", ROW).replace("\"table\":\"customers\"",
                "\"table\":\"customers\",\"table\":\"orders\"");

        assertThatThrownBy(() -> changes.read(twoOps)).isInstanceOfSatisfying(MalformedChangeException.class,
                e -> assertThat(e.path()).isEqualTo("payload.op"));
        assertThatThrownBy(() -> changes.read(twoEmails)).isInstanceOfSatisfying(ChangeEventException.class,
                e -> assertThat(e.column()).isEqualTo("email")).hasMessageContaining("twice");
        assertThatThrownBy(() -> changes.read(twoTables)).isInstanceOfSatisfying(MalformedChangeException.class,
                e -> assertThat(e.path()).isEqualTo("payload.source.table"));
    }
}
