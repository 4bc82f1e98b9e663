package dev.stele.codec.json;

import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Decimals;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.math.BigDecimal;
import java.nio.ByteOrder;
import java.util.UUID;

/** Scalars read straight from JSON bytes for {@link JsonRecordReader}: whole numbers, doubles, decimals and UUIDs. */
final class JsonScalars {

    private static final double[] POWERS_OF_TEN = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
            1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

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


    /** The UUID in the 36 bytes from {@code from}, or null if they are not one. */
    static UUID uuid(byte[] bytes, int from) {
        if (bytes[from + 8] != '-' || bytes[from + 13] != '-' || bytes[from + 18] != '-' || bytes[from + 23] != '-') {
            return null;
        }
        long a = hex8((long) LONGS.get(bytes, from));
        long b = hex4((int) INTS.get(bytes, from + 9));
        long c = hex4((int) INTS.get(bytes, from + 14));
        long d = hex4((int) INTS.get(bytes, from + 19));
        long e = hex4((int) INTS.get(bytes, from + 24)) << 32 | hex8((long) LONGS.get(bytes, from + 28));
        if ((a | b | c | d | e) < 0) {
            return null;
        }
        return new UUID(a << 32 | b << 16 | c, d << 48 | e);
    }

    /**
     * The value of the eight hex digits in {@code word}, the first in its lowest byte, or -1 if one is not a
     * hex digit; all eight at once.
     */
    private static long hex8(long word) {
        long ascii = ~word & 0x8080808080808080L;
        // for bytes below 0x80, x + (0x80 - k) sets the byte's high bit when x >= k, and carries into no other
        long atLeast0 = word + 0x5050505050505050L;
        long aboveNine = word + 0x4646464646464646L;
        long lower = word | 0x2020202020202020L;
        long atLeastA = lower + 0x1F1F1F1F1F1F1F1FL;
        long aboveF = lower + 0x1919191919191919L;
        long letters = atLeastA & ~aboveF & 0x8080808080808080L;
        long digits = atLeast0 & ~aboveNine & 0x8080808080808080L;
        if ((ascii & (letters | digits)) != 0x8080808080808080L) {
            return -1;
        }
        long nibbles = (word & 0x0F0F0F0F0F0F0F0FL) + 9 * (letters >>> 7);
        // the first digit is the most significant: pairs into bytes, bytes into halves, halves into the int
        long pairs = (nibbles & 0x000F000F000F000FL) << 4 | (nibbles >>> 8) & 0x000F000F000F000FL;
        long halves = (pairs & 0x000000FF000000FFL) << 8 | (pairs >>> 16) & 0x000000FF000000FFL;
        return (halves & 0xFFFF) << 16 | (halves >>> 32) & 0xFFFF;
    }

    /** The value of the four hex digits in {@code word}, the first in its lowest byte, or -1. */
    private static long hex4(int word) {
        long value = hex8(word & 0xFFFFFFFFL | 0x3030303000000000L); // padded with four '0's after them
        return value < 0 ? -1 : value >>> 16;
    }
}
