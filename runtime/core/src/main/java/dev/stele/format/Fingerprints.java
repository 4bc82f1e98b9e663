package dev.stele.format;

import java.util.Locale;

/** Schema fingerprints as the files write them: 16 lower-case hex digits. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String toHex(long fingerprint) {
        return String.format(Locale.ROOT, "%016x", fingerprint);
    }

    /** Parses 16 hex digits; a {@link FormatException} naming {@code origin} for anything else. */
    public static long fromHex(String text, String origin) {
        if (text.length() != 16) {
            throw new FormatException(origin, "'" + text + "' is not a schema fingerprint of 16 hex digits");
        }
        try {
            return Long.parseUnsignedLong(text, 16);
        } catch (NumberFormatException e) {
            throw new FormatException(origin, "'" + text + "' is not a schema fingerprint of 16 hex digits");
        }
    }
}
