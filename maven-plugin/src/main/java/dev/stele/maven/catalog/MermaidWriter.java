package dev.stele.maven.catalog;

/**
 * An event's versions and {@code @Upcast} steps as a Mermaid flowchart, which code-hosting sites draw from a
 * {@code mermaid} code block:
 *
 * <pre>
 * flowchart LR
 *     v1["OrderPlaced v1"]
 *     v2["OrderPlaced v2"]
 *     v1 --&gt;|"@Upcast OrderPlacedV1.up"| v2
 * </pre>
 *
 * <p>Node ids are {@code v<version>}, safe whatever the event is called; every label is quoted, with Mermaid's
 * entity codes for the characters a quoted label cannot hold.
 */
public final class MermaidWriter {

    /** The diagram of {@code event}, lines ending in {@code \n}, without the code fence. */
    public String flowchart(EventCatalog.Event event) {
        StringBuilder out = new StringBuilder("flowchart LR\n");
        for (EventCatalog.Version version : event.versions()) {
            out.append("    ").append(id(version.version())).append("[")
                    .append(label(event.name() + " v" + version.version())).append("]\n");
        }
        for (EventCatalog.Version version : event.versions()) {
            version.upcast().ifPresent(upcast -> out.append("    ").append(id(version.version())).append(" -->|")
                    .append(label("@Upcast " + upcast.method())).append("| ").append(id(upcast.toVersion()))
                    .append('\n'));
        }
        return out.toString();
    }

    private static String id(int version) {
        return "v" + version;
    }

    /** {@code text} quoted, with {@code #}, {@code "}, {@code <}, {@code >} and line breaks as entity codes. */
    static String label(String text) {
        StringBuilder label = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '#' -> label.append("#35;");
                case '"' -> label.append("#quot;");
                case '<' -> label.append("#lt;");
                case '>' -> label.append("#gt;");
                case '\n', '\r', '\t' -> label.append(' ');
                default -> label.append(c);
            }
        }
        return label.append('"').toString();
    }
}
