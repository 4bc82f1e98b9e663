package dev.stele.codec.json;

import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.CodecPath;
import dev.stele.spi.codec.Strings;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * The bytes of one JSON payload and a cursor over them, for {@link JsonRecordReader}: whitespace, literals,
 * numbers and strings exactly as RFC 8259 has them (strict UTF-8 included), the skipping of any value
 * without recursion, and failures that say where, as {@code (line 1, column 34)}.
 */
final class JsonBytes {

    /** The longest number read: parsing longer ones (as BigDecimal does) costs more than linear time. */
    static final int MAX_NUMBER_LENGTH = 1000;

    static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    static final byte[] NULL = {'n', 'u', 'l', 'l'};

    /** Eight and four bytes of a byte array at once, as the first is the lowest (the order a word is tested in). */
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INTS = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

    private static final byte IN_ARRAY = 1;
    private static final byte IN_OBJECT = 2;

    byte[] bytes;
    /** The cursor: the index of the next byte to read. */
    int pos;
    private int start;
    int end;

    /** Set by {@link #scanString}: whether the string (if it has escapes, the part before the first) is ASCII. */
    boolean ascii;
    /** Set by {@link #scanNumber}: whether the number has neither fraction nor exponent. */
    boolean integral;

    private char[] chars = new char[64];
    private int charCount;
    private boolean escapedSurrogate;
    private byte[] containers = new byte[16];

    void reset(byte[] bytes, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, bytes.length);
        this.bytes = bytes;
        this.start = offset;
        this.pos = offset;
        this.end = offset + length;
    }

    /** Skips JSON's four whitespace characters; returns the byte at the cursor (0 to 255), or -1 at the end. */
    int skipWhitespace() {
        // Stele writes none: the byte at the cursor is most often the one wanted
        int i = pos;
        if (i >= end) {
            return -1;
        }
        int b = bytes[i] & 0xFF;
        if (b > ' ') {
            return b;
        }
        return skipSpaces();
    }

    private int skipSpaces() {
        byte[] in = bytes;
        for (int i = pos, limit = end; i < limit; i++) {
            byte b = in[i];
            if (b > ' ' || b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                pos = i;
                return b & 0xFF;
            }
        }
        pos = end;
        return -1;
    }

    /** Whether the bytes at the cursor are {@code expected}; compared eight or four at a time. */
    boolean startsWith(byte[] expected) {
        int length = expected.length;
        int at = pos;
        if (length > end - at) {
            return false;
        }
        byte[] in = bytes;
        if (length >= 8) {
            int last = length - 8;
            for (int i = 0; i < last; i += 8) {
                if ((long) LONGS.get(in, at + i) != (long) LONGS.get(expected, i)) {
                    return false;
                }
            }
            // the last eight, which may overlap those compared already
            return (long) LONGS.get(in, at + last) == (long) LONGS.get(expected, last);
        }
        if (length >= 4) {
            return (int) INTS.get(in, at) == (int) INTS.get(expected, 0)
                    && (int) INTS.get(in, at + length - 4) == (int) INTS.get(expected, length - 4);
        }
        for (int i = 0; i < length; i++) {
            if (in[at + i] != expected[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads {@code literal} ({@code true}, {@code false} or {@code null}) at the cursor. */
    void literal(byte[] literal) {
        for (int i = 0; i < literal.length; i++) {
            if (pos + i >= end || bytes[pos + i] != literal[i]) {
                throw unexpectedAt(pos + i, "expected '" + new String(literal, StandardCharsets.US_ASCII) + "'");
            }
        }
        pos += literal.length;
    }

    /** Reads a {@code ':'} after optional whitespace. */
    void colon() {
        if (skipWhitespace() != ':') {
            throw unexpected("expected ':' after a field name");
        }
        pos++;
    }

    // numbers

    /**
     * Scans the number at the cursor (a {@code '-'} or a digit) without moving the cursor; returns the index
     * after it and sets {@link #integral}.
     */
    int scanNumber() {
        byte[] in = bytes;
        int i = pos;
        if (in[i] == '-') {
            i++;
        }
        if (i < end && in[i] == '0') {
            i++;
            if (i < end && isDigit(in[i])) {
                throw unexpectedAt(i, "a number may not have leading zeros");
            }
        } else {
            i = digits(i, "expected a digit");
        }
        integral = true;
        if (i < end && in[i] == '.') {
            integral = false;
            i = digits(i + 1, "expected a digit after the decimal point");
        }
        if (i < end && (in[i] == 'e' || in[i] == 'E')) {
            integral = false;
            i++;
            if (i < end && (in[i] == '+' || in[i] == '-')) {
                i++;
            }
            i = digits(i, "expected a digit in the exponent");
        }
        if (i - pos > MAX_NUMBER_LENGTH) {
            throw new CodecFailure("a number of " + (i - pos) + " characters is longer than the " + MAX_NUMBER_LENGTH
                    + " allowed" + where(pos));
        }
        return i;
    }

    /** One or more digits from {@code i}; the index after them. */
    private int digits(int i, String expectation) {
        if (i >= end || !isDigit(bytes[i])) {
            throw unexpectedAt(i, expectation);
        }
        do {
            i++;
        } while (i < end && isDigit(bytes[i]));
        return i;
    }

    private static boolean isDigit(byte b) {
        return b >= '0' && b <= '9';
    }

    /** The ASCII text of {@code bytes[from, to)}, such as a number's. */
    String ascii(int from, int to) {
        return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
    }

    // strings

    /**
     * Scans the string whose opening quote is at the cursor, checking its UTF-8 and that it has no raw
     * control character, without moving the cursor. Returns the index of its closing quote if it has no
     * escapes, else {@code -1 - (the index of its first backslash)}; sets {@link #ascii}.
     */
    int scanString() {
        byte[] in = bytes;
        int limit = end;
        int i = pos + 1;
        boolean onlyAscii = true;
        for (;;) {
            // eight bytes at a time while none is a quote, a backslash, below 0x20 or above 0x7F
            while (i <= limit - 8) {
                long word = (long) LONGS.get(in, i);
                long quotes = word ^ 0x2222222222222222L;
                long backslashes = word ^ 0x5C5C5C5C5C5C5C5CL;
                long stops = ((quotes - 0x0101010101010101L) & ~quotes)
                        | ((backslashes - 0x0101010101010101L) & ~backslashes)
                        | ((word - 0x2020202020202020L) & ~word)
                        | word;
                stops &= 0x8080808080808080L;
                if (stops != 0) {
                    // the lowest flagged byte is a true one (false flags only sit above a true one)
                    i += Long.numberOfTrailingZeros(stops) >>> 3;
                    break;
                }
                i += 8;
            }
            byte b;
            while (i < limit && (b = in[i]) >= 0x20 && b != '"' && b != '\\') {
                i++;
            }
            if (i >= limit) {
                throw unexpectedAt(limit, "expected a closing quote for a string");
            }
            b = in[i];
            if (b == '"') {
                ascii = onlyAscii;
                return i;
            }
            if (b == '\\') {
                ascii = onlyAscii;
                return -1 - i;
            }
            if (b >= 0) {
                throw unexpectedAt(i, "a control character must be escaped in a string");
            }
            onlyAscii = false;
            i = utf8Sequence(i);
        }
    }

    /** The string {@link #scanString} returned {@code scanned} for, decoded, refused if it holds an unpaired surrogate; the cursor moves past it. */
    String string(int scanned) {
        if (scanned >= 0) {
            return plainString(scanned);
        }
        decodeEscaped(-1 - scanned);
        String text = new String(chars, 0, charCount);
        return escapedSurrogate ? Strings.wellFormed(text) : text;
    }

    /** The string at the cursor, as {@link #string} but taking unpaired surrogates, for the caller to refuse. */
    String readUncheckedString() {
        int scanned = scanString();
        if (scanned >= 0) {
            return plainString(scanned);
        }
        decodeEscaped(-1 - scanned);
        return new String(chars, 0, charCount);
    }

    /** The string without escapes whose closing quote is at {@code close}; the cursor moves past it. */
    @SuppressWarnings("deprecation") // String(byte[], int, int, int), the shortest path to a Latin-1 string
    private String plainString(int close) {
        int from = pos + 1;
        pos = close + 1;
        return ascii ? new String(bytes, 0, from, close - from)
                : new String(bytes, from, close - from, StandardCharsets.UTF_8);
    }

    /** The string at the cursor, as {@link #string}. */
    String readString() {
        return string(scanString());
    }

    /** The UTF-8 bytes of the string at the cursor, escapes decoded, for a name to look up; the cursor moves past it. */
    byte[] escapedNameBytes(int scanned) {
        decodeEscaped(-1 - scanned);
        return new String(chars, 0, charCount).getBytes(StandardCharsets.UTF_8);
    }

    /** Skips the string at the cursor. */
    void skipString() {
        int scanned = scanString();
        if (scanned >= 0) {
            pos = scanned + 1;
        } else {
            decodeEscaped(-1 - scanned);
        }
    }

    /**
     * Decodes the string at the cursor, whose first escape is at {@code escape}, into {@link #chars}; the
     * cursor moves past it. {@link #ascii} says whether the part before the escape is ASCII.
     */
    private void decodeEscaped(int escape) {
        int from = pos + 1;
        char[] out = chars;
        int count = 0;
        int i = from;
        if (ascii) {
            if (out.length < escape - from + 2) {
                out = chars = new char[Math.max(escape - from + 2, 2 * out.length)];
            }
            for (; i < escape; i++) {
                out[count++] = (char) bytes[i];
            }
        }
        escapedSurrogate = false;
        byte[] in = bytes;
        for (;;) {
            if (count + 2 > out.length) {
                out = chars = Arrays.copyOf(out, 2 * out.length);
            }
            if (i >= end) {
                throw unexpectedAt(end, "expected a closing quote for a string");
            }
            byte b = in[i];
            if (b == '"') {
                break;
            }
            if (b == '\\') {
                i = escape(i, out, count);
                count++;
            } else if (b >= 0x20) {
                out[count++] = (char) b;
                i++;
            } else if (b >= 0) {
                throw unexpectedAt(i, "a control character must be escaped in a string");
            } else {
                int after = utf8Sequence(i);
                int codePoint = codePoint(i, after);
                count += Character.toChars(codePoint, out, count);
                i = after;
            }
        }
        charCount = count;
        pos = i + 1;
    }

    /** Decodes the escape at {@code i} into {@code out[count]}; returns the index after it. */
    private int escape(int i, char[] out, int count) {
        if (i + 1 >= end) {
            throw unexpectedAt(end, "expected an escaped character");
        }
        char c;
        switch (bytes[i + 1]) {
            case '"' -> c = '"';
            case '\\' -> c = '\\';
            case '/' -> c = '/';
            case 'b' -> c = '\b';
            case 'f' -> c = '\f';
            case 'n' -> c = '\n';
            case 'r' -> c = '\r';
            case 't' -> c = '\t';
            case 'u' -> {
                int value = 0;
                for (int k = i + 2; k < i + 6; k++) {
                    int digit = k < end ? Character.digit(bytes[k], 16) : -1;
                    if (digit < 0) {
                        throw unexpectedAt(k, "expected a hex digit of a \\u escape");
                    }
                    value = value << 4 | digit;
                }
                c = (char) value;
                escapedSurrogate |= Character.isSurrogate(c);
                out[count] = c;
                return i + 6;
            }
            default -> throw unexpectedAt(i + 1, "not a valid escape");
        }
        out[count] = c;
        return i + 2;
    }

    /** Checks the multi-byte UTF-8 sequence whose lead byte is at {@code i}: shortest form, no surrogates; returns the index after it. */
    private int utf8Sequence(int i) {
        int lead = bytes[i] & 0xFF;
        int length;
        int low = 0x80;
        int high = 0xBF;
        if (lead >= 0xC2 && lead <= 0xDF) {
            length = 2;
        } else if (lead >= 0xE0 && lead <= 0xEF) {
            length = 3;
            if (lead == 0xE0) {
                low = 0xA0;
            } else if (lead == 0xED) {
                high = 0x9F;
            }
        } else if (lead >= 0xF0 && lead <= 0xF4) {
            length = 4;
            if (lead == 0xF0) {
                low = 0x90;
            } else if (lead == 0xF4) {
                high = 0x8F;
            }
        } else {
            throw unexpectedAt(i, "not valid UTF-8");
        }
        for (int k = 1; k < length; k++) {
            if (i + k >= end) {
                throw unexpectedAt(end, "expected the rest of a UTF-8 sequence");
            }
            int next = bytes[i + k] & 0xFF;
            if (next < low || next > high) {
                throw unexpectedAt(i + k, "not valid UTF-8");
            }
            low = 0x80;
            high = 0xBF;
        }
        return i + length;
    }

    /** The code point of the checked UTF-8 sequence {@code bytes[from, to)}. */
    private int codePoint(int from, int to) {
        int length = to - from;
        int value = bytes[from] & (0xFF >> (length + 1));
        for (int k = from + 1; k < to; k++) {
            value = value << 6 | bytes[k] & 0x3F;
        }
        return value;
    }

    // skipping

    /**
     * Skips the value at the cursor, however it is nested, with no recursion; a failure if it nests deeper
     * than {@code depthLeft} levels.
     */
    void skipValue(int depthLeft) {
        int depth = 0;
        for (;;) {
            int c = skipWhitespace();
            boolean opened = false;
            if (c == '{' || c == '[') {
                if (depth == depthLeft) {
                    throw new CodecFailure("values are nested deeper than " + CodecPath.MAX_DEPTH + " levels");
                }
                if (depth == containers.length) {
                    containers = Arrays.copyOf(containers, 2 * depth);
                }
                containers[depth++] = c == '{' ? IN_OBJECT : IN_ARRAY;
                pos++;
                int next = skipWhitespace();
                if (next == (c == '{' ? '}' : ']')) {
                    pos++;
                    depth--;
                } else {
                    opened = true;
                    if (c == '{') {
                        name();
                    }
                }
            } else {
                skipScalar(c);
            }
            if (opened) {
                continue;
            }
            // after a value: close containers until one goes on with a comma
            while (depth > 0) {
                c = skipWhitespace();
                boolean object = containers[depth - 1] == IN_OBJECT;
                if (c == ',') {
                    pos++;
                    if (object) {
                        skipWhitespace();
                        name();
                    }
                    break;
                }
                if (c == (object ? '}' : ']')) {
                    pos++;
                    depth--;
                } else {
                    throw unexpected(object ? "expected ',' or '}'" : "expected ',' or ']'");
                }
            }
            if (depth == 0) {
                return;
            }
        }
    }

    /** Skips a field name at the cursor and its colon. */
    private void name() {
        if (skipWhitespace() != '"') {
            throw unexpected("expected a field name");
        }
        skipString();
        colon();
    }

    /** Skips the string, number or literal whose first byte, {@code c}, is at the cursor. */
    void skipScalar(int c) {
        if (c == '"') {
            skipString();
        } else if (c == '-' || c >= '0' && c <= '9') {
            pos = scanNumber();
        } else if (c == 't') {
            literal(TRUE);
        } else if (c == 'f') {
            literal(FALSE);
        } else if (c == 'n') {
            literal(NULL);
        } else {
            throw unexpected("expected a value");
        }
    }

    // failures

    /** Malformed input at the cursor. */
    CodecFailure unexpected(String expectation) {
        return unexpectedAt(pos, expectation);
    }

    /** Malformed input at {@code at}: the character there, or the end of the input, and what was expected. */
    CodecFailure unexpectedAt(int at, String expectation) {
        if (at >= end) {
            return new CodecFailure("Unexpected end-of-input: " + expectation + where(end));
        }
        int c = bytes[at] & 0xFF;
        String character = c > 0x20 && c < 0x7F ? "('" + (char) c + "' (code " + c + "))" : "(code " + c + ")";
        return new CodecFailure("Unexpected character " + character + ": " + expectation + where(at));
    }

    /** {@code " (line 1, column 34)"}: 1-based, the column counted in bytes. */
    private String where(int at) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return " (line " + line + ", column " + (at - lineStart + 1) + ")";
    }
}
