package dev.stele.maven.check;

import dev.stele.maven.schema.EventKey;

/**
 * One finding of the check, worded for the build log: what broke, where, between which schemas, and
 * the fix.
 *
 * @param field the field path, empty for the event as a whole
 * @param detail what changed, such as {@code long -> string}
 * @param consequence what goes wrong, such as {@code data written by 1.3.0 cannot be read}
 * @param fix what to do
 * @param oldSchema the released schema, as JSON
 * @param newSchema this build's schema, as JSON, or empty if the event version is gone
 */
public record Violation(EventKey event, String field, Rule rule, Severity severity, String mode, String detail,
        String consequence, String fix, String oldSchema, String newSchema) {

    /** How much a finding matters. */
    public enum Severity {
        ERROR,
        WARNING
    }

    /**
     * {@code OrderPaid v2 field 'amount' [TYPE_CHANGED, FULL] long -> string: data written by 1.3.0
     * cannot be read. Fix: keep the type, or add version 3 with an @Upcast from version 2.}
     */
    public String line() {
        StringBuilder line = new StringBuilder().append(event.name()).append(" v").append(event.version());
        if (!field.isEmpty()) {
            line.append(" field '").append(field).append('\'');
        }
        line.append(" [").append(rule).append(", ").append(mode).append("] ");
        if (!detail.isEmpty()) {
            line.append(detail).append(": ");
        }
        return line.append(consequence).append(". Fix: ").append(fix).append('.').toString();
    }
}
