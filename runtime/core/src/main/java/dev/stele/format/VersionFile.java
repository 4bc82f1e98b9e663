package dev.stele.format;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The release of a Stele jar, from the {@code version=} line the build writes into a properties file
 * beside one of its classes: how the runtime and the processor name their own versions in messages.
 */
public final class VersionFile {

    private VersionFile() {
    }

    /** The {@code version} in {@code resource} (relative to {@code anchor}'s package), or {@code unknown}. */
    public static String read(Class<?> anchor, String resource) {
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
