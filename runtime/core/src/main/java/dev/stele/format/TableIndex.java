package dev.stele.format;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.annotation.Operation;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.TableMapping;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The tables a module's {@code @FromTable} records read, as the processor lists them in
 * {@value SteleResources#TABLES}: what the Debezium connector settings are written from without loading a class.
 *
 * <pre>{@code
 * {
 *   "format": 1,
 *   "tables": [
 *     {"table": "public.customers", "operations": ["INSERT", "SNAPSHOT"], "columns": ["created_at", "id"],
 *      "records": ["com.acme.CustomerRegistered"]}
 *   ]
 * }
 * }</pre>
 *
 * @param tables sorted by table; each one's operations, columns and records the union of its records'
 */
public record TableIndex(List<Table> tables) {

    /** The format this Stele writes and the newest it reads. */
    public static final int FORMAT = 1;

    /**
     * One table.
     *
     * @param table {@code schema.table}
     * @param operations the operations some record stands for
     * @param columns the columns some record reads, sorted
     * @param records the qualified names of the records, sorted
     */
    public record Table(String table, Set<Operation> operations, SortedSet<String> columns, SortedSet<String> records) {

        public Table {
            Objects.requireNonNull(table, "table");
            operations = operations.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(operations));
            columns = new TreeSet<>(columns);
            records = new TreeSet<>(records);
        }

        /** The operations in declaration order: INSERT, UPDATE, DELETE, SNAPSHOT, TRUNCATE. */
        public List<Operation> orderedOperations() {
            return operations.isEmpty() ? List.of() : List.copyOf(EnumSet.copyOf(operations));
        }
    }

    public TableIndex {
        tables = tables.stream().sorted(java.util.Comparator.comparing(Table::table)).toList();
    }

    /** The index of {@code mappings}, merged per table. */
    public static TableIndex of(List<? extends TableMapping<?>> mappings) {
        List<Table> perRecord = new ArrayList<>();
        for (TableMapping<?> mapping : mappings) {
            SortedSet<String> columns = new TreeSet<>();
            mapping.columns().stream().map(MappedColumn::column).forEach(columns::add);
            perRecord.add(new Table(mapping.table(), mapping.operations(), columns,
                    new TreeSet<>(List.of(mapping.eventClass().getName()))));
        }
        return merged(perRecord);
    }

    /** The index of {@code tables}, one per record, merged per table: operations, columns and records united. */
    public static TableIndex merged(List<Table> tables) {
        Map<String, Table> byTable = new TreeMap<>();
        for (Table table : tables) {
            byTable.merge(table.table(), table, (known, more) -> {
                Set<Operation> operations = EnumSet.noneOf(Operation.class);
                operations.addAll(known.operations());
                operations.addAll(more.operations());
                SortedSet<String> columns = new TreeSet<>(known.columns());
                columns.addAll(more.columns());
                SortedSet<String> records = new TreeSet<>(known.records());
                records.addAll(more.records());
                return new Table(known.table(), operations, columns, records);
            });
        }
        return new TableIndex(new ArrayList<>(byTable.values()));
    }

    /** The index as the processor writes it, one table per line, the same tables giving the same bytes. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n  \"format\": ").append(FORMAT).append(",\n  \"tables\": [");
        for (int i = 0; i < tables.size(); i++) {
            Table table = tables.get(i);
            json.append(i == 0 ? "\n" : ",\n").append("    {\"table\": ").append(JsonText.quote(table.table()))
                    .append(", \"operations\": ").append(array(table.orderedOperations().stream().map(Enum::name)
                            .toList()))
                    .append(", \"columns\": ").append(array(List.copyOf(table.columns())))
                    .append(", \"records\": ").append(array(List.copyOf(table.records()))).append('}');
        }
        return json.append(tables.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }

    private static String array(List<String> items) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < items.size(); i++) {
            json.append(i == 0 ? "" : ", ").append(JsonText.quote(items.get(i)));
        }
        return json.append(']').toString();
    }

    /**
     * Reads an index.
     *
     * @param origin where it comes from, for errors
     * @throws FormatException if it is not a complete index of a format this Stele reads
     */
    public static TableIndex read(InputStream in, String origin) {
        return JsonText.parse(in, origin, "table index", parser -> read(parser, origin));
    }

    /** {@link #read(InputStream, String)} of bytes. */
    public static TableIndex read(byte[] json, String origin) {
        return read(new ByteArrayInputStream(json), origin);
    }

    private static TableIndex read(JsonParser parser, String origin) throws IOException {
        int format = 0;
        List<Table> tables = null;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "format" -> format = parser.getValueAsInt(0);
                case "tables" -> tables = readTables(parser, origin);
                default -> parser.skipChildren();
            }
        }
        JsonText.checkFormat(format, FORMAT, origin, "the table index");
        if (tables == null) {
            throw new FormatException(origin, "the table index lacks its tables");
        }
        return new TableIndex(tables);
    }

    private static List<Table> readTables(JsonParser parser, String origin) throws IOException {
        JsonText.expect(parser, JsonToken.START_ARRAY, origin, "the array of tables");
        List<Table> tables = new ArrayList<>();
        while (parser.nextToken() == JsonToken.START_OBJECT) {
            String table = null;
            Set<Operation> operations = EnumSet.noneOf(Operation.class);
            SortedSet<String> columns = new TreeSet<>();
            SortedSet<String> records = new TreeSet<>();
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                switch (field) {
                    case "table" -> table = parser.getValueAsString();
                    case "operations" -> {
                        for (String name : strings(parser, origin)) {
                            try {
                                operations.add(Operation.valueOf(name));
                            } catch (IllegalArgumentException e) {
                                throw new FormatException(origin, "table " + table + " lists an unknown operation '"
                                        + name + "'");
                            }
                        }
                    }
                    case "columns" -> columns.addAll(strings(parser, origin));
                    case "records" -> records.addAll(strings(parser, origin));
                    default -> parser.skipChildren();
                }
            }
            if (table == null || operations.isEmpty()) {
                throw new FormatException(origin, "table " + (tables.size() + 1) + " of the index lacks its name or"
                        + " operations");
            }
            tables.add(new Table(table, operations, columns, records));
        }
        JsonText.expect(parser, JsonToken.END_ARRAY, origin, "the end of the tables");
        return tables;
    }

    private static List<String> strings(JsonParser parser, String origin) throws IOException {
        JsonText.expect(parser, JsonToken.START_ARRAY, origin, "an array of strings");
        List<String> strings = new ArrayList<>();
        while (parser.nextToken() == JsonToken.VALUE_STRING) {
            strings.add(parser.getText());
        }
        JsonText.expect(parser, JsonToken.END_ARRAY, origin, "the end of an array of strings");
        return strings;
    }
}
