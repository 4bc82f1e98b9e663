package dev.stele.spi.codec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.UUID;

/** UUIDs in their canonical 36-character text form only. */
public final class Uuids {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private Uuids() {
    }

    /**
     * Parses {@code 8-4-4-4-12} hexadecimal digits in one pass. Stricter than {@link UUID#fromString},
     * which also takes {@code 1-2-3-4-5} and reads it as a different UUID than a reader elsewhere would.
     */
    public static UUID parse(String text) {
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            throw notUuid(text);
        }
        long most = hex(text, 0, 8) << 32 | hex(text, 9, 13) << 16 | hex(text, 14, 18);
        long least = hex(text, 19, 23) << 48 | hex(text, 24, 36);
        return new UUID(most, least);
    }

    private static long hex(String text, int from, int to) {
        long value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            int digit;
            if (c >= '0' && c <= '9') {
                digit = c - '0';
            } else if (c >= 'a' && c <= 'f') {
                digit = c - 'a' + 10;
            } else if (c >= 'A' && c <= 'F') {
                digit = c - 'A' + 10;
            } else {
                throw notUuid(text);
            }
            value = value << 4 | digit;
        }
        return value;
    }

    /**
     * The UUID in the 36 ASCII bytes from {@code from}, all 32 digits at once, or null if they are not one
     * ({@link #parse} says why); the caller makes sure the 36 bytes are there.
     */
    public static UUID fromAscii(byte[] bytes, int from) {
        if (bytes[from + 8] != '-' || bytes[from + 13] != '-' || bytes[from + 18] != '-' || bytes[from + 23] != '-') {
            return null;
        }
        long a = digits8((long) LONGS.get(bytes, from));
        long b = digits4((int) INTS.get(bytes, from + 9));
        long c = digits4((int) INTS.get(bytes, from + 14));
        long d = digits4((int) INTS.get(bytes, from + 19));
        long e = digits4((int) INTS.get(bytes, from + 24)) << 32 | digits8((long) LONGS.get(bytes, from + 28));
        if ((a | b | c | d | e) < 0) {
            return null;
        }
        return new UUID(a << 32 | b << 16 | c, d << 48 | e);
    }

    /**
     * The value of the eight hex digits in {@code word}, the first in its lowest byte, or -1 if one is not a
     * hex digit; all eight at once.
     */
    private static long digits8(long word) {
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
    private static long digits4(int word) {
        long value = digits8(word & 0xFFFFFFFFL | 0x3030303000000000L); // padded with four '0's after them
        return value < 0 ? -1 : value >>> 16;
    }

    /** Writes the canonical text of {@code value}, lower-case, as 36 ASCII bytes into {@code into} from {@code at}. */
    public static void toAscii(UUID value, byte[] into, int at) {
        long most = value.getMostSignificantBits();
        long least = value.getLeastSignificantBits();
        LONGS.set(into, at, hex8((int) (most >>> 32)));
        into[at + 8] = '-';
        long digits = hex8((int) most);
        INTS.set(into, at + 9, (int) digits);
        into[at + 13] = '-';
        INTS.set(into, at + 14, (int) (digits >>> 32));
        into[at + 18] = '-';
        digits = hex8((int) (least >>> 32));
        INTS.set(into, at + 19, (int) digits);
        into[at + 23] = '-';
        INTS.set(into, at + 24, (int) (digits >>> 32));
        LONGS.set(into, at + 28, hex8((int) least));
    }

    /** The eight lower-case hex digits of {@code value} as ASCII bytes, the first in the lowest byte. */
    private static long hex8(int value) {
        long x = (value & 0xFFFFFFFFL) >>> 16 | (value & 0xFFFFL) << 32; // digits 0-3, then 4-7, in 32-bit halves
        x = (x >>> 8) & 0x000000FF000000FFL | (x & 0x000000FF000000FFL) << 16; // pairs of digits in 16-bit quarters
        x = (x >>> 4) & 0x000F000F000F000FL | (x & 0x000F000F000F000FL) << 8; // one digit a byte
        long letters = ((x + 0x0606060606060606L) >>> 4) & 0x0101010101010101L; // the digits from 10 on
        return x + 0x3030303030303030L + 39 * letters; // '0' + digit, or 'a' + digit - 10
    }

    private static CodecFailure notUuid(String text) {
        return new CodecFailure("'" + text + "' is not a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
}
