package dev.stele.processor.generate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The release of this processor, as generated catalogs name it. */
public final class ProcessorVersion {

    private static final String VERSION = read();

    private ProcessorVersion() {
    }

    /** {@code 0.1.0}. */
    public static String version() {
        return VERSION;
    }

    /** {@code stele-processor 0.1.0}. */
    public static String label() {
        return "stele-processor " + VERSION;
    }

    private static String read() {
        try (InputStream in = ProcessorVersion.class.getResourceAsStream(
                "/dev/stele/processor/stele-processor.properties")) {
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
