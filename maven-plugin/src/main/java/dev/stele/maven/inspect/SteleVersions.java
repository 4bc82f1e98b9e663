package dev.stele.maven.inspect;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The database goals read with the plugin's own Stele classes (the project's class loader asks the plugin's first),
 * so a project on another Stele version is read by this plugin's version: say so, before a mismatch shows up as
 * something stranger.
 */
public final class SteleVersions {

    private SteleVersions() {
    }

    /**
     * A warning if a {@code dev.stele} runtime artifact of the project ({@code artifactId → version}) is not at the
     * plugin's version; empty otherwise.
     */
    public static Optional<String> mismatch(Map<String, String> steleArtifacts, String pluginVersion) {
        Map<String, String> other = new TreeMap<>();
        steleArtifacts.forEach((artifact, version) -> {
            if (!version.equals(pluginVersion)) {
                other.put(artifact, version);
            }
        });
        if (other.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder found = new StringBuilder();
        other.forEach((artifact, version) -> found.append(found.length() == 0 ? "" : ", ").append(artifact).append(' ')
                .append(version));
        return Optional.of("The project uses " + found + ", but this is stele-maven-plugin " + pluginVersion
                + ", whose Stele classes read the database and the project's catalog. Give the plugin the project's"
                + " Stele version (one version for the BOM, the processor and the plugin), or results may differ from"
                + " what the application sees.");
    }
}
