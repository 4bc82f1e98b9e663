package dev.stele.inspect;

import dev.stele.projection.Lsn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Stele's slots and projections as the database records them, read at one moment.
 *
 * @param currentLsn the server's log insert position when it was read
 * @param stopsRecorded whether the schema records stopped projections (migration 4); false on an older schema, where
 *     a stopped projection is only seen by its runner
 */
public record InspectionStatus(Instant readAt, Lsn currentLsn, List<SlotReport> slots,
        List<ProjectionReport> projections, boolean stopsRecorded) {

    public InspectionStatus {
        slots = List.copyOf(slots);
        projections = List.copyOf(projections);
    }

    /**
     * Whether nothing needs an operator: no registered slot is missing or lost, and no projection is stopped. A
     * version rebuilding beside the current one, or superseded and not yet retired, is not a problem.
     */
    public boolean healthy() {
        return problems().isEmpty();
    }

    /** What makes it unhealthy, one sentence each; empty when healthy. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (SlotReport slot : slots) {
            if (slot.slot().isEmpty()) {
                problems.add("slot " + slot.slotName() + " of " + slot.users() + " is missing: its reader cannot resume"
                        + " without skipping what it held");
            } else if (slot.unusable()) {
                problems.add("slot " + slot.slotName() + " of " + slot.users() + " is lost (wal_status lost): the log"
                        + " it needs was removed");
            }
        }
        for (ProjectionReport projection : projections) {
            projection.stoppedOn().ifPresent(event -> problems.add("projection " + projection.name()
                    + " is stopped on " + event));
        }
        return problems;
    }

    public Optional<SlotReport> slot(String slotName) {
        return slots.stream().filter(s -> s.slotName().equals(slotName)).findFirst();
    }

    public Optional<ProjectionReport> projection(String name) {
        return projections.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /** The registered versions of the {@code @Projection} named {@code projectionName}, oldest first. */
    public List<ProjectionReport> versions(String projectionName) {
        return projections.stream().filter(p -> p.projectionName().equals(projectionName))
                .sorted(java.util.Comparator.comparingInt(ProjectionReport::version)).toList();
    }

    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(healthy() ? "healthy" : "UNHEALTHY").append(" at ").append(readAt)
                .append(" (log at ").append(currentLsn).append(')');
        slots.forEach(s -> text.append("\n  slot ").append(s));
        projections.forEach(p -> text.append("\n  projection ").append(p));
        problems().forEach(p -> text.append("\n  problem: ").append(p));
        return text.toString();
    }
}
