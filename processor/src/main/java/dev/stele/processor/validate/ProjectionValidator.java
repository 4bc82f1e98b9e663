package dev.stele.processor.validate;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.EventDeclaration;
import dev.stele.processor.model.HandleModel;
import dev.stele.processor.model.ProjectionModel;
import dev.stele.processor.parse.Mirrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks what the runtime relies on in a projection beyond its shape: a name it can store checkpoints
 * under, a version from 1 up, one handler per event, each taking the latest version; and, for the module, one
 * projection per name and version (two versions of one name are the old and the new read model of a
 * rebuild).
 */
public final class ProjectionValidator {

    /** What {@code @Projection} promises of a name: the runtime stores the projection's checkpoints under it. */
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]{0,62}");

    private final Diagnostics diagnostics;

    public ProjectionValidator(Diagnostics diagnostics) {
        this.diagnostics = diagnostics;
    }

    /**
     * Whether the projection passes every check; reports each failure.
     *
     * @param latestVersions the latest version of each event name the compilation declares
     */
    public boolean validate(ProjectionModel projection, Map<String, EventDeclaration> latestVersions) {
        int errorsBefore = diagnostics.errorCount();
        if (!isValidName(projection.name())) {
            diagnostics.error(Message.PROJECTION_NAME_INVALID, projection.element(), projection.annotation(),
                    Mirrors.explicitValue(projection.annotation(), "name"), projection.name());
        }
        if (projection.version() < 1) {
            diagnostics.error(Message.PROJECTION_VERSION_INVALID, projection.element(), projection.annotation(),
                    Mirrors.explicitValue(projection.annotation(), "version"), projection.version());
        }
        Map<String, HandleModel> byEvent = new HashMap<>();
        for (HandleModel handler : projection.handlers()) {
            EventDeclaration taken = handler.event();
            EventDeclaration latest = latestVersions.get(taken.name());
            if (latest != null && taken.version() < latest.version()) {
                diagnostics.error(Message.HANDLE_OLDER_VERSION, handler.eventParameter(), label(projection, handler),
                        taken.simpleName(), taken.version(), taken.name(), latest.simpleName(), latest.version());
            }
            HandleModel known = byEvent.putIfAbsent(taken.name(), handler);
            if (known != null) {
                diagnostics.error(Message.HANDLE_DUPLICATE, handler.method(), projection.simpleName(), taken.name(),
                        known.label(), handler.label());
            }
        }
        return diagnostics.errorCount() == errorsBefore;
    }

    /**
     * Reports each projection whose name and version an earlier one of the list already has, on its name,
     * naming the first. One name with different versions is allowed: the class of the current version is kept
     * next to the new one while the new one rebuilds.
     *
     * @param projections the module's projections, sorted by qualified name
     */
    public void validateNames(List<ProjectionModel> projections) {
        Map<NameAndVersion, ProjectionModel> byName = new HashMap<>();
        for (ProjectionModel projection : projections) {
            if (!isValidName(projection.name()) || projection.version() < 1) {
                continue; // reported as such
            }
            ProjectionModel first = byName.putIfAbsent(new NameAndVersion(projection.name(), projection.version()),
                    projection);
            if (first != null) {
                diagnostics.error(Message.PROJECTION_DUPLICATE, projection.element(), projection.annotation(),
                        Mirrors.explicitValue(projection.annotation(), "name"), projection.name(),
                        projection.version(), first.qualifiedName(), projection.simpleName());
            }
        }
    }

    private record NameAndVersion(String name, int version) {
    }

    private static boolean isValidName(String name) {
        return NAME.matcher(name).matches();
    }

    private static String label(ProjectionModel projection, HandleModel handler) {
        return projection.simpleName() + "." + handler.methodName();
    }
}
