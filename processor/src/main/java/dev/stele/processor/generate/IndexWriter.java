package dev.stele.processor.generate;

import com.squareup.javapoet.ClassName;
import dev.stele.processor.model.EventModel;
import java.util.List;
import java.util.Map;

/**
 * The module's event index, {@code META-INF/stele/index.json}: what the schema check and the runtime
 * read to know which events the module has, without loading classes.
 */
public final class IndexWriter {

    public static final String RESOURCE = "META-INF/stele/index.json";

    private IndexWriter() {
    }

    /**
     * @param events sorted by name and version
     * @param fingerprints each event's schema fingerprint, by {@link EventModel#label()}
     */
    public static String write(ClassName catalog, List<EventModel> events, Map<String, Long> fingerprints,
            Map<String, Integer> latestVersions) {
        StringBuilder json = new StringBuilder();
        json.append("{\n  \"format\": 1,\n  \"catalog\": ").append(quote(catalog.canonicalName()))
                .append(",\n  \"events\": [");
        for (int i = 0; i < events.size(); i++) {
            EventModel event = events.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"name\": ").append(quote(event.name()))
                    .append(", \"version\": ").append(event.version())
                    .append(", \"latest\": ").append(latestVersions.get(event.name()) == event.version())
                    .append(", \"javaType\": ").append(quote(event.record().qualifiedName()))
                    .append(", \"fingerprint\": ").append(quote(String.format("%016x", fingerprints.get(event.label()))))
                    .append(", \"schema\": ").append(quote(schemaResource(event)))
                    .append('}');
        }
        return json.append("\n  ]\n}\n").toString();
    }

    /** Where an event version's schema is written; the runtime's {@code EventType.schemaResource} agrees. */
    public static String schemaResource(EventModel event) {
        return "META-INF/stele/schemas/" + event.name() + "/v" + event.version() + ".avsc";
    }

    private static String quote(String text) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                quoted.append('\\');
            }
            quoted.append(c);
        }
        return quoted.append('"').toString();
    }
}
