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
 * Writes the Debezium connector settings for the tables a module's {@code @FromTable} records read, from the
 * {@link TableIndex} the processor wrote into the classes: {@code tables-connector.properties} (for Kafka
 * Connect's standalone mode or Debezium's engine) and {@code tables-connector.json} (for Kafka Connect's REST
 * API). Testable without Maven.
 */
public final class DebeziumConfigWriter {

    /**
     * What was written, for the build log; empty if the module has no {@code @FromTable} record.
     *
     * @throws dev.stele.format.FormatException if the table index is not one this Stele reads
     */
    public List<Path> write(Path classesDirectory, DebeziumConnectorConfig config, Path outputDirectory)
            throws IOException {
        Path index = classesDirectory.resolve(SteleResources.TABLES);
        if (!Files.isRegularFile(index)) {
            return List.of();
        }
        TableIndex tables;
        try (InputStream in = Files.newInputStream(index)) {
            tables = TableIndex.read(in, index.toString());
        }
        if (tables.tables().isEmpty()) {
            return List.of();
        }
        Map<String, String> settings = config.forTables(tables);
        Files.createDirectories(outputDirectory);
        List<Path> written = new ArrayList<>();
        Path properties = outputDirectory.resolve("tables-connector.properties");
        Files.writeString(properties, DebeziumConnectorConfig.toPropertiesText(settings, comment(tables)),
                StandardCharsets.UTF_8);
        written.add(properties);
        Path json = outputDirectory.resolve("tables-connector.json");
        Files.writeString(json, DebeziumConnectorConfig.toConnectJson(settings), StandardCharsets.UTF_8);
        written.add(json);
        return written;
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
