package dev.stele.codec.json;

import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Decimals;
import java.math.BigDecimal;

/** Scalars read straight from JSON bytes for {@link JsonRecordReader}: whole numbers, doubles and decimals. */
final class JsonScalars {

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    /** What {@link #shortWhole} returns for a number it leaves to the full path; no short number has this value. */
    static final long NOT_SHORT = Long.MIN_VALUE;

    private JsonScalars() {
    }

    /**
     * The common case, read in one pass: a whole number of at most {@code maxDigits} digits at the cursor,
     * read past; else {@link #NOT_SHORT} with the cursor unmoved, for the full path to read or refuse.
     */
    static long shortWhole(JsonBytes in, int maxDigits) {
        in.skipWhitespace();
        byte[] bytes = in.bytes;
        int end = in.end;
        int i = in.pos;
        boolean negative = i < end && bytes[i] == '-';
        if (negative) {
            i++;
        }
        int first = i;
        long value = 0;
        int digit;
        while (i < end && i - first < maxDigits && (digit = bytes[i] - '0') >= 0 && digit <= 9) {
            value = value * 10 + digit;
            i++;
        }
        int digits = i - first;
        if (digits == 0 || digits > 1 && bytes[first] == '0' || i < end && continuesNumber(bytes[i])) {
            return NOT_SHORT;
        }
        in.pos = i;
        return negative ? -value : value;
    }

    private static boolean continuesNumber(byte b) {
        return b >= '0' && b <= '9' || b == '.' || b == 'e' || b == 'E';
    }

    /** The value of the whole number {@code bytes[from, to)}, or a failure saying it is out of range for {@code type}. */
    static long parseWhole(JsonBytes in, int from, int to, String type) {
        byte[] bytes = in.bytes;
        boolean negative = bytes[from] == '-';
        int i = negative ? from + 1 : from;
        if (to - i > 19) {
            throw outOfRange(in, from, to, type);
        }
        long value = 0; // accumulated negative, as Long.MIN_VALUE has no positive counterpart
        for (; i < to; i++) {
            int digit = bytes[i] - '0';
            if (value < Long.MIN_VALUE / 10 || value * 10 < Long.MIN_VALUE + digit) {
                throw outOfRange(in, from, to, type);
            }
            value = value * 10 - digit;
        }
        if (!negative) {
            if (value == Long.MIN_VALUE) {
                throw outOfRange(in, from, to, type);
            }
            return -value;
        }
        return value;
    }

    static CodecFailure outOfRange(JsonBytes in, int from, int to, String type) {
        return new CodecFailure(in.ascii(from, to) + " is out of range for " + type);
    }

    /**
     * The number {@code bytes[from, to)} when it has no exponent and at most 15 digits, which a double holds
     * exactly, as is 10 to the power of its fraction's length, so one division rounds it correctly; else NaN.
     */
    static double exactDouble(byte[] bytes, int from, int to) {
        boolean negative = bytes[from] == '-';
        long digits = 0;
        int count = 0;
        int fraction = -1;
        for (int i = negative ? from + 1 : from; i < to; i++) {
            byte b = bytes[i];
            if (b == '.') {
                fraction = i;
            } else if (b >= '0' && b <= '9' && ++count <= 15) {
                digits = digits * 10 + (b - '0');
            } else {
                return Double.NaN;
            }
        }
        double value = fraction < 0 ? digits : digits / POWERS_OF_TEN[to - fraction - 1];
        return negative ? -value : value;
    }

    static double nonFinite(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                throw new CodecFailure("expected a number, found the string '" + text + "'");
        }
    }

    /** The number {@code bytes[from, to)}: from its digits when they fit a long and there is no exponent. */
    static BigDecimal decimal(JsonBytes in, int from, int to) {
        byte[] bytes = in.bytes;
        if (to - from <= 18) {
            boolean negative = bytes[from] == '-';
            long unscaled = 0;
            int scale = 0;
            boolean simple = true;
            for (int i = negative ? from + 1 : from; i < to && simple; i++) {
                byte b = bytes[i];
                if (b == '.') {
                    scale = to - i - 1;
                } else if (b >= '0' && b <= '9') {
                    unscaled = unscaled * 10 + (b - '0');
                } else {
                    simple = false;
                }
            }
            if (simple) {
                return BigDecimal.valueOf(negative ? -unscaled : unscaled, scale);
            }
        }
        return Decimals.parse(in.ascii(from, to));
    }
}
