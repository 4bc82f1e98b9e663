package dev.stele.maven.check;

import dev.stele.maven.schema.EventKey;
import dev.stele.maven.schema.ModuleSchemas;
import dev.stele.maven.schema.ReleasedSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.maven.artifact.versioning.ComparableVersion;

/**
 * Which versions of an event readers already deployed know as their latest: a version was the latest of
 * some release if it was released before every higher version of the event was. The schema history
 * labels each schema with the release that first shipped it.
 */
final class DeployedReaders {

    private DeployedReaders() {
    }

    /**
     * The released versions of {@code name}, ascending, that were the latest in some release; a version
     * whose release (or the next versions' release) is not recorded counts, to be safe.
     */
    static List<Integer> latestInSomeRelease(String name, TreeSet<Integer> versions, ModuleSchemas released) {
        List<Integer> latest = new ArrayList<>();
        for (int version : versions) {
            Optional<ComparableVersion> introduced = introduced(released, new EventKey(name, version));
            Optional<ComparableVersion> overtaken = Optional.empty();
            boolean unknown = introduced.isEmpty();
            for (int higher : versions.tailSet(version, false)) {
                Optional<ComparableVersion> next = introduced(released, new EventKey(name, higher));
                unknown |= next.isEmpty();
                if (next.isPresent() && (overtaken.isEmpty() || next.get().compareTo(overtaken.get()) < 0)) {
                    overtaken = next;
                }
            }
            if (version == versions.last() || unknown || introduced.get().compareTo(overtaken.get()) < 0) {
                latest.add(version);
            }
        }
        return latest;
    }

    /** The release that first shipped a schema of {@code key}, if the history records it. */
    private static Optional<ComparableVersion> introduced(ModuleSchemas released, EventKey key) {
        Optional<ComparableVersion> first = Optional.empty();
        for (ReleasedSchema schema : released.history(key)) {
            if (schema.release().isEmpty()) {
                return Optional.empty();
            }
            ComparableVersion release = new ComparableVersion(schema.release());
            if (first.isEmpty() || release.compareTo(first.get()) < 0) {
                first = Optional.of(release);
            }
        }
        return first;
    }
}
