package dev.stele.it.codec;

import static dev.stele.it.codec.Samples.CATALOG;
import static dev.stele.it.codec.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.UnknownEventException;
import dev.stele.it.events.ParcelShipped;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class UpcastTest {

    @Test
    void versionOneIsUpcastThroughVersionTwoToTheLatest() {
        Object latest = CATALOG.fromJson("ParcelShipped", 1, utf8("{\"parcelId\":\"p-1\",\"weightKg\":2.5}"));

        assertThat(latest).isEqualTo(new ParcelShipped("p-1", 2500, "unknown", Instant.EPOCH, false));
    }

    @Test
    void versionTwoIsUpcastToTheLatest() {
        Object latest = CATALOG.fromJson("ParcelShipped", 2, utf8(
                "{\"parcelId\":\"p-2\",\"weightKg\":0.75,\"carrier\":\"UPS\",\"shippedAt\":\"2025-05-05T05:05:05Z\"}"));

        assertThat(latest).isEqualTo(
                new ParcelShipped("p-2", 750, "UPS", Instant.parse("2025-05-05T05:05:05Z"), false));
    }

    @Test
    void anOlderVersionWrittenAsAvroIsUpcastWhenRead() throws Exception {
        byte[] avro = CATALOG.toAvro(RoundTripTest.newParcelV1("p-3", 1.0));

        assertThat(CATALOG.fromAvro(avro))
                .isEqualTo(new ParcelShipped("p-3", 1000, "unknown", Instant.EPOCH, false));
    }

    @Test
    void everyVersionOfAnEventIsRegisteredWithItsStep() {
        assertThat(CATALOG.eventTypes())
                .filteredOn(type -> type.name().equals("ParcelShipped"))
                .extracting(type -> type.version() + "->" + type.upcastTarget())
                .containsExactly("1->2", "2->3", "3->0");
    }

    @Test
    void aVersionBelowEveryKnownOneIsAnUnknownEvent() {
        assertThatThrownBy(() -> CATALOG.fromJson("ParcelShipped", 0, utf8("{}")))
                .isInstanceOfSatisfying(UnknownEventException.class, e -> {
                    assertThat(e.eventName()).contains("ParcelShipped");
                    assertThat(e.version()).isZero();
                    assertThat(e).hasMessageContaining("known versions of ParcelShipped: 1, 2, 3");
                });
    }

    @Test
    void anEventNoCatalogKnowsIsAnUnknownEvent() {
        assertThatThrownBy(() -> CATALOG.fromJson("ParcelLost", 1, utf8("{}")))
                .isInstanceOfSatisfying(UnknownEventException.class, e -> assertThat(e)
                        .hasMessage("no event ParcelLost v1 is registered; no version of ParcelLost is known"));
    }

    @Test
    void aVersionNewerThanTheLatestIsReadWithTheLatestReaderAndReturnedAsTheLatest() {
        ParcelShipped latest = new ParcelShipped("p-4", 10, "DHL", Instant.parse("2025-05-05T05:05:05Z"), true);
        String v4 = Samples.text(CATALOG.toJson(latest).payload()).replace("}", ",\"insured\":true}");

        assertThat(CATALOG.fromJson("ParcelShipped", 4, utf8(v4))).isEqualTo(latest);
    }
}
