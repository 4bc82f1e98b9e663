package dev.stele.maven.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.maven.check.CheckResult;
import dev.stele.maven.check.CompatibilityMode;
import dev.stele.maven.check.Violation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes the check's findings as {@code compatibility.md} and {@code compatibility.json}. */
public final class ReportWriter {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private ReportWriter() {
    }

    public static void write(Path directory, String baseline, CompatibilityMode mode, CheckResult result)
            throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve("compatibility.md"), markdown(baseline, mode, result),
                StandardCharsets.UTF_8);
        try (JsonGenerator out = JSON.createGenerator(Files.newOutputStream(directory.resolve("compatibility.json")))) {
            out.useDefaultPrettyPrinter();
            out.writeStartObject();
            out.writeStringField("baseline", baseline);
            out.writeStringField("mode", mode.name());
            out.writeBooleanField("passed", !result.failed());
            writeViolations(out, "errors", result.errors());
            out.writeArrayFieldStart("accepted");
            for (CheckResult.Accepted accepted : result.accepted()) {
                out.writeStartObject();
                writeFields(out, accepted.violation());
                out.writeStringField("justification", accepted.entry().justification());
                out.writeEndObject();
            }
            out.writeEndArray();
            writeViolations(out, "warnings", result.warnings());
            out.writeArrayFieldStart("notes");
            for (String note : result.notes()) {
                out.writeString(note);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
    }

    private static void writeViolations(JsonGenerator out, String name, List<Violation> violations)
            throws IOException {
        out.writeArrayFieldStart(name);
        for (Violation violation : violations) {
            out.writeStartObject();
            writeFields(out, violation);
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private static void writeFields(JsonGenerator out, Violation violation) throws IOException {
        out.writeStringField("event", violation.event().name());
        out.writeNumberField("version", violation.event().version());
        out.writeStringField("field", violation.field());
        out.writeStringField("rule", violation.rule().name());
        out.writeStringField("severity", violation.severity().name());
        out.writeStringField("message", violation.line());
        out.writeStringField("oldSchema", violation.oldSchema());
        out.writeStringField("newSchema", violation.newSchema());
    }

    private static String markdown(String baseline, CompatibilityMode mode, CheckResult result) {
        StringBuilder md = new StringBuilder("# Event schema compatibility\n\n");
        md.append("- baseline: ").append(baseline.isEmpty() ? "none (first release)" : baseline).append('\n')
                .append("- mode: ").append(mode).append('\n')
                .append("- result: ").append(result.failed() ? "**FAILED**" : "passed").append("\n\n");
        section(md, "Errors", result.errors());
        if (!result.accepted().isEmpty()) {
            md.append("## Accepted breaks\n\n");
            for (CheckResult.Accepted accepted : result.accepted()) {
                md.append("- ").append(accepted.violation().line()).append("\n  - accepted: ")
                        .append(accepted.entry().justification()).append('\n');
            }
            md.append('\n');
        }
        section(md, "Warnings", result.warnings());
        md.append("## Notes\n\n");
        result.notes().forEach(note -> md.append("- ").append(note).append('\n'));
        return md.toString();
    }

    private static void section(StringBuilder md, String title, List<Violation> violations) {
        if (violations.isEmpty()) {
            return;
        }
        md.append("## ").append(title).append("\n\n");
        for (Violation violation : violations) {
            md.append("- ").append(violation.line()).append('\n');
        }
        md.append('\n');
    }
}
