package dev.stele.spi.codec;

/** Text that both formats can carry unchanged. */
public final class Strings {

    private Strings() {
    }

    /**
     * {@code value} if it is well-formed UTF-16; a failure if it holds a surrogate without its pair,
     * which UTF-8 cannot encode (Java would silently write {@code ?} in its place).
     */
    public static String wellFormed(String value) {
        for (int i = 0, length = value.length(); i < length; i++) {
            char c = value.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(value.charAt(i + 1))) {
                    i++;
                } else {
                    throw new CodecFailure("holds an unpaired surrogate (U+" + Integer.toHexString(c).toUpperCase()
                            + ") at index " + i + ", which UTF-8 cannot encode");
                }
            }
        }
        return value;
    }
}
