package dev.stele.processor.generate;

import dev.stele.format.VersionFile;

/** The release of this processor, as generated catalogs name it. */
public final class ProcessorVersion {

    private static final String VERSION = VersionFile.read(ProcessorVersion.class,
            "/dev/stele/processor/stele-processor.properties");

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
}
