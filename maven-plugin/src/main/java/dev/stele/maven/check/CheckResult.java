package dev.stele.maven.check;

import java.util.List;

/**
 * What the check found.
 *
 * @param errors violations that fail the build
 * @param accepted violations an {@code <acceptedBreaks>} entry accepts, with it
 * @param warnings findings that do not fail the build
 * @param notes one-line facts for the log (baseline used, events checked, history written)
 */
public record CheckResult(List<Violation> errors, List<Accepted> accepted, List<Violation> warnings,
        List<String> notes) {

    /** A violation and the entry that accepted it. */
    public record Accepted(Violation violation, AcceptedBreak entry) {
    }

    public boolean failed() {
        return !errors.isEmpty();
    }
}
