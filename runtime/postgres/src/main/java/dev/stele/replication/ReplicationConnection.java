package dev.stele.replication;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Properties;

/**
 * How to open the replication connection a {@link ProjectionRunner} reads its slot on: a pgjdbc URL and
 * its properties (user, password, TLS). A replication connection cannot come from a pool, so the runner
 * opens it itself and closes it with itself. The role needs the {@code REPLICATION} attribute (or to own
 * the slot) and, the first time, the right to create a publication on the events table.
 *
 * <pre>{@code
 * ReplicationConnection.of("jdbc:postgresql://db:5432/app", "app", secret)
 * }</pre>
 */
public final class ReplicationConnection {

    private final String url;
    private final Properties properties;

    private ReplicationConnection(String url, Properties properties) {
        if (!Objects.requireNonNull(url, "url").startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("'" + url + "' is not a pgjdbc URL (jdbc:postgresql://host:port/db)");
        }
        this.url = url;
        this.properties = properties;
    }

    /** The URL, with user and password in it or none needed. */
    public static ReplicationConnection of(String url) {
        return new ReplicationConnection(url, new Properties());
    }

    public static ReplicationConnection of(String url, String user, String password) {
        Properties properties = new Properties();
        properties.setProperty("user", Objects.requireNonNull(user, "user"));
        if (password != null) {
            properties.setProperty("password", password);
        }
        return new ReplicationConnection(url, properties);
    }

    /** The URL with any pgjdbc properties, such as {@code sslmode}; the replication ones are added. */
    public static ReplicationConnection of(String url, Properties properties) {
        Properties copy = new Properties();
        copy.putAll(properties);
        return new ReplicationConnection(url, copy);
    }

    /** The URL, for messages; without the properties, which may hold a password. */
    public String url() {
        return url;
    }

    /** Opens a logical replication connection ({@code replication=database}, simple query mode). */
    public Connection open() throws SQLException {
        Properties properties = new Properties();
        properties.putAll(this.properties);
        properties.setProperty("replication", "database");
        properties.setProperty("assumeMinServerVersion", "10");
        properties.setProperty("preferQueryMode", "simple");
        properties.putIfAbsent("ApplicationName", "stele-replication");
        return DriverManager.getConnection(url, properties);
    }
}
