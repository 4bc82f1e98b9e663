package dev.stele.maven;

import dev.stele.maven.inspect.GoalFailure;
import dev.stele.maven.inspect.InspectSession;
import dev.stele.maven.inspect.ReplayReport;
import dev.stele.maven.inspect.StreamName;
import dev.stele.store.StreamId;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Replays one stream: its events decoded with the project's catalog and upcast to their latest version, with the
 * aggregate's state after each when the category is an {@code @Aggregate}'s; as a table, JSON lines or a Mermaid
 * diagram.
 */
@Mojo(name = "replay", requiresDependencyResolution = ResolutionScope.RUNTIME, threadSafe = true)
public class ReplayMojo extends AbstractInspectMojo {

    /** The stream, {@code <category>-<id>}: split at the first {@code -} ({@code order-o-1001}). */
    @Parameter(property = "stele.stream")
    private String stream;

    /** The stream's category, when it has a {@code -}; then {@code stele.id} (or {@code stele.stream}) is the id. */
    @Parameter(property = "stele.category")
    private String category;

    /** The stream's id, with {@code stele.category}. */
    @Parameter(property = "stele.id")
    private String id;

    /** {@code table}, {@code jsonl} or {@code mermaid}. */
    @Parameter(property = "stele.format", defaultValue = "table")
    private String format;

    /** The first stream version to show (1 is the first event). */
    @Parameter(property = "stele.from", defaultValue = "1")
    private long from;

    /** At most this many events. */
    @Parameter(property = "stele.limit", defaultValue = "100")
    private int limit;

    private StreamId streamId;
    private ReplayReport.Format replayFormat;

    @Override
    String goal() {
        return "replay";
    }

    @Override
    void checkParameters() throws GoalFailure {
        streamId = StreamName.parse(stream, category, id);
        replayFormat = ReplayReport.Format.parse(format);
        ReplayReport.checkRange(from, limit);
    }

    @Override
    void inspect(InspectSession session) throws GoalFailure {
        print(session.run(inspector -> ReplayReport.text(inspector, streamId, from, limit, replayFormat)));
    }
}
