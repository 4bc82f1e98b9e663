package dev.stele.maven;

import dev.stele.maven.inspect.GoalFailure;
import dev.stele.maven.inspect.InspectSession;
import dev.stele.maven.inspect.ParkedReport;
import java.util.UUID;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists the events projections parked (poison policy {@code PARK}), oldest first; {@code -Dstele.event=<id>} shows
 * one with its stored payload and the event decoded with the project's catalog. Applying them again needs the
 * projection's handler: that is {@code ProjectionRunner.replayParked}, in the application.
 */
@Mojo(name = "parked", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ParkedMojo extends AbstractInspectMojo {

    /** Only this projection's parked events. */
    @Parameter(property = "stele.projection")
    private String projection;

    /** Shows this parked event (its id) in full. */
    @Parameter(property = "stele.event")
    private String event;

    private UUID eventId;

    @Override
    String goal() {
        return "parked";
    }

    @Override
    void checkParameters() throws GoalFailure {
        eventId = event == null || event.isBlank() ? null : ParkedReport.eventId(event);
    }

    @Override
    void inspect(InspectSession session) throws GoalFailure {
        print(session.run(inspector -> eventId == null ? ParkedReport.list(inspector, projection)
                : ParkedReport.detail(inspector, projection, eventId)));
    }
}
