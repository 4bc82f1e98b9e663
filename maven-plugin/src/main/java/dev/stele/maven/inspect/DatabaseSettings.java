package dev.stele.maven.inspect;

import dev.stele.store.EventStoreOptions;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Where the database is and which store in it: the JDBC URL, user and password (each from its parameter, else the
 * environment), and the schema and table prefix of the store.
 */
public record DatabaseSettings(String url, String user, String password, String schema, String tablePrefix) {

    public static final String URL_VARIABLE = "STELE_JDBC_URL";
    public static final String USER_VARIABLE = "STELE_JDBC_USER";
    public static final String PASSWORD_VARIABLE = "STELE_JDBC_PASSWORD";

    /**
     * The settings from the goal's parameters, each falling back to its environment variable.
     *
     * @throws GoalFailure if no URL is given or it is not a PostgreSQL JDBC URL
     */
    public static DatabaseSettings resolve(String url, String user, String password, String schema,
            String tablePrefix, Map<String, String> environment) throws GoalFailure {
        String resolvedUrl = firstOf(url, environment.get(URL_VARIABLE));
        if (resolvedUrl == null) {
            throw new GoalFailure("No database to inspect: give its JDBC URL with -Dstele.jdbc.url=jdbc:postgresql://"
                    + "host:5432/db (or the environment variable " + URL_VARIABLE + ").");
        }
        Properties parsed = Driver.parseURL(resolvedUrl, null);
        if (parsed == null) {
            throw new GoalFailure("Not a PostgreSQL JDBC URL: '" + withoutQuery(resolvedUrl) + "'; give one of the"
                    + " form jdbc:postgresql://host:5432/db with -Dstele.jdbc.url (or " + URL_VARIABLE + ").");
        }
        return new DatabaseSettings(resolvedUrl, firstOf(user, environment.get(USER_VARIABLE)),
                firstOf(password, environment.get(PASSWORD_VARIABLE)), schema == null ? "public" : schema,
                tablePrefix == null ? "stele_" : tablePrefix);
    }

    /** Connections without a pool: a goal makes a few queries and ends. */
    public DataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        if (user != null) {
            dataSource.setUser(user);
        }
        if (password != null) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName("stele-maven-plugin");
        dataSource.setConnectTimeout(10);
        return dataSource;
    }

    public EventStoreOptions storeOptions() {
        return EventStoreOptions.defaults().withSchema(schema).withTablePrefix(tablePrefix);
    }

    /** The URL without its query string, which may hold a password: for messages. */
    static String withoutQuery(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    private static String firstOf(String given, String fallback) {
        if (given != null && !given.isBlank()) {
            return given.trim();
        }
        return fallback == null || fallback.isBlank() ? null : fallback.trim();
    }

    @Override
    public String toString() {
        return "DatabaseSettings[url=" + withoutQuery(url) + ", user=" + user + ", schema=" + schema
                + ", tablePrefix=" + tablePrefix + "]";
    }
}
