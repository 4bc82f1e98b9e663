package dev.stele.maven.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.annotation.Operation;
import dev.stele.format.EventIndex;
import dev.stele.format.HandlerIndex;
import dev.stele.format.SchemaHistory;
import dev.stele.format.SteleResources;
import dev.stele.format.TableIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogReaderTest {

    private static final Schema PLACED_V1 = new Schema.Parser().parse("""
            {"type": "record", "name": "OrderPlaced", "namespace": "stele.v1", "fields": [
              {"name": "orderId", "type": "string"},
              {"name": "placedAt", "type": {"type": "long", "logicalType": "timestamp-nanos"}}]}""");
    private static final Schema PLACED_V2 = new Schema.Parser().parse("""
            {"type": "record", "name": "OrderPlaced", "namespace": "stele.v2", "fields": [
              {"name": "orderId", "type": "string"},
              {"name": "tax", "type": {"type": "bytes", "logicalType": "decimal", "precision": 10, "scale": 2}},
              {"name": "method", "type": "string", "default": "card", "aliases": ["payment_method", "kind"]},
              {"name": "note", "type": ["null", "string"], "default": null},
              {"name": "lines", "type": {"type": "array", "items": "long"}}]}""");

    @TempDir
    Path classes;

    @Test
    void versionsFieldsUpcastsReleasesAndTablesComeFromTheFilesUnderMetaInfStele() throws IOException {
        write(SteleResources.INDEX, new EventIndex("com.acme.SteleCatalog", List.of(
                new EventIndex.Entry("OrderPlaced", 1, "com.acme.OrderPlacedV1", fingerprint(PLACED_V1), 2,
                        "OrderPlacedV1.up"),
                new EventIndex.Entry("OrderPlaced", 2, "com.acme.OrderPlaced", fingerprint(PLACED_V2)))).toJson());
        write(SteleResources.schema("OrderPlaced", 1), PLACED_V1.toString());
        write(SteleResources.schema("OrderPlaced", 2), PLACED_V2.toString());
        Files.write(classes.resolve(SteleResources.HISTORY), new SchemaHistory(List.of(
                SchemaHistory.Entry.of("OrderPlaced", 1, "1.0.0", PLACED_V1),
                SchemaHistory.Entry.of("OrderPlaced", 2, "1.1.0-SNAPSHOT", PLACED_V2))).toJson());
        write(SteleResources.TABLES, new TableIndex(List.of(new TableIndex.Table("public.orders",
                Set.of(Operation.INSERT), new TreeSet<>(List.of("id")), new TreeSet<>(List.of("com.acme.OrderPlaced")))))
                .toJson());

        write(SteleResources.AGGREGATES, new HandlerIndex(List.of(new HandlerIndex.Handler("order", "com.acme.Order",
                new TreeSet<>(List.of("OrderPlaced"))))).toJson());
        write(SteleResources.PROJECTIONS, new HandlerIndex(List.of(new HandlerIndex.Handler("totals",
                "com.acme.Totals", new TreeSet<>(List.of("OrderPlaced", "OrderPaid"))), new HandlerIndex.Handler(
                "totals", "com.acme.TotalsV2", new TreeSet<>(List.of("OrderPlaced")), 2))).toJson());

        EventCatalog catalog = CatalogReader.read(classes, "com.acme:orders", "1.1.0-SNAPSHOT");

        assertThat(catalog.hasHistory()).isTrue();
        EventCatalog.Event placed = catalog.events().get(0);
        assertThat(placed.handlers()).containsExactly(new EventCatalog.Handler("aggregate", "order", "com.acme.Order"),
                new EventCatalog.Handler("projection", "totals", "com.acme.Totals", 1),
                new EventCatalog.Handler("projection", "totals", "com.acme.TotalsV2", 2));
        EventCatalog.Version v1 = placed.versions().get(0);
        EventCatalog.Version v2 = placed.versions().get(1);
        assertThat(v1.upcast()).contains(new EventCatalog.Upcast(2, "OrderPlacedV1.up"));
        assertThat(v1.releases()).containsExactly("1.0.0");
        assertThat(v1.tables()).isEmpty();
        assertThat(v1.fields()).extracting(EventCatalog.Field::type)
                .containsExactly("string", "timestamp-nanos (Instant)");
        assertThat(v2.upcast()).isEmpty();
        assertThat(v2.releases()).containsExactly("1.1.0-SNAPSHOT");
        assertThat(v2.tables()).containsExactly("public.orders");
        assertThat(v2.fields()).containsExactly(
                new EventCatalog.Field("orderId", "string", false, Optional.empty(), List.of()),
                new EventCatalog.Field("tax", "decimal(10,2) (BigDecimal)", false, Optional.empty(), List.of()),
                new EventCatalog.Field("method", "string", false, Optional.of("\"card\""),
                        List.of("kind", "payment_method")),
                new EventCatalog.Field("note", "string", true, Optional.of("null"), List.of()),
                new EventCatalog.Field("lines", "array<long>", false, Optional.empty(), List.of()));
    }

    @Test
    void withoutAHistoryNoVersionHasReleases() throws IOException {
        write(SteleResources.INDEX, new EventIndex("c", List.of(
                new EventIndex.Entry("OrderPlaced", 1, "a.OrderPlaced", fingerprint(PLACED_V1)))).toJson());
        write(SteleResources.schema("OrderPlaced", 1), PLACED_V1.toString());

        EventCatalog catalog = CatalogReader.read(classes, "a:b", "1.0");

        assertThat(catalog.hasHistory()).isFalse();
        assertThat(catalog.events().get(0).handlers()).isEmpty();
        assertThat(catalog.events().get(0).versions().get(0).releases()).isEmpty();
    }

    @Test
    void anIndexNamingAMissingSchemaFailsNamingTheFile() throws IOException {
        write(SteleResources.INDEX, new EventIndex("c", List.of(
                new EventIndex.Entry("OrderPlaced", 1, "a.OrderPlaced", fingerprint(PLACED_V1)))).toJson());

        assertThat(CatalogReader.hasIndex(classes)).isTrue();
        assertThatThrownBy(() -> CatalogReader.read(classes, "a:b", "1.0"))
                .isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("META-INF/stele/schemas/OrderPlaced/v1.avsc");
    }

    @Test
    void aClassDirectoryWithoutAnIndexHasNone() {
        assertThat(CatalogReader.hasIndex(classes)).isFalse();
    }

    private void write(String resource, String text) throws IOException {
        Path file = classes.resolve(resource);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
