package dev.stele.maven.catalog;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The catalogue as Markdown that a code-hosting site renders as it is: a summary table linking to one section per
 * event, the aggregates and projections of the module that handle it, its {@code @Upcast} chain as a Mermaid
 * diagram, then per version its record, the release that
 * introduced it, its {@code @FromTable} tables and a table of its fields. No timestamps: the same build gives the
 * same bytes.
 */
public final class MarkdownWriter {

    private static final String NONE = "—";

    private final MermaidWriter mermaid = new MermaidWriter();

    public String write(EventCatalog catalog) {
        StringBuilder out = new StringBuilder();
        out.append("# Event catalogue of ").append(code(catalog.module())).append(' ')
                .append(code(catalog.moduleVersion())).append("\n\n");
        out.append("Written by `stele:catalog` from the files the build left under `META-INF/stele/`: ")
                .append(count(catalog.events().size(), "event")).append(", ")
                .append(count(catalog.versionCount(), "event version")).append(".");
        if (!catalog.hasHistory()) {
            out.append(" The build has no schema history (`stele:check` writes it), so no version says which release"
                    + " introduced it.");
        }
        out.append("\n\n");
        out.append("| Event | Versions | Latest record | From table |\n|---|---|---|---|\n");
        for (EventCatalog.Event event : catalog.events()) {
            out.append("| [").append(cell(event.name())).append("](#").append(anchor(event.name())).append(") | ")
                    .append(event.versions().stream().map(v -> String.valueOf(v.version()))
                            .collect(Collectors.joining(", ")))
                    .append(" | ").append(code(event.latest().javaType())).append(" | ")
                    .append(tables(event.versions().stream().flatMap(v -> v.tables().stream()).distinct().sorted()
                            .toList()))
                    .append(" |\n");
        }
        for (EventCatalog.Event event : catalog.events()) {
            event(out, catalog, event);
        }
        return out.toString();
    }

    private void event(StringBuilder out, EventCatalog catalog, EventCatalog.Event event) {
        // every block starts with a blank line
        out.append("\n## ").append(heading(event.name())).append('\n');
        out.append("\nHandled by: ").append(event.handlers().isEmpty() ? "no aggregate or projection of this module"
                : event.handlers().stream().map(MarkdownWriter::handler).collect(Collectors.joining(", ")))
                .append(".\n");
        if (event.versions().size() > 1) {
            out.append("\n```mermaid\n").append(mermaid.flowchart(event)).append("```\n");
        }
        for (EventCatalog.Version version : event.versions()) {
            out.append("\n### ").append(heading(event.name())).append(" v").append(version.version()).append("\n\n");
            out.append("- Record: ").append(code(version.javaType())).append('\n');
            out.append("- Introduced in: ").append(introducedIn(catalog, version)).append('\n');
            if (version.releases().size() > 1) {
                // the schema changed compatibly: each release that shipped a different one
                out.append("- Schema revisions: ").append(version.releases().stream()
                        .map(release -> release(catalog, release)).collect(Collectors.joining(", "))).append('\n');
            }
            out.append("- Upcast: ").append(version.upcast()
                    .map(upcast -> "to v" + upcast.toVersion() + " by " + code(upcast.method()))
                    .orElse(version == event.latest() ? "none (latest version)" : "none recorded")).append('\n');
            if (!version.tables().isEmpty()) {
                out.append("- From table: ").append(tables(version.tables())).append('\n');
            }
            out.append("- Schema fingerprint: ").append(code(version.fingerprint())).append("\n\n");
            out.append("| Field | Type | Optional | Default | Aliases |\n|---|---|---|---|---|\n");
            for (EventCatalog.Field field : version.fields()) {
                out.append("| ").append(code(field.name())).append(" | ").append(code(field.type())).append(" | ")
                        .append(field.optional() ? "yes" : "no").append(" | ")
                        .append(field.defaultValue().map(MarkdownWriter::code).orElse(NONE)).append(" | ")
                        .append(field.aliases().isEmpty() ? NONE
                                : field.aliases().stream().map(MarkdownWriter::code).collect(Collectors.joining(", ")))
                        .append(" |\n");
            }
        }
    }

    private static String introducedIn(EventCatalog catalog, EventCatalog.Version version) {
        if (version.releases().isEmpty()) {
            return catalog.hasHistory() ? "not in the schema history" : "unknown (no schema history)";
        }
        return release(catalog, version.releases().get(0));
    }

    private static String release(EventCatalog catalog, String release) {
        return release.equals(catalog.moduleVersion()) ? "this build (" + code(release) + ")" : code(release);
    }

    private static String tables(List<String> tables) {
        return tables.isEmpty() ? NONE : tables.stream().map(MarkdownWriter::code).collect(Collectors.joining(", "));
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /**
     * {@code projection `order-totals` (`com.acme.OrderTotals`)}; a projection version other than 1 is named
     * before the class: {@code projection `order-totals` (v2, `com.acme.OrderTotalsV2`)}.
     */
    private static String handler(EventCatalog.Handler handler) {
        return handler.kind() + " " + code(handler.name()) + " ("
                + (handler.version() == 1 ? "" : "v" + handler.version() + ", ") + code(handler.javaType()) + ")";
    }

    /**
     * {@code text} as inline code in a table cell: backticks enough to hold the backticks in it, and the cell
     * separator escaped (GitHub reads {@code \|} as a pipe even inside code).
     */
    static String code(String text) {
        String fence = "`";
        while (text.contains(fence)) {
            fence += "`";
        }
        String body = text.replace("|", "\\|").replace('\n', ' ');
        boolean pad = body.startsWith("`") || body.endsWith("`");
        return fence + (pad ? " " + body + " " : body) + fence;
    }

    /** Plain text in a table cell: Markdown's special characters escaped. */
    static String cell(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if ("\\`*_[]<>|#".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' ? ' ' : c);
        }
        return out.toString();
    }

    private static String heading(String text) {
        return cell(text);
    }

    /**
     * The anchor GitHub gives a heading: lower case, spaces to hyphens, punctuation other than {@code -} and
     * {@code _} dropped.
     */
    static String anchor(String heading) {
        StringBuilder anchor = new StringBuilder();
        for (char c : heading.toLowerCase(Locale.ROOT).toCharArray()) {
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') {
                anchor.append(c);
            } else if (c == ' ') {
                anchor.append('-');
            }
        }
        return anchor.toString();
    }
}
