package dev.stele.replication.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The advisory lock that elects one reader of a slot among the instances started with it. */
public final class SlotLock {

    private static final int LOCK_CLASS_BASE = 0x5E1E;

    private SlotLock() {
    }

    /**
     * Takes the advisory lock that elects one reader of {@code slotName} among instances, for the life of
     * {@code connection}; false if another instance holds it. {@code kind} keeps the locks of different kinds
     * of reader (projection runners 0, relays 1) apart.
     */
    public static boolean take(Connection connection, int kind, String slotName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?, hashtext(?))")) {
            statement.setInt(1, LOCK_CLASS_BASE + kind);
            statement.setString(2, slotName);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }
}
