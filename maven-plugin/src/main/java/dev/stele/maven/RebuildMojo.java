package dev.stele.maven;

import dev.stele.maven.inspect.GoalFailure;
import dev.stele.maven.inspect.InspectSession;
import dev.stele.maven.inspect.RebuildWatch;
import java.time.Duration;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Follows the rebuild of a projection to its switch: the newest registered version of {@code -Dstele.projection},
 * which the application's {@code ProjectionRunner} catches up from the events table beside the live version, joins
 * to the slot and makes current once it has drawn level. The goal only reads the database (the rebuild runs in the
 * runner, the one that holds the slot); it prints the progress and succeeds when the new version is current. It
 * fails when the projection is unknown, has no version newer than the current one, or its new version stopped on a
 * poison event, and when {@code -Dstele.timeout} passes first.
 */
@Mojo(name = "rebuild", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class RebuildMojo extends AbstractInspectMojo {

    /** The projection's name, as in {@code @Projection(name = …)}. */
    @Parameter(property = "stele.projection")
    private String projection;

    /** Seconds to wait for the new version to be current; 0 waits as long as it takes. */
    @Parameter(property = "stele.timeout", defaultValue = "0")
    private long timeout;

    /** Seconds between two reads of the status (longer when counting the catch-up takes long). */
    @Parameter(property = "stele.poll", defaultValue = "2")
    private double poll;

    @Override
    String goal() {
        return "rebuild";
    }

    @Override
    void checkParameters() throws GoalFailure {
        if (projection == null || projection.isBlank()) {
            throw new GoalFailure("Which projection? Give -Dstele.projection=<name> (its @Projection name);"
                    + " stele:status lists them.");
        }
        if (timeout < 0) {
            throw new GoalFailure("-Dstele.timeout is in seconds, 0 for no limit; got " + timeout + ".");
        }
        if (!(poll > 0)) {
            throw new GoalFailure("-Dstele.poll is in seconds and more than 0; got " + poll + ".");
        }
    }

    @Override
    void inspect(InspectSession session) throws GoalFailure {
        RebuildWatch.Settings settings = new RebuildWatch.Settings(Duration.ofSeconds(timeout),
                Duration.ofMillis(Math.max(1, Math.round(poll * 1000))), System.console() != null);
        String done = session.run(inspector -> new RebuildWatch(inspector::status, RebuildWatch.Clock.SYSTEM,
                System.out, settings).follow(projection.trim()));
        print(done);
    }
}
