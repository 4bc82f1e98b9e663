package dev.stele.maven;

import dev.stele.maven.inspect.GoalFailure;
import dev.stele.maven.inspect.InspectSession;
import dev.stele.maven.inspect.StreamsReport;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Lists a Stele database's stream categories and streams, with their number of events and the times of their first
 * and last event. {@code -Dstele.category} and {@code -Dstele.stream} narrow the list.
 */
@Mojo(name = "streams", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class StreamsMojo extends AbstractInspectMojo {

    /** Only the streams of this category. */
    @Parameter(property = "stele.category")
    private String category;

    /**
     * Only streams whose name begins with this: {@code order-o-1} lists {@code order-o-1}, {@code order-o-10}, …;
     * with {@code stele.category}, the beginning of the id.
     */
    @Parameter(property = "stele.stream")
    private String stream;

    /** At most this many streams. */
    @Parameter(property = "stele.limit", defaultValue = "100")
    private int limit;

    @Override
    String goal() {
        return "streams";
    }

    @Override
    void checkParameters() throws GoalFailure {
        if (limit < 1) {
            throw new GoalFailure("-Dstele.limit must be 1 or more, got " + limit + ".");
        }
    }

    @Override
    void inspect(InspectSession session) throws GoalFailure {
        print(session.run(inspector -> StreamsReport.text(inspector, category, stream, limit)));
    }
}
