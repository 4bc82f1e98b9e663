package dev.stele.codec.json;

import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Decimals;
import dev.stele.spi.codec.EnumSymbols;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordWriter;
import dev.stele.spi.codec.Strings;
import dev.stele.spi.codec.Temporals;
import dev.stele.spi.codec.Uuids;
import dev.stele.spi.codec.ValueWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Writes an event as compact UTF-8 JSON into a growable byte array: one object per record with its fields
 * in declaration order, lists and sets as arrays, maps as objects.
 *
 * <p>The bytes are those Jackson's default generator writes for the same values, with one difference: a
 * character outside the Basic Multilingual Plane is written as its four UTF-8 bytes, not as an escaped
 * surrogate pair. Strings escape {@code "} and {@code \} and the control characters below U+0020 (the
 * short forms {@code \b \t \n \f \r}, else <code>&#92;u00XX</code> in upper-case hex), and nothing else. Instants
 * are ISO-8601 in UTC ({@link Temporals#formatInstant}), dates and date-times ISO-8601, UUIDs lower-case
 * canonical text, bytes standard Base64 with padding, decimals plain numbers at their scale, non-finite
 * floats and doubles the strings {@code NaN}, {@code Infinity} and {@code -Infinity}.
 *
 * <p>Every value is checked as {@link RecordWriter} says; after a {@link CodecFailure}, {@link #path()}
 * says where it happened and the writer must be {@link #reset()} before its next event. One writer may
 * write any number of events, one at a time: {@link #reset()} keeps its buffer. Not thread-safe.
 */
public final class JsonRecordWriter extends RecordWriter {

    private static final byte[] NULL = {'n', 'u', 'l', 'l'};
    private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
    private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};
    private static final byte[] HEX_UPPER = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D',
            'E', 'F'};
    /** The tens and the ones digit of 0 to 99. */
    private static final byte[] TENS = new byte[100];
    private static final byte[] ONES = new byte[100];
    /** Per ASCII character: 0 when written as it is, else the letter after its backslash ({@code u} for <code>&#92;u00XX</code>). */
    private static final byte[] ESCAPES = new byte[128];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (byte) ('0' + i / 10);
            ONES[i] = (byte) ('0' + i % 10);
        }
        for (int c = 0; c < 0x20; c++) {
            ESCAPES[c] = 'u';
        }
        ESCAPES['\b'] = 'b';
        ESCAPES['\t'] = 't';
        ESCAPES['\n'] = 'n';
        ESCAPES['\f'] = 'f';
        ESCAPES['\r'] = 'r';
        ESCAPES['"'] = '"';
        ESCAPES['\\'] = '\\';
    }

    private byte[] buffer;
    private int size;

    /** A writer whose buffer starts at 512 bytes and grows as events need. */
    public JsonRecordWriter() {
        this(512);
    }

    /** A writer whose buffer starts at {@code initialCapacity} bytes. */
    public JsonRecordWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** Forgets what was written (and where a failure happened), keeping the buffer for the next event. */
    public void reset() {
        size = 0;
        path.reset();
    }

    /** The number of bytes written since the last {@link #reset()}. */
    public int size() {
        return size;
    }

    /** The bytes the buffer holds room for: what a writer kept for the next event keeps allocated. */
    public int capacity() {
        return buffer.length;
    }

    /** A copy of the bytes written since the last {@link #reset()}. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** The JSON written since the last {@link #reset()}, as text. */
    public String toText() {
        return new String(buffer, 0, size, StandardCharsets.UTF_8);
    }

    @Override
    public void startRecord(RecordFields fields) {
        path.enterRecord(fields); // the path holds the record's fields: no reference of our own to store
        ensure(1);
        buffer[size++] = '{';
    }

    @Override
    public RecordWriter field(RecordFields fields, int index) {
        path.atField(index);
        byte[] name = index == 0 ? fields.quotedName(0) : fields.quotedNameAfterComma(index);
        ensure(name.length);
        System.arraycopy(name, 0, buffer, size, name.length);
        size += name.length;
        return this;
    }

    @Override
    public void endRecord() {
        ensure(1);
        buffer[size++] = '}';
        path.exit();
    }

    @Override
    public void writeBoolean(boolean value) {
        writeRaw(value ? TRUE : FALSE);
    }

    @Override
    public void writeInt(int value) {
        ensure(11);
        if (value < 0) {
            if (value == Integer.MIN_VALUE) {
                writeAscii("-2147483648");
                return;
            }
            buffer[size++] = '-';
            value = -value;
        }
        int at = size + digitCount(value);
        size = at;
        while (value >= 100) {
            int next = value / 100;
            int pair = value - next * 100;
            buffer[--at] = ONES[pair];
            buffer[--at] = TENS[pair];
            value = next;
        }
        if (value >= 10) {
            buffer[--at] = ONES[value];
            buffer[--at] = TENS[value];
        } else {
            buffer[--at] = (byte) ('0' + value);
        }
    }

    @Override
    public void writeLong(long value) {
        if (value == (int) value) {
            writeInt((int) value);
            return;
        }
        ensure(20);
        if (value < 0) {
            if (value == Long.MIN_VALUE) {
                writeAscii("-9223372036854775808");
                return;
            }
            buffer[size++] = '-';
            value = -value;
        }
        int digits = 10;
        for (long bound = 10_000_000_000L; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        int at = size + digits;
        size = at;
        while (value >= Integer.MAX_VALUE) {
            long next = value / 100;
            int pair = (int) (value - next * 100);
            buffer[--at] = ONES[pair];
            buffer[--at] = TENS[pair];
            value = next;
        }
        int rest = (int) value;
        while (rest > 0) {
            int next = rest / 10;
            buffer[--at] = (byte) ('0' + rest - next * 10);
            rest = next;
        }
    }

    /** The number of decimal digits of {@code value}, which is not negative. */
    private static int digitCount(int value) {
        int digits = 1;
        for (int bound = 10; digits < 10 && value >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }

    @Override
    public void writeFloat(float value) {
        if (Float.isFinite(value)) {
            writeAscii(Float.toString(value));
        } else {
            writeQuotedAscii(Float.toString(value));
        }
    }

    @Override
    public void writeDouble(double value) {
        if (Double.isFinite(value)) {
            writeAscii(Double.toString(value));
        } else {
            writeQuotedAscii(Double.toString(value));
        }
    }

    @Override
    public void writeString(String value) {
        String text = required(value);
        int length = text.length();
        ensure(length + 2);
        byte[] out = buffer;
        int at = size;
        out[at++] = '"';
        int i = 0;
        for (; i < length; i++) {
            char c = text.charAt(i);
            // written as it is: U+0020 to U+007F but the quote and the backslash (ESCAPES says the same)
            if ((char) (c - 0x20) >= 0x60 || c == '"' || c == '\\') {
                break;
            }
            out[at++] = (byte) c;
        }
        size = at;
        if (i < length) {
            writeRest(text, i);
            ensure(1);
        }
        buffer[size++] = '"';
    }

    /** The characters from {@code i} on, one at a time: escapes, multi-byte UTF-8, surrogate pairs. */
    private void writeRest(String text, int i) {
        for (int length = text.length(); i < length; i++) {
            ensure(6);
            char c = text.charAt(i);
            if (c < 128) {
                byte escape = ESCAPES[c];
                if (escape == 0) {
                    buffer[size++] = (byte) c;
                } else if (escape == 'u') {
                    buffer[size] = '\\';
                    buffer[size + 1] = 'u';
                    buffer[size + 2] = '0';
                    buffer[size + 3] = '0';
                    buffer[size + 4] = HEX_UPPER[c >> 4];
                    buffer[size + 5] = HEX_UPPER[c & 0xF];
                    size += 6;
                } else {
                    buffer[size] = '\\';
                    buffer[size + 1] = escape;
                    size += 2;
                }
            } else if (c < 0x800) {
                buffer[size] = (byte) (0xC0 | c >> 6);
                buffer[size + 1] = (byte) (0x80 | c & 0x3F);
                size += 2;
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 == length || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    Strings.wellFormed(text); // fails, saying where
                    throw new IllegalStateException("unpaired surrogate not found in " + text);
                }
                int codePoint = Character.toCodePoint(c, text.charAt(++i));
                buffer[size] = (byte) (0xF0 | codePoint >> 18);
                buffer[size + 1] = (byte) (0x80 | codePoint >> 12 & 0x3F);
                buffer[size + 2] = (byte) (0x80 | codePoint >> 6 & 0x3F);
                buffer[size + 3] = (byte) (0x80 | codePoint & 0x3F);
                size += 4;
            } else {
                buffer[size] = (byte) (0xE0 | c >> 12);
                buffer[size + 1] = (byte) (0x80 | c >> 6 & 0x3F);
                buffer[size + 2] = (byte) (0x80 | c & 0x3F);
                size += 3;
            }
        }
    }

    @Override
    public void writeInstant(Instant value) {
        Temporals.checkInstant(required(value));
        ensure(Temporals.MAX_INSTANT_LENGTH + 2);
        buffer[size] = '"';
        size = Temporals.formatInstant(value, buffer, size + 1);
        buffer[size++] = '"';
    }

    @Override
    public void writeLocalDate(LocalDate value) {
        writeQuotedAscii(Temporals.checkLocalDate(required(value)).toString());
    }

    @Override
    public void writeLocalDateTime(LocalDateTime value) {
        writeQuotedAscii(Temporals.checkLocalDateTime(required(value)).toString());
    }

    @Override
    public void writeUuid(UUID value) {
        required(value);
        ensure(38);
        buffer[size] = '"';
        Uuids.toAscii(value, buffer, size + 1);
        buffer[size + 37] = '"';
        size += 38;
    }

    @Override
    public void writeBytes(byte[] value) {
        byte[] base64 = Base64.getEncoder().encode(required(value));
        ensure(base64.length + 2);
        buffer[size++] = '"';
        System.arraycopy(base64, 0, buffer, size, base64.length);
        size += base64.length;
        buffer[size++] = '"';
    }

    @Override
    public void writeDecimal(BigDecimal value, int precision, int scale) {
        writeAscii(Decimals.fit(required(value), precision, scale).toPlainString());
    }

    @Override
    public <E extends Enum<E>> void writeEnum(EnumSymbols<E> symbols, E value) {
        writeRaw(symbols.quotedSymbol(required(value)));
    }

    @Override
    public <T> void writeList(Collection<T> values, ValueWriter<T> element) throws IOException {
        required(values);
        path.enterCollection();
        ensure(1);
        buffer[size++] = '[';
        int index = 0;
        for (T value : values) {
            path.atIndex(index);
            if (index++ != 0) {
                ensure(1);
                buffer[size++] = ',';
            }
            element.write(this, required(value));
        }
        ensure(1);
        buffer[size++] = ']';
        path.exit();
    }

    @Override
    public <T> void writeMap(Map<String, T> values, ValueWriter<T> value) throws IOException {
        required(values);
        path.enterMap();
        ensure(1);
        buffer[size++] = '{';
        boolean first = true;
        for (Map.Entry<String, T> entry : values.entrySet()) {
            String key = required(entry.getKey());
            path.atKey(key);
            if (!first) {
                ensure(1);
                buffer[size++] = ',';
            }
            first = false;
            writeString(key);
            ensure(1);
            buffer[size++] = ':';
            value.write(this, required(entry.getValue()));
        }
        ensure(1);
        buffer[size++] = '}';
        path.exit();
    }

    @Override
    public <T> void writeNullable(T value, ValueWriter<T> present) throws IOException {
        if (value != null) {
            present.write(this, value);
        } else {
            writeRaw(NULL);
        }
    }

    private void writeRaw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, size, bytes.length);
        size += bytes.length;
    }

    /** Text known to be ASCII, such as a number's. */
    private void writeAscii(String text) {
        int length = text.length();
        ensure(length);
        for (int i = 0; i < length; i++) {
            buffer[size + i] = (byte) text.charAt(i);
        }
        size += length;
    }

    /** Text known to be ASCII and to need no escapes, quoted. */
    private void writeQuotedAscii(String text) {
        ensure(text.length() + 2);
        buffer[size++] = '"';
        writeAscii(text);
        buffer[size++] = '"';
    }

    /** Makes room for {@code bytes} more bytes. */
    private void ensure(int bytes) {
        if (size + bytes > buffer.length) {
            grow(bytes);
        }
    }

    private void grow(int bytes) {
        long needed = (long) size + bytes;
        if (needed > Integer.MAX_VALUE - 16) {
            throw new CodecFailure("the event's JSON would be larger than a byte array holds");
        }
        buffer = Arrays.copyOf(buffer, (int) Math.max(needed, Math.min(Integer.MAX_VALUE - 16, 2L * buffer.length)));
    }
}
