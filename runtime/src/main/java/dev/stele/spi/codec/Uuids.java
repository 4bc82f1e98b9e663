package dev.stele.spi.codec;

import java.util.UUID;

/** UUIDs in their canonical 36-character text form only. */
public final class Uuids {

    private Uuids() {
    }

    /**
     * Parses {@code 8-4-4-4-12} hexadecimal digits. Stricter than {@link UUID#fromString}, which
     * also takes {@code 1-2-3-4-5} and reads it as a different UUID than a reader elsewhere would.
     */
    public static UUID parse(String text) {
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            throw notUuid(text);
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (!dash && Character.digit(c, 16) < 0 || c > 'f') {
                throw notUuid(text);
            }
        }
        return UUID.fromString(text);
    }

    private static CodecFailure notUuid(String text) {
        return new CodecFailure("'" + text + "' is not a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    }
}
