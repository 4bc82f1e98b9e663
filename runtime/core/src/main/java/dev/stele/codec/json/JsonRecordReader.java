package dev.stele.codec.json;

import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.CodecPath;
import dev.stele.spi.codec.Decimals;
import dev.stele.spi.codec.EnumSymbols;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordReader;
import dev.stele.spi.codec.Strings;
import dev.stele.spi.codec.Temporals;
import dev.stele.spi.codec.Uuids;
import dev.stele.spi.codec.ValueReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Reads an event from UTF-8 JSON bytes, straight from the bytes: the top-level value must be an object,
 * and {@link #expectEnd()} checks that only whitespace follows it.
 *
 * <p>The input must be JSON as RFC 8259 defines it, with strict UTF-8: no comments, trailing commas,
 * single quotes, {@code NaN} literals or leading zeros. Anything else is a {@link CodecFailure} whose reason
 * starts with {@code Unexpected character} or {@code Unexpected end-of-input} and ends with where, as
 * {@code (line 1, column 34)} (1-based, the column counted in bytes). A value of the wrong kind, a missing
 * required field, or text that does not parse is a {@link CodecFailure} too, and {@link #path()} says
 * where. Nothing else is thrown, for any input.
 *
 * <p>Fields are matched first by the bytes of the name expected next in declaration order (as Stele writes
 * them), else by name or alias in any order; names a record lacks have their values skipped, whatever
 * their shape; a field given twice reads as its last value. Strings holding an unpaired surrogate (from a
 * <code>&#92;ud800</code> escape) are refused, as writing refuses them. Nesting deeper than
 * {@link CodecPath#MAX_DEPTH} is refused without recursion, numbers longer than 1000 characters are refused
 * before they are parsed, and nothing is allocated in proportion to a length the input merely claims.
 *
 * <p>One reader may read any number of events, one at a time, through {@link #reset}. Not thread-safe.
 */
public final class JsonRecordReader extends RecordReader {

    private final JsonBytes in = new JsonBytes();

    /**
     * The record being read (its fields are the path's innermost level, which holds them without a
     * reference stored per record): the field expected next, the presence bits of its first 64 fields, and
     * where the words of its other fields' bits start in {@link #moreSeen}.
     */
    private int expected;
    private long seen;
    private int moreFrom;
    /** The same of the records it is nested in, innermost last; as many as the records being read. */
    private int[] outerExpected = new int[8];
    private long[] outerSeen = new long[8];
    private int[] outerMoreFrom = new int[8];
    private int outerCount;
    /** The presence bits of fields from the 65th on of every record being read, each record's words after its parent's. */
    private long[] moreSeen;
    private int moreEnd;

    /** A reader of the payload {@code bytes[offset, offset + length)}. */
    public JsonRecordReader(byte[] bytes, int offset, int length) {
        reset(bytes, offset, length);
    }

    /** Starts over on another payload, keeping this reader's buffers. */
    public void reset(byte[] bytes, int offset, int length) {
        in.reset(bytes, offset, length);
        path.reset();
        outerCount = 0;
        moreEnd = 0;
    }

    /** Checks that only whitespace follows the value read. */
    public void expectEnd() {
        if (in.skipWhitespace() != -1) {
            throw new CodecFailure("unexpected content after the event object");
        }
    }

    // records

    @Override
    public int firstField(RecordFields fields) {
        int c = in.skipWhitespace();
        if (c != '{') {
            throw wrongKind(c, "an object");
        }
        in.pos++;
        path.enterRecord(fields);
        push(fields);
        c = in.skipWhitespace();
        if (c == '}') {
            in.pos++;
            return endRecord(fields);
        }
        return field(fields);
    }

    @Override
    public int nextField(RecordFields fields) {
        // most often the comma and the name expected next, with no whitespace: all compared at once
        int next = expected;
        if (next < fields.size()) {
            byte[] separated = fields.quotedNameAfterComma(next);
            if (in.startsWith(separated)) {
                in.pos += separated.length;
                return found(next);
            }
        }
        int c = in.skipWhitespace();
        if (c == ',') {
            in.pos++;
            return field(fields); // whitespace before the name fails the expected name's test, and fieldByName skips it
        }
        if (c == '}') {
            in.pos++;
            return endRecord(fields);
        }
        throw in.unexpected("expected ',' or '}'");
    }

    /** The field whose name is at the cursor, its unknown predecessors skipped; {@link #END} if none is left. */
    private int field(RecordFields fields) {
        for (;;) {
            int next = expected;
            int index;
            byte[] quoted;
            if (next < fields.size() && in.startsWith(quoted = fields.quotedName(next))) {
                in.pos += quoted.length;
                index = next;
            } else {
                index = fieldByName(fields);
            }
            if (index >= 0) {
                return found(index);
            }
            path.atField(-1);
            in.skipValue(CodecPath.MAX_DEPTH - path.depth());
            int c = in.skipWhitespace();
            if (c == ',') {
                in.pos++;
            } else if (c == '}') {
                in.pos++;
                return endRecord(fields);
            } else {
                throw in.unexpected("expected ',' or '}'");
            }
        }
    }

    /** Field {@code index}'s name has been read: notes it as seen, and the one after it as expected next. */
    private int found(int index) {
        expected = index + 1;
        if (index < 64) {
            seen |= 1L << index;
        } else {
            moreSeen[moreFrom + (index >>> 6) - 1] |= 1L << index;
        }
        path.atField(index);
        return index;
    }

    /** Reads the name at the cursor and its colon; its field's index, or -1. */
    private int fieldByName(RecordFields fields) {
        if (in.skipWhitespace() != '"') {
            throw in.unexpected("expected a field name");
        }
        int scanned = in.scanString();
        int index;
        if (scanned >= 0) {
            index = fields.indexOf(in.bytes, in.pos + 1, scanned - in.pos - 1);
            in.pos = scanned + 1;
        } else {
            byte[] name = in.escapedNameBytes(scanned);
            index = fields.indexOf(name, 0, name.length);
        }
        in.colon();
        return index;
    }

    /** Enters a record whose fields are {@code fields}, keeping the state of the one it is in (if any). */
    private void push(RecordFields fields) {
        int outer = outerCount++;
        if (outer == outerExpected.length) {
            outerExpected = Arrays.copyOf(outerExpected, 2 * outer);
            outerSeen = Arrays.copyOf(outerSeen, 2 * outer);
            outerMoreFrom = Arrays.copyOf(outerMoreFrom, 2 * outer);
        }
        outerExpected[outer] = expected;
        outerSeen[outer] = seen;
        outerMoreFrom[outer] = moreFrom;
        expected = 0;
        seen = 0;
        moreFrom = moreEnd;
        if (fields.size() > 64) {
            int words = (fields.size() - 1) >>> 6;
            if (moreSeen == null) {
                moreSeen = new long[Math.max(8, words)];
            } else if (moreEnd + words > moreSeen.length) {
                moreSeen = Arrays.copyOf(moreSeen, Math.max(2 * moreSeen.length, moreEnd + words));
            }
            Arrays.fill(moreSeen, moreEnd, moreEnd + words, 0L);
            moreEnd += words;
        }
    }

    /** Checks that the record just closed had every required field, and leaves it. */
    private int endRecord(RecordFields fields) {
        long required = fields.requiredMask();
        if ((seen & required) != required || fields.size() > 64) {
            checkRequired(fields);
        }
        moreEnd = moreFrom;
        int outer = --outerCount;
        expected = outerExpected[outer];
        seen = outerSeen[outer];
        moreFrom = outerMoreFrom[outer];
        path.exit();
        return END;
    }

    /** Fails on the first required field, in declaration order, that the record just closed lacks. */
    private void checkRequired(RecordFields fields) {
        for (int field = 0, size = fields.size(); field < size; field++) {
            long word = field < 64 ? seen : moreSeen[moreFrom + (field >>> 6) - 1];
            if ((word & 1L << field) == 0 && fields.isRequired(field)) {
                path.atField(field);
                throw new CodecFailure("required field is missing; it has no @Default");
            }
        }
    }

    // scalars

    @Override
    public boolean readBoolean() {
        int c = in.skipWhitespace();
        if (c == 't') {
            in.literal(JsonBytes.TRUE);
            return true;
        }
        if (c == 'f') {
            in.literal(JsonBytes.FALSE);
            return false;
        }
        throw wrongKind(c, "true or false");
    }

    @Override
    public int readInt() {
        long value = JsonScalars.shortWhole(in, 9);
        if (value != JsonScalars.NOT_SHORT) {
            return (int) value;
        }
        int from = wholeNumber();
        int to = in.pos;
        value = JsonScalars.parseWhole(in, from, to, "an int");
        if (value != (int) value) {
            throw JsonScalars.outOfRange(in, from, to, "an int");
        }
        return (int) value;
    }

    @Override
    public long readLong() {
        long value = JsonScalars.shortWhole(in, 18);
        if (value != JsonScalars.NOT_SHORT) {
            return value;
        }
        int from = wholeNumber();
        return JsonScalars.parseWhole(in, from, in.pos, "a long");
    }


    /** Reads past the whole number at the cursor; where it starts. */
    private int wholeNumber() {
        int c = in.skipWhitespace();
        if (!startsNumber(c)) {
            throw wrongKind(c, "a whole number");
        }
        int from = in.pos;
        in.pos = in.scanNumber();
        if (!in.integral) {
            throw new CodecFailure("expected a whole number, found a number");
        }
        return from;
    }


    @Override
    public float readFloat() {
        int c = in.skipWhitespace();
        if (c == '"') {
            return (float) JsonScalars.nonFinite(in.readString());
        }
        if (!startsNumber(c)) {
            throw wrongKind(c, "a number");
        }
        int from = in.pos;
        in.pos = in.scanNumber();
        String text = in.ascii(from, in.pos);
        float value = Float.parseFloat(text);
        if (Float.isInfinite(value)) {
            throw new CodecFailure(text + " is out of range for a float");
        }
        return value;
    }

    @Override
    public double readDouble() {
        int c = in.skipWhitespace();
        if (c == '"') {
            return JsonScalars.nonFinite(in.readString());
        }
        if (!startsNumber(c)) {
            throw wrongKind(c, "a number");
        }
        int from = in.pos;
        in.pos = in.scanNumber();
        double exact = JsonScalars.exactDouble(in.bytes, from, in.pos);
        if (!Double.isNaN(exact)) {
            return exact;
        }
        String text = in.ascii(from, in.pos);
        double value = Double.parseDouble(text);
        if (Double.isInfinite(value)) {
            throw new CodecFailure(text + " is out of range for a double");
        }
        return value;
    }


    @Override
    public BigDecimal readDecimal(int precision, int scale) {
        int c = in.skipWhitespace();
        BigDecimal value;
        if (c == '"') {
            value = Decimals.parse(in.readString());
        } else if (startsNumber(c)) {
            int from = in.pos;
            in.pos = in.scanNumber();
            value = JsonScalars.decimal(in, from, in.pos);
        } else {
            throw wrongKind(c, "a decimal number");
        }
        return Decimals.fit(value, precision, scale);
    }


    @Override
    public String readString() {
        int c = in.skipWhitespace();
        if (c != '"') {
            throw wrongKind(c, "a string");
        }
        return in.readString();
    }

    @Override
    public Instant readInstant() {
        int c = in.skipWhitespace();
        if (c != '"') {
            throw wrongKind(c, "an ISO-8601 instant string");
        }
        int scanned = in.scanString();
        if (scanned >= 0 && in.ascii) {
            int from = in.pos + 1;
            in.pos = scanned + 1;
            return Temporals.parseInstant(in.bytes, from, scanned - from);
        }
        return Temporals.parseInstant(in.string(scanned));
    }

    @Override
    public LocalDate readLocalDate() {
        int c = in.skipWhitespace();
        if (c != '"') {
            throw wrongKind(c, "an ISO-8601 date string");
        }
        return Temporals.parseLocalDate(in.readString());
    }

    @Override
    public LocalDateTime readLocalDateTime() {
        int c = in.skipWhitespace();
        if (c != '"') {
            throw wrongKind(c, "an ISO-8601 local date-time string");
        }
        return Temporals.parseLocalDateTime(in.readString());
    }

    @Override
    public UUID readUuid() {
        int c = in.skipWhitespace();
        if (c != '"') {
            throw wrongKind(c, "a UUID string");
        }
        int at = in.pos;
        if (at + 37 < in.end && in.bytes[at + 37] == '"') {
            // 36 hex digits and dashes hold no quote, backslash or control character: they are the whole string
            UUID value = Uuids.fromAscii(in.bytes, at + 1);
            if (value != null) {
                in.pos = at + 38;
                return value;
            }
        }
        return Uuids.parse(in.readString());
    }

    @Override
    public byte[] readBytes() {
        int c = in.skipWhitespace();
        if (c != '"') {
            throw wrongKind(c, "a Base64 string");
        }
        String text = in.readString();
        String shown = text.length() <= 64 ? text : text.substring(0, 64) + "…";
        if (text.length() % 4 != 0) {
            // java.util.Base64 takes text without its padding, which Jackson refused
            throw new CodecFailure("'" + shown + "' is not Base64 (its length is not a multiple of 4: padding is missing)");
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new CodecFailure("'" + shown + "' is not Base64 (" + e.getMessage() + ")");
        }
    }

    @Override
    public <E extends Enum<E>> E readEnum(EnumSymbols<E> symbols) {
        int c = in.skipWhitespace();
        if (c != '"') {
            throw wrongKind(c, "an enum symbol string");
        }
        int count = symbols.size();
        if (count <= 8) {
            // each quoted symbol's bytes, closing quote included, against those at the cursor
            for (int i = 0; i < count; i++) {
                E constant = symbols.constant(i);
                byte[] quoted = symbols.quotedSymbol(constant);
                if (in.startsWith(quoted)) {
                    in.pos += quoted.length;
                    return constant;
                }
            }
        }
        int scanned = in.scanString();
        if (scanned >= 0) {
            int from = in.pos + 1;
            in.pos = scanned + 1;
            return symbols.bySymbol(in.bytes, from, scanned - from);
        }
        return symbols.bySymbol(in.string(scanned));
    }

    // containers

    @Override
    protected <T> void readElements(ValueReader<T> element, Collection<T> values) throws IOException {
        int c = in.skipWhitespace();
        if (c != '[') {
            throw wrongKind(c, "an array");
        }
        in.pos++;
        path.enterCollection();
        if (in.skipWhitespace() == ']') {
            in.pos++;
            path.exit();
            return;
        }
        for (int index = 0; ; index++) {
            path.atIndex(index);
            values.add(element.read(this));
            c = in.skipWhitespace();
            if (c == ',') {
                in.pos++;
            } else if (c == ']') {
                in.pos++;
                path.exit();
                return;
            } else {
                throw in.unexpected("expected ',' or ']'");
            }
        }
    }

    @Override
    public <T> Map<String, T> readMap(ValueReader<T> value) throws IOException {
        int c = in.skipWhitespace();
        if (c != '{') {
            throw wrongKind(c, "an object");
        }
        in.pos++;
        path.enterMap();
        Map<String, T> values = new LinkedHashMap<>();
        c = in.skipWhitespace();
        if (c == '}') {
            in.pos++;
            path.exit();
            return Collections.unmodifiableMap(values);
        }
        for (;;) {
            if (c != '"') {
                throw in.unexpected("expected a key");
            }
            String key = in.readUncheckedString();
            path.atKey(key);
            Strings.wellFormed(key);
            in.colon();
            values.put(key, value.read(this));
            c = in.skipWhitespace();
            if (c == ',') {
                in.pos++;
                c = in.skipWhitespace();
            } else if (c == '}') {
                in.pos++;
                path.exit();
                return Collections.unmodifiableMap(values);
            } else {
                throw in.unexpected("expected ',' or '}'");
            }
        }
    }

    @Override
    public <T> T readNullable(ValueReader<T> present) throws IOException {
        if (in.skipWhitespace() == 'n') {
            in.literal(JsonBytes.NULL);
            return null;
        }
        return present.read(this);
    }

    // failures

    private static boolean startsNumber(int c) {
        return c == '-' || c >= '0' && c <= '9';
    }

    /**
     * A value of another kind than {@code expected} at the cursor, named after checking that it is well
     * formed (malformed input is reported as such), as in {@code expected a string, found a number}.
     */
    private CodecFailure wrongKind(int c, String expected) {
        String found;
        if (c == '{') {
            found = "an object";
        } else if (c == '[') {
            found = "an array";
        } else if (c == 'n') {
            in.literal(JsonBytes.NULL);
            found = "null, but the field is required";
        } else {
            in.skipScalar(c);
            found = c == '"' ? "a string" : c == 't' || c == 'f' ? "a boolean" : "a number";
        }
        return new CodecFailure("expected " + expected + ", found " + found);
    }
}
