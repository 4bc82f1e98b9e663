package dev.stele.maven;

import dev.stele.format.FormatException;
import dev.stele.format.SteleResources;
import dev.stele.maven.catalog.CatalogReader;
import dev.stele.maven.catalog.MarkdownWriter;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes a catalogue of the module's events to {@code target/stele/catalog.md}: each event with its versions, fields,
 * types, defaults and aliases, its {@code @Upcast} chain as a Mermaid diagram, the release that introduced each
 * version and the {@code @FromTable} tables it is read from. Offline: it reads only the files the processor and
 * {@code stele:check} left under {@code META-INF/stele/} of the build's classes, and loads no class.
 */
@Mojo(name = "catalog", defaultPhase = LifecyclePhase.PACKAGE, threadSafe = true)
public class CatalogMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Skips every Stele goal. */
    @Parameter(property = "stele.skip", defaultValue = "false")
    private boolean skip;

    /** Skips the catalogue only. */
    @Parameter(property = "stele.catalog.skip", defaultValue = "false")
    private boolean skipCatalog;

    /** Where the catalogue is written. */
    @Parameter(property = "stele.catalog.outputFile", defaultValue = "${project.build.directory}/stele/catalog.md")
    private File outputFile;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip || skipCatalog) {
            getLog().info("Stele event catalogue skipped (" + (skip ? "stele.skip" : "stele.catalog.skip") + ").");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("No Stele events in a pom module; no catalogue to write.");
            return;
        }
        Path classes = classesDirectory.toPath();
        if (!CatalogReader.hasIndex(classes)) {
            throw new MojoFailureException("No Stele event index at " + classes.resolve(SteleResources.INDEX)
                    + ": put dev.stele:stele-processor in the maven-compiler-plugin's annotationProcessorPaths and run"
                    + " stele:catalog after compile (mvn package).");
        }
        try {
            String markdown = new MarkdownWriter().write(CatalogReader.read(classes,
                    project.getGroupId() + ":" + project.getArtifactId(), project.getVersion()));
            Path output = outputFile.toPath();
            Files.createDirectories(output.toAbsolutePath().getParent());
            Files.writeString(output, markdown, StandardCharsets.UTF_8);
            getLog().info("Wrote the event catalogue to " + output);
        } catch (FormatException e) {
            throw new MojoFailureException("Stele event catalogue: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the event catalogue: " + e.getMessage(), e);
        }
    }
}
