package dev.stele.maven.inspect;

import dev.stele.inspect.Inspector;
import dev.stele.inspect.ParkedEventDetail;
import dev.stele.inspect.ProjectionReport;
import dev.stele.replication.FailedEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** {@code stele:parked}: the parked events of one projection or of every one, or one parked event in full. */
public final class ParkedReport {

    private ParkedReport() {
    }

    /** The event id given with {@code -Dstele.event}, checked before connecting. */
    public static UUID eventId(String value) throws GoalFailure {
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw new GoalFailure("-Dstele.event must be an event id (a UUID, as stele:parked lists them), got '"
                    + value + "'.");
        }
    }

    /** Each projection's parked events, oldest first: {@code projection} alone when given, else every registered one. */
    public static String list(Inspector inspector, String projection) throws GoalFailure {
        List<String> projections = projections(inspector, projection);
        StringBuilder out = new StringBuilder();
        for (String name : projections) {
            List<FailedEvent> parked = inspector.parked(name);
            out.append(name).append(": ").append(parked.size()).append(" parked event")
                    .append(parked.size() == 1 ? "" : "s").append('\n');
            for (FailedEvent event : parked) {
                out.append("  ").append(event).append('\n');
            }
        }
        return out.toString();
    }

    /** One parked event with its stored payload and the event decoded, searched in {@code projection} or every one. */
    public static String detail(Inspector inspector, String projection, UUID eventId) throws GoalFailure {
        List<String> projections = projections(inspector, projection);
        StringBuilder out = new StringBuilder();
        for (String name : projections) {
            Optional<ParkedEventDetail> detail = inspector.parkedEvent(name, eventId);
            detail.ifPresent(d -> out.append(name).append(": ").append(d).append('\n'));
        }
        if (out.length() == 0) {
            throw new GoalFailure("No parked event " + eventId + (projection != null ? " of projection " + projection
                    : " in any projection") + "; stele:parked lists the parked events.");
        }
        return out.toString();
    }

    private static List<String> projections(Inspector inspector, String projection) throws GoalFailure {
        List<String> registered = new ArrayList<>();
        for (ProjectionReport report : inspector.status().projections()) {
            registered.add(report.name());
        }
        if (projection == null) {
            return registered;
        }
        if (!registered.contains(projection)) {
            throw new GoalFailure("No projection " + projection + " is registered in this store; registered: "
                    + registered + ".");
        }
        return List.of(projection);
    }
}
