package dev.stele.store.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonbTest {

    private static final JsonFactory JSON = JsonFactory.builder().build();
    private static final char[] ALPHABET = {'\\', 'u', '0', '\0', '"', 'a'};

    @Test
    void aStringHoldsNulExactlyWhenItsValueDoesNotWhenItsEscapedTextSpellsTheEscape() throws IOException {
        // every string of up to 6 characters from an alphabet that spells escapes, as Jackson writes it
        int checked = 0;
        for (int length = 0; length <= 6; length++) {
            for (int n = 0; n < Math.pow(ALPHABET.length, length); n++) {
                StringBuilder value = new StringBuilder();
                for (int d = 0, rest = n; d < length; d++, rest /= ALPHABET.length) {
                    value.append(ALPHABET[rest % ALPHABET.length]);
                }
                String json = object("text", value.toString());
                boolean nul = value.indexOf("\0") >= 0;
                assertThat(Jsonb.holdsNul(json)).as("%s as %s", value, json).isEqualTo(nul);
                assertThat(Jsonb.pathOfNul(json)).as(json).isEqualTo(nul ? "text" : "");
                checked++;
            }
        }
        assertThat(checked).isEqualTo(55987);
    }

    @Test
    void theSixCharactersOfTheEscapeAreNotNul() throws IOException {
        assertThat(Jsonb.holdsNul(object("path", "C:\\u0000\\logs"))).isFalse();
        assertThat(Jsonb.holdsNul(object("path", "\\\\u0000"))).isFalse();
        assertThat(Jsonb.holdsNul(object("path", "\\\0"))).isTrue();
        assertThat(Jsonb.holdsNul("{\"raw\": \"a\0b\"}")).isTrue();
    }

    @Test
    void thePathNamesTheFieldTheIndexAndAKeyHoldingNul() throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField("ok", "C:\\u0000");
            out.writeArrayFieldStart("lines");
            out.writeStartObject();
            out.writeStringField("note", "fine");
            out.writeEndObject();
            out.writeStartObject();
            out.writeStringField("note", "bad\0");
            out.writeEndObject();
            out.writeEndArray();
            out.writeEndObject();
        }
        assertThat(Jsonb.pathOfNul(text.toString())).isEqualTo("lines[1].note");
        assertThat(Jsonb.pathOfNul(object("k\0y", "v"))).isEqualTo("k\\u0000y");
        assertThat(Jsonb.pathOfNul("[\"a\", \"b\\u0000\"]")).isEqualTo("[1]");
    }

    private static String object(String field, String value) throws IOException {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text)) {
            out.writeStartObject();
            out.writeStringField(field, value);
            out.writeEndObject();
        }
        return text.toString();
    }
}
