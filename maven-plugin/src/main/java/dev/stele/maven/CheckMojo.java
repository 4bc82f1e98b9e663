package dev.stele.maven;

import dev.stele.format.SteleResources;
import dev.stele.maven.check.CheckRequest;
import dev.stele.maven.check.CheckResult;
import dev.stele.maven.check.CheckService;
import dev.stele.maven.check.CompatibilityMode;
import dev.stele.maven.check.ConfigurationException;
import dev.stele.maven.check.Violation;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * Fails the build when an event schema changed in a way that breaks events already released: compares
 * the schemas the Stele processor wrote with those of the newest released version of this artifact,
 * and writes the schema history (every schema ever released) into the build's classes.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class CheckMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Component
    private RepositorySystem repositories;

    /** Skips the check (and the schema history). */
    @Parameter(property = "stele.skip", defaultValue = "false")
    private boolean skip;

    /** The released version to compare with; by default the newest release below the project's version. */
    @Parameter(property = "stele.baselineVersion")
    private String baselineVersion;

    /** BACKWARD, FORWARD, FULL, their _TRANSITIVE forms, or NONE. */
    @Parameter(property = "stele.compatibility", defaultValue = "FULL_TRANSITIVE")
    private CompatibilityMode compatibility;

    /** Fails the build when no baseline is found, instead of passing as a first release. */
    @Parameter(property = "stele.failOnMissingBaseline", defaultValue = "false")
    private boolean failOnMissingBaseline;

    /** Also takes pre-releases such as 1.1.0-rc1 as the baseline (never SNAPSHOTs). */
    @Parameter(property = "stele.includePreReleases", defaultValue = "false")
    private boolean includePreReleases;

    /** Known breaks accepted against one baseline, each with a justification. */
    @Parameter
    private List<AcceptedBreak> acceptedBreaks = new ArrayList<>();

    /** Released event versions deliberately removed, each with a reason. */
    @Parameter
    private List<RetiredEvent> retiredEvents = new ArrayList<>();

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Parameter(defaultValue = "${project.build.directory}/stele")
    private File reportDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Stele schema check skipped (stele.skip).");
            return;
        }
        boolean hasEvents = new File(classesDirectory, SteleResources.INDEX).isFile();
        if (!hasEvents && !"jar".equals(project.getPackaging())) {
            getLog().info("No Stele events in this " + project.getPackaging() + " module; nothing to check.");
            return;
        }
        Baselines baselines = new Baselines(repositories, session, project);
        Optional<CheckRequest.Baseline> baseline = baselineVersion == null || baselineVersion.isBlank()
                ? baselines.newestBelowProject(includePreReleases)
                : Optional.of(baselines.exactly(baselineVersion.strip()));
        if (!hasEvents && baseline.isEmpty()) {
            // without events now and none released, there is nothing to keep compatible; a module that had
            // events in its baseline goes on to the check, which reports every one of them as removed
            getLog().info("No Stele events in this module (no " + SteleResources.INDEX + "); nothing to check.");
            return;
        }
        if (baseline.isEmpty() && failOnMissingBaseline) {
            throw new MojoFailureException("No released version of " + project.getGroupId() + ":"
                    + project.getArtifactId() + " below " + project.getVersion()
                    + " was found to check against, and failOnMissingBaseline is set.");
        }
        CheckResult result = run(request(baseline));
        result.notes().forEach(note -> getLog().info(note));
        result.warnings().forEach(warning -> getLog().warn(warning.line()));
        result.accepted().forEach(accepted -> getLog().info("Accepted: " + accepted.violation().line()
                + " Justification: " + accepted.entry().justification()));
        if (result.failed()) {
            for (Violation error : result.errors()) {
                getLog().error(error.line());
            }
            throw new MojoFailureException(result.errors().size() + " event schema change"
                    + (result.errors().size() == 1 ? "" : "s") + " would break released events; see above and "
                    + new File(reportDirectory, "compatibility.md"));
        }
    }

    private CheckRequest request(Optional<CheckRequest.Baseline> baseline) throws MojoFailureException {
        List<dev.stele.maven.check.AcceptedBreak> accepted = new ArrayList<>();
        for (AcceptedBreak entry : acceptedBreaks) {
            accepted.add(entry.toRequest());
        }
        List<dev.stele.maven.check.RetiredEvent> retired = new ArrayList<>();
        retiredEvents.forEach(entry -> retired.add(entry.toRequest()));
        return new CheckRequest(classesDirectory.toPath(), project.getVersion(), baseline, compatibility,
                accepted, retired, reportDirectory.toPath());
    }

    private static CheckResult run(CheckRequest request) throws MojoExecutionException, MojoFailureException {
        try {
            return new CheckService().check(request);
        } catch (ConfigurationException e) {
            throw new MojoFailureException(e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("The Stele schema check could not read or write its files: "
                    + e.getMessage(), e);
        }
    }
}
