package dev.stele.maven.check;

/**
 * A known break the project accepts against one baseline version, with the reason it is safe.
 *
 * @param field the field path as the violation names it; empty for the event as a whole
 * @param baseline the released version the break is accepted against; it applies to no other
 */
public record AcceptedBreak(String event, int version, Rule rule, String field, String baseline,
        String justification) {

    boolean matches(Violation violation, String baselineVersion) {
        return baseline.equals(baselineVersion) && event.equals(violation.event().name())
                && version == violation.event().version() && rule == violation.rule()
                && field.equals(violation.field());
    }

    String describe() {
        return event + " v" + version + (field.isEmpty() ? "" : " field '" + field + "'") + " [" + rule
                + "] against " + baseline;
    }
}
