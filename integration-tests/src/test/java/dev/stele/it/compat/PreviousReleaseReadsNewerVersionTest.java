package dev.stele.it.compat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.CatalogException;
import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.SchemaSource;
import dev.stele.catalog.SerializedEvent;
import dev.stele.catalog.UnknownSchemaException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A service still on release 1.0.0 (BookReturned v1) reads what a service on 1.1.0 wrote (BookReturned
 * v2, which the schema check let through because v1's reader can read it): in JSON by field name, in
 * Avro with the writer's schema from a {@link SchemaSource}. It gets v1, its latest.
 */
class PreviousReleaseReadsNewerVersionTest {

    private static final String V1 = """
            package library;

            import dev.stele.annotation.Event;
            import dev.stele.annotation.StreamId;
            import java.time.Instant;

            @Event(name = "BookReturned", version = 1)
            public record BookReturned(@StreamId String bookId, String memberId, Instant returnedAt) {
            }
            """;

    private static final String V1_KEPT = V1.replace("public record BookReturned(", "public record BookReturnedV1(")
            .replace("Instant returnedAt) {\n}", """
                    Instant returnedAt) {
                        @dev.stele.annotation.Upcast
                        static BookReturned toV2(BookReturnedV1 old) {
                            return new BookReturned(old.bookId(), old.memberId(), old.returnedAt(), Condition.GOOD);
                        }
                    }
                    """);

    private static final String CONDITION = """
            package library;

            public enum Condition { GOOD, DAMAGED }
            """;

    /** Adds a field: v1's reader skips it. */
    private static final String V2_READABLE = """
            package library;

            import dev.stele.annotation.Event;
            import dev.stele.annotation.StreamId;
            import java.time.Instant;

            @Event(name = "BookReturned", version = 2)
            public record BookReturned(@StreamId String bookId, String memberId, Instant returnedAt, Condition condition) {
            }
            """;

    /** Drops a field v1's reader requires. */
    private static final String V2_UNREADABLE = V2_READABLE.replace("String memberId, ", "")
            .replace("old.memberId(), ", "");

    private static final Instant AT = Instant.parse("2026-11-30T10:15:30.123456Z");

    @TempDir
    static Path builds;

    static Catalog release100;
    static Catalog release110;
    static Path release110Root;
    static Catalog release110Unreadable;

    @BeforeAll
    static void buildTheReleases() throws Exception {
        release100 = Catalog.load(Releases.build(builds.resolve("1.0.0"), Map.of("library/BookReturned.java", V1)));
        release110Root = builds.resolve("1.1.0");
        release110 = Catalog.load(Releases.build(release110Root, Map.of(
                "library/BookReturnedV1.java", V1_KEPT,
                "library/BookReturned.java", V2_READABLE,
                "library/Condition.java", CONDITION)));
        release110Unreadable = Catalog.load(Releases.build(builds.resolve("1.1.0-unreadable"), Map.of(
                "library/BookReturnedV1.java", V1_KEPT.replace("old.memberId(), ", ""),
                "library/BookReturned.java", V2_UNREADABLE,
                "library/Condition.java", CONDITION)));
    }

    @Test
    void theOldReleaseReadsTheNewVersionsJsonAsItsLatestVersion() throws Exception {
        Object written = newBookReturned(release110, "b-1", "m-7", AT, "DAMAGED");
        SerializedEvent json = release110.toJson(written);
        assertThat(json.version()).isEqualTo(2);

        Object read = release100.fromJson(json.name(), json.version(), json.payload());

        assertThat(read.getClass().getName()).isEqualTo("library.BookReturned");
        assertThat(read.getClass().getClassLoader()).isNotSameAs(written.getClass().getClassLoader());
        assertThat(components(read)).containsExactly(Map.entry("bookId", "b-1"), Map.entry("memberId", "m-7"),
                Map.entry("returnedAt", AT));
    }

    @Test
    void theOldReleaseReadsTheNewVersionsAvroWithTheWritersSchemaFromASource() throws Exception {
        byte[] avro = release110.toAvro(newBookReturned(release110, "b-2", "m-8", AT, "GOOD"));
        Schema v2 = new Schema.Parser().parse(Releases.schema(release110Root, "BookReturned", 2));

        assertThatThrownBy(() -> release100.fromAvro(avro)).isInstanceOf(UnknownSchemaException.class);
        Object read = release100.withSchemaSource(SchemaSource.of(List.of(v2))).fromAvro(avro);

        assertThat(read.getClass().getName()).isEqualTo("library.BookReturned");
        assertThat(components(read)).containsExactly(Map.entry("bookId", "b-2"), Map.entry("memberId", "m-8"),
                Map.entry("returnedAt", AT));
    }

    @Test
    void aSchemaSourceIsAskedOncePerFingerprintAndItsAnswersAreChecked() throws Exception {
        byte[] avro = release110.toAvro(newBookReturned(release110, "b-5", "m-2", AT, "GOOD"));
        Schema v2 = new Schema.Parser().parse(Releases.schema(release110Root, "BookReturned", 2));
        AtomicInteger asked = new AtomicInteger();
        Catalog counting = release100.withSchemaSource(fingerprint -> {
            asked.incrementAndGet();
            return SchemaSource.of(List.of(v2)).find(fingerprint);
        });

        counting.fromAvro(avro);
        counting.fromAvro(avro);
        assertThat(asked).hasValue(1);

        Schema other = new Schema.Parser().parse(Releases.schema(release110Root, "BookReturned", 1));
        assertThatThrownBy(() -> release100.withSchemaSource(fingerprint -> Optional.of(other)).fromAvro(avro))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("the schema source answered fingerprint")
                .hasMessageContaining("data must not be read with another schema than it was written with");
        assertThatThrownBy(() -> release100.withSchemaSource(fingerprint -> {
            throw new IllegalStateException("registry down");
        }).fromAvro(avro))
                .isInstanceOf(CatalogException.class)
                .hasMessageContaining("the schema source failed to look up fingerprint")
                .hasMessageContaining("registry down");
    }

    @Test
    void aNewVersionTheOldReaderCannotReadIsATypedErrorNamingBothVersions() throws Exception {
        Object written = release110Unreadable.fromJson("BookReturned", 1,
                "{\"bookId\": \"b-3\", \"memberId\": \"m-9\", \"returnedAt\": \"2026-11-30T10:15:30Z\"}");
        SerializedEvent json = release110Unreadable.toJson(written);

        assertThatThrownBy(() -> release100.fromJson(json.name(), json.version(), json.payload()))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.version()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("memberId", "read with the reader of v1");
                });
    }

    @Test
    void theNewReleaseStillReadsWhatTheOldOneWrote() throws Exception {
        SerializedEvent old = release100.toJson(release100.fromJson("BookReturned", 1,
                "{\"bookId\": \"b-4\", \"memberId\": \"m-1\", \"returnedAt\": \"2026-11-30T10:15:30Z\"}"));

        Object read = release110.fromJson(old.name(), old.version(), old.payload());

        assertThat(components(read)).containsEntry("condition", conditionOf(read, "GOOD"));
    }

    private static Object newBookReturned(Catalog catalog, String book, String member, Instant at, String condition)
            throws Exception {
        Class<?> type = catalog.eventTypes().stream().filter(t -> t.name().equals("BookReturned") && t.version() == 2)
                .findFirst().orElseThrow().javaType();
        Class<?> conditionType = type.getRecordComponents()[3].getType();
        Object conditionValue = conditionType.getMethod("valueOf", String.class).invoke(null, condition);
        return type.getDeclaredConstructors()[0].newInstance(book, member, at, conditionValue);
    }

    private static Object conditionOf(Object event, String name) throws Exception {
        Class<?> conditionType = event.getClass().getRecordComponents()[3].getType();
        return conditionType.getMethod("valueOf", String.class).invoke(null, name);
    }

    private static Map<String, Object> components(Object record) throws Exception {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RecordComponent component : record.getClass().getRecordComponents()) {
            values.put(component.getName(), component.getAccessor().invoke(record));
        }
        return values;
    }
}
