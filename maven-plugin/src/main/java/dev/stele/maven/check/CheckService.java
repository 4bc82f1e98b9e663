package dev.stele.maven.check;

import dev.stele.format.SteleResources;
import dev.stele.maven.check.CheckResult.Accepted;
import dev.stele.maven.check.Violation.Severity;
import dev.stele.maven.report.ReportWriter;
import dev.stele.maven.schema.EventKey;
import dev.stele.maven.schema.ModuleSchemas;
import dev.stele.maven.schema.ReleasedSchema;
import dev.stele.maven.schema.SchemaFiles;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.avro.Schema;

/**
 * The schema compatibility check, without Maven: compares the schemas this build's processor wrote
 * with those of the released baseline, writes the union of both as the schema history into the
 * build's classes, and reports every finding.
 */
public final class CheckService {

    /**
     * @throws ConfigurationException if an accepted break or retired event lacks its reason
     * @throws IOException if schemas or reports cannot be read or written
     */
    public CheckResult check(CheckRequest request) throws IOException, ConfigurationException {
        validate(request);
        ModuleSchemas build = SchemaFiles.readDirectory(request.classes(), request.projectVersion());
        List<String> notes = new ArrayList<>();
        List<Violation> findings = new ArrayList<>();
        ModuleSchemas released = ModuleSchemas.empty();
        String baselineVersion = "";
        if (request.baseline().isEmpty()) {
            notes.add("No released version of this artifact below " + request.projectVersion()
                    + " was found: a first release has nothing to be compatible with, so the check passes.");
        } else {
            CheckRequest.Baseline baseline = request.baseline().get();
            baselineVersion = baseline.version();
            released = SchemaFiles.readJar(baseline.jar(), baseline.version());
            findings = compare(released, build, request, notes);
            notes.add("Checked " + build.currentKeys().size() + " event versions against " + baseline.version() + " ("
                    + released.releasedKeys().size() + " released) in " + request.mode() + " mode.");
        }
        CheckResult result = classify(findings, request.acceptedBreaks(), baselineVersion, notes);
        SchemaFiles.writeHistory(request.classes(), SchemaFiles.union(released, build));
        notes.add("Schema history written to " + request.classes().resolve(SteleResources.HISTORY) + ".");
        ReportWriter.write(request.reportDirectory(), baselineVersion, request.mode(), result);
        return result;
    }

    private static void validate(CheckRequest request) throws ConfigurationException {
        for (AcceptedBreak entry : request.acceptedBreaks()) {
            if (entry.event() == null || entry.event().isBlank() || entry.version() < 1) {
                throw new ConfigurationException("An <acceptedBreak> names no <event> and <version> (" + entry.describe()
                        + "); say which event version the break is accepted for.");
            }
            if (entry.justification() == null || entry.justification().isBlank()) {
                throw new ConfigurationException("The accepted break " + entry.describe() + " has no justification;"
                        + " say in <justification> why no stored event or deployed reader is harmed.");
            }
            if (entry.baseline() == null || entry.baseline().isBlank()) {
                throw new ConfigurationException("The accepted break " + entry.describe() + " names no <baseline>;"
                        + " an accepted break holds against one released version only.");
            }
        }
        for (RetiredEvent retired : request.retired()) {
            if (retired.event() == null || retired.event().isBlank() || retired.version() < 1) {
                throw new ConfigurationException("A <retiredEvent> names no <event> and <version>; say which released"
                        + " event version is retired.");
            }
            if (retired.reason() == null || retired.reason().isBlank()) {
                throw new ConfigurationException("The retired event " + retired.event() + " v" + retired.version()
                        + " has no <reason>; say why no stored event of it remains.");
            }
        }
    }

    private static List<Violation> compare(ModuleSchemas released, ModuleSchemas build, CheckRequest request,
            List<String> notes) {
        if (request.mode() == CompatibilityMode.NONE) {
            notes.add("Compatibility mode NONE: schemas are not compared.");
            return List.of();
        }
        SchemaComparator comparator = new SchemaComparator(request.mode());
        Map<String, Violation> findings = new LinkedHashMap<>();
        for (EventKey key : released.releasedKeys()) {
            Optional<Schema> current = build.current(key);
            if (current.isEmpty()) {
                removed(key, released, request, notes, findings);
                continue;
            }
            List<ReleasedSchema> previous = request.mode().transitive() ? released.history(key)
                    : released.latest(key).map(List::of).orElse(List.of());
            for (ReleasedSchema schema : previous) {
                for (Violation violation : comparator.compare(key, schema, current.get())) {
                    findings.putIfAbsent(key + "\u0000" + violation.field() + "\u0000" + violation.rule(), violation);
                }
            }
        }
        if (request.mode().forward()) {
            newVersions(released, build, request, comparator, findings);
        }
        return new ArrayList<>(findings.values());
    }

    /**
     * A version newer than every released one of its event must be readable by the readers already
     * deployed: each knows the version that was the latest in its release and reads the new one with its
     * reader. Non-transitive modes ask this of the baseline's latest version; transitive ones of every
     * version that was the latest in some release, with each schema it was released with.
     */
    private static void newVersions(ModuleSchemas released, ModuleSchemas build, CheckRequest request,
            SchemaComparator comparator, Map<String, Violation> findings) {
        Map<String, TreeSet<Integer>> releasedVersions = new HashMap<>();
        released.releasedKeys().forEach(key -> releasedVersions.computeIfAbsent(key.name(), n -> new TreeSet<>())
                .add(key.version()));
        for (EventKey key : build.currentKeys()) {
            TreeSet<Integer> versions = releasedVersions.get(key.name());
            if (versions == null || key.version() <= versions.last()) {
                continue;
            }
            Schema current = build.current(key).orElseThrow();
            List<Integer> readerVersions = request.mode().transitive()
                    ? DeployedReaders.latestInSomeRelease(key.name(), versions, released)
                    : List.of(versions.last());
            for (int readerVersion : readerVersions) {
                EventKey readerKey = new EventKey(key.name(), readerVersion);
                List<ReleasedSchema> readers = request.mode().transitive() ? released.history(readerKey)
                        : released.latest(readerKey).map(List::of).orElse(List.of());
                for (ReleasedSchema reader : readers) {
                    for (Violation violation : comparator.compareNewVersion(key, readerVersion, reader, current)) {
                        findings.putIfAbsent(key + "\u0000" + violation.field() + "\u0000" + violation.rule()
                                + "\u0000" + readerVersion, violation);
                    }
                }
            }
        }
    }

    private static void removed(EventKey key, ModuleSchemas released, CheckRequest request, List<String> notes,
            Map<String, Violation> findings) {
        Optional<RetiredEvent> retired = request.retired().stream().filter(entry -> entry.matches(key)).findFirst();
        if (retired.isPresent()) {
            notes.add(key + " is retired: " + retired.get().reason());
            return;
        }
        ReleasedSchema last = released.latest(key).orElseThrow();
        findings.put(key + "\u0000\u0000" + Rule.EVENT_REMOVED, new Violation(key, "", Rule.EVENT_REMOVED,
                Severity.ERROR, request.mode().name(), "released in " + last.releaseLabel() + " and gone from this build",
                "events stored as " + key + " could no longer be read",
                "restore the record, or retire it with a <retiredEvent> entry and its <reason> if no stored event of it"
                        + " remains",
                last.schema().toString(), ""));
    }

    private static CheckResult classify(List<Violation> findings, List<AcceptedBreak> acceptedBreaks,
            String baselineVersion, List<String> notes) {
        List<Violation> errors = new ArrayList<>();
        List<Violation> warnings = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (Violation violation : findings) {
            if (violation.severity() == Severity.WARNING) {
                warnings.add(violation);
                continue;
            }
            Optional<AcceptedBreak> entry = acceptedBreaks.stream()
                    .filter(candidate -> candidate.matches(violation, baselineVersion)).findFirst();
            if (entry.isPresent()) {
                accepted.add(new Accepted(violation, entry.get()));
            } else {
                errors.add(violation);
            }
        }
        for (AcceptedBreak entry : acceptedBreaks) {
            if (accepted.stream().noneMatch(a -> a.entry() == entry)) {
                notes.add("The accepted break " + entry.describe() + " matches nothing"
                        + (entry.baseline().equals(baselineVersion) ? "" : " (the baseline is "
                                + (baselineVersion.isEmpty() ? "none" : baselineVersion) + ")")
                        + "; remove it.");
            }
        }
        return new CheckResult(List.copyOf(errors), List.copyOf(accepted), List.copyOf(warnings), List.copyOf(notes));
    }
}
