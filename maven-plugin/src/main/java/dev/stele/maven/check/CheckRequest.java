package dev.stele.maven.check;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Everything the check needs, independent of Maven.
 *
 * @param classes the build's class output, where the processor wrote the schemas and the history goes
 * @param projectVersion this build's version, recorded in the history for the schemas it adds
 * @param baseline the released jar to compare with and its version, if there is one
 * @param reportDirectory where the markdown and JSON reports go
 */
public record CheckRequest(Path classes, String projectVersion, Optional<Baseline> baseline,
        CompatibilityMode mode, List<AcceptedBreak> acceptedBreaks, List<RetiredEvent> retired,
        Path reportDirectory) {

    /** The released artifact to compare with. */
    public record Baseline(String version, Path jar) {
    }
}
