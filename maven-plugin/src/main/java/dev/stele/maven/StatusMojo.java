package dev.stele.maven;

import dev.stele.inspect.InspectionStatus;
import dev.stele.maven.inspect.GoalFailure;
import dev.stele.maven.inspect.InspectSession;
import dev.stele.maven.inspect.StatusReport;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Prints the slots Stele registered and its projections (phase, checkpoint, lag, parked events) and fails the build
 * when the status is not healthy (a slot missing or lost, a projection stopped): a health check for scripts.
 */
@Mojo(name = "status", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StatusMojo extends AbstractInspectMojo {

    /** {@code table} or {@code json}. */
    @Parameter(property = "stele.format", defaultValue = "table")
    private String format;

    @Override
    String goal() {
        return "status";
    }

    @Override
    void checkParameters() throws GoalFailure {
        if (!format.equalsIgnoreCase("table") && !format.equalsIgnoreCase("json")) {
            throw new GoalFailure("Unknown status format '" + format + "': use -Dstele.format=table or json.");
        }
    }

    @Override
    void inspect(InspectSession session) throws GoalFailure, MojoFailureException {
        InspectionStatus status = session.run(inspector -> inspector.status());
        print(StatusReport.text(status, format));
        if (!status.healthy()) {
            throw new MojoFailureException(StatusReport.failure(status));
        }
    }
}
