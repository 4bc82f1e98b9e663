package dev.stele.maven.check;

import dev.stele.maven.check.Violation.Severity;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;

/**
 * What Avro's resolution does not look at and would let through: logical types, decimal scale and
 * precision, promotions that change values, changed defaults, enum defaults that hide symbols. Checked in
 * the directions a comparison needs: backward (this build reads released data), forward (released
 * readers read this build's data).
 */
final class SteleRules {

    private final boolean backward;
    private final boolean forward;

    SteleRules(boolean backward, boolean forward) {
        this.backward = backward;
        this.forward = forward;
    }

    /** Fields matched by name or by an alias of the new field, compared for what Avro does not check. */
    void compareRecords(Finding finding, Schema old, Schema now, String path) {
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
            String fieldPath = Finding.join(path, field.name());
            if (before.hasDefaultValue() && field.hasDefaultValue()
                    && !Objects.deepEquals(before.defaultVal(), field.defaultVal())) {
                finding.add(fieldPath, Rule.DEFAULT_CHANGED, Severity.WARNING,
                        "default " + before.defaultVal() + " -> " + field.defaultVal(),
                        "data written before the field existed now reads as " + field.defaultVal(),
                        "keep the default unless that change of meaning is intended");
            }
            compareTypes(finding, before.schema(), field.schema(), fieldPath);
        }
    }

    private void compareTypes(Finding finding, Schema old, Schema now, String path) {
        Schema before = AvroTypes.nonNull(old);
        Schema after = AvroTypes.nonNull(now);
        if (before.getType() == Schema.Type.RECORD && after.getType() == Schema.Type.RECORD) {
            compareRecords(finding, before, after, path);
            return;
        }
        if (before.getType() == Schema.Type.ARRAY && after.getType() == Schema.Type.ARRAY) {
            compareTypes(finding, before.getElementType(), after.getElementType(), path + "[]");
            return;
        }
        if (before.getType() == Schema.Type.MAP && after.getType() == Schema.Type.MAP) {
            compareTypes(finding, before.getValueType(), after.getValueType(), path + "{}");
            return;
        }
        if (before.getType() == Schema.Type.ENUM && after.getType() == Schema.Type.ENUM) {
            compareEnums(finding, before, after, path);
            return;
        }
        Optional<String> changedValue = AvroTypes.valueChange(before.getType(), after.getType());
        if (changedValue.isPresent()) {
            finding.add(path, Rule.VALUE_CHANGING_PROMOTION, Severity.ERROR,
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
                finding.add(path, Rule.DECIMAL_SCALE_CHANGED, Severity.ERROR,
                        AvroTypes.describe(before) + " -> " + AvroTypes.describe(after),
                        "the scale is not in the data, so a value written by " + finding.released.releaseLabel()
                                + " would be read " + scaleExample(oldDecimal.getScale(), newDecimal.getScale()),
                        "keep the scale, or " + finding.newVersion());
            } else if (backward && newDecimal.getPrecision() < oldDecimal.getPrecision()) {
                finding.add(path, Rule.DECIMAL_PRECISION_LOWERED, Severity.ERROR,
                        AvroTypes.describe(before) + " -> " + AvroTypes.describe(after),
                        "values written by " + finding.released.releaseLabel() + " may not fit",
                        "keep the precision or raise it, or " + finding.newVersion());
            } else if (forward && newDecimal.getPrecision() > oldDecimal.getPrecision()) {
                finding.add(path, Rule.DECIMAL_PRECISION_RAISED, Severity.ERROR,
                        AvroTypes.describe(before) + " -> " + AvroTypes.describe(after),
                        "readers deployed with " + finding.released.releaseLabel() + " read at precision "
                                + oldDecimal.getPrecision() + ": larger values written by this build would not fit",
                        "keep the precision, or " + finding.newVersion());
            }
            return;
        }
        String wasName = was == null ? "" : was.getName();
        String isName = is == null ? "" : is.getName();
        if (!wasName.equals(isName)) {
            finding.add(path, Rule.LOGICAL_TYPE_CHANGED, Severity.ERROR,
                    AvroTypes.describe(before) + " -> " + AvroTypes.describe(after),
                    "the stored values would be read with another meaning, though Avro's own check accepts it",
                    "keep the type, or " + finding.newVersion());
        }
    }

    private void compareEnums(Finding finding, Schema old, Schema now, String path) {
        TreeSet<String> removed = new TreeSet<>(old.getEnumSymbols());
        removed.removeAll(now.getEnumSymbols());
        TreeSet<String> added = new TreeSet<>(now.getEnumSymbols());
        added.removeAll(old.getEnumSymbols());
        if (!removed.isEmpty() && now.getEnumDefault() != null && backward) {
            finding.add(path, Rule.ENUM_DEFAULT_MASKS_SYMBOL, Severity.WARNING,
                    "symbols " + removed + " removed",
                    "data written by " + finding.released.releaseLabel() + " holding them now reads as "
                            + now.getEnumDefault(),
                    "make sure reading them as " + now.getEnumDefault() + " is right");
        }
        if (!added.isEmpty() && old.getEnumDefault() != null && forward) {
            finding.add(path, Rule.ENUM_DEFAULT_MASKS_SYMBOL, Severity.WARNING,
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

}
