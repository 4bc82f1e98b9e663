package dev.stele.inspect;

import java.sql.SQLException;

/**
 * No connection to the database could be had or kept: it cannot be reached (or the connection dropped), it refused
 * the login ({@link #loginRefused()}: a wrong user or password), or there is no database of that name. The driver's
 * error is the cause. The message is the driver's, which names the host, port, user or database but never the JDBC
 * URL, so it cannot leak a password the URL carries.
 */
public class DatabaseUnreachableException extends InspectionException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnreachableException(String operation, SQLException cause) {
        super(operation, what(cause.getSQLState()) + ": " + cause.getMessage()
                + (cause.getSQLState() == null ? "" : " (SQL state " + cause.getSQLState() + ")"), cause);
    }

    private static String what(String state) {
        if (state != null && state.startsWith("28")) {
            return "the database refused the login";
        }
        return "3D000".equals(state) ? "there is no such database" : "the database cannot be reached";
    }

    /** Whether the server refused the login (SQL state class {@code 28}): check the user and password. */
    public boolean loginRefused() {
        String state = sqlState();
        return state != null && state.startsWith("28");
    }

    /** The driver's SQL state: class {@code 08} for connection errors. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
