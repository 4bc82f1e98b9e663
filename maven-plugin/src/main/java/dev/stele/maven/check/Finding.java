package dev.stele.maven.check;

import dev.stele.maven.check.Violation.Severity;
import dev.stele.maven.schema.EventKey;
import dev.stele.maven.schema.ReleasedSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;

/** The violations of one comparison of a released schema with this build's, and what they all share. */
final class Finding {

    final EventKey key;
    final ReleasedSchema released;
    private final Schema current;
    private final String mode;
    private final Map<String, Violation> found = new LinkedHashMap<>();

    Finding(EventKey key, ReleasedSchema released, Schema current, String mode) {
        this.key = key;
        this.released = released;
        this.current = current;
        this.mode = mode;
    }

    /** Records a violation, once per field and rule. */
    void add(String field, Rule rule, Severity severity, String detail, String consequence, String fix) {
        found.putIfAbsent(field + "\u0000" + rule, new Violation(key, field, rule, severity, mode, detail,
                consequence, fix, released.schema().toString(), current.toString()));
    }

    List<Violation> violations() {
        return new ArrayList<>(found.values());
    }

    String newVersion() {
        return "add version " + (key.version() + 1) + " with an @Upcast from version " + key.version();
    }

    String oldData() {
        return "data written by " + released.releaseLabel() + " cannot be read";
    }

    String oldReaders() {
        return "readers deployed with " + released.releaseLabel() + " cannot read data written by this build";
    }

    static String join(String path, String name) {
        return path.isEmpty() ? name : path + "." + name;
    }
}
