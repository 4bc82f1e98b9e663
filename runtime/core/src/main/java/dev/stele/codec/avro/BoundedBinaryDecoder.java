package dev.stele.codec.avro;

import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Uuids;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.avro.io.Decoder;
import org.apache.avro.util.Utf8;

/**
 * Avro binary decoding of one byte array that never trusts a length it reads: a string, byte or
 * collection length beyond the bytes that remain is a {@link CodecFailure} before anything is
 * allocated, and text that is not valid UTF-8 is a failure rather than replacement characters.
 * Avro's own {@code BinaryDecoder} allocates whatever length the data claims first, so a corrupt or
 * hostile payload could ask it for gigabytes.
 */
public final class BoundedBinaryDecoder extends Decoder {

    /** The most bytes a variable-length long takes. */
    private static final int MAX_VARINT_LENGTH = 10;
    private static final int UUID_LENGTH = 36;

    private byte[] data;
    private int limit;
    private int position;

    public BoundedBinaryDecoder(byte[] data, int offset, int length) {
        reset(data, offset, length);
    }

    /** Makes this decoder read {@code data[offset, offset + length)} from its start: one decoder per thread serves every message. */
    public BoundedBinaryDecoder reset(byte[] data, int offset, int length) {
        this.data = data;
        this.position = offset;
        this.limit = offset + length;
        return this;
    }

    /** Bytes not yet read. */
    public int remaining() {
        return limit - position;
    }

    @Override
    public void readNull() {
    }

    @Override
    public boolean readBoolean() throws IOException {
        int b = readByte();
        if (b > 1) {
            throw new CodecFailure("byte " + b + " is not a boolean");
        }
        return b == 1;
    }

    @Override
    public int readInt() throws IOException {
        long value = readLong();
        if (value != (int) value) {
            throw new CodecFailure(value + " is out of range for an int");
        }
        return (int) value;
    }

    @Override
    public long readLong() throws IOException {
        if (limit - position < MAX_VARINT_LENGTH) {
            return readLongNearEnd();
        }
        // at least ten bytes remain: no bounds check per byte
        byte[] data = this.data;
        int at = position;
        int b = data[at++];
        long raw = b & 0x7f;
        for (int shift = 7; b < 0; shift += 7) {
            if (shift == 70) {
                throw tooLong();
            }
            b = data[at++];
            raw |= (long) (b & 0x7f) << shift;
        }
        position = at;
        return (raw >>> 1) ^ -(raw & 1);
    }

    /** {@link #readLong()} within the last ten bytes, each read checked. */
    private long readLongNearEnd() throws IOException {
        long raw = 0;
        for (int shift = 0; shift < 70; shift += 7) {
            int b = readByte();
            raw |= (long) (b & 0x7f) << shift;
            if ((b & 0x80) == 0) {
                return (raw >>> 1) ^ -(raw & 1);
            }
        }
        throw tooLong();
    }

    private static CodecFailure tooLong() {
        return new CodecFailure("a variable-length integer runs past 10 bytes");
    }

    @Override
    public float readFloat() throws IOException {
        require(4);
        int bits = (data[position] & 0xff) | (data[position + 1] & 0xff) << 8 | (data[position + 2] & 0xff) << 16
                | (data[position + 3] & 0xff) << 24;
        position += 4;
        return Float.intBitsToFloat(bits);
    }

    @Override
    public double readDouble() throws IOException {
        require(8);
        long bits = 0;
        for (int i = 7; i >= 0; i--) {
            bits = bits << 8 | (data[position + i] & 0xff);
        }
        position += 8;
        return Double.longBitsToDouble(bits);
    }

    @Override
    public Utf8 readString(Utf8 old) throws IOException {
        int length = readLength();
        Utf8 result = old == null ? new Utf8() : old;
        result.setByteLength(length);
        System.arraycopy(data, position, result.getBytes(), 0, length);
        position += length;
        return result;
    }

    @Override
    public String readString() throws IOException {
        int length = readLength();
        String text = new String(data, position, length, StandardCharsets.UTF_8);
        if (text.indexOf('\uFFFD') >= 0) {
            checkUtf8(length);
        }
        position += length;
        return text;
    }

    /**
     * A UUID in its canonical text, parsed from the bytes without a string in between; text that is not
     * one fails as {@link Uuids#parse} says.
     */
    public UUID readUuid() throws IOException {
        int start = position;
        if (readLength() == UUID_LENGTH) {
            UUID value = Uuids.fromAscii(data, position);
            if (value != null) {
                position += UUID_LENGTH;
                return value;
            }
        }
        position = start;
        return Uuids.parse(readString());
    }

    /** The JDK decoder replaces malformed input with U+FFFD; tell that apart from a real U+FFFD. */
    private void checkUtf8(int length) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, position, length));
        } catch (CharacterCodingException e) {
            throw new CodecFailure("a string is not valid UTF-8");
        }
    }

    @Override
    public void skipString() throws IOException {
        position += readLength();
    }

    @Override
    public ByteBuffer readBytes(ByteBuffer old) throws IOException {
        int length = readLength();
        ByteBuffer result = old != null && old.capacity() >= length ? old.clear() : ByteBuffer.allocate(length);
        result.put(data, position, length).flip();
        position += length;
        return result;
    }

    @Override
    public void skipBytes() throws IOException {
        position += readLength();
    }

    @Override
    public void readFixed(byte[] bytes, int start, int length) throws IOException {
        require(length);
        System.arraycopy(data, position, bytes, start, length);
        position += length;
    }

    @Override
    public void skipFixed(int length) throws IOException {
        require(length);
        position += length;
    }

    @Override
    public int readEnum() throws IOException {
        return readInt();
    }

    @Override
    public long readArrayStart() throws IOException {
        return readBlockCount();
    }

    @Override
    public long arrayNext() throws IOException {
        return readBlockCount();
    }

    @Override
    public long skipArray() throws IOException {
        return skipBlocks();
    }

    @Override
    public long readMapStart() throws IOException {
        return readBlockCount();
    }

    @Override
    public long mapNext() throws IOException {
        return readBlockCount();
    }

    @Override
    public long skipMap() throws IOException {
        return skipBlocks();
    }

    @Override
    public int readIndex() throws IOException {
        return readInt();
    }

    /**
     * The item count of the next block; a negative count is followed by the block's size in bytes.
     * Every item takes at least one byte, so a count beyond the remaining bytes is corrupt data.
     */
    private long readBlockCount() throws IOException {
        long count = readLong();
        if (count < 0) {
            if (count == Long.MIN_VALUE) {
                throw new CodecFailure("a block count is out of range");
            }
            count = -count;
            readLong();
        }
        return withinData(count);
    }

    /** Skips blocks that carry their size; returns the count of the first block that does not. */
    private long skipBlocks() throws IOException {
        long count = readLong();
        while (count < 0) {
            long size = readLong();
            if (size < 0 || size > remaining()) {
                throw new CodecFailure("a block claims " + size + " bytes but only " + remaining() + " remain");
            }
            position += (int) size;
            count = readLong();
        }
        return withinData(count);
    }

    /** A block's item count, which the remaining bytes must be able to hold: every item takes at least one. */
    private long withinData(long count) {
        if (count > remaining()) {
            throw new CodecFailure("a block claims " + count + " items but only " + remaining() + " bytes remain");
        }
        return count;
    }

    private int readLength() throws IOException {
        long length = readLong();
        if (length < 0) {
            throw new CodecFailure("a length is negative (" + length + ")");
        }
        if (length > remaining()) {
            throw new CodecFailure("a length of " + length + " bytes runs past the end of the data ("
                    + remaining() + " remain)");
        }
        return (int) length;
    }

    private int readByte() throws IOException {
        if (position >= limit) {
            throw new EOFException();
        }
        return data[position++] & 0xff;
    }

    private void require(int count) throws IOException {
        if (count < 0 || count > remaining()) {
            throw new EOFException();
        }
    }
}
