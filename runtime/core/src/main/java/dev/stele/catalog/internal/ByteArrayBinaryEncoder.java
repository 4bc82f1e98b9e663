package dev.stele.catalog.internal;

import java.util.Arrays;
import org.apache.avro.io.BinaryEncoder;

/**
 * Avro binary encoding straight into a growing byte array: no stream, no intermediate buffer, no
 * flush. Strings, bytes, collections and unions use {@link BinaryEncoder}'s encodings of them.
 */
public final class ByteArrayBinaryEncoder extends BinaryEncoder {

    private byte[] buffer;
    private int length;

    /** An encoder whose first {@code reserved} bytes are left for a header. */
    public ByteArrayBinaryEncoder(int initialCapacity, int reserved) {
        this.buffer = new byte[Math.max(initialCapacity, reserved + 16)];
        this.length = reserved;
    }

    /** The buffer, valid up to {@link #length()}; the reserved header bytes are the caller's to fill. */
    public byte[] buffer() {
        return buffer;
    }

    public int length() {
        return length;
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
        ensure(4);
        int bits = Float.floatToRawIntBits(value);
        for (int i = 0; i < 4; i++) {
            buffer[length++] = (byte) (bits >>> (8 * i));
        }
    }

    @Override
    public void writeDouble(double value) {
        ensure(8);
        long bits = Double.doubleToRawLongBits(value);
        for (int i = 0; i < 8; i++) {
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
