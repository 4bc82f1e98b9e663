package dev.stele.catalog.internal;

import java.lang.System.Logger.Level;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Says once per event version that data of a version newer than the application knows was read. */
public final class NewerVersions {

    private static final System.Logger LOG = System.getLogger("dev.stele.catalog");
    private static final Set<String> MET = ConcurrentHashMap.newKeySet();

    private NewerVersions() {
    }

    public static void met(String name, int version, int latestKnown) {
        if (MET.add(name + " v" + version)) {
            LOG.log(Level.INFO, () -> "Read " + name + " v" + version + ", newer than the latest version this"
                    + " application knows, with the reader of v" + latestKnown + " (said once per version)");
        }
    }
}
