package dev.stele.format;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.InputStream;

/** What the readers and writers of this package share: one factory, JSON string quoting, checked tokens. */
final class JsonText {

    static final JsonFactory FACTORY = JsonFactory.builder().build();

    private JsonText() {
    }

    /** {@code text} as a JSON string literal, escaped as RFC 8259 requires. */
    static String quote(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (c < 0x20) {
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** Jackson's default pretty printer, with {@code \n} line ends on every platform. */
    static DefaultPrettyPrinter prettyPrinter() {
        return new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** Reads the fields of one JSON object, the parser standing on its {@code START_OBJECT}. */
    @FunctionalInterface
    interface ObjectReader<T> {
        T read(JsonParser parser) throws IOException;
    }

    /**
     * Reads a Stele file: one JSON object, handed to {@code reader}; malformed JSON is a
     * {@link FormatException} naming {@code origin} and {@code what}.
     */
    static <T> T parse(InputStream in, String origin, String what, ObjectReader<T> reader) {
        try (JsonParser parser = FACTORY.createParser(in)) {
            parser.nextToken();
            expect(parser, JsonToken.START_OBJECT, origin, "a Stele " + what + " object");
            return reader.read(parser);
        } catch (IOException e) {
            throw new FormatException(origin, "cannot read the " + what + ": " + e.getMessage(), e);
        }
    }

    static void expect(JsonParser parser, JsonToken expected, String origin, String what) throws IOException {
        if (parser.currentToken() != expected) {
            throw new FormatException(origin, "expected " + what + " at line " + parser.currentLocation().getLineNr()
                    + ", found " + parser.currentToken());
        }
    }

    /** Refuses a file whose {@code format} is newer than this reader knows. */
    static void checkFormat(int format, int known, String origin, String file) {
        if (format < 1) {
            throw new FormatException(origin, file + " has no format number: it is not a file Stele wrote");
        }
        if (format > known) {
            throw new FormatException(origin, file + " has format " + format + ", this Stele reads format 1 to "
                    + known + ": it was written by a newer Stele; use one Stele version for the processor, the"
                    + " plugin and the runtime");
        }
    }
}
