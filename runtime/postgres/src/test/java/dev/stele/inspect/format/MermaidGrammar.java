package dev.stele.inspect.format;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A recognizer of exactly the Mermaid subset {@link ReplayMermaid} emits, strict where Mermaid is strict (a header
 * line, statements one per line, identifiers that are not keywords, labels free of {@code ;} and {@code #}, which
 * Mermaid reads as a statement break and an entity code, and of HTML) and where our output promises more (four-space
 * indentation, participants declared before they send, every state described, one start).
 */
final class MermaidGrammar {

    private static final String ID = "[A-Za-z][A-Za-z0-9_]*";
    private static final String LABEL = "([^;#<>\"\\p{Cntrl}]{1,120})";
    private static final Pattern PARTICIPANT = Pattern.compile("participant (" + ID + ") as " + LABEL);
    private static final Pattern MESSAGE = Pattern.compile("(" + ID + ")->>(" + ID + "): " + LABEL);
    private static final Pattern DESCRIPTION = Pattern.compile("(" + ID + "): " + LABEL);
    private static final Pattern START = Pattern.compile("\\[\\*] --> (" + ID + ")");
    private static final Pattern TRANSITION = Pattern.compile("(" + ID + ") --> (" + ID + "): " + LABEL);
    private static final Set<String> KEYWORDS = Set.of("end", "participant", "actor", "as", "loop", "alt", "else",
            "opt", "par", "and", "rect", "note", "state", "direction", "autonumber", "activate", "deactivate",
            "critical", "break", "box", "title", "classdef", "class", "style");

    private MermaidGrammar() {
    }

    /** Passes if {@code diagram} is in the subset; throws {@link IllegalArgumentException} naming the line if not. */
    static void check(String diagram) {
        if (!diagram.endsWith("\n")) {
            throw new IllegalArgumentException("a diagram ends with a line break");
        }
        List<String> lines = List.of(diagram.substring(0, diagram.length() - 1).split("\n", -1));
        String header = lines.get(0);
        List<String> body = lines.subList(1, lines.size());
        for (int i = 0; i < body.size(); i++) {
            if (!body.get(i).startsWith("    ") || body.get(i).length() == 4 || body.get(i).charAt(4) == ' ') {
                throw error(i + 2, body.get(i), "a statement indented by exactly four spaces");
            }
        }
        switch (header) {
            case "sequenceDiagram" -> sequence(body);
            case "stateDiagram-v2" -> state(body);
            default -> throw error(1, header, "sequenceDiagram or stateDiagram-v2");
        }
    }

    private static void sequence(List<String> body) {
        Set<String> participants = new HashSet<>();
        boolean messages = false;
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i).substring(4);
            Matcher m;
            if ((m = PARTICIPANT.matcher(line)).matches()) {
                if (messages) {
                    throw error(i + 2, line, "participants declared before the first message");
                }
                if (!participants.add(id(m.group(1), i, line))) {
                    throw error(i + 2, line, "a participant declared once");
                }
                label(m.group(2), i, line);
            } else if ((m = MESSAGE.matcher(line)).matches()) {
                messages = true;
                for (String id : List.of(m.group(1), m.group(2))) {
                    if (!participants.contains(id)) {
                        throw error(i + 2, line, "a message between declared participants, not " + id);
                    }
                }
                label(m.group(3), i, line);
            } else {
                throw error(i + 2, line, "'participant <id> as <label>' or '<id>->><id>: <label>'");
            }
        }
        if (participants.isEmpty()) {
            throw new IllegalArgumentException("a sequence diagram with no participant");
        }
    }

    private static void state(List<String> body) {
        Set<String> described = new HashSet<>();
        Set<String> used = new HashSet<>();
        int starts = 0;
        for (int i = 0; i < body.size(); i++) {
            String line = body.get(i).substring(4);
            Matcher m;
            if ((m = START.matcher(line)).matches()) {
                starts++;
                used.add(id(m.group(1), i, line));
            } else if ((m = TRANSITION.matcher(line)).matches()) {
                used.add(id(m.group(1), i, line));
                used.add(id(m.group(2), i, line));
                label(m.group(3), i, line);
            } else if ((m = DESCRIPTION.matcher(line)).matches()) {
                if (!described.add(id(m.group(1), i, line))) {
                    throw error(i + 2, line, "a state described once");
                }
                label(m.group(2), i, line);
            } else {
                throw error(i + 2, line, "'[*] --> <id>', '<id> --> <id>: <label>' or '<id>: <label>'");
            }
        }
        if (starts != 1) {
            throw new IllegalArgumentException("a state diagram with one start ([*] --> ...), not " + starts);
        }
        if (!described.equals(used)) {
            throw new IllegalArgumentException("every state used is described and every one described is used: used "
                    + used + ", described " + described);
        }
    }

    private static String id(String id, int index, String line) {
        if (KEYWORDS.contains(id.toLowerCase(java.util.Locale.ROOT))) {
            throw error(index + 2, line, "an identifier that is not a Mermaid keyword, not " + id);
        }
        return id;
    }

    private static void label(String label, int index, String line) {
        if (!label.equals(label.strip()) || label.startsWith("%%")) {
            throw error(index + 2, line, "a label without surrounding blanks or a comment start");
        }
    }

    private static IllegalArgumentException error(int lineNumber, String line, String expected) {
        return new IllegalArgumentException("line " + lineNumber + " '" + line + "': expected " + expected);
    }
}
