package dev.stele.maven.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.format.SteleResources;
import dev.stele.maven.schema.EventKey;
import dev.stele.maven.schema.ModuleSchemas;
import dev.stele.maven.schema.SchemaFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckServiceTest {

    private static final EventKey ORDER_PAID = new EventKey("OrderPaid", 2);

    @TempDir
    Path dir;

    private static SchemaBuilder.FieldAssembler<Schema> orderPaid() {
        return SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId")
                .requiredLong("amount");
    }

    @Test
    void anUnchangedSchemaPasses() throws Exception {
        CheckResult result = check(orderPaid().endRecord(), orderPaid().endRecord(), CompatibilityMode.FULL_TRANSITIVE);

        assertThat(result.failed()).isFalse();
        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void aChangedTypeFailsWithTheDocumentedMessage() throws Exception {
        Schema changed = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").requiredString("amount").endRecord();

        CheckResult result = check(orderPaid().endRecord(), changed, CompatibilityMode.FULL);

        assertThat(result.errors()).extracting(Violation::line).containsExactly(
                "OrderPaid v2 field 'amount' [TYPE_CHANGED, FULL] long -> string: data written by 1.3.0 cannot be"
                        + " read. Fix: keep the type, or add version 3 with an @Upcast from version 2.");
    }

    @Test
    void aWidenedIntPassesBackwardButFailsForward() throws Exception {
        Schema before = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").requiredInt("amount").endRecord();

        assertThat(check(before, orderPaid().endRecord(), CompatibilityMode.BACKWARD).failed()).isFalse();
        assertThat(check(before, orderPaid().endRecord(), CompatibilityMode.FULL).errors())
                .extracting(Violation::rule, Violation::field).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Rule.TYPE_CHANGED, "amount"));
    }

    @Test
    void aFieldAddedWithoutDefaultFailsAndOneWithDefaultPasses() throws Exception {
        Schema required = orderPaid().requiredString("currency").endRecord();
        Schema defaulted = orderPaid().name("currency").type().stringType().stringDefault("EUR").endRecord();
        Schema optional = orderPaid().optionalString("note").endRecord();

        assertThat(check(orderPaid().endRecord(), required, CompatibilityMode.FULL).errors())
                .extracting(Violation::rule, Violation::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(Rule.FIELD_ADDED_WITHOUT_DEFAULT, "currency"));
        assertThat(check(orderPaid().endRecord(), defaulted, CompatibilityMode.FULL).failed()).isFalse();
        assertThat(check(orderPaid().endRecord(), optional, CompatibilityMode.FULL).failed()).isFalse();
    }

    @Test
    void removingAFieldThatHadADefaultPassesAndOneWithoutFailsForward() throws Exception {
        Schema withDefault = orderPaid().name("currency").type().stringType().stringDefault("EUR").endRecord();
        Schema withoutDefault = orderPaid().requiredString("currency").endRecord();

        assertThat(check(withDefault, orderPaid().endRecord(), CompatibilityMode.FULL).failed()).isFalse();
        assertThat(check(withoutDefault, orderPaid().endRecord(), CompatibilityMode.FULL).errors())
                .extracting(Violation::rule).containsExactly(Rule.FIELD_REMOVED_WITHOUT_DEFAULT);
        assertThat(check(withoutDefault, orderPaid().endRecord(), CompatibilityMode.BACKWARD).failed()).isFalse();
    }

    @Test
    void aRenameWithAliasPassesBackwardAndFailsFullExplainingWhy() throws Exception {
        Schema before = orderPaid().requiredString("ref").endRecord();
        Schema after = orderPaid().name("reference").aliases("ref").type().stringType().noDefault().endRecord();

        assertThat(check(before, after, CompatibilityMode.BACKWARD).failed()).isFalse();
        CheckResult full = check(before, after, CompatibilityMode.FULL);
        assertThat(full.errors()).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo(Rule.FIELD_RENAMED);
            assertThat(violation.line()).contains("readers deployed with 1.3.0 do not know the new name")
                    .contains("check with BACKWARD compatibility");
        });
    }

    @Test
    void aRenameWithoutAliasSuggestsOne() throws Exception {
        Schema before = orderPaid().requiredString("ref").endRecord();
        Schema after = orderPaid().requiredString("reference").endRecord();

        assertThat(check(before, after, CompatibilityMode.BACKWARD).errors()).singleElement()
                .satisfies(violation -> assertThat(violation.line())
                        .contains("if it was renamed from 'ref', add @Alias(\"ref\")"));
    }

    @Test
    void aTimestampChangingKindFailsThoughAvroAcceptsIt() throws Exception {
        Schema instant = orderPaid().name("at").type(LogicalTypes.timestampMicros()
                .addToSchema(Schema.create(Schema.Type.LONG))).noDefault().endRecord();
        Schema local = orderPaid().name("at").type(LogicalTypes.localTimestampMicros()
                .addToSchema(Schema.create(Schema.Type.LONG))).noDefault().endRecord();

        assertThat(check(instant, local, CompatibilityMode.FULL).errors()).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo(Rule.LOGICAL_TYPE_CHANGED);
            assertThat(violation.detail())
                    .isEqualTo("timestamp-micros (Instant) -> local-timestamp-micros (LocalDateTime)");
        });
    }

    @Test
    void aDecimalScaleChangeFailsWithAnExampleOfTheDamage() throws Exception {
        Schema twoPlaces = orderPaid().name("tax").type(LogicalTypes.decimal(10, 2)
                .addToSchema(Schema.create(Schema.Type.BYTES))).noDefault().endRecord();
        Schema fourPlaces = orderPaid().name("tax").type(LogicalTypes.decimal(12, 4)
                .addToSchema(Schema.create(Schema.Type.BYTES))).noDefault().endRecord();

        assertThat(check(twoPlaces, fourPlaces, CompatibilityMode.FULL).errors()).singleElement()
                .satisfies(violation -> {
                    assertThat(violation.rule()).isEqualTo(Rule.DECIMAL_SCALE_CHANGED);
                    assertThat(violation.line()).contains("decimal(10,2) -> decimal(12,4)")
                            .contains("as 0.1234 instead of 12.34");
                });
    }

    @Test
    void aRemovedEventVersionFailsUnlessRetiredWithAReason() throws Exception {
        EventKey v1 = new EventKey("OrderPaid", 1);
        Path released = Modules.jar(Modules.classes(dir.resolve("released"), Map.of(v1, orderPaid().endRecord())),
                dir.resolve("released.jar"));
        Path current = Modules.classes(dir.resolve("current"), Map.of(ORDER_PAID, orderPaid().endRecord()));

        CheckResult failed = new CheckService().check(request(current, released, CompatibilityMode.FULL,
                List.of(), List.of()));
        CheckResult retired = new CheckService().check(request(current, released, CompatibilityMode.FULL,
                List.of(), List.of(new RetiredEvent("OrderPaid", 1, "migrated to v2 in 2025"))));

        assertThat(failed.errors()).extracting(Violation::rule).containsExactly(Rule.EVENT_REMOVED);
        assertThat(failed.errors().get(0).line()).startsWith("OrderPaid v1 [EVENT_REMOVED, FULL] released in 1.3.0");
        assertThat(retired.failed()).isFalse();
        assertThat(retired.notes()).anyMatch(note -> note.contains("OrderPaid v1 is retired: migrated to v2 in 2025"));
        assertThatThrownBy(() -> new CheckService().check(request(current, released, CompatibilityMode.FULL,
                List.of(), List.of(new RetiredEvent("OrderPaid", 1, " ")))))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("has no <reason>");
    }

    @Test
    void anAcceptedBreakPassesOnlyAgainstItsBaselineAndOnlyWithAJustification() throws Exception {
        Schema changed = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").requiredString("amount").endRecord();
        AcceptedBreak entry = new AcceptedBreak("OrderPaid", 2, Rule.TYPE_CHANGED, "amount", "1.3.0",
                "no OrderPaid v2 was stored yet");
        AcceptedBreak otherBaseline = new AcceptedBreak("OrderPaid", 2, Rule.TYPE_CHANGED, "amount", "1.2.0",
                "no OrderPaid v2 was stored yet");
        AcceptedBreak unjustified = new AcceptedBreak("OrderPaid", 2, Rule.TYPE_CHANGED, "amount", "1.3.0", "");

        CheckResult accepted = check(orderPaid().endRecord(), changed, CompatibilityMode.FULL, List.of(entry));
        CheckResult wrongBaseline = check(orderPaid().endRecord(), changed, CompatibilityMode.FULL,
                List.of(otherBaseline));

        assertThat(accepted.failed()).isFalse();
        assertThat(accepted.accepted()).singleElement()
                .satisfies(a -> assertThat(a.entry().justification()).isEqualTo("no OrderPaid v2 was stored yet"));
        assertThat(wrongBaseline.failed()).isTrue();
        assertThat(wrongBaseline.notes()).anyMatch(note -> note.contains("matches nothing (the baseline is 1.3.0)"));
        assertThatThrownBy(() -> check(orderPaid().endRecord(), changed, CompatibilityMode.FULL, List.of(unjustified)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("has no justification");
    }

    @Test
    void transitiveModesCheckEveryReleasedSchemaOfTheVersion() throws Exception {
        Schema first = orderPaid().requiredString("legacy").endRecord();
        Schema second = orderPaid().name("legacy").type().stringType().stringDefault("").endRecord();
        Path baselineClasses = Modules.classes(dir.resolve("released"), Map.of(ORDER_PAID, second));
        SchemaFiles.writeHistory(baselineClasses, Map.of(ORDER_PAID, List.of(
                new dev.stele.maven.schema.ReleasedSchema(first, "1.0.0"),
                new dev.stele.maven.schema.ReleasedSchema(second, "1.3.0"))));
        Path released = Modules.jar(baselineClasses, dir.resolve("released.jar"));
        Path current = Modules.classes(dir.resolve("current"), Map.of(ORDER_PAID, orderPaid().endRecord()));

        CheckResult plain = new CheckService().check(request(current, released, CompatibilityMode.FULL, List.of(),
                List.of()));
        CheckResult transitive = new CheckService().check(request(current, released,
                CompatibilityMode.FULL_TRANSITIVE, List.of(), List.of()));

        assertThat(plain.failed()).isFalse();
        assertThat(transitive.errors()).singleElement().satisfies(violation -> {
            assertThat(violation.rule()).isEqualTo(Rule.FIELD_REMOVED_WITHOUT_DEFAULT);
            assertThat(violation.line()).contains("readers deployed with 1.0.0");
        });
    }

    @Test
    void theHistoryWrittenIsTheUnionOfReleasedAndCurrentSchemas() throws Exception {
        Schema added = orderPaid().optionalString("note").endRecord();
        Path current = Modules.classes(dir.resolve("current"), Map.of(ORDER_PAID, added));
        Path released = Modules.jar(Modules.classes(dir.resolve("released"),
                Map.of(ORDER_PAID, orderPaid().endRecord())), dir.resolve("released.jar"));

        new CheckService().check(request(current, released, CompatibilityMode.FULL, List.of(), List.of()));

        ModuleSchemas written = SchemaFiles.readJar(Modules.jar(current, dir.resolve("built.jar")), "1.4.0-SNAPSHOT");
        assertThat(written.history(ORDER_PAID)).extracting(s -> s.release() + ":" + s.schema().getFields().size())
                .containsExactly("1.3.0:2", "1.4.0-SNAPSHOT:3");
        assertThat(Files.readString(dir.resolve("reports/compatibility.md"))).contains("- result: passed");
    }

    @Test
    void aHistoryLeftInTheClassesByAnEarlierFailedRunIsNotCarriedIntoTheJar() throws Exception {
        Schema neverReleased = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").requiredString("amount").endRecord();
        Path current = Modules.classes(dir.resolve("current"), Map.of(ORDER_PAID, orderPaid().endRecord()));
        SchemaFiles.writeHistory(current, Map.of(ORDER_PAID,
                List.of(new dev.stele.maven.schema.ReleasedSchema(neverReleased, "1.4.0-SNAPSHOT"))));
        Path released = Modules.jar(Modules.classes(dir.resolve("released"),
                Map.of(ORDER_PAID, orderPaid().endRecord())), dir.resolve("released.jar"));

        CheckResult result = new CheckService().check(request(current, released, CompatibilityMode.FULL_TRANSITIVE,
                List.of(), List.of()));

        assertThat(result.failed()).isFalse();
        String history = Files.readString(current.resolve(SteleResources.HISTORY));
        assertThat(history).doesNotContain("\\\"amount\\\",\\\"type\\\":\\\"string\\\"").contains("1.3.0");
    }

    @Test
    void anUnchangedDecimalDefaultIsNotReportedAsChanged() throws Exception {
        Schema withTax = orderPaid().name("tax").type(LogicalTypes.decimal(10, 2)
                .addToSchema(Schema.create(Schema.Type.BYTES))).withDefault(new byte[] {4, -46}).endRecord();

        CheckResult result = check(withTax, withTax, CompatibilityMode.FULL);

        assertThat(result.warnings()).isEmpty();
    }

    @Test
    void anAcceptedBreakOrRetiredEventWithoutAnEventIsAConfigurationError() {
        AcceptedBreak nameless = new AcceptedBreak(null, 2, Rule.TYPE_CHANGED, "amount", "1.3.0", "why");

        assertThatThrownBy(() -> check(orderPaid().endRecord(), orderPaid().endRecord(), CompatibilityMode.FULL,
                List.of(nameless))).isInstanceOf(ConfigurationException.class).hasMessageContaining("names no <event>");
    }

    @Test
    void aFirstReleasePassesWithANote() throws Exception {
        Path current = Modules.classes(dir.resolve("current"), Map.of(ORDER_PAID, orderPaid().endRecord()));

        CheckResult result = new CheckService().check(new CheckRequest(current, "1.0.0", Optional.empty(),
                CompatibilityMode.FULL_TRANSITIVE, List.of(), List.of(), dir.resolve("reports")));

        assertThat(result.failed()).isFalse();
        assertThat(result.notes().get(0)).contains("a first release has nothing to be compatible with");
    }

    @Test
    void anEnumDefaultThatHidesARemovedSymbolIsAWarning() throws Exception {
        Schema before = orderPaid().name("status").type().enumeration("Status").namespace("stele.v2.OrderPaid")
                .symbols("NEW", "PAID", "VOID").noDefault().endRecord();
        Schema after = orderPaid().name("status").type().enumeration("Status").namespace("stele.v2.OrderPaid")
                .defaultSymbol("NEW").symbols("NEW", "PAID").noDefault().endRecord();

        CheckResult result = check(before, after, CompatibilityMode.BACKWARD);

        assertThat(result.failed()).isFalse();
        assertThat(result.warnings()).extracting(Violation::rule).containsExactly(Rule.ENUM_DEFAULT_MASKS_SYMBOL);
    }

    @Test
    void promotionsThatChangeValuesFailInEveryModeButNone() throws Exception {
        Schema intAmount = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").requiredInt("amount").endRecord();
        Schema floatAmount = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").requiredFloat("amount").endRecord();
        Schema doubleAmount = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").requiredDouble("amount").endRecord();
        Schema textRef = orderPaid().requiredString("ref").endRecord();
        Schema bytesRef = orderPaid().requiredBytes("ref").endRecord();

        for (CompatibilityMode mode : List.of(CompatibilityMode.BACKWARD, CompatibilityMode.FORWARD,
                CompatibilityMode.FULL_TRANSITIVE)) {
            assertThat(check(intAmount, floatAmount, mode).errors()).as("int -> float, %s", mode)
                    .extracting(Violation::rule).contains(Rule.VALUE_CHANGING_PROMOTION);
            assertThat(check(orderPaid().endRecord(), floatAmount, mode).errors()).as("long -> float, %s", mode)
                    .extracting(Violation::rule).contains(Rule.VALUE_CHANGING_PROMOTION);
            assertThat(check(doubleAmount, orderPaid().endRecord(), mode).errors()).as("double -> long, %s", mode)
                    .extracting(Violation::rule).contains(Rule.VALUE_CHANGING_PROMOTION);
            assertThat(check(textRef, bytesRef, mode).errors()).as("string -> bytes, %s", mode)
                    .extracting(Violation::line).contains("OrderPaid v2 field 'ref' [VALUE_CHANGING_PROMOTION, "
                            + mode + "] string -> bytes: Avro's resolution accepts it, but in JSON a byte[] is Base64"
                            + " text, so the same field would change meaning. Fix: keep the type, or add version 3"
                            + " with an @Upcast from version 2.");
        }
        assertThat(check(intAmount, doubleAmount, CompatibilityMode.BACKWARD).failed()).as("int -> double is exact")
                .isFalse();
        assertThat(check(intAmount, floatAmount, CompatibilityMode.NONE).failed()).isFalse();
    }

    @Test
    void aNewVersionIsCheckedAgainstTheReaderOfThePreviousLatestVersion() throws Exception {
        Schema v1 = SchemaBuilder.record("OrderPaid").namespace("stele.v1").fields()
                .requiredString("orderId").requiredLong("amount").endRecord();
        Schema readable = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").requiredLong("amount").requiredString("currency").endRecord();
        Schema unreadable = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").requiredString("amount").endRecord();
        EventKey v1Key = new EventKey("OrderPaid", 1);

        assertThat(checkNewVersion(v1Key, v1, readable, CompatibilityMode.FULL_TRANSITIVE).failed()).isFalse();
        assertThat(checkNewVersion(v1Key, v1, unreadable, CompatibilityMode.FULL_TRANSITIVE).errors())
                .extracting(Violation::line).containsExactly("OrderPaid v2 field 'amount' [NEW_VERSION_UNREADABLE,"
                        + " FULL_TRANSITIVE] long -> string (TYPE_CHANGED against v1): readers deployed with 1.3.0 know"
                        + " OrderPaid up to v1 and read v2 with that reader, which cannot read it. Fix: keep the type"
                        + " in v2 so that v1's reader reads it, or publish the new shape under a new event name; if no"
                        + " reader of 1.3.0 remains, check with BACKWARD compatibility.");
        assertThat(checkNewVersion(v1Key, v1, unreadable, CompatibilityMode.FORWARD).failed()).isTrue();
        assertThat(checkNewVersion(v1Key, v1, unreadable, CompatibilityMode.BACKWARD).failed()).isFalse();
        assertThat(checkNewVersion(v1Key, v1, unreadable, CompatibilityMode.NONE).failed()).isFalse();
    }

    @Test
    void aRaisedDecimalPrecisionFailsForwardBecauseDeployedReadersReadAtTheOldOne() throws Exception {
        Schema narrow = orderPaid().name("tax").type(LogicalTypes.decimal(10, 2)
                .addToSchema(Schema.create(Schema.Type.BYTES))).noDefault().endRecord();
        Schema wide = orderPaid().name("tax").type(LogicalTypes.decimal(20, 2)
                .addToSchema(Schema.create(Schema.Type.BYTES))).noDefault().endRecord();

        assertThat(check(narrow, wide, CompatibilityMode.BACKWARD).failed()).isFalse();
        assertThat(check(narrow, wide, CompatibilityMode.FORWARD).errors()).extracting(Violation::rule)
                .containsExactly(Rule.DECIMAL_PRECISION_RAISED);
        assertThat(check(wide, narrow, CompatibilityMode.FORWARD).failed()).isFalse();
        assertThat(check(wide, narrow, CompatibilityMode.BACKWARD).errors()).extracting(Violation::rule)
                .containsExactly(Rule.DECIMAL_PRECISION_LOWERED);

        Schema v1 = SchemaBuilder.record("OrderPaid").namespace("stele.v1").fields().requiredString("orderId")
                .name("tax").type(LogicalTypes.decimal(10, 2).addToSchema(Schema.create(Schema.Type.BYTES)))
                .noDefault().endRecord();
        Schema v2Wider = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields().requiredString("orderId")
                .name("tax").type(LogicalTypes.decimal(20, 2).addToSchema(Schema.create(Schema.Type.BYTES)))
                .noDefault().endRecord();
        assertThat(checkNewVersion(new EventKey("OrderPaid", 1), v1, v2Wider, CompatibilityMode.FULL_TRANSITIVE)
                .errors()).extracting(Violation::line).containsExactly("OrderPaid v2 field 'tax'"
                        + " [NEW_VERSION_UNREADABLE, FULL_TRANSITIVE] decimal(10,2) -> decimal(20,2)"
                        + " (DECIMAL_PRECISION_RAISED against v1): readers deployed with 1.3.0 know OrderPaid up to v1"
                        + " and read v2 with that reader, which cannot read it. Fix: keep the precision in v2 so that"
                        + " v1's reader reads it, or publish the new shape under a new event name; if no reader of"
                        + " 1.3.0 remains, check with BACKWARD compatibility.");
    }

    @Test
    void underTransitiveModesANewVersionIsCheckedAgainstEveryVersionThatWasTheLatestOfARelease() throws Exception {
        EventKey v1Key = new EventKey("OrderPaid", 1);
        EventKey v2Key = new EventKey("OrderPaid", 2);
        EventKey v3Key = new EventKey("OrderPaid", 3);
        Schema v1 = SchemaBuilder.record("OrderPaid").namespace("stele.v1").fields()
                .requiredString("orderId").requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").name("a").type().stringType().stringDefault("x").endRecord();
        Schema v3 = SchemaBuilder.record("OrderPaid").namespace("stele.v3").fields()
                .requiredString("orderId").endRecord();
        Path baseline = Modules.classes(dir.resolve("baseline"), Map.of(v1Key, v1, v2Key, v2));
        SchemaFiles.writeHistory(baseline, Map.of(
                v1Key, List.of(new dev.stele.maven.schema.ReleasedSchema(v1, "1.0.0")),
                v2Key, List.of(new dev.stele.maven.schema.ReleasedSchema(v2, "1.1.0"))));
        Path jar = Modules.jar(baseline, dir.resolve("baseline.jar"));
        Path classes = Modules.classes(dir.resolve("current"), Map.of(v1Key, v1, v2Key, v2, v3Key, v3));

        CheckResult transitive = new CheckService().check(request(classes, jar, CompatibilityMode.FULL_TRANSITIVE,
                List.of(), List.of()));
        CheckResult full = new CheckService().check(request(classes, jar, CompatibilityMode.FULL, List.of(),
                List.of()));

        assertThat(transitive.errors()).extracting(Violation::line).containsExactly("OrderPaid v3 field 'a'"
                + " [NEW_VERSION_UNREADABLE, FULL_TRANSITIVE] field 'a' string removed (FIELD_REMOVED_WITHOUT_DEFAULT"
                + " against v1): readers deployed with 1.0.0 know OrderPaid up to v1 and read v3 with that reader,"
                + " which cannot read it. Fix: keep the field in v3 so that v1's reader reads it, or publish the new"
                + " shape under a new event name; if no reader of 1.0.0 remains, check with BACKWARD compatibility.");
        assertThat(full.failed()).as("FULL asks only the baseline's latest version, v2, whose field has a default")
                .isFalse();
    }

    @Test
    void aVersionReleasedTogetherWithAHigherOneWasNeverTheLatestAndHasNoDeployedReaders() throws Exception {
        EventKey v1Key = new EventKey("OrderPaid", 1);
        EventKey v2Key = new EventKey("OrderPaid", 2);
        Schema v1 = SchemaBuilder.record("OrderPaid").namespace("stele.v1").fields()
                .requiredString("orderId").requiredString("a").endRecord();
        Schema v2 = SchemaBuilder.record("OrderPaid").namespace("stele.v2").fields()
                .requiredString("orderId").endRecord();
        Schema v3 = SchemaBuilder.record("OrderPaid").namespace("stele.v3").fields()
                .requiredString("orderId").requiredLong("b").endRecord();
        Path baseline = Modules.classes(dir.resolve("together"), Map.of(v1Key, v1, v2Key, v2));
        SchemaFiles.writeHistory(baseline, Map.of(
                v1Key, List.of(new dev.stele.maven.schema.ReleasedSchema(v1, "1.0.0")),
                v2Key, List.of(new dev.stele.maven.schema.ReleasedSchema(v2, "1.0.0"))));
        Path jar = Modules.jar(baseline, dir.resolve("together.jar"));
        Path classes = Modules.classes(dir.resolve("current3"), Map.of(v1Key, v1, v2Key, v2,
                new EventKey("OrderPaid", 3), v3));

        assertThat(new CheckService().check(request(classes, jar, CompatibilityMode.FULL_TRANSITIVE, List.of(),
                List.of())).failed()).isFalse();
    }

    /** Released: {@code previous} as v1; this build: v1 unchanged and {@code next} as v2. */
    private CheckResult checkNewVersion(EventKey previousKey, Schema previous, Schema next, CompatibilityMode mode)
            throws IOException, ConfigurationException {
        Path jar = Modules.jar(Modules.classes(dir.resolve("released-" + System.nanoTime()),
                Map.of(previousKey, previous)), dir.resolve("released-" + System.nanoTime() + ".jar"));
        Path classes = Modules.classes(dir.resolve("current-" + System.nanoTime()),
                Map.of(previousKey, previous, new EventKey(previousKey.name(), previousKey.version() + 1), next));
        return new CheckService().check(request(classes, jar, mode, List.of(), List.of()));
    }

    private CheckResult check(Schema released, Schema current, CompatibilityMode mode)
            throws IOException, ConfigurationException {
        return check(released, current, mode, List.of());
    }

    private CheckResult check(Schema released, Schema current, CompatibilityMode mode, List<AcceptedBreak> accepted)
            throws IOException, ConfigurationException {
        Path jar = Modules.jar(Modules.classes(dir.resolve("released-" + System.nanoTime()),
                Map.of(ORDER_PAID, released)), dir.resolve("released-" + System.nanoTime() + ".jar"));
        Path classes = Modules.classes(dir.resolve("current-" + System.nanoTime()), Map.of(ORDER_PAID, current));
        return new CheckService().check(request(classes, jar, mode, accepted, List.of()));
    }

    private CheckRequest request(Path classes, Path jar, CompatibilityMode mode, List<AcceptedBreak> accepted,
            List<RetiredEvent> retired) {
        return new CheckRequest(classes, "1.4.0-SNAPSHOT", Optional.of(new CheckRequest.Baseline("1.3.0", jar)), mode,
                accepted, retired, dir.resolve("reports"));
    }
}
