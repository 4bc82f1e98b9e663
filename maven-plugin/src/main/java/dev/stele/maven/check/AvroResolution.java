package dev.stele.maven.check;

import dev.stele.maven.check.Violation.Severity;
import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;

/**
 * Avro's own resolution check of a reader and a writer schema, each incompatibility worded as a
 * violation: the field, what changed, what goes wrong and the fix.
 */
final class AvroResolution {

    private AvroResolution() {
    }

    /**
     * Records what keeps {@code reader} from reading data written with {@code writer}.
     *
     * @param backward whether the reader is this build's schema (it must read released data), rather than
     *     a released one (released readers must read this build's data)
     */
    static void check(Finding finding, Schema reader, Schema writer, boolean backward) {
        List<Incompatibility> problems = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer)
                .getResult().getIncompatibilities();
        for (Incompatibility problem : problems) {
            String path = AvroTypes.fieldPath(reader, problem.getLocation());
            switch (problem.getType()) {
                case READER_FIELD_MISSING_DEFAULT_VALUE: {
                    String name = problem.getMessage();
                    String field = path.equals(name) || path.endsWith("." + name) ? path : Finding.join(path, name);
                    missingField(finding, reader, writer, field, name, backward);
                    break;
                }
                case TYPE_MISMATCH: {
                    Schema old = backward ? problem.getWriterFragment() : problem.getReaderFragment();
                    Schema now = backward ? problem.getReaderFragment() : problem.getWriterFragment();
                    finding.add(path, Rule.TYPE_CHANGED, Severity.ERROR,
                            AvroTypes.describe(old) + " -> " + AvroTypes.describe(now),
                            backward ? finding.oldData() : finding.oldReaders(),
                            "keep the type, or " + finding.newVersion());
                    break;
                }
                case MISSING_ENUM_SYMBOLS:
                    if (backward) {
                        finding.add(path, Rule.ENUM_SYMBOL_REMOVED, Severity.ERROR,
                                "symbols " + problem.getMessage() + " removed",
                                "data written by " + finding.released.releaseLabel() + " may hold them",
                                "keep the symbols, or give the field a @Default that stands in for them");
                    } else {
                        finding.add(path, Rule.ENUM_SYMBOL_ADDED, Severity.ERROR,
                                "symbols " + problem.getMessage() + " added",
                                "readers deployed with " + finding.released.releaseLabel() + " do not know them",
                                "release a @Default on the field first, or " + finding.newVersion());
                    }
                    break;
                case MISSING_UNION_BRANCH:
                    finding.add(path, Rule.UNION_BRANCH_REMOVED, Severity.ERROR,
                            AvroTypes.describe(problem.getWriterFragment()) + " no longer readable",
                            backward ? "data written by " + finding.released.releaseLabel() + " may hold "
                                    + AvroTypes.describe(problem.getWriterFragment()) + " values"
                                    : finding.oldReaders(),
                            "keep the field optional (or required) as released, or " + finding.newVersion());
                    break;
                case NAME_MISMATCH:
                    finding.add(path, Rule.NAME_CHANGED, Severity.ERROR,
                            (backward ? problem.getWriterFragment() : problem.getReaderFragment()).getFullName()
                                    + " -> " + (backward ? problem.getReaderFragment()
                                            : problem.getWriterFragment()).getFullName(),
                            backward ? finding.oldData() : finding.oldReaders(),
                            "keep the nested type's simple name (Stele names it after the class), or "
                                    + finding.newVersion());
                    break;
                default:
                    finding.add(path, Rule.FIXED_SIZE_CHANGED, Severity.ERROR, problem.getMessage(),
                            backward ? finding.oldData() : finding.oldReaders(),
                            "keep the size, or " + finding.newVersion());
            }
        }
    }

    /** A reader field without default that the writer lacks: added, removed or renamed. */
    private static void missingField(Finding finding, Schema reader, Schema writer, String path, String name,
            boolean backward) {
        Schema.Field readerField = findField(reader, path);
        if (backward) {
            String hint = renameCandidate(writer, reader, readerField)
                    .map(old -> "; if it was renamed from '" + old + "', add @Alias(\"" + old + "\")").orElse("");
            finding.add(path, Rule.FIELD_ADDED_WITHOUT_DEFAULT, Severity.ERROR,
                    "new field " + describe(readerField),
                    "data written by " + finding.released.releaseLabel() + " has no value for it",
                    "give the field a @Default or make it Optional, or " + finding.newVersion() + hint);
            return;
        }
        Schema.Field renamed = fieldWithAlias(writer, path, name);
        if (renamed != null) {
            String renamedPath = path.substring(0, path.length() - name.length()) + renamed.name();
            finding.add(renamedPath, Rule.FIELD_RENAMED, Severity.ERROR,
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
        finding.add(path, Rule.FIELD_REMOVED_WITHOUT_DEFAULT, Severity.ERROR,
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

}
