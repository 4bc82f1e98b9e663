package dev.stele.it.codec;

import static dev.stele.it.codec.Samples.CATALOG;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.SerializedEvent;
import dev.stele.it.events.Everything;
import dev.stele.it.events.ParcelShipped;
import dev.stele.it.events.ProfileUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    @Test
    void everySupportedTypeRoundTripsThroughJson() {
        Everything event = Samples.everything();
        SerializedEvent json = CATALOG.toJson(event);

        assertThat(json.name()).isEqualTo("Everything");
        assertThat(json.version()).isEqualTo(1);
        Samples.assertSameEvent(CATALOG.fromJson(json.name(), json.version(), json.payload()), event);
    }

    @Test
    void aPayloadAlreadyInTextDecodesAsItsBytesDo() {
        Everything event = Samples.everything();
        SerializedEvent json = CATALOG.toJson(event);

        Samples.assertSameEvent(CATALOG.fromJson(json.name(), json.version(), Samples.text(json.payload())), event);
        assertThatThrownBy(() -> CATALOG.fromJson("Everything", 1, "{\"count\": \"x\"}"))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.fieldPath()).isEqualTo("count"));
    }

    @Test
    void everySupportedTypeRoundTripsThroughAvro() {
        Everything event = Samples.everything();

        Samples.assertSameEvent(CATALOG.fromAvro(CATALOG.toAvro(event)), event);
    }

    @Test
    void jsonHasTheDocumentedShape() {
        String json = Samples.text(CATALOG.toJson(Samples.everything()).payload());

        assertThat(json)
                .startsWith("{\"account\":\"acc-1\",\"flag\":true,\"count\":-7,\"amountMinor\":1234567890123,")
                .contains("\"at\":\"2026-11-26T14:29:35.123456Z\"")
                .contains("\"day\":\"1969-07-20\"")
                .contains("\"localAt\":\"2000-01-01T00:00:00.999999\"")
                .contains("\"id\":\"00000000-0000-0001-8000-00000000000f\"")
                .contains("\"price\":-1234567890.12")
                .contains("\"blob\":\"AP9/gA==\"")
                .contains("\"color\":\"GREEN\"")
                .contains("\"maybeMoney\":500")
                .contains("\"nullableText\":null")
                .contains("\"nested\":[[],[\"deep\"]]")
                .contains("\"related\":[\"acc-2\"]")
                .contains("\"address\":{\"street\":\"3 Oak\",\"city\":\"Ogdenville\",\"zip\":\"999\",\"lines\":[]}")
                .endsWith("\"total\":-1}");
    }

    @Test
    void emptyOptionalsAndNullsRoundTripInBothFormats() {
        Everything full = Samples.everything();
        Everything sparse = new Everything(full.account(), false, 0, 0, 0f, 0d, true, 0, 0L, 0f, 0d, "", full.at(),
                full.day(), full.localAt(), full.id(), BigDecimal.ZERO.setScale(2), new byte[0], full.color(),
                Optional.empty(), Optional.empty(), null, null, List.of(), java.util.Set.of(), Map.of(), List.of(),
                Map.of(), List.of(), List.of(), List.of(), full.address(), full.total());

        SerializedEvent json = CATALOG.toJson(sparse);
        Samples.assertSameEvent(CATALOG.fromJson(json.name(), json.version(), json.payload()), sparse);
        Samples.assertSameEvent(CATALOG.fromAvro(CATALOG.toAvro(sparse)), sparse);
    }

    @Test
    void decimalsAreWidenedToTheirScaleAndReadBackAtIt() {
        Everything event = withPrice(new BigDecimal("7.5"));

        Everything fromJson = (Everything) decodeJson(event);
        Everything fromAvro = (Everything) CATALOG.fromAvro(CATALOG.toAvro(event));

        assertThat(fromJson.price()).isEqualTo(new BigDecimal("7.50"));
        assertThat(fromAvro.price()).isEqualTo(new BigDecimal("7.50"));
    }

    @Test
    void instantsKeepTheirNanoseconds() {
        for (Instant at : List.of(Instant.parse("1901-12-13T20:45:52.000000001Z"), Instant.now().plusNanos(1),
                Instant.parse("1677-09-21T00:12:43.145224192Z"), Instant.parse("2262-04-11T23:47:16.854775807Z"))) {
            Everything event = withAt(at);

            assertThat(((Everything) decodeJson(event)).at()).isEqualTo(at);
            assertThat(((Everything) CATALOG.fromAvro(CATALOG.toAvro(event))).at()).isEqualTo(at);
        }
    }

    @Test
    void anOlderVersionIsWrittenAsItselfAndLabelledWithItsVersion() throws Exception {
        Object v1 = newParcelV1("p-1", 2.5);

        SerializedEvent json = CATALOG.toJson(v1);

        assertThat(json.version()).isEqualTo(1);
        assertThat(Samples.text(json.payload())).isEqualTo("{\"parcelId\":\"p-1\",\"weightKg\":2.5}");
    }

    @Test
    void defaultsAndAliasesDoNotChangeWhatIsWritten() {
        ProfileUpdated profile = new ProfileUpdated("u-1", "Ada", "fr", 1, Instant.EPOCH, LocalDate.EPOCH,
                new UUID(0, 1), new BigDecimal("0.00"), List.of("maths"), Map.of("theme", "dark"),
                ProfileUpdated.Tier.GOLD, ProfileUpdated.Status.ACTIVE, Optional.of("bio"));

        String json = Samples.text(CATALOG.toJson(profile).payload());

        assertThat(json).contains("\"displayName\":\"Ada\"").doesNotContain("fullName");
        assertThat(CATALOG.fromAvro(CATALOG.toAvro(profile))).isEqualTo(profile);
        assertThat(decodeJson(profile)).isEqualTo(profile);
    }

    @Test
    void theLatestVersionIsReturnedAsIs() {
        ParcelShipped parcel = new ParcelShipped("p-9", 1200, "DHL", Instant.parse("2026-01-01T00:00:00Z"), true);

        assertThat(decodeJson(parcel)).isEqualTo(parcel);
    }

    static Object newParcelV1(String id, double weightKg) throws Exception {
        Class<?> v1 = Class.forName("dev.stele.it.events.ParcelShippedV1");
        var constructor = v1.getDeclaredConstructor(String.class, double.class);
        constructor.setAccessible(true);
        return constructor.newInstance(id, weightKg);
    }

    private static Object decodeJson(Object event) {
        SerializedEvent json = CATALOG.toJson(event);
        return CATALOG.fromJson(json.name(), json.version(), json.payload());
    }

    private static Everything withPrice(BigDecimal price) {
        Everything e = Samples.everything();
        return new Everything(e.account(), e.flag(), e.count(), e.amountMinor(), e.ratio(), e.measure(),
                e.boxedFlag(), e.boxedCount(), e.boxedAmount(), e.boxedRatio(), e.boxedMeasure(), e.text(), e.at(),
                e.day(), e.localAt(), e.id(), price, e.blob(), e.color(), e.maybeText(), e.maybeMoney(),
                e.nullableText(), e.nullableAddress(), e.tags(), e.numbers(), e.counters(), e.nested(),
                e.addressBook(), e.weights(), e.palette(), e.related(), e.address(), e.total());
    }

    private static Everything withAt(Instant at) {
        Everything e = Samples.everything();
        return new Everything(e.account(), e.flag(), e.count(), e.amountMinor(), e.ratio(), e.measure(),
                e.boxedFlag(), e.boxedCount(), e.boxedAmount(), e.boxedRatio(), e.boxedMeasure(), e.text(), at,
                e.day(), e.localAt(), e.id(), e.price(), e.blob(), e.color(), e.maybeText(), e.maybeMoney(),
                e.nullableText(), e.nullableAddress(), e.tags(), e.numbers(), e.counters(), e.nested(),
                e.addressBook(), e.weights(), e.palette(), e.related(), e.address(), e.total());
    }
}
