package dev.stele.it.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.Catalog;
import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.Format;
import dev.stele.catalog.UnknownSchemaException;
import dev.stele.format.SchemaHistory;
import dev.stele.it.events.ProfileUpdated;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Avro data written by an earlier release of {@code ProfileUpdated v1}, whose schema reaches the
 * runtime through the schema history: resolved to the current schema with the same rules as JSON.
 */
class TolerantAvroReadingTest {

    @TempDir
    Path history;

    /** The first release's schema: a field since renamed, one since dropped, fewer enum symbols and fields. */
    private static final Schema RELEASED = SchemaBuilder.record("ProfileUpdated").namespace("stele.v1").fields()
            .requiredString("userId")
            .requiredString("fullName")
            .requiredLong("legacyScore")
            .name("tier").type(SchemaBuilder.enumeration("Tier").namespace("stele.v1.ProfileUpdated")
                    .symbols("STANDARD", "GOLD", "PLATINUM")).noDefault()
            .name("status").type(SchemaBuilder.enumeration("Status").namespace("stele.v1.ProfileUpdated")
                    .symbols("ACTIVE", "SUSPENDED", "DELETED")).noDefault()
            .endRecord();

    @Test
    void renamedFieldsDroppedFieldsAndAddedFieldsResolveAsInJson() throws IOException {
        Catalog catalog = catalogWithHistory(RELEASED);

        ProfileUpdated profile = (ProfileUpdated) catalog.fromAvro(write(RELEASED, "GOLD", "SUSPENDED"));

        assertThat(profile.userId()).isEqualTo("u-7");
        assertThat(profile.displayName()).isEqualTo("Grace");
        assertThat(profile.tier()).isEqualTo(ProfileUpdated.Tier.GOLD);
        assertThat(profile.status()).isEqualTo(ProfileUpdated.Status.SUSPENDED);
        assertThat(profile.language()).isEqualTo("en");
        assertThat(profile.retries()).isEqualTo(3);
        assertThat(profile.fee()).isEqualByComparingTo("9.90");
        assertThat(profile.interests()).isEmpty();
        assertThat(profile.settings()).isEmpty();
        assertThat(profile.bio()).isEmpty();
        assertThat(Samples.CATALOG.fromJson("ProfileUpdated", 1, Samples.utf8(
                "{\"userId\":\"u-7\",\"fullName\":\"Grace\",\"legacyScore\":5,\"tier\":\"GOLD\",\"status\":\"SUSPENDED\"}")))
                .isEqualTo(profile);
    }

    @Test
    void anUnknownEnumSymbolTakesTheFieldsDefault() throws IOException {
        Catalog catalog = catalogWithHistory(RELEASED);

        ProfileUpdated profile = (ProfileUpdated) catalog.fromAvro(write(RELEASED, "PLATINUM", "ACTIVE"));

        assertThat(profile.tier()).isEqualTo(ProfileUpdated.Tier.STANDARD);
    }

    @Test
    void anUnknownEnumSymbolWithoutDefaultIsADecodingErrorNamingTheField() throws IOException {
        Catalog catalog = catalogWithHistory(RELEASED);

        assertThatThrownBy(() -> catalog.fromAvro(write(RELEASED, "GOLD", "DELETED")))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.format()).isEqualTo(Format.AVRO);
                    assertThat(e.eventName()).isEqualTo("ProfileUpdated");
                    assertThat(e.fieldPath()).isEqualTo("status");
                });
    }

    @Test
    void aWriterWithoutARequiredFieldCannotBeResolved() throws IOException {
        Schema noName = SchemaBuilder.record("ProfileUpdated").namespace("stele.v1").fields()
                .requiredString("userId")
                .name("status").type(SchemaBuilder.enumeration("Status").namespace("stele.v1.ProfileUpdated")
                        .symbols("ACTIVE")).noDefault()
                .endRecord();
        Catalog catalog = catalogWithHistory(noName);
        GenericRecord record = new GenericData.Record(noName);
        record.put("userId", "u-1");
        record.put("status", new GenericData.EnumSymbol(noName.getField("status").schema(), "ACTIVE"));

        assertThatThrownBy(() -> catalog.fromAvro(singleObject(noName, record)))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.reason()).contains("displayName"));
    }

    @Test
    void dataFromASchemaOutsideTheHistoryIsAnUnknownSchema() throws IOException {
        byte[] data = write(RELEASED, "GOLD", "ACTIVE");

        assertThatThrownBy(() -> Samples.CATALOG.fromAvro(data))
                .isInstanceOfSatisfying(UnknownSchemaException.class, e -> assertThat(e.fingerprint())
                        .isEqualTo(SchemaNormalization.parsingFingerprint64(RELEASED)));
    }

    private Catalog catalogWithHistory(Schema released) throws IOException {
        Path file = history.resolve("META-INF/stele/history.json");
        Files.createDirectories(file.getParent());
        Files.write(file, new SchemaHistory(List.of(SchemaHistory.Entry.of("ProfileUpdated", 1, "1.0.0", released)))
                .toJson());
        ClassLoader loader = new URLClassLoader(new URL[] {history.toUri().toURL()}, getClass().getClassLoader());
        return Catalog.load(loader);
    }

    private static byte[] write(Schema schema, String tier, String status) throws IOException {
        GenericRecord record = new GenericData.Record(schema);
        record.put("userId", "u-7");
        record.put("fullName", "Grace");
        record.put("legacyScore", 5L);
        record.put("tier", new GenericData.EnumSymbol(schema.getField("tier").schema(), tier));
        record.put("status", new GenericData.EnumSymbol(schema.getField("status").schema(), status));
        return singleObject(schema, record);
    }

    /** Avro's own single-object encoding of the record: what another Avro producer would send. */
    private static byte[] singleObject(Schema schema, GenericRecord record) throws IOException {
        ByteBuffer encoded = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
