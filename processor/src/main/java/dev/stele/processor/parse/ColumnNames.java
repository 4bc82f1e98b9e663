package dev.stele.processor.parse;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of tables and columns as {@code @FromTable} and {@code @Column} write them: unquoted PostgreSQL
 * identifiers, folded to lower case as PostgreSQL folds them, and the column a component reads by default.
 */
public final class ColumnNames {

    /** An unquoted PostgreSQL identifier; longer than {@code NAMEDATALEN - 1} it would be truncated. */
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,62}");

    /** The schema of a table written without one. */
    public static final String DEFAULT_SCHEMA = "public";

    private ColumnNames() {
    }

    /**
     * The column a component reads when no {@code @Column} names one: its name in snake_case. An {@code _} goes
     * before an upper-case letter that follows a lower-case letter or a digit, and before the last upper-case
     * letter of a run that a lower-case letter follows; then all is lower case: {@code createdAt} reads
     * {@code created_at}, {@code customerID} {@code customer_id}, {@code HTTPServer} {@code http_server},
     * {@code url2} {@code url2}.
     */
    public static String snakeCase(String component) {
        StringBuilder result = new StringBuilder(component.length() + 4);
        for (int i = 0; i < component.length(); i++) {
            char c = component.charAt(i);
            if (i > 0 && Character.isUpperCase(c)) {
                char previous = component.charAt(i - 1);
                boolean afterLowerOrDigit = Character.isLowerCase(previous) || Character.isDigit(previous);
                boolean endsAcronym = Character.isUpperCase(previous) && i + 1 < component.length()
                        && Character.isLowerCase(component.charAt(i + 1));
                if (afterLowerOrDigit || endsAcronym) {
                    result.append('_');
                }
            }
            result.append(c);
        }
        return result.toString().toLowerCase(Locale.ROOT);
    }

    /** Whether {@code name} is an unquoted PostgreSQL identifier of at most 63 characters. */
    public static boolean isIdentifier(String name) {
        return IDENTIFIER.matcher(name).matches();
    }

    /** An identifier as PostgreSQL folds it. */
    public static String folded(String identifier) {
        return identifier.toLowerCase(Locale.ROOT);
    }

    /**
     * {@code schema.table} in lower case for {@code table} written as {@code schema.table} or {@code table}
     * (then in schema {@code public}); empty if it is neither.
     */
    public static Optional<String> table(String table) {
        String[] parts = table.split("\\.", -1);
        if (parts.length == 1 && isIdentifier(parts[0])) {
            return Optional.of(DEFAULT_SCHEMA + "." + folded(parts[0]));
        }
        if (parts.length == 2 && isIdentifier(parts[0]) && isIdentifier(parts[1])) {
            return Optional.of(folded(parts[0]) + "." + folded(parts[1]));
        }
        return Optional.empty();
    }
}
