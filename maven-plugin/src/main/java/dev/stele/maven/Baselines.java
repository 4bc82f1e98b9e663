package dev.stele.maven;

import dev.stele.maven.check.CheckRequest;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.VersionRangeRequest;
import org.eclipse.aether.resolution.VersionRangeResolutionException;
import org.eclipse.aether.resolution.VersionRangeResult;
import org.eclipse.aether.transfer.MetadataNotFoundException;
import org.eclipse.aether.version.Version;

/**
 * Finds the released artifact to compare with, through Maven's resolver: the local repository and
 * the project's remote repositories.
 */
final class Baselines {

    /** Versions that are releases: digits, optionally with a Final, GA or RELEASE suffix. */
    private static final Pattern RELEASE = Pattern.compile("\\d+(\\.\\d+)*([.-](Final|GA|RELEASE))?",
            Pattern.CASE_INSENSITIVE);

    private final RepositorySystem repositories;
    private final MavenSession session;
    private final MavenProject project;

    Baselines(RepositorySystem repositories, MavenSession session, MavenProject project) {
        this.repositories = repositories;
        this.session = session;
        this.project = project;
    }

    /** The artifact at exactly {@code version}. */
    CheckRequest.Baseline exactly(String version) throws MojoExecutionException {
        return resolve(version);
    }

    /**
     * The newest release below the project's version (no SNAPSHOT, no pre-release unless
     * {@code includePreReleases}), or empty if there is none.
     */
    Optional<CheckRequest.Baseline> newestBelowProject(boolean includePreReleases) throws MojoExecutionException {
        Artifact range = new DefaultArtifact(project.getGroupId(), project.getArtifactId(), "jar",
                "(," + project.getVersion() + ")");
        VersionRangeResult result;
        try {
            result = repositories.resolveVersionRange(session.getRepositorySession(),
                    new VersionRangeRequest(range, project.getRemoteProjectRepositories(), null));
        } catch (VersionRangeResolutionException e) {
            throw new MojoExecutionException("Cannot list the released versions of " + range + ": " + e.getMessage(), e);
        }
        if (result.getVersions().isEmpty() && !session.isOffline()) {
            for (Exception problem : result.getExceptions()) {
                if (!(problem instanceof MetadataNotFoundException)) {
                    throw new MojoExecutionException("Cannot list the released versions of " + range + ": "
                            + problem.getMessage(), problem);
                }
            }
        }
        List<Version> versions = result.getVersions();
        for (int i = versions.size() - 1; i >= 0; i--) {
            String version = versions.get(i).toString();
            if (isRelease(version) || includePreReleases && !version.endsWith("-SNAPSHOT")) {
                return Optional.of(resolve(version));
            }
        }
        return Optional.empty();
    }

    static boolean isRelease(String version) {
        return RELEASE.matcher(version).matches();
    }

    private CheckRequest.Baseline resolve(String version) throws MojoExecutionException {
        Artifact artifact = new DefaultArtifact(project.getGroupId(), project.getArtifactId(), "jar", version);
        try {
            Artifact resolved = repositories.resolveArtifact(session.getRepositorySession(),
                    new ArtifactRequest(artifact, project.getRemoteProjectRepositories(), null)).getArtifact();
            return new CheckRequest.Baseline(version, resolved.getFile().toPath());
        } catch (ArtifactResolutionException e) {
            throw new MojoExecutionException("Cannot resolve the baseline " + artifact + ": " + e.getMessage(), e);
        }
    }
}
