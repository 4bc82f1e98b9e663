package dev.stele.cdc;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.stele.annotation.Operation;
import dev.stele.format.TableIndex;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The settings of a Debezium PostgreSQL connector that captures exactly the tables a module's {@code @FromTable}
 * records read, with the representations {@link DebeziumChanges} expects: right by construction, for a team
 * that runs Kafka Connect (as properties or as the JSON Kafka Connect's REST API takes) or Debezium's engine.
 *
 * <p>What it decides: the tables ({@code table.include.list}) and their mapped columns
 * ({@code column.include.list}; a table's key columns are in every event's key whatever the list says), the
 * operations no record stands for ({@code skipped.operations}), an initial snapshot only where a record stands
 * for {@code SNAPSHOT}, pgoutput on its own slot and a publication Debezium keeps to the included tables, the
 * handling modes of {@link DebeziumSettings}, and the JSON converter with or without schemas. What it leaves to
 * the team: the connection ({@code database.*}, placeholders here) and everything operational.
 *
 * @param name the connector's name
 * @param topicPrefix {@code topic.prefix}: topics are {@code <prefix>.<schema>.<table>}
 * @param slot the replication slot Debezium reads, not one Stele's runner uses
 * @param publication the publication Debezium reads
 * @param settings the handling modes
 * @param schemas whether the JSON converter writes the schema envelope (recommended: the schema then decides each
 *     column's conversion, and a retyped column is refused by name)
 */
public record DebeziumConnectorConfig(String name, String topicPrefix, String slot, String publication,
        DebeziumSettings settings, boolean schemas) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    public DebeziumConnectorConfig {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(topicPrefix, "topicPrefix");
        Objects.requireNonNull(settings, "settings");
        if (!IDENTIFIER.matcher(slot).matches() || !IDENTIFIER.matcher(publication).matches()) {
            throw new IllegalArgumentException("slot '" + slot + "' and publication '" + publication + "' must be at"
                    + " most 63 lower-case letters, digits and underscores, not starting with a digit");
        }
    }

    /** Connector {@code stele-tables}, topics {@code stele.*}, slot and publication {@code stele_debezium}, Debezium's modes, schemas on. */
    public static DebeziumConnectorConfig defaults() {
        return new DebeziumConnectorConfig("stele-tables", "stele", "stele_debezium", "stele_debezium",
                DebeziumSettings.defaults(), true);
    }

    public DebeziumConnectorConfig withName(String connectorName) {
        return new DebeziumConnectorConfig(connectorName, topicPrefix, slot, publication, settings, schemas);
    }

    public DebeziumConnectorConfig withTopicPrefix(String prefix) {
        return new DebeziumConnectorConfig(name, prefix, slot, publication, settings, schemas);
    }

    public DebeziumConnectorConfig withSlot(String slotName) {
        return new DebeziumConnectorConfig(name, topicPrefix, slotName, publication, settings, schemas);
    }

    public DebeziumConnectorConfig withPublication(String publicationName) {
        return new DebeziumConnectorConfig(name, topicPrefix, slot, publicationName, settings, schemas);
    }

    public DebeziumConnectorConfig withSettings(DebeziumSettings handling) {
        return new DebeziumConnectorConfig(name, topicPrefix, slot, publication, handling, schemas);
    }

    public DebeziumConnectorConfig withSchemas(boolean enabled) {
        return new DebeziumConnectorConfig(name, topicPrefix, slot, publication, settings, enabled);
    }

    /**
     * The connector's settings for {@code tables}, in a stable order, {@code database.*} as placeholders to replace.
     *
     * @throws IllegalArgumentException if there is no table
     */
    public Map<String, String> forTables(TableIndex tables) {
        if (tables.tables().isEmpty()) {
            throw new IllegalArgumentException("no @FromTable record: there is no table to capture");
        }
        Map<String, String> config = connector();
        config.put("table.include.list", tables.tables().stream().map(t -> escape(t.table()))
                .collect(Collectors.joining(",")));
        config.put("column.include.list", tables.tables().stream()
                .filter(t -> !t.columns().isEmpty())
                .map(t -> escape(t.table()) + "\\.(" + String.join("|", t.columns()) + ")")
                .collect(Collectors.joining(",")));
        Set<Operation> declared = EnumSet.noneOf(Operation.class);
        tables.tables().forEach(t -> declared.addAll(t.operations()));
        config.put("snapshot.mode", declared.contains(Operation.SNAPSHOT) ? "initial" : "no_data");
        config.put("skipped.operations", skipped(declared));
        config.put("tombstones.on.delete", "true");
        config.put("time.precision.mode", settings.timePrecision().name().toLowerCase(Locale.ROOT));
        config.put("decimal.handling.mode", settings.decimalHandling().name().toLowerCase(Locale.ROOT));
        config.put("binary.handling.mode", settings.binaryHandling().configValue());
        config.put("key.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("key.converter.schemas.enable", Boolean.toString(schemas));
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", Boolean.toString(schemas));
        return config;
    }

    /**
     * The settings of a connector that relays Stele's outbox table (such as {@code public.stele_outbox}) through
     * Debezium's Outbox Event Router, placing what {@link OutboxRouterRecords} reads: topics
     * {@code outbox.event.<aggregatetype>}, key the stream id, the payload as a JSON string, headers {@code id},
     * event name and version. Only inserts are relayed, from the connector's start on (no initial snapshot).
     */
    public Map<String, String> forOutbox(String outboxTable) {
        if (!outboxTable.matches("[a-z_][a-z0-9_]{0,62}\\.[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("'" + outboxTable + "' is not schema.table of plain identifiers");
        }
        Map<String, String> config = connector();
        config.put("table.include.list", escape(outboxTable));
        config.put("snapshot.mode", "no_data");
        config.put("tombstones.on.delete", "false");
        config.put("transforms", "outbox");
        config.put("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        config.put("transforms.outbox.table.fields.additional.placement", OutboxRouterRecords.ROUTER_PLACEMENT);
        config.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        config.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        config.put("value.converter.schemas.enable", Boolean.toString(schemas));
        return config;
    }

    /**
     * What every connector here starts with: its name and class, the connection as placeholders, the topic
     * prefix, pgoutput on this slot and a publication Debezium keeps to the included tables.
     */
    private Map<String, String> connector() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("name", name);
        config.put("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        config.put("database.hostname", "${DATABASE_HOST}");
        config.put("database.port", "5432");
        config.put("database.user", "${DATABASE_USER}");
        config.put("database.password", "${DATABASE_PASSWORD}");
        config.put("database.dbname", "${DATABASE_NAME}");
        config.put("topic.prefix", topicPrefix);
        config.put("plugin.name", "pgoutput");
        config.put("slot.name", slot);
        config.put("publication.name", publication);
        config.put("publication.autocreate.mode", "filtered");
        return config;
    }

    /** {@code c,u}: Debezium's letters of the operations no record stands for; {@code none} if every one is. */
    private static String skipped(Set<Operation> declared) {
        List<String> skipped = new ArrayList<>();
        if (!declared.contains(Operation.INSERT)) {
            skipped.add("c");
        }
        if (!declared.contains(Operation.UPDATE)) {
            skipped.add("u");
        }
        if (!declared.contains(Operation.DELETE)) {
            skipped.add("d");
        }
        if (!declared.contains(Operation.TRUNCATE)) {
            skipped.add("t");
        }
        return skipped.isEmpty() ? "none" : String.join(",", skipped);
    }

    /** {@code public\.customers}: Debezium's include lists are regular expressions. */
    private static String escape(String qualified) {
        return qualified.replace(".", "\\.");
    }

    /** {@code settings} as a {@code .properties} file: a comment, then one {@code key=value} per line, in order. */
    public static String toPropertiesText(Map<String, String> settings, String comment) {
        StringBuilder text = new StringBuilder();
        for (String line : comment.split("\n")) {
            text.append("# ").append(line).append('\n');
        }
        settings.forEach((key, value) -> text.append(key).append('=').append(value.replace("\\", "\\\\")).append('\n'));
        return text.toString();
    }

    /** {@code settings} as Kafka Connect's REST API takes a connector: {@code {"name": …, "config": {…}}}. */
    public static String toConnectJson(Map<String, String> settings) {
        StringBuilder json = new StringBuilder("{\n  \"name\": ").append(quote(settings.get("name")))
                .append(",\n  \"config\": {");
        int i = 0;
        for (Map.Entry<String, String> entry : settings.entrySet()) {
            json.append(i++ == 0 ? "\n" : ",\n").append("    ").append(quote(entry.getKey())).append(": ")
                    .append(quote(entry.getValue()));
        }
        return json.append("\n  }\n}\n").toString();
    }

    private static String quote(String text) {
        return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(text)) + "\"";
    }

    /** {@code settings} as {@link Properties}, as Debezium's engine takes them. */
    public static Properties toProperties(Map<String, String> settings) {
        Properties properties = new Properties();
        properties.putAll(settings);
        return properties;
    }
}
