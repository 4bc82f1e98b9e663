package dev.stele.maven.debezium;

import dev.stele.cdc.DebeziumConnectorConfig;
import dev.stele.format.SteleResources;
import dev.stele.format.TableIndex;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes Debezium connector settings, as {@code .properties} (for Kafka Connect's standalone mode or Debezium's
 * engine) and {@code .json} (for Kafka Connect's REST API): {@code tables-connector.*} for the tables a module's
 * {@code @FromTable} records read, from the {@link TableIndex} the processor wrote into the classes, and
 * {@code outbox-connector.*} for Stele's outbox through the Outbox Event Router, in a module with events.
 * Testable without Maven.
 */
public final class DebeziumConfigWriter {

    /**
     * What was written, for the build log; empty if the module has no {@code @FromTable} record.
     *
     * @throws dev.stele.format.FormatException if the table index is not one this Stele reads
     */
    public List<Path> write(Path classesDirectory, DebeziumConnectorConfig tablesConfig,
            DebeziumConnectorConfig outboxConfig, String outboxTable, Path outputDirectory) throws IOException {
        List<Path> written = new ArrayList<>();
        Path index = classesDirectory.resolve(SteleResources.TABLES);
        if (Files.isRegularFile(index)) {
            TableIndex tables;
            try (InputStream in = Files.newInputStream(index)) {
                tables = TableIndex.read(in, index.toString());
            }
            if (!tables.tables().isEmpty()) {
                written.addAll(write(outputDirectory, "tables-connector", tablesConfig.forTables(tables),
                        comment(tables)));
            }
        }
        if (outboxConfig != null && Files.isRegularFile(classesDirectory.resolve(SteleResources.INDEX))) {
            written.addAll(write(outputDirectory, "outbox-connector", outboxConfig.forOutbox(outboxTable),
                    "Debezium PostgreSQL connector relaying Stele's outbox " + outboxTable + " through the Outbox"
                    + " Event Router, written by stele:debezium.\nReplace the ${DATABASE_*} placeholders;"
                    + " dev.stele.cdc.OutboxRouterRecords reads what it produces as typed events."));
        }
        return written;
    }

    private static List<Path> write(Path directory, String name, Map<String, String> settings, String comment)
            throws IOException {
        Files.createDirectories(directory);
        Path properties = directory.resolve(name + ".properties");
        Files.writeString(properties, DebeziumConnectorConfig.toPropertiesText(settings, comment),
                StandardCharsets.UTF_8);
        Path json = directory.resolve(name + ".json");
        Files.writeString(json, DebeziumConnectorConfig.toConnectJson(settings), StandardCharsets.UTF_8);
        return List.of(properties, json);
    }

    private static String comment(TableIndex tables) {
        StringBuilder comment = new StringBuilder("Debezium PostgreSQL connector for the @FromTable records of this"
                + " module, written by stele:debezium.\nReplace the ${DATABASE_*} placeholders; the rest matches the"
                + " records' mappings (dev.stele.cdc.DebeziumChanges reads what it produces).");
        for (TableIndex.Table table : tables.tables()) {
            comment.append('\n').append(table.table()).append(": ").append(table.orderedOperations()).append(" by ")
                    .append(String.join(", ", table.records()));
        }
        return comment.toString();
    }
}
