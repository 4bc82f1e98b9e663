package dev.stele.maven;

import dev.stele.maven.inspect.DatabaseSettings;
import dev.stele.maven.inspect.GoalFailure;
import dev.stele.maven.inspect.InspectSession;
import dev.stele.maven.inspect.ProjectClassPath;
import dev.stele.maven.inspect.SteleVersions;
import java.io.IOException;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * The database goals' common part: where the database is, and the project's compiled catalog as class loader.
 * Subclasses say what to read and print; a user's mistake fails the build with one line.
 */
abstract class AbstractInspectMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    private PluginDescriptor plugin;

    /** Skips every Stele goal. */
    @Parameter(property = "stele.skip", defaultValue = "false")
    private boolean skip;

    /** The database's JDBC URL, e.g. {@code jdbc:postgresql://localhost:5432/app}; else the variable STELE_JDBC_URL. */
    @Parameter(property = "stele.jdbc.url")
    private String jdbcUrl;

    /** The database user, unless the URL names it; else the variable STELE_JDBC_USER. */
    @Parameter(property = "stele.jdbc.user")
    private String jdbcUser;

    /** The database password, unless the URL holds it; else the variable STELE_JDBC_PASSWORD. */
    @Parameter(property = "stele.jdbc.password")
    private String jdbcPassword;

    /** The schema of the store's tables. */
    @Parameter(property = "stele.schema", defaultValue = "public")
    private String schema;

    /** The prefix of the store's tables. */
    @Parameter(property = "stele.tablePrefix", defaultValue = "stele_")
    private String tablePrefix;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Stele " + goal() + " skipped (stele.skip).");
            return;
        }
        try {
            checkParameters();
            DatabaseSettings settings = DatabaseSettings.resolve(jdbcUrl, jdbcUser, jdbcPassword, schema, tablePrefix,
                    System.getenv());
            SteleVersions.mismatch(steleArtifacts(), plugin.getVersion()).ifPresent(getLog()::warn);
            try (URLClassLoader loader = ProjectClassPath.loader(classPath(), getClass().getClassLoader())) {
                inspect(new InspectSession(settings, loader));
            } catch (IOException e) {
                throw new MojoExecutionException("Could not close the project's class loader: " + e.getMessage(), e);
            }
        } catch (GoalFailure e) {
            // one line: Maven would append the cause's message to it; the cause is for -X
            if (e.getCause() != null) {
                getLog().debug(e.getCause());
            }
            throw new MojoFailureException(e.getMessage());
        }
    }

    /** The project's {@code dev.stele} artifacts (but the processor, which is not on its class path): id → version. */
    private Map<String, String> steleArtifacts() {
        Map<String, String> artifacts = new TreeMap<>();
        for (Artifact artifact : project.getArtifacts()) {
            if (artifact.getGroupId().equals("dev.stele")) {
                artifacts.put(artifact.getArtifactId(), artifact.getBaseVersion());
            }
        }
        return artifacts;
    }

    private List<String> classPath() throws MojoExecutionException {
        try {
            return new ArrayList<>(project.getRuntimeClasspathElements());
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("The project's runtime class path is not resolved: " + e.getMessage(), e);
        }
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /** Checks what needs no database, before connecting. */
    void checkParameters() throws GoalFailure {
    }

    /** Reads and prints; throws {@link GoalFailure} for what the user must fix. */
    abstract void inspect(InspectSession session) throws GoalFailure, MojoFailureException;

    /**
     * Prints a report as it is, without Maven's log prefix, so that {@code mvn -q} output can be piped or saved.
     */
    static void print(String text) {
        System.out.println(text.endsWith("\n") ? text.substring(0, text.length() - 1) : text);
        System.out.flush();
    }
}
