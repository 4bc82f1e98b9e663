package dev.stele.replication.internal;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL's text output of the types a {@code @FromTable} component reads, as pgoutput and a result set's
 * {@code getString} give it ({@code DateStyle} ISO, {@code bytea_output} hex): parsed exactly, or an
 * {@link IllegalArgumentException} saying what the text is not.
 */
public final class PgText {

    private PgText() {
    }

    static boolean bool(String text) {
        return switch (text) {
            case "t", "true" -> true;
            case "f", "false" -> false;
            default -> throw new IllegalArgumentException("'" + text + "' is not a boolean");
        };
    }

    static BigDecimal numeric(String text) {
        if (text.equals("NaN") || text.endsWith("Infinity")) {
            throw new ArithmeticException(text + " is not a number a BigDecimal holds");
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a number");
        }
    }

    /** {@code 2024-01-31 10:15:30.123456+00}, {@code +05:30}, {@code +05:30:15}, {@code … BC}. */
    public static Instant timestamptz(String text) {
        infinity(text);
        boolean bc = text.endsWith(" BC");
        String body = bc ? text.substring(0, text.length() - 3) : text;
        int sign = Math.max(body.lastIndexOf('+'), body.lastIndexOf('-'));
        if (sign <= body.indexOf(' ')) {
            throw new IllegalArgumentException("'" + text + "' is not a timestamptz: it has no offset");
        }
        LocalDateTime local = localDateTime(body.substring(0, sign), bc, text);
        return local.toInstant(ZoneOffset.of(body.substring(sign)));
    }

    /** {@code 2024-01-31 10:15:30.123456}, {@code … BC}. */
    static LocalDateTime timestamp(String text) {
        infinity(text);
        boolean bc = text.endsWith(" BC");
        return localDateTime(bc ? text.substring(0, text.length() - 3) : text, bc, text);
    }

    /** {@code 2024-01-31}, {@code … BC}. */
    static LocalDate date(String text) {
        infinity(text);
        boolean bc = text.endsWith(" BC");
        LocalDate date = LocalDate.parse(isoYear(bc ? text.substring(0, text.length() - 3) : text));
        return bc ? date.withYear(1 - date.getYear()) : date;
    }

    private static LocalDateTime localDateTime(String body, boolean bc, String text) {
        try {
            LocalDateTime local = LocalDateTime.parse(isoYear(body).replace(' ', 'T'));
            return bc ? local.withYear(1 - local.getYear()) : local;
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a timestamp: " + e.getMessage());
        }
    }

    /** java.time wants a sign before a year of more than four digits, PostgreSQL writes none. */
    private static String isoYear(String text) {
        int dash = text.indexOf('-');
        return dash > 4 ? "+" + text : text;
    }

    private static void infinity(String text) {
        if (text.equals("infinity") || text.equals("-infinity")) {
            throw new ArithmeticException("'" + text + "' has no value in java.time");
        }
    }

    /** {@code 10:15:30.123456+05:30} as the same instant's time in UTC, {@code 04:45:30.123456Z}. */
    static String timetzInUtc(String text) {
        int sign = Math.max(text.lastIndexOf('+'), text.lastIndexOf('-'));
        if (sign < 0) {
            throw new IllegalArgumentException("'" + text + "' is not a timetz: it has no offset");
        }
        try {
            java.time.OffsetTime time = java.time.OffsetTime.of(java.time.LocalTime.parse(text.substring(0, sign)),
                    ZoneOffset.of(text.substring(sign)));
            return time.withOffsetSameInstant(ZoneOffset.UTC).format(java.time.format.DateTimeFormatter.ISO_OFFSET_TIME);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + text + "' is not a timetz: " + e.getMessage());
        }
    }

    /** {@code \x0102ff}. */
    static byte[] bytea(String text) {
        if (!text.startsWith("\\x") || text.length() % 2 != 0) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not bytea in hex output");
        }
        byte[] bytes = new byte[(text.length() - 2) / 2];
        for (int i = 0; i < bytes.length; i++) {
            int high = Character.digit(text.charAt(2 + 2 * i), 16);
            int low = Character.digit(text.charAt(3 + 2 * i), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("'" + abbreviate(text) + "' is not bytea in hex output");
            }
            bytes[i] = (byte) (high << 4 | low);
        }
        return bytes;
    }

    /**
     * A one-dimensional array, {@code {a,"b c",NULL}}: the elements' texts, null for {@code NULL}. Quoted
     * elements may hold backslash escapes; unquoted ones are trimmed of the spaces around them, as
     * PostgreSQL's {@code array_in} does: only its six white-space characters, so an unquoted element of
     * control characters such as {@code \u0001} (which {@code array_out} leaves unquoted) is kept.
     */
    static List<String> array(String text) {
        if (text.length() < 2 || text.charAt(0) != '{' || text.charAt(text.length() - 1) != '}') {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not an array of one dimension");
        }
        List<String> items = new ArrayList<>();
        int i = 1;
        int end = text.length() - 1;
        if (i == end) {
            return items;
        }
        while (true) {
            StringBuilder item = new StringBuilder();
            boolean quoted = false;
            if (text.charAt(i) == '{') {
                throw new IllegalArgumentException("'" + abbreviate(text) + "' has more than one dimension");
            }
            if (text.charAt(i) == '"') {
                quoted = true;
                i++;
                while (i < end && text.charAt(i) != '"') {
                    if (text.charAt(i) == '\\' && i + 1 < end) {
                        i++;
                    }
                    item.append(text.charAt(i++));
                }
                if (i >= end) {
                    throw new IllegalArgumentException("'" + abbreviate(text) + "' has an unclosed quote");
                }
                i++;
            } else {
                while (i < end && text.charAt(i) != ',') {
                    item.append(text.charAt(i++));
                }
            }
            String value = quoted ? item.toString() : trimArraySpace(item);
            items.add(!quoted && value.equals("NULL") ? null : value);
            if (i == end) {
                return items;
            }
            if (text.charAt(i) != ',') {
                throw new IllegalArgumentException("'" + abbreviate(text) + "' is not a well-formed array");
            }
            i++;
        }
    }

    /** {@code item} without the characters PostgreSQL's {@code array_isspace} takes for spaces at either end. */
    private static String trimArraySpace(CharSequence item) {
        int start = 0;
        int end = item.length();
        while (start < end && isArraySpace(item.charAt(start))) {
            start++;
        }
        while (end > start && isArraySpace(item.charAt(end - 1))) {
            end--;
        }
        return item.subSequence(start, end).toString();
    }

    private static boolean isArraySpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u000b' || c == '\f';
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
