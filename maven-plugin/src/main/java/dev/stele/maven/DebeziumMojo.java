package dev.stele.maven;

import dev.stele.cdc.BinaryHandlingMode;
import dev.stele.cdc.DebeziumConnectorConfig;
import dev.stele.cdc.DebeziumSettings;
import dev.stele.cdc.DecimalHandlingMode;
import dev.stele.cdc.TimePrecisionMode;
import dev.stele.format.FormatException;
import dev.stele.maven.debezium.DebeziumConfigWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * Writes the Debezium connector settings that capture exactly the tables the module's {@code @FromTable} records
 * read, with the representations their generated mappings expect, to {@code target/stele/debezium/}: a team
 * running Kafka Connect starts from a configuration that is right by construction.
 */
@Mojo(name = "debezium", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class DebeziumMojo extends AbstractMojo {

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    /** Skips every Stele goal. */
    @Parameter(property = "stele.skip", defaultValue = "false")
    private boolean skip;

    /** The connector's name; by default the artifact id followed by {@code -tables}. */
    @Parameter(property = "stele.debezium.name")
    private String connectorName;

    /** Topics are {@code <topicPrefix>.<schema>.<table>}; by default the artifact id. */
    @Parameter(property = "stele.debezium.topicPrefix")
    private String topicPrefix;

    /** The slot Debezium reads; by default the artifact id in lower case with underscores, then {@code _debezium}. */
    @Parameter(property = "stele.debezium.slot")
    private String slot;

    /** The publication Debezium reads; by default the slot's name. */
    @Parameter(property = "stele.debezium.publication")
    private String publication;

    /** {@code adaptive}, {@code adaptive_time_microseconds} or {@code connect}. */
    @Parameter(property = "stele.debezium.timePrecisionMode", defaultValue = "adaptive")
    private String timePrecisionMode;

    /** {@code precise}, {@code string} or {@code double}. */
    @Parameter(property = "stele.debezium.decimalHandlingMode", defaultValue = "precise")
    private String decimalHandlingMode;

    /** {@code bytes}, {@code base64}, {@code base64-url-safe} or {@code hex}. */
    @Parameter(property = "stele.debezium.binaryHandlingMode", defaultValue = "bytes")
    private String binaryHandlingMode;

    /** Whether the JSON converter writes the schema envelope (recommended). */
    @Parameter(property = "stele.debezium.schemas", defaultValue = "true")
    private boolean schemas;

    /**
     * Stele's outbox table, relayed by {@code outbox-connector.*} in a module with events; {@code none} writes no
     * outbox connector.
     */
    @Parameter(property = "stele.debezium.outboxTable", defaultValue = "public.stele_outbox")
    private String outboxTable;

    @Parameter(defaultValue = "${project.build.outputDirectory}", readonly = true)
    private File classesDirectory;

    @Parameter(defaultValue = "${project.build.directory}/stele/debezium")
    private File outputDirectory;

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Stele Debezium settings skipped (stele.skip).");
            return;
        }
        DebeziumConnectorConfig config = config();
        boolean outbox = !"none".equals(outboxTable.strip());
        DebeziumConnectorConfig outboxConfig = outbox ? config.withName(project.getArtifactId() + "-outbox")
                .withSlot(slotPrefix() + "_outbox").withPublication(slotPrefix() + "_outbox") : null;
        try {
            List<Path> written = new DebeziumConfigWriter().write(classesDirectory.toPath(), config, outboxConfig,
                    outboxTable.strip(), outputDirectory.toPath());
            if (written.isEmpty()) {
                getLog().info("No Stele events or @FromTable records in this module; no Debezium settings to write.");
            }
            written.forEach(path -> getLog().info("Wrote " + path));
        } catch (FormatException | IllegalArgumentException e) {
            throw new MojoFailureException("Stele Debezium settings: " + e.getMessage());
        } catch (IOException e) {
            throw new MojoExecutionException("Could not write the Debezium settings: " + e.getMessage(), e);
        }
    }

    private String slotPrefix() {
        String base = project.getArtifactId().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        return Character.isDigit(base.charAt(0)) ? "_" + base : base;
    }

    private DebeziumConnectorConfig config() throws MojoFailureException {
        String slotName = blank(slot) ? slotPrefix() + "_debezium" : slot;
        try {
            DebeziumSettings settings = new DebeziumSettings(
                    mode(TimePrecisionMode.class, "timePrecisionMode", timePrecisionMode),
                    mode(DecimalHandlingMode.class, "decimalHandlingMode", decimalHandlingMode),
                    BinaryHandlingMode.ofConfigValue(binaryHandlingMode));
            return DebeziumConnectorConfig.defaults()
                    .withName(blank(connectorName) ? project.getArtifactId() + "-tables" : connectorName)
                    .withTopicPrefix(blank(topicPrefix) ? project.getArtifactId() : topicPrefix)
                    .withSlot(slotName)
                    .withPublication(blank(publication) ? slotName : publication)
                    .withSettings(settings)
                    .withSchemas(schemas);
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException("Stele Debezium settings: " + e.getMessage());
        }
    }

    /** The constant of {@code type} a Debezium setting's value names, or a message naming every one it may. */
    private static <E extends Enum<E>> E mode(Class<E> type, String parameter, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(value.strip())) {
                return constant;
            }
        }
        StringBuilder known = new StringBuilder();
        for (E constant : type.getEnumConstants()) {
            known.append(known.length() == 0 ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
        }
        throw new IllegalArgumentException(parameter + " '" + value + "' is not a mode Debezium knows; use one of "
                + known);
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
