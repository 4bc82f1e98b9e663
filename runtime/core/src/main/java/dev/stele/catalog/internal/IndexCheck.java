package dev.stele.catalog.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.stele.catalog.CatalogException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;

/**
 * Checks that every event listed in a module's index ({@value #RESOURCE}, written by the processor)
 * was registered by a catalog. If two modules generated a catalog class of the same name, the class
 * path holds only one of them and the other module's events would silently be unknown; this turns
 * that into an error at load time.
 */
public final class IndexCheck {

    /** Where the processor writes each module's index. */
    public static final String RESOURCE = "META-INF/stele/index.json";

    private IndexCheck() {
    }

    public static void verify(ClassLoader loader, JsonFactory json, Registry registry) {
        try {
            Enumeration<URL> indexes = loader.getResources(RESOURCE);
            while (indexes.hasMoreElements()) {
                URL url = indexes.nextElement();
                try (InputStream in = url.openStream(); JsonParser parser = json.createParser(in)) {
                    verify(parser, url, registry);
                }
            }
        } catch (IOException e) {
            throw new CatalogException("cannot read the event indexes " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    private static void verify(JsonParser parser, URL url, Registry registry) throws IOException {
        String catalog = "?";
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new CatalogException(url + " is not a Stele event index");
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("catalog")) {
                catalog = parser.getText();
            } else if (field.equals("events") && parser.currentToken() == JsonToken.START_ARRAY) {
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    checkEntry(parser, url, catalog, registry);
                }
            } else {
                parser.skipChildren();
            }
        }
    }

    private static void checkEntry(JsonParser parser, URL url, String catalog, Registry registry) throws IOException {
        String name = null;
        int version = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (field.equals("name")) {
                name = parser.getText();
            } else if (field.equals("version")) {
                version = parser.getIntValue();
            } else {
                parser.skipChildren();
            }
        }
        if (name != null && registry.find(name, version) == null) {
            throw new CatalogException(name + " v" + version + " is listed in " + url + " but no catalog registered it;"
                    + " another module probably generated a catalog class of the same name (" + catalog
                    + "): give one of them its own with the compiler option -Astele.catalog=<qualified class name>");
        }
    }
}
