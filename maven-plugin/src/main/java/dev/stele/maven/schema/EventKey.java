package dev.stele.maven.schema;

/** One event version: what a schema belongs to. Sorted by name, then version. */
public record EventKey(String name, int version) implements Comparable<EventKey> {

    @Override
    public int compareTo(EventKey other) {
        int byName = name.compareTo(other.name);
        return byName != 0 ? byName : Integer.compare(version, other.version);
    }

    @Override
    public String toString() {
        return name + " v" + version;
    }
}
