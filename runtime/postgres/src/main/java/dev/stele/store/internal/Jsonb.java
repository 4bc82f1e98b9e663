package dev.stele.store.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * What PostgreSQL's {@code jsonb} cannot hold: the character U+0000, in a string or a field name. It is
 * looked for in the value, not in its escaped form: the six characters <code>&#92;u0000</code> in a string
 * (a Windows path, a log line) are written <code>&#92;&#92;u0000</code> in JSON and are not U+0000.
 */
final class Jsonb {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private Jsonb() {
    }

    /**
     * Whether the JSON text {@code json} holds U+0000: as the escape <code>&#92;u0000</code> whose
     * backslash is not itself escaped (it follows an even number of backslashes), or raw.
     */
    static boolean holdsNul(String json) {
        if (json.indexOf("\\u0000") < 0 && json.indexOf('\0') < 0) {
            return false; // the common case, found by the JDK's own search
        }
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (c == '\0') {
                return true;
            }
            if (c == '\\') {
                if (json.startsWith("u0000", i + 1)) {
                    return true;
                }
                i++; // the escaped character: a backslash, a quote, n, t..., or the u of another \\uXXXX
            }
        }
        return false;
    }

    /**
     * Where the first U+0000 of {@code json} is, as {@code field.nested[index]}; empty if it is in a
     * top-level value, or the text does not parse.
     */
    static String pathOfNul(String json) {
        try (JsonParser in = JSON.createParser(json)) {
            JsonToken token;
            while ((token = in.nextToken()) != null) {
                if ((token == JsonToken.FIELD_NAME || token == JsonToken.VALUE_STRING)
                        && in.getText().indexOf('\0') >= 0) {
                    return path(in.getParsingContext());
                }
            }
        } catch (IOException unparsable) {
            return "";
        }
        return "";
    }

    private static String path(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            chain.push(at);
        }
        StringBuilder path = new StringBuilder();
        for (JsonStreamContext at : chain) {
            if (at.inObject() && at.getCurrentName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(at.getCurrentName().replace("\0", "\\u0000"));
            } else if (at.inArray()) {
                path.append('[').append(Math.max(at.getCurrentIndex(), 0)).append(']');
            }
        }
        return path.toString();
    }
}
