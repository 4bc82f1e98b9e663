package dev.stele.cdc;

import java.util.Locale;

/** How Debezium writes a {@code bytea} column in JSON: its {@code binary.handling.mode}. */
public enum BinaryHandlingMode {
    /** {@code bytes} (the default): the JSON converter writes the bytes as standard base64. */
    BYTES("bytes"),
    /** {@code base64}: a string of standard base64. */
    BASE64("base64"),
    /** {@code base64-url-safe}: a string of URL-safe base64. */
    BASE64_URL_SAFE("base64-url-safe"),
    /** {@code hex}: a string of hexadecimal digits, two per byte. */
    HEX("hex");

    private final String configValue;

    BinaryHandlingMode(String configValue) {
        this.configValue = configValue;
    }

    /** The value of {@code binary.handling.mode} that selects this mode. */
    public String configValue() {
        return configValue;
    }

    /**
     * The mode a {@code binary.handling.mode} value selects.
     *
     * @throws IllegalArgumentException for a value Debezium does not know
     */
    public static BinaryHandlingMode ofConfigValue(String value) {
        String wanted = value.trim().toLowerCase(Locale.ROOT);
        for (BinaryHandlingMode mode : values()) {
            if (mode.configValue.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("'" + value + "' is not a binary.handling.mode; Debezium knows bytes, "
                + "base64, base64-url-safe and hex");
    }
}
