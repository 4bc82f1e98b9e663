package dev.stele.maven.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict checker of the Mermaid subset {@link MermaidWriter} emits, so a test fails on a diagram a code-hosting
 * site would not draw:
 *
 * <pre>
 * diagram   = "flowchart LR" NL { "    " (node | edge) NL }
 * node      = id "[" label "]"
 * edge      = id " --&gt;|" label "| " id
 * id        = [A-Za-z][A-Za-z0-9_]*, not a Mermaid keyword
 * label     = '"' { any character but '"', '#', '&lt;', '&gt;', a line break | entity } '"'
 * entity    = "#" ( [a-z]+ | [0-9]+ ) ";"
 * </pre>
 *
 * Every node is declared once, before any edge names it.
 */
final class MermaidGrammar {

    private static final String ID = "([A-Za-z][A-Za-z0-9_]*)";
    private static final String LABEL = "(\"(?:[^\"#<>\\r\\n]|#[a-z]+;|#[0-9]+;)*\")";
    private static final Pattern NODE = Pattern.compile("    " + ID + "\\[" + LABEL + "\\]");
    private static final Pattern EDGE = Pattern.compile("    " + ID + " -->\\|" + LABEL + "\\| " + ID);
    private static final Set<String> KEYWORDS = Set.of("end", "graph", "flowchart", "subgraph", "style", "classDef",
            "class", "click", "linkStyle", "direction", "default");

    private MermaidGrammar() {
    }

    /** The problems of {@code diagram}; empty if it is in the subset. */
    static List<String> problems(String diagram) {
        List<String> problems = new ArrayList<>();
        if (!diagram.endsWith("\n")) {
            problems.add("the diagram does not end with a line break");
        }
        String[] lines = diagram.split("\n", -1);
        if (!lines[0].equals("flowchart LR")) {
            problems.add("line 1 is not 'flowchart LR': " + lines[0]);
        }
        Set<String> nodes = new HashSet<>();
        for (int i = 1; i < lines.length - 1; i++) {
            String line = lines[i];
            Matcher node = NODE.matcher(line);
            Matcher edge = EDGE.matcher(line);
            if (node.matches()) {
                if (!id(node.group(1), i, problems)) {
                    continue;
                }
                if (!nodes.add(node.group(1))) {
                    problems.add("line " + (i + 1) + " declares node " + node.group(1) + " again");
                }
            } else if (edge.matches()) {
                for (String id : List.of(edge.group(1), edge.group(3))) {
                    if (id(id, i, problems) && !nodes.contains(id)) {
                        problems.add("line " + (i + 1) + " links undeclared node " + id);
                    }
                }
            } else {
                problems.add("line " + (i + 1) + " is neither a node nor an edge: " + line);
            }
        }
        if (lines.length < 3) {
            problems.add("the diagram has no node");
        }
        return problems;
    }

    private static boolean id(String id, int line, List<String> problems) {
        if (KEYWORDS.contains(id)) {
            problems.add("line " + (line + 1) + " uses the keyword " + id + " as a node id");
            return false;
        }
        return true;
    }
}
