package dev.stele.maven.check;

import dev.stele.format.EventSchemaNames;
import dev.stele.maven.check.Violation.Severity;
import dev.stele.maven.schema.EventKey;
import dev.stele.maven.schema.ReleasedSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Compares this build's schema of one event version with one released schema of it: Avro's own
 * resolution check in each direction the mode asks for, then what Avro does not look at (logical
 * types, decimal scale and precision, changed defaults, enum defaults that hide symbols).
 */
final class SchemaComparator {

    private final CompatibilityMode mode;

    SchemaComparator(CompatibilityMode mode) {
        this.mode = mode;
    }

    List<Violation> compare(EventKey key, ReleasedSchema released, Schema current) {
        Map<String, Violation> found = new LinkedHashMap<>();
        Finding finding = new Finding(key, released, current);
        if (mode.backward()) {
            avro(finding, current, released.schema(), true, found);
        }
        if (mode.forward()) {
            avro(finding, released.schema(), current, false, found);
        }
        if (mode != CompatibilityMode.NONE) {
            compareRecords(finding, released.schema(), current, "", found);
        }
        return new ArrayList<>(found.values());
    }

    /**
     * Whether data written as {@code key}, a new version, can be read by the reader of the released
     * {@code previousVersion}, the latest readers deployed with that release know: Avro's resolution
     * (after moving the new schema to the old version's names, as the runtime does) and Stele's own rules
     * on logical types, decimals and promotions. Each finding is a {@link Rule#NEW_VERSION_UNREADABLE}
     * naming the rule it broke.
     */
    List<Violation> compareNewVersion(EventKey key, int previousVersion, ReleasedSchema reader, Schema current) {
        Map<String, Violation> found = new LinkedHashMap<>();
        Schema writer = EventSchemaNames.asVersion(current, previousVersion);
        Finding finding = new Finding(key, reader, current);
        avro(finding, reader.schema(), writer, false, found);
        compareRecords(finding, reader.schema(), writer, "", found);
        List<Violation> unreadable = new ArrayList<>();
        for (Violation violation : found.values()) {
            if (violation.severity() != Severity.ERROR) {
                continue;
            }
            String keep = violation.fix().split(", or ", 2)[0];
            unreadable.add(new Violation(key, violation.field(), Rule.NEW_VERSION_UNREADABLE, Severity.ERROR,
                    mode.name(), violation.detail() + " (" + violation.rule() + " against v" + previousVersion + ")",
                    "readers deployed with " + reader.releaseLabel() + " know " + key.name() + " up to v"
                            + previousVersion + " and read v" + key.version() + " with that reader, which cannot read"
                            + " it",
                    keep + " in v" + key.version() + " so that v" + previousVersion + "'s reader reads it, or publish"
                            + " the new shape under a new event name; if no reader of " + reader.releaseLabel()
                            + " remains, check with BACKWARD compatibility",
                    violation.oldSchema(), violation.newSchema()));
        }
        return unreadable;
    }

    /** What every violation of one comparison shares. */
    private final class Finding {

        final EventKey key;
        final ReleasedSchema released;
        final Schema current;

        Finding(EventKey key, ReleasedSchema released, Schema current) {
            this.key = key;
            this.released = released;
            this.current = current;
        }

        void add(Map<String, Violation> found, String field, Rule rule, Severity severity, String detail,
                String consequence, String fix) {
            found.putIfAbsent(field + "\u0000" + rule, new Violation(key, field, rule, severity, mode.name(), detail,
                    consequence, fix, released.schema().toString(), current.toString()));
        }

        String newVersion() {
            return "add version " + (key.version() + 1) + " with an @Upcast from version " + key.version();
        }

        String oldData() {
            return "data written by " + released.releaseLabel() + " cannot be read";
        }

        String oldReaders() {
            return "readers deployed with " + released.releaseLabel() + " cannot read data written by this build";
        }
    }

    private void avro(Finding finding, Schema reader, Schema writer, boolean backward, Map<String, Violation> found) {
        List<Incompatibility> problems = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities();
        for (Incompatibility problem : problems) {
            String path = AvroTypes.fieldPath(reader, problem.getLocation());
            switch (problem.getType()) {
                case READER_FIELD_MISSING_DEFAULT_VALUE: {
                    String name = problem.getMessage();
                    String field = path.equals(name) || path.endsWith("." + name) ? path : join(path, name);
                    missingField(finding, reader, writer, field, name, backward, found);
                    break;
                }
                case TYPE_MISMATCH: {
                    Schema old = backward ? problem.getWriterFragment() : problem.getReaderFragment();
                    Schema now = backward ? problem.getReaderFragment() : problem.getWriterFragment();
                    finding.add(found, path, Rule.TYPE_CHANGED, Severity.ERROR,
                            AvroTypes.describe(old) + " -> " + AvroTypes.describe(now),
                            backward ? finding.oldData() : finding.oldReaders(),
                            "keep the type, or " + finding.newVersion());
                    break;
                }
                case MISSING_ENUM_SYMBOLS:
                    if (backward) {
                        finding.add(found, path, Rule.ENUM_SYMBOL_REMOVED, Severity.ERROR,
                                "symbols " + problem.getMessage() + " removed",
                                "data written by " + finding.released.releaseLabel() + " may hold them",
                                "keep the symbols, or give the field a @Default that stands in for them");
                    } else {
                        finding.add(found, path, Rule.ENUM_SYMBOL_ADDED, Severity.ERROR,
                                "symbols " + problem.getMessage() + " added",
                                "readers deployed with " + finding.released.releaseLabel() + " do not know them",
                                "release a @Default on the field first, or " + finding.newVersion());
                    }
                    break;
                case MISSING_UNION_BRANCH:
                    finding.add(found, path, Rule.UNION_BRANCH_REMOVED, Severity.ERROR,
                            AvroTypes.describe(problem.getWriterFragment()) + " no longer readable",
                            backward ? "data written by " + finding.released.releaseLabel() + " may hold "
                                    + AvroTypes.describe(problem.getWriterFragment()) + " values"
                                    : finding.oldReaders(),
                            "keep the field optional (or required) as released, or " + finding.newVersion());
                    break;
                case NAME_MISMATCH:
                    finding.add(found, path, Rule.NAME_CHANGED, Severity.ERROR,
                            (backward ? problem.getWriterFragment() : problem.getReaderFragment()).getFullName()
                                    + " -> " + (backward ? problem.getReaderFragment()
                                            : problem.getWriterFragment()).getFullName(),
                            backward ? finding.oldData() : finding.oldReaders(),
                            "keep the nested type's simple name (Stele names it after the class), or "
                                    + finding.newVersion());
                    break;
                default:
                    finding.add(found, path, Rule.FIXED_SIZE_CHANGED, Severity.ERROR, problem.getMessage(),
                            backward ? finding.oldData() : finding.oldReaders(),
                            "keep the size, or " + finding.newVersion());
            }
        }
    }

    /** A reader field without default that the writer lacks: added, removed or renamed. */
    private void missingField(Finding finding, Schema reader, Schema writer, String path, String name,
            boolean backward, Map<String, Violation> found) {
        Schema.Field readerField = findField(reader, path);
        if (backward) {
            String hint = renameCandidate(writer, reader, readerField)
                    .map(old -> "; if it was renamed from '" + old + "', add @Alias(\"" + old + "\")").orElse("");
            finding.add(found, path, Rule.FIELD_ADDED_WITHOUT_DEFAULT, Severity.ERROR,
                    "new field " + describe(readerField),
                    "data written by " + finding.released.releaseLabel() + " has no value for it",
                    "give the field a @Default or make it Optional, or " + finding.newVersion() + hint);
            return;
        }
        Schema.Field renamed = fieldWithAlias(writer, path, name);
        if (renamed != null) {
            String renamedPath = path.substring(0, path.length() - name.length()) + renamed.name();
            finding.add(found, renamedPath, Rule.FIELD_RENAMED, Severity.ERROR,
                    "renamed from '" + name + "' with @Alias(\"" + name + "\")",
                    "this build reads data written by " + finding.released.releaseLabel() + ", but readers deployed"
                            + " with " + finding.released.releaseLabel() + " do not know the new name and cannot"
                            + " read data written by this build",
                    "keep the name '" + name + "', or " + finding.newVersion()
                            + "; if no reader of " + finding.released.releaseLabel()
                            + " remains, check with BACKWARD compatibility");
            return;
        }
        // the reader is the released schema here: the other half of a rename is a field only this build has
        String hint = renameCandidate(writer, reader, readerField)
                .map(now -> "; if it was renamed to '" + now + "', old readers still need the old name")
                .orElse("");
        finding.add(found, path, Rule.FIELD_REMOVED_WITHOUT_DEFAULT, Severity.ERROR,
                "field " + describe(readerField) + " removed",
                "readers deployed with " + finding.released.releaseLabel()
                        + " require it (it has no default there) and cannot read data written by this build",
                "keep the field, or " + finding.newVersion() + hint);
    }

    private static String describe(Schema.Field field) {
        return field == null ? "" : "'" + field.name() + "' " + AvroTypes.describe(field.schema());
    }

    /**
     * A field of {@code side} not in {@code other} with the type of {@code field}, and not {@code field}
     * itself: the likely other half of a rename.
     */
    private static Optional<String> renameCandidate(Schema side, Schema other, Schema.Field field) {
        if (field == null || side.getField(field.name()) == null && other.getField(field.name()) == null) {
            return Optional.empty();
        }
        Schema record = recordAt(side, field);
        Schema otherRecord = recordAt(other, field);
        if (record == null || otherRecord == null) {
            return Optional.empty();
        }
        for (Schema.Field candidate : record.getFields()) {
            if (!candidate.name().equals(field.name()) && otherRecord.getField(candidate.name()) == null
                    && candidate.schema().equals(field.schema()) && !candidate.aliases().contains(field.name())) {
                return Optional.of(candidate.name());
            }
        }
        return Optional.empty();
    }

    /** The event record itself: rename hints are given for its own fields, where a rename is unambiguous. */
    private static Schema recordAt(Schema schema, Schema.Field field) {
        return schema.getType() == Schema.Type.RECORD ? schema : null;
    }

    private static Schema.Field findField(Schema record, String path) {
        Schema at = record;
        String[] names = path.split("\\.");
        Schema.Field field = null;
        for (String name : names) {
            at = AvroTypes.nonNull(at);
            while (at.getType() == Schema.Type.ARRAY || at.getType() == Schema.Type.MAP) {
                at = AvroTypes.nonNull(at.getType() == Schema.Type.ARRAY ? at.getElementType() : at.getValueType());
            }
            if (at.getType() != Schema.Type.RECORD) {
                return null;
            }
            field = at.getField(name.replace("[]", "").replace("{}", ""));
            if (field == null) {
                return null;
            }
            at = field.schema();
        }
        return field;
    }

    private static Schema.Field fieldWithAlias(Schema writer, String path, String alias) {
        int dot = path.lastIndexOf('.');
        Schema record = writer;
        if (dot > 0) {
            Schema.Field parent = findField(writer, path.substring(0, dot));
            if (parent == null) {
                return null;
            }
            record = unwrapToRecord(parent.schema());
        }
        if (record == null || record.getType() != Schema.Type.RECORD) {
            return null;
        }
        for (Schema.Field field : record.getFields()) {
            if (field.aliases().contains(alias)) {
                return field;
            }
        }
        return null;
    }

    private static Schema unwrapToRecord(Schema schema) {
        Schema at = AvroTypes.nonNull(schema);
        while (at.getType() == Schema.Type.ARRAY || at.getType() == Schema.Type.MAP) {
            at = AvroTypes.nonNull(at.getType() == Schema.Type.ARRAY ? at.getElementType() : at.getValueType());
        }
        return at.getType() == Schema.Type.RECORD ? at : null;
    }

    /** Fields matched by name or by an alias of the new field, compared for what Avro does not check. */
    private void compareRecords(Finding finding, Schema old, Schema now, String path, Map<String, Violation> found) {
        for (Schema.Field field : now.getFields()) {
            Schema.Field before = old.getField(field.name());
            if (before == null) {
                for (String alias : field.aliases()) {
                    before = before == null ? old.getField(alias) : before;
                }
            }
            if (before == null) {
                continue;
            }
            String fieldPath = join(path, field.name());
            if (before.hasDefaultValue() && field.hasDefaultValue()
                    && !Objects.deepEquals(before.defaultVal(), field.defaultVal())) {
                finding.add(found, fieldPath, Rule.DEFAULT_CHANGED, Severity.WARNING,
                        "default " + before.defaultVal() + " -> " + field.defaultVal(),
                        "data written before the field existed now reads as " + field.defaultVal(),
                        "keep the default unless that change of meaning is intended");
            }
            compareTypes(finding, before.schema(), field.schema(), fieldPath, found);
        }
    }

    private void compareTypes(Finding finding, Schema old, Schema now, String path, Map<String, Violation> found) {
        Schema before = AvroTypes.nonNull(old);
        Schema after = AvroTypes.nonNull(now);
        if (before.getType() == Schema.Type.RECORD && after.getType() == Schema.Type.RECORD) {
            compareRecords(finding, before, after, path, found);
            return;
        }
        if (before.getType() == Schema.Type.ARRAY && after.getType() == Schema.Type.ARRAY) {
            compareTypes(finding, before.getElementType(), after.getElementType(), path + "[]", found);
            return;
        }
        if (before.getType() == Schema.Type.MAP && after.getType() == Schema.Type.MAP) {
            compareTypes(finding, before.getValueType(), after.getValueType(), path + "{}", found);
            return;
        }
        if (before.getType() == Schema.Type.ENUM && after.getType() == Schema.Type.ENUM) {
            compareEnums(finding, before, after, path, found);
            return;
        }
        Optional<String> changedValue = AvroTypes.valueChange(before.getType(), after.getType());
        if (changedValue.isPresent()) {
            finding.add(found, path, Rule.VALUE_CHANGING_PROMOTION, Severity.ERROR,
                    AvroTypes.describe(before) + " -> " + AvroTypes.describe(after),
                    "Avro's resolution accepts it, but " + changedValue.get(),
                    "keep the type, or " + finding.newVersion());
            return;
        }
        if (!AvroTypes.samePhysicalOrPromotable(before, after)) {
            return;
        }
        LogicalType was = before.getLogicalType();
        LogicalType is = after.getLogicalType();
        if (was instanceof LogicalTypes.Decimal oldDecimal && is instanceof LogicalTypes.Decimal newDecimal) {
            if (oldDecimal.getScale() != newDecimal.getScale()) {
                finding.add(found, path, Rule.DECIMAL_SCALE_CHANGED, Severity.ERROR,
                        AvroTypes.describe(before) + " -> " + AvroTypes.describe(after),
                        "the scale is not in the data, so a value written by " + finding.released.releaseLabel()
                                + " would be read " + scaleExample(oldDecimal.getScale(), newDecimal.getScale()),
                        "keep the scale, or " + finding.newVersion());
            } else if (newDecimal.getPrecision() < oldDecimal.getPrecision()) {
                finding.add(found, path, Rule.DECIMAL_PRECISION_LOWERED, Severity.ERROR,
                        AvroTypes.describe(before) + " -> " + AvroTypes.describe(after),
                        "values written by " + finding.released.releaseLabel() + " may not fit",
                        "keep the precision or raise it, or " + finding.newVersion());
            }
            return;
        }
        String wasName = was == null ? "" : was.getName();
        String isName = is == null ? "" : is.getName();
        if (!wasName.equals(isName)) {
            finding.add(found, path, Rule.LOGICAL_TYPE_CHANGED, Severity.ERROR,
                    AvroTypes.describe(before) + " -> " + AvroTypes.describe(after),
                    "the stored values would be read with another meaning, though Avro's own check accepts it",
                    "keep the type, or " + finding.newVersion());
        }
    }

    private void compareEnums(Finding finding, Schema old, Schema now, String path, Map<String, Violation> found) {
        TreeSet<String> removed = new TreeSet<>(old.getEnumSymbols());
        removed.removeAll(now.getEnumSymbols());
        TreeSet<String> added = new TreeSet<>(now.getEnumSymbols());
        added.removeAll(old.getEnumSymbols());
        if (!removed.isEmpty() && now.getEnumDefault() != null && mode.backward()) {
            finding.add(found, path, Rule.ENUM_DEFAULT_MASKS_SYMBOL, Severity.WARNING,
                    "symbols " + removed + " removed",
                    "data written by " + finding.released.releaseLabel() + " holding them now reads as "
                            + now.getEnumDefault(),
                    "make sure reading them as " + now.getEnumDefault() + " is right");
        }
        if (!added.isEmpty() && old.getEnumDefault() != null && mode.forward()) {
            finding.add(found, path, Rule.ENUM_DEFAULT_MASKS_SYMBOL, Severity.WARNING,
                    "symbols " + added + " added",
                    "readers deployed with " + finding.released.releaseLabel() + " read them as "
                            + old.getEnumDefault(),
                    "make sure old readers treating them as " + old.getEnumDefault() + " is right");
        }
    }

    private static String scaleExample(int oldScale, int newScale) {
        java.math.BigDecimal written = new java.math.BigDecimal("12.34").setScale(oldScale,
                java.math.RoundingMode.HALF_UP);
        java.math.BigDecimal read = new java.math.BigDecimal(written.unscaledValue(), newScale);
        return "as " + read.toPlainString() + " instead of " + written.toPlainString();
    }

    private static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
