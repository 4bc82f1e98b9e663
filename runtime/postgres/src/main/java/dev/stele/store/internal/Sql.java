package dev.stele.store.internal;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A statement written with named parameters ({@code :category}), turned once into JDBC's {@code ?}
 * and the positions of each name. A name may appear several times: bound to one value it fills every
 * position; bound to an array it fills them one value each, in the order they appear in the text (one
 * per row of a {@code VALUES} list). Binding a name the text lacks, binding one too few or too many
 * values, or executing while a name is unbound fails with an {@link IllegalStateException}, so a
 * statement's text and its binding cannot drift apart unnoticed.
 *
 * <p>{@code ::type} casts, quoted literals and identifiers are left as they are. The text may hold
 * several statements separated by {@code ;}: the driver sends them in one round trip, in order.
 */
final class Sql {

    private final String text;
    private final Map<String, Slot> slots;

    private record Slot(int index, int[] positions) {
    }

    private Sql(String text, Map<String, Slot> slots) {
        this.text = text;
        this.slots = slots;
    }

    /** Parses {@code named}, whose parameters are {@code :name}s of lower-case letters, digits and underscores. */
    static Sql of(String named) {
        StringBuilder jdbc = new StringBuilder(named.length());
        Map<String, List<Integer>> positions = new HashMap<>();
        List<String> order = new ArrayList<>();
        int position = 0;
        int i = 0;
        while (i < named.length()) {
            char c = named.charAt(i);
            if (c == '\'' || c == '"') {
                int end = named.indexOf(c, i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException("unterminated " + c + " in " + named);
                }
                jdbc.append(named, i, end + 1);
                i = end + 1;
            } else if (c == '?') {
                throw new IllegalArgumentException("a statement names its parameters (:name), no '?': " + named);
            } else if (c == ':' && i + 1 < named.length() && named.charAt(i + 1) == ':') {
                jdbc.append("::");
                i += 2;
            } else if (c == ':' && i + 1 < named.length() && isNameStart(named.charAt(i + 1))) {
                int end = i + 1;
                while (end < named.length() && isNamePart(named.charAt(end))) {
                    end++;
                }
                String name = named.substring(i + 1, end);
                if (!positions.containsKey(name)) {
                    order.add(name);
                }
                positions.computeIfAbsent(name, n -> new ArrayList<>()).add(++position);
                jdbc.append('?');
                i = end;
            } else {
                jdbc.append(c);
                i++;
            }
        }
        Map<String, Slot> slots = new HashMap<>();
        for (String name : order) {
            slots.put(name, new Slot(slots.size(),
                    positions.get(name).stream().mapToInt(Integer::intValue).toArray()));
        }
        return new Sql(jdbc.toString(), Map.copyOf(slots));
    }

    private static boolean isNameStart(char c) {
        return c >= 'a' && c <= 'z' || c == '_';
    }

    private static boolean isNamePart(char c) {
        return isNameStart(c) || c >= '0' && c <= '9';
    }

    /** The text as JDBC takes it, with {@code ?} for each parameter. */
    String jdbc() {
        return text;
    }

    /** Prepares the statement on {@code connection}, to be bound by name; close the result. */
    Bound prepare(Connection connection) throws SQLException {
        return new Bound(this, connection.prepareStatement(text));
    }

    @Override
    public String toString() {
        return text;
    }

    /** A prepared {@link Sql}, bound by name. */
    static final class Bound implements AutoCloseable {

        private final Sql sql;
        private final PreparedStatement statement;
        private final boolean[] bound;

        private Bound(Sql sql, PreparedStatement statement) {
            this.sql = sql;
            this.statement = statement;
            this.bound = new boolean[sql.slots.size()];
        }

        private int[] positions(String name, int values) {
            Slot slot = sql.slots.get(name);
            if (slot == null) {
                throw new IllegalStateException("no parameter :" + name + " in " + sql.text);
            }
            if (values >= 0 && values != slot.positions.length) {
                throw new IllegalStateException(":" + name + " appears " + slot.positions.length + " times but "
                        + values + " values were bound, in " + sql.text);
            }
            bound[slot.index] = true;
            return slot.positions;
        }

        Bound set(String name, String value) throws SQLException {
            for (int at : positions(name, -1)) {
                statement.setString(at, value);
            }
            return this;
        }

        Bound set(String name, long value) throws SQLException {
            for (int at : positions(name, -1)) {
                statement.setLong(at, value);
            }
            return this;
        }

        Bound set(String name, int value) throws SQLException {
            for (int at : positions(name, -1)) {
                statement.setInt(at, value);
            }
            return this;
        }

        Bound set(String name, Array value) throws SQLException {
            for (int at : positions(name, -1)) {
                statement.setArray(at, value);
            }
            return this;
        }

        /** One value for each appearance of {@code name}, in order. */
        Bound each(String name, String[] values) throws SQLException {
            int[] at = positions(name, values.length);
            for (int i = 0; i < values.length; i++) {
                statement.setString(at[i], values[i]);
            }
            return this;
        }

        /** One value for each appearance of {@code name}, in order. */
        Bound each(String name, UUID[] values) throws SQLException {
            int[] at = positions(name, values.length);
            for (int i = 0; i < values.length; i++) {
                statement.setObject(at[i], values[i]);
            }
            return this;
        }

        /** One value for each appearance of {@code name}, in order. */
        Bound each(String name, Integer[] values) throws SQLException {
            int[] at = positions(name, values.length);
            for (int i = 0; i < values.length; i++) {
                statement.setInt(at[i], values[i]);
            }
            return this;
        }

        private PreparedStatement complete() {
            for (int i = 0; i < bound.length; i++) {
                if (!bound[i]) {
                    for (Map.Entry<String, Slot> slot : sql.slots.entrySet()) {
                        if (slot.getValue().index == i) {
                            throw new IllegalStateException("parameter :" + slot.getKey() + " is not bound in "
                                    + sql.text);
                        }
                    }
                }
            }
            return statement;
        }

        /** Runs a query; close the result set. */
        ResultSet executeQuery() throws SQLException {
            return complete().executeQuery();
        }

        int executeUpdate() throws SQLException {
            return complete().executeUpdate();
        }

        /** Runs the statements; their results are then read from {@link #statement()}. */
        boolean execute() throws SQLException {
            return complete().execute();
        }

        PreparedStatement statement() {
            return statement;
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }
}
