package dev.stele.catalog.internal;

/**
 * Avro single-object encoding: the marker {@code C3 01}, the writer schema's CRC-64-AVRO fingerprint
 * in little-endian order, then the Avro binary body.
 */
public final class SingleObjectEncoding {

    /** Marker plus fingerprint. */
    public static final int HEADER_LENGTH = 10;

    private SingleObjectEncoding() {
    }

    public static void writeHeader(byte[] target, long fingerprint) {
        target[0] = (byte) 0xC3;
        target[1] = (byte) 0x01;
        for (int i = 0; i < 8; i++) {
            target[2 + i] = (byte) (fingerprint >>> (8 * i));
        }
    }

    public static boolean hasHeader(byte[] data) {
        return data.length >= HEADER_LENGTH && data[0] == (byte) 0xC3 && data[1] == (byte) 0x01;
    }

    /** What data without the header starts with, for an error: {@code 3 bytes starting 01 02 03}. */
    public static String describeStart(byte[] data) {
        StringBuilder start = new StringBuilder().append(data.length).append(data.length == 1 ? " byte" : " bytes");
        if (data.length > 0) {
            start.append(" starting");
            for (int i = 0; i < Math.min(data.length, 4); i++) {
                start.append(String.format(" %02X", data[i] & 0xff));
            }
        }
        return start.toString();
    }

    public static long fingerprint(byte[] data) {
        long fingerprint = 0;
        for (int i = 7; i >= 0; i--) {
            fingerprint = fingerprint << 8 | (data[2 + i] & 0xffL);
        }
        return fingerprint;
    }
}
