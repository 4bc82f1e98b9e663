package dev.stele.maven.inspect;

import dev.stele.inspect.InspectionStatus;
import dev.stele.inspect.format.StatusJson;
import dev.stele.inspect.format.StatusText;
import java.util.Locale;

/** {@code stele:status}: slots, projections and parked counts as a table or JSON; unhealthy fails the build. */
public final class StatusReport {

    private StatusReport() {
    }

    public static String text(InspectionStatus status, String format) throws GoalFailure {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "table" -> StatusText.status(status);
            case "json" -> StatusJson.json(status);
            default -> throw new GoalFailure("Unknown status format '" + format + "': use -Dstele.format=table or"
                    + " json.");
        };
    }

    /** The one line the build fails with when the status is not healthy. */
    public static String failure(InspectionStatus status) {
        return "Stele status is UNHEALTHY: " + String.join("; ", status.problems());
    }
}
