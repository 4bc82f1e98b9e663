package dev.stele.kafka.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.kafka.common.TopicPartition;

/**
 * The offsets table: per projection, topic and partition, the next offset to apply. It is the source of truth
 * (Kafka's committed offsets are only informational); each row moves in the transaction of the projection's
 * writes.
 */
public final class OffsetsTable {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    private final String schema;
    private final String table;
    private final String create;
    private final String insertIfMissing;
    private final String select;
    private final String selectForUpdate;
    private final String update;
    private final String selectAll;

    public OffsetsTable(String schema, String prefix) {
        if (!IDENTIFIER.matcher(schema).matches() || !(prefix.isEmpty() || IDENTIFIER.matcher(prefix).matches())) {
            throw new IllegalArgumentException("schema '" + schema + "' and table prefix '" + prefix
                    + "' must be lower-case SQL identifiers: letters, digits and underscores");
        }
        this.schema = schema;
        this.table = schema + "." + prefix + "kafka_offsets";
        this.create = "CREATE TABLE IF NOT EXISTS " + table + " ("
                + " projection text NOT NULL,"
                + " topic text NOT NULL,"
                + " partition int NOT NULL,"
                + " next_offset bigint NOT NULL,"
                + " group_id text NOT NULL,"
                + " updated_at timestamptz NOT NULL DEFAULT now(),"
                + " PRIMARY KEY (projection, topic, partition))";
        this.insertIfMissing = "INSERT INTO " + table + " (projection, topic, partition, next_offset, group_id)"
                + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (projection, topic, partition) DO NOTHING";
        this.select = "SELECT next_offset FROM " + table + " WHERE projection = ? AND topic = ? AND partition = ?";
        this.selectForUpdate = select + " FOR UPDATE";
        this.update = "UPDATE " + table + " SET next_offset = ?, group_id = ?, updated_at = now()"
                + " WHERE projection = ? AND topic = ? AND partition = ?";
        this.selectAll = "SELECT topic, partition, next_offset FROM " + table + " WHERE projection = ?";
    }

    /** The table's qualified name. */
    public String name() {
        return table;
    }

    /**
     * Creates the schema and table if missing, under a transaction-level advisory lock so that instances starting
     * at once do not race on {@code CREATE ... IF NOT EXISTS}.
     */
    public void create(Connection connection) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT pg_advisory_xact_lock(hashtext('" + table + "'))");
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + schema);
            statement.execute(create);
            connection.commit();
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    /** The stored next offset of a partition, if it has a row. */
    public OptionalLong find(Connection connection, String projection, TopicPartition partition) throws SQLException {
        return query(connection, select, projection, partition);
    }

    /**
     * The stored next offset of a partition, its row locked until the transaction ends: a batch holds it from its
     * check to its commit, so two instances cannot both apply from the same offset.
     */
    public OptionalLong lock(Connection connection, String projection, TopicPartition partition) throws SQLException {
        return query(connection, selectForUpdate, projection, partition);
    }

    private static OptionalLong query(Connection connection, String sql, String projection, TopicPartition partition)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, projection);
            statement.setString(2, partition.topic());
            statement.setInt(3, partition.partition());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? OptionalLong.of(rows.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    /** Writes a row at {@code offset} unless the partition has one (another instance may have written it). */
    public void insertIfMissing(Connection connection, String projection, String groupId, TopicPartition partition,
            long offset) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(insertIfMissing)) {
            statement.setString(1, projection);
            statement.setString(2, partition.topic());
            statement.setInt(3, partition.partition());
            statement.setLong(4, offset);
            statement.setString(5, groupId);
            statement.executeUpdate();
        }
    }

    /** Moves a partition's stored offset; the row must be locked by {@link #lock} in the same transaction. */
    public void update(Connection connection, String projection, String groupId, TopicPartition partition,
            long nextOffset) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(update)) {
            statement.setLong(1, nextOffset);
            statement.setString(2, groupId);
            statement.setString(3, projection);
            statement.setString(4, partition.topic());
            statement.setInt(5, partition.partition());
            if (statement.executeUpdate() != 1) {
                throw new SQLException("the offset row of " + projection + " " + partition + " in " + table
                        + " is gone");
            }
        }
    }

    /** Every stored next offset of a projection, by topic and partition. */
    public Map<TopicPartition, Long> all(Connection connection, String projection) throws SQLException {
        Map<TopicPartition, Long> offsets = new TreeMap<>(Partitions.ORDER);
        try (PreparedStatement statement = connection.prepareStatement(selectAll)) {
            statement.setString(1, projection);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    offsets.put(new TopicPartition(rows.getString(1), rows.getInt(2)), rows.getLong(3));
                }
            }
        }
        return offsets;
    }
}
