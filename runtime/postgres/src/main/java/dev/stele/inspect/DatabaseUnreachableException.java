package dev.stele.inspect;

import java.sql.SQLException;

/**
 * The database could not be reached (no connection, or it dropped): the driver's error is the cause. The message
 * is the driver's, which names the host and port but never the JDBC URL, so it cannot leak a password the URL
 * carries.
 */
public class DatabaseUnreachableException extends InspectionException {

    private static final long serialVersionUID = 1L;

    public DatabaseUnreachableException(String operation, SQLException cause) {
        super(operation, "the database cannot be reached: " + cause.getMessage()
                + (cause.getSQLState() == null ? "" : " (SQL state " + cause.getSQLState() + ")"), cause);
    }

    /** The driver's SQL state: class {@code 08} for connection errors. */
    public String sqlState() {
        return ((SQLException) getCause()).getSQLState();
    }
}
