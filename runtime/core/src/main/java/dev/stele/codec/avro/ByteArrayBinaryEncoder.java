package dev.stele.codec.avro;

import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Strings;
import dev.stele.spi.codec.Uuids;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.UUID;
import org.apache.avro.io.BinaryEncoder;

/**
 * Avro binary encoding straight into a growing byte array: no stream, no intermediate buffer, no
 * flush. Bytes, collections and unions use {@link BinaryEncoder}'s encodings of them; strings its
 * encoding, with the check {@link AvroRecordWriter} makes on other encoders done here at less cost.
 */
public final class ByteArrayBinaryEncoder extends BinaryEncoder {

    private static final int UUID_LENGTH = 36;

    private byte[] buffer;
    private int length;

    /** An encoder whose first {@code reserved} bytes are left for a header. */
    public ByteArrayBinaryEncoder(int initialCapacity, int reserved) {
        this.buffer = new byte[Math.max(initialCapacity, reserved + 16)];
        this.length = reserved;
    }

    /** Empties the encoder for the next message, keeping its buffer; the first {@code reserved} bytes again left for a header. */
    public void reset(int reserved) {
        length = 0;
        ensure(reserved);
        length = reserved;
    }

    /** The buffer, valid up to {@link #length()}; the reserved header bytes are the caller's to fill. */
    public byte[] buffer() {
        return buffer;
    }

    public int length() {
        return length;
    }

    /** The bytes the buffer holds room for, which a refused string may have grown past what was written. */
    public int capacity() {
        return buffer.length;
    }

    /** The encoded bytes, header included, as an array of exactly their length. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, length);
    }

    @Override
    public void flush() {
    }

    @Override
    public int bytesBuffered() {
        return 0;
    }

    /**
     * The string's UTF-8 after its length, as {@link BinaryEncoder} writes it, but a surrogate without its
     * pair is a {@link CodecFailure} rather than a {@code ?} in its place. ASCII, the common case, goes
     * straight into the buffer in the one pass that also proves it holds no surrogate.
     */
    @Override
    public void writeString(String value) {
        int chars = value.length();
        int start = length;
        writeInt(chars); // the byte length, if every character is ASCII
        ensure(chars);
        byte[] out = buffer;
        int at = length;
        for (int i = 0; i < chars; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                length = start;
                writeUtf8(value);
                return;
            }
            out[at + i] = (byte) c;
        }
        length = at + chars;
    }

    private void writeUtf8(String value) {
        byte[] utf8 = Strings.wellFormed(value).getBytes(StandardCharsets.UTF_8);
        writeInt(utf8.length);
        writeFixed(utf8, 0, utf8.length);
    }

    /** The UUID's canonical text, as {@link #writeString} writes it, straight from its bits. */
    public void writeUuid(UUID value) {
        writeInt(UUID_LENGTH);
        ensure(UUID_LENGTH);
        Uuids.toAscii(value, buffer, length);
        length += UUID_LENGTH;
    }

    @Override
    public void writeBoolean(boolean value) {
        ensure(1);
        buffer[length++] = (byte) (value ? 1 : 0);
    }

    @Override
    public void writeInt(int value) {
        ensure(5);
        int zigzag = (value << 1) ^ (value >> 31);
        while ((zigzag & ~0x7f) != 0) {
            buffer[length++] = (byte) ((zigzag & 0x7f) | 0x80);
            zigzag >>>= 7;
        }
        buffer[length++] = (byte) zigzag;
    }

    @Override
    public void writeLong(long value) {
        ensure(10);
        long zigzag = (value << 1) ^ (value >> 63);
        while ((zigzag & ~0x7fL) != 0) {
            buffer[length++] = (byte) ((zigzag & 0x7f) | 0x80);
            zigzag >>>= 7;
        }
        buffer[length++] = (byte) zigzag;
    }

    @Override
    public void writeFloat(float value) {
        writeLittleEndian(Float.floatToRawIntBits(value), 4);
    }

    @Override
    public void writeDouble(double value) {
        writeLittleEndian(Double.doubleToRawLongBits(value), 8);
    }

    /** The low {@code count} bytes of {@code bits}, least significant first, as Avro writes floats and doubles. */
    private void writeLittleEndian(long bits, int count) {
        ensure(count);
        for (int i = 0; i < count; i++) {
            buffer[length++] = (byte) (bits >>> (8 * i));
        }
    }

    @Override
    public void writeFixed(byte[] bytes, int start, int count) {
        ensure(count);
        System.arraycopy(bytes, start, buffer, length, count);
        length += count;
    }

    @Override
    protected void writeZero() {
        ensure(1);
        buffer[length++] = 0;
    }

    private void ensure(int count) {
        if (length + count > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + count));
        }
    }
}
