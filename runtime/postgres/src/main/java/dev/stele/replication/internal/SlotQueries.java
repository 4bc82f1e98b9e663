package dev.stele.replication.internal;

import dev.stele.projection.Lsn;
import dev.stele.replication.SlotStatus;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** What the server says of replication slots, read on an ordinary connection. */
public final class SlotQueries {

    /** A slot or publication name as PostgreSQL accepts it unquoted: lower case, digits, underscores. */
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private static final String STATUS = "SELECT plugin, active, restart_lsn::text, confirmed_flush_lsn::text,"
            + " wal_status, safe_wal_size, pg_current_wal_insert_lsn()::text FROM pg_replication_slots WHERE slot_name = ?";

    private SlotQueries() {
    }

    /**
     * {@code name} if it can name a slot or publication: at most 63 lower-case letters, digits and
     * underscores, not starting with a digit.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    public static String checkName(String what, String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(what + " '" + name + "' is not a valid name: use at most 63 lower-case"
                    + " letters, digits and underscores, not starting with a digit");
        }
        return name;
    }

    /** The slot's status, or empty if there is no slot of that name. */
    public static Optional<SlotStatus> status(Connection connection, String slotName) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STATUS)) {
            statement.setString(1, slotName);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                long safe = rows.getLong(6);
                OptionalLong safeWalSize = rows.wasNull() ? OptionalLong.empty() : OptionalLong.of(safe);
                return Optional.of(new SlotStatus(slotName, rows.getString(1), rows.getBoolean(2), lsn(rows.getString(3)),
                        lsn(rows.getString(4)), walStatus(rows.getString(5)), safeWalSize,
                        lsn(rows.getString(7))));
            }
        }
    }

    private static SlotStatus.WalStatus walStatus(String text) {
        return text == null ? SlotStatus.WalStatus.NONE
                : SlotStatus.WalStatus.valueOf(text.toUpperCase(Locale.ROOT));
    }

    private static Lsn lsn(String text) {
        return text == null ? Lsn.NONE : Lsn.parse(text);
    }
}
