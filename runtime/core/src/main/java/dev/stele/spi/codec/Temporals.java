package dev.stele.spi.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Conversions of the time types to what both formats store: nanoseconds since the epoch (Avro
 * {@code timestamp-nanos}, {@code local-timestamp-nanos}), days since the epoch (Avro {@code date}) and
 * ISO-8601 text in JSON.
 *
 * <p>Time keeps its full precision: {@code Instant.now()} is stored as it is, to the nanosecond. What a
 * long of nanoseconds cannot hold, an {@code Instant} or {@code LocalDateTime} before
 * {@value #EARLIEST} or after {@value #LATEST} (about 292 years either side of 1970), is a
 * {@link CodecFailure} in both formats, never a value moved or rounded.
 */
public final class Temporals {

    /** The earliest instant a timestamp in nanoseconds holds: {@code Long.MIN_VALUE} ns. */
    public static final String EARLIEST = "1677-09-21T00:12:43.145224192Z";

    /** The latest instant a timestamp in nanoseconds holds: {@code Long.MAX_VALUE} ns. */
    public static final String LATEST = "2262-04-11T23:47:16.854775807Z";

    /** The most bytes {@link #formatInstant(Instant, byte[], int)} writes. */
    public static final int MAX_INSTANT_LENGTH = 48;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;
    /** 0000-01-01T00:00:00Z and 9999-12-31T23:59:59Z: the range the fast text path handles. */
    private static final long FAST_MIN_SECOND = -62_167_219_200L;
    private static final long FAST_MAX_SECOND = 253_402_300_799L;

    private Temporals() {
    }

    /** Nanoseconds since 1970-01-01T00:00:00Z. */
    public static long toEpochNanos(Instant value) {
        try {
            return nanos(value.getEpochSecond(), value.getNano());
        } catch (ArithmeticException e) {
            throw new CodecFailure(value + " is outside the range of a timestamp in nanoseconds (" + EARLIEST + " to "
                    + LATEST + ")");
        }
    }

    public static Instant fromEpochNanos(long nanos) {
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND), Math.floorMod(nanos, NANOS_PER_SECOND));
    }

    /** Days since 1970-01-01. */
    public static int toEpochDays(LocalDate value) {
        long days = value.toEpochDay();
        if (days != (int) days) {
            throw new CodecFailure(value + " is outside the range of a date in days since 1970-01-01");
        }
        return (int) days;
    }

    public static LocalDate fromEpochDays(int days) {
        return LocalDate.ofEpochDay(days);
    }

    /** Nanoseconds since 1970-01-01T00:00 on the local time line. */
    public static long toLocalNanos(LocalDateTime value) {
        try {
            return nanos(value.toEpochSecond(ZoneOffset.UTC), value.getNano());
        } catch (ArithmeticException e) {
            throw new CodecFailure(value + " is outside the range of a local timestamp in nanoseconds ("
                    + EARLIEST.substring(0, EARLIEST.length() - 1) + " to " + LATEST.substring(0, LATEST.length() - 1)
                    + ")");
        }
    }

    /**
     * {@code seconds} and {@code nanos} as nanoseconds, exact down to {@code Long.MIN_VALUE}: a negative
     * second with a fraction is taken as the next second minus the rest, so the product cannot overflow
     * where the sum would not.
     */
    private static long nanos(long seconds, int nanos) {
        if (seconds < 0 && nanos > 0) {
            return Math.addExact(Math.multiplyExact(seconds + 1, NANOS_PER_SECOND), nanos - NANOS_PER_SECOND);
        }
        return Math.addExact(Math.multiplyExact(seconds, NANOS_PER_SECOND), nanos);
    }

    public static LocalDateTime fromLocalNanos(long nanos) {
        return LocalDateTime.ofEpochSecond(Math.floorDiv(nanos, NANOS_PER_SECOND),
                (int) Math.floorMod(nanos, NANOS_PER_SECOND), ZoneOffset.UTC);
    }

    /** Checks that the value fits the stored range; returns it. */
    public static Instant checkInstant(Instant value) {
        toEpochNanos(value);
        return value;
    }

    public static LocalDateTime checkLocalDateTime(LocalDateTime value) {
        toLocalNanos(value);
        return value;
    }

    public static LocalDate checkLocalDate(LocalDate value) {
        toEpochDays(value);
        return value;
    }

    /**
     * ISO-8601 in UTC, as {@link java.time.format.DateTimeFormatter#ISO_INSTANT} writes it (fraction in
     * groups of three digits, none when zero), without its cost for the years 0000 to 9999.
     */
    public static String formatInstant(Instant value) {
        byte[] text = new byte[MAX_INSTANT_LENGTH];
        return new String(text, 0, formatInstant(value, text, 0), StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes the text of {@link #formatInstant(Instant)} as ASCII into {@code into} from {@code at}, which
     * must have room for {@link #MAX_INSTANT_LENGTH} bytes; returns where the text ends.
     */
    public static int formatInstant(Instant value, byte[] into, int at) {
        long seconds = value.getEpochSecond();
        if (seconds < FAST_MIN_SECOND || seconds > FAST_MAX_SECOND) {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                into[at + i] = (byte) text.charAt(i);
            }
            return at + text.length();
        }
        long days = Math.floorDiv(seconds, SECONDS_PER_DAY);
        int secondOfDay = (int) (seconds - days * SECONDS_PER_DAY);
        int length = writeDate(into, at, (int) days);
        into[length++] = 'T';
        length = writeTwo(into, length, secondOfDay / 3600);
        into[length++] = ':';
        length = writeTwo(into, length, secondOfDay / 60 % 60);
        into[length++] = ':';
        length = writeTwo(into, length, secondOfDay % 60);
        length = writeFraction(into, length, value.getNano());
        into[length++] = 'Z';
        return length;
    }

    /** Parses ISO-8601 with {@code Z} or an offset; the fraction may have up to nine digits. */
    public static Instant parseInstant(String text) {
        Instant fast = null;
        int length = text.length();
        if (length >= 20 && length <= 30) {
            byte[] ascii = new byte[length];
            for (int i = 0; i < length; i++) {
                char c = text.charAt(i);
                ascii[i] = c < 128 ? (byte) c : 0;
            }
            fast = parseUtcFast(ascii, 0, length);
        }
        Instant value;
        if (fast != null) {
            value = fast;
        } else {
            try {
                value = OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException e) {
                throw new CodecFailure("'" + text + "' is not an ISO-8601 instant such as 2024-01-31T10:15:30.123456Z");
            }
        }
        return checkInstant(value);
    }

    /**
     * {@link #parseInstant(String)} of the UTF-8 text {@code utf8[from, from + length)}, the usual shape
     * ({@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}) read straight from the bytes.
     */
    public static Instant parseInstant(byte[] utf8, int from, int length) {
        Instant fast = parseUtcFast(utf8, from, length);
        if (fast != null) {
            return checkInstant(fast);
        }
        return parseInstant(new String(utf8, from, length, StandardCharsets.UTF_8));
    }

    public static LocalDate parseLocalDate(String text) {
        try {
            return checkLocalDate(LocalDate.parse(text));
        } catch (DateTimeParseException e) {
            throw new CodecFailure("'" + text + "' is not an ISO-8601 date such as 2024-01-31");
        }
    }

    public static LocalDateTime parseLocalDateTime(String text) {
        try {
            return checkLocalDateTime(LocalDateTime.parse(text));
        } catch (DateTimeParseException e) {
            throw new CodecFailure("'" + text + "' is not an ISO-8601 local date-time such as 2024-01-31T10:15:30.123456789");
        }
    }

    /** {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z} in {@code text[from, from + length)}, or null when it has another shape. */
    private static Instant parseUtcFast(byte[] text, int from, int length) {
        if (length < 20 || length > 30 || text[from + length - 1] != 'Z' || text[from + 4] != '-'
                || text[from + 7] != '-' || text[from + 10] != 'T' || text[from + 13] != ':'
                || text[from + 16] != ':') {
            return null;
        }
        int year = digits(text, from, 4);
        int month = digits(text, from + 5, 2);
        int day = digits(text, from + 8, 2);
        int hour = digits(text, from + 11, 2);
        int minute = digits(text, from + 14, 2);
        int second = digits(text, from + 17, 2);
        if ((year | month | day | hour | minute | second) < 0 || hour > 23 || minute > 59 || second > 59) {
            return null;
        }
        int nanos = 0;
        if (length > 20) {
            int fractionDigits = length - 21;
            if (text[from + 19] != '.' || fractionDigits < 1) {
                return null;
            }
            nanos = digits(text, from + 20, fractionDigits);
            if (nanos < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nanos *= 10;
            }
        } else if (text[from + 19] != 'Z') {
            return null;
        }
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return null; // as LocalDate.of refuses it
        }
        return Instant.ofEpochSecond(epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L
                + second, nanos);
    }

    private static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeapYear(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static boolean isLeapYear(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Days since 1970-01-01 of a valid date in the years 0000 to 9999, as {@link LocalDate#toEpochDay()} counts them. */
    private static long epochDay(int year, int month, int day) {
        long total = 365L * year + (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400
                + (367 * month - 362) / 12 + day - 1;
        if (month > 2) {
            total -= isLeapYear(year) ? 1 : 2;
        }
        return total - 719_528; // the days from 0000-01-01 to 1970-01-01
    }

    /** The decimal value of {@code count} ASCII digits, or -1 if one is not a digit. */
    private static int digits(byte[] text, int start, int count) {
        int value = 0;
        for (int i = start; i < start + count; i++) {
            int digit = text[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** Writes yyyy-MM-dd of a day in years 0000..9999 (civil-from-days, proleptic Gregorian), in int arithmetic. */
    private static int writeDate(byte[] text, int at, int epochDay) {
        int z = epochDay + 719_468; // days since 0000-03-01, negative only in 0000's first two months
        int era = (z >= 0 ? z : z - 146_096) / 146_097;
        int dayOfEra = z - era * 146_097;
        int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int shiftedMonth = (5 * dayOfYear + 2) / 153;
        int day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1;
        int month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
        int year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
        int length = writeTwo(text, at, year / 100);
        length = writeTwo(text, length, year % 100);
        text[length++] = '-';
        length = writeTwo(text, length, month);
        text[length++] = '-';
        return writeTwo(text, length, day);
    }

    private static int writeTwo(byte[] text, int at, int value) {
        text[at] = (byte) ('0' + value / 10);
        text[at + 1] = (byte) ('0' + value % 10);
        return at + 2;
    }

    private static int writeFraction(byte[] text, int at, int nanos) {
        if (nanos == 0) {
            return at;
        }
        int digits;
        int value;
        if (nanos % 1_000_000 == 0) {
            digits = 3;
            value = nanos / 1_000_000;
        } else if (nanos % 1000 == 0) {
            digits = 6;
            value = nanos / 1000;
        } else {
            digits = 9;
            value = nanos;
        }
        text[at++] = '.';
        for (int i = at + digits - 1; i >= at; i--) {
            text[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        return at + digits;
    }
}
