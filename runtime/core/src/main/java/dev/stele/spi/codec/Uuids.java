package dev.stele.spi.codec;

import java.util.UUID;

/** UUIDs in their canonical 36-character text form only. */
public final class Uuids {

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

    private static CodecFailure notUuid(String text) {
        return new CodecFailure("'" + text + "' is not a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
}
