package dev.stele.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventIndexTest {

    private static final EventIndex INDEX = new EventIndex("com.acme.SteleCatalog", List.of(
            new EventIndex.Entry("OrderPlaced", 2, "com.acme.OrderPlaced", 0xb3d16c681d08ba57L),
            new EventIndex.Entry("OrderPlaced", 1, "com.acme.OrderPlacedV1", 0x29af2caf89d89ef0L, 2,
                    "OrderPlacedV1.up"),
            new EventIndex.Entry("Odd \"name\"\\\n", 1, "com.acme.Odd", -1L)));

    @Test
    void whatTheWriterWritesTheReaderReadsBack() {
        byte[] json = INDEX.toJson().getBytes(StandardCharsets.UTF_8);

        assertThat(EventIndex.read(json, "test")).isEqualTo(INDEX);
    }

    @Test
    void entriesAreSortedByNameAndVersionSoTheTextIsDeterministic() {
        List<EventIndex.Entry> events = new ArrayList<>(INDEX.events());
        Collections.reverse(events);
        EventIndex reversed = new EventIndex(INDEX.catalog(), events);

        assertThat(reversed.toJson()).isEqualTo(INDEX.toJson());
        assertThat(INDEX.events()).extracting(EventIndex.Entry::version).containsExactly(1, 1, 2);
    }

    @Test
    void theTextHasOneEventPerLineAndNoPlatformLineSeparator() {
        assertThat(INDEX.toJson()).isEqualTo("""
                {
                  "format": 1,
                  "catalog": "com.acme.SteleCatalog",
                  "events": [
                    {"name": "Odd \\"name\\"\\\\\\u000a", "version": 1, "javaType": "com.acme.Odd", \
                "fingerprint": "ffffffffffffffff"},
                    {"name": "OrderPlaced", "version": 1, "javaType": "com.acme.OrderPlacedV1", \
                "fingerprint": "29af2caf89d89ef0", "upcastTo": 2, "upcastMethod": "OrderPlacedV1.up"},
                    {"name": "OrderPlaced", "version": 2, "javaType": "com.acme.OrderPlaced", \
                "fingerprint": "b3d16c681d08ba57"}
                  ]
                }
                """);
    }

    @Test
    void anIndexWrittenBeforeUpcastsWereRecordedReadsAsVersionsWithoutUpcasts() {
        byte[] older = """
                {"format": 1, "catalog": "c", "events": [{"name": "A", "version": 1, "javaType": "a.A",
                 "fingerprint": "29af2caf89d89ef0"}]}
                """.getBytes(StandardCharsets.UTF_8);

        EventIndex.Entry entry = EventIndex.read(older, "here").events().get(0);

        assertThat(entry.hasUpcast()).isFalse();
        assertThat(entry.upcastMethod()).isEmpty();
    }

    @Test
    void anUpcastToAnEarlierVersionIsRefused() {
        byte[] backwards = """
                {"format": 1, "catalog": "c", "events": [{"name": "A", "version": 2, "javaType": "a.A",
                 "fingerprint": "29af2caf89d89ef0", "upcastTo": 1, "upcastMethod": "A.down"}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventIndex.read(backwards, "here"))
                .isInstanceOf(FormatException.class)
                .hasMessage("here: A v2 of the index upcasts to version 1, which is not later");
    }

    @Test
    void anEntryKnowsWhereItsSchemaIs() {
        assertThat(INDEX.events().get(2).schemaResource()).isEqualTo("META-INF/stele/schemas/OrderPlaced/v2.avsc");
    }

    @Test
    void anIndexOfANewerFormatIsRefusedSayingSo() {
        byte[] newer = "{\"format\": 2, \"catalog\": \"c\", \"events\": []}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventIndex.read(newer, "jar:file:/x.jar!/META-INF/stele/index.json"))
                .isInstanceOfSatisfying(FormatException.class, e -> {
                    assertThat(e.origin()).isEqualTo("jar:file:/x.jar!/META-INF/stele/index.json");
                    assertThat(e.getMessage()).contains("format 2", "written by a newer Stele");
                });
    }

    @Test
    void anEntryWithoutItsFingerprintIsRefusedNamingTheEntry() {
        byte[] incomplete = """
                {"format": 1, "catalog": "c", "events": [{"name": "A", "version": 1, "javaType": "a.A"}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventIndex.read(incomplete, "here"))
                .isInstanceOf(FormatException.class)
                .hasMessage("here: event 1 of the index lacks its name, version, javaType or fingerprint");
    }

    @Test
    void aBadFingerprintIsRefused() {
        byte[] bad = """
                {"format": 1, "catalog": "c", "events": [{"name": "A", "version": 1, "javaType": "a.A",
                 "fingerprint": "xyz"}]}
                """.getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> EventIndex.read(bad, "here"))
                .isInstanceOf(FormatException.class)
                .hasMessage("here: 'xyz' is not a schema fingerprint of 16 hex digits");
    }

    @Test
    void textThatIsNotJsonIsAFormatErrorNotAParserError() {
        assertThatThrownBy(() -> EventIndex.read("{\"format\": ".getBytes(StandardCharsets.UTF_8), "here"))
                .isInstanceOf(FormatException.class)
                .hasMessageStartingWith("here: cannot read the event index");
    }
}
