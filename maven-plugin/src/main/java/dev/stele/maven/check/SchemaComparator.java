package dev.stele.maven.check;

import dev.stele.format.EventSchemaNames;
import dev.stele.maven.check.Violation.Severity;
import dev.stele.maven.schema.EventKey;
import dev.stele.maven.schema.ReleasedSchema;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * Compares this build's schema of an event version with a released schema: Avro's own resolution check
 * ({@link AvroResolution}) in each direction the mode asks for, then what Avro does not look at
 * ({@link SteleRules}).
 */
final class SchemaComparator {

    private final CompatibilityMode mode;

    SchemaComparator(CompatibilityMode mode) {
        this.mode = mode;
    }

    /** This build's schema of {@code key} against one released schema of the same version. */
    List<Violation> compare(EventKey key, ReleasedSchema released, Schema current) {
        Finding finding = new Finding(key, released, current, mode.name());
        if (mode.backward()) {
            AvroResolution.check(finding, current, released.schema(), true);
        }
        if (mode.forward()) {
            AvroResolution.check(finding, released.schema(), current, false);
        }
        if (mode != CompatibilityMode.NONE) {
            new SteleRules(mode.backward(), mode.forward()).compareRecords(finding, released.schema(), current, "");
        }
        return finding.violations();
    }

    /**
     * Whether data written as {@code key}, a new version, can be read by the reader of the released
     * {@code readerVersion}, the latest version readers deployed with some release know: Avro's resolution
     * (after moving the new schema to the old version's names, as the runtime does) and Stele's own rules,
     * forward only. Each finding is a {@link Rule#NEW_VERSION_UNREADABLE} naming the rule it broke.
     */
    List<Violation> compareNewVersion(EventKey key, int readerVersion, ReleasedSchema reader, Schema current) {
        Schema writer = EventSchemaNames.asVersion(current, readerVersion);
        Finding finding = new Finding(key, reader, current, mode.name());
        AvroResolution.check(finding, reader.schema(), writer, false);
        new SteleRules(false, true).compareRecords(finding, reader.schema(), writer, "");
        List<Violation> unreadable = new ArrayList<>();
        for (Violation violation : finding.violations()) {
            if (violation.severity() != Severity.ERROR) {
                continue;
            }
            unreadable.add(new Violation(key, violation.field(), Rule.NEW_VERSION_UNREADABLE, Severity.ERROR,
                    mode.name(), violation.detail() + " (" + violation.rule() + " against v" + readerVersion + ")",
                    "readers deployed with " + reader.releaseLabel() + " know " + key.name() + " up to v"
                            + readerVersion + " and read v" + key.version() + " with that reader, which cannot read"
                            + " it",
                    keep(violation.rule(), readerVersion) + " in v" + key.version() + " so that v" + readerVersion
                            + "'s reader reads it, or publish the new shape under a new event name; if no reader of "
                            + reader.releaseLabel() + " remains, check with BACKWARD compatibility",
                    violation.oldSchema(), violation.newSchema()));
        }
        return unreadable;
    }

    /** What to keep so that an older version's reader reads a new version. */
    private static String keep(Rule broken, int readerVersion) {
        return switch (broken) {
            case FIELD_REMOVED_WITHOUT_DEFAULT -> "keep the field";
            case FIELD_RENAMED -> "keep the field's name";
            case FIXED_SIZE_CHANGED -> "keep the size";
            case ENUM_SYMBOL_ADDED -> "keep to the symbols v" + readerVersion + " knows (a @Default on v"
                    + readerVersion + "'s enum, released first, would let its readers take new ones)";
            case UNION_BRANCH_REMOVED -> "keep the field as optional or required as v" + readerVersion + " has it";
            case NAME_CHANGED -> "keep the nested type's simple name";
            case DECIMAL_SCALE_CHANGED -> "keep the scale";
            case DECIMAL_PRECISION_RAISED -> "keep the precision";
            default -> "keep the type";
        };
    }
}
