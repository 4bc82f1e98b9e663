package dev.stele.it.codec;

import static dev.stele.it.codec.Samples.CATALOG;
import static dev.stele.it.codec.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.EventEncodingException;
import dev.stele.catalog.Format;
import dev.stele.catalog.UnknownEventException;
import dev.stele.catalog.UnknownSchemaException;
import dev.stele.it.events.Everything.Address;
import dev.stele.it.events.Everything;
import dev.stele.it.events.ParcelShipped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every way an event can fail to encode or decode raises its typed error, naming event, version and field. */
class TypedErrorsTest {

    @ParameterizedTest
    @EnumSource(Format.class)
    void aNullRequiredFieldCannotBeEncoded(Format format) {
        ParcelShipped parcel = new ParcelShipped("p-1", 1, null, Instant.EPOCH, false);

        assertThatThrownBy(() -> encode(format, parcel))
                .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                    assertThat(e.eventName()).isEqualTo("ParcelShipped");
                    assertThat(e.version()).isEqualTo(3);
                    assertThat(e.format()).isEqualTo(format);
                    assertThat(e.fieldPath()).isEqualTo("carrier");
                    assertThat(e.reason()).contains("is null, which the field does not take: a required field needs a value");
                });
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aNestedNullIsNamedByItsPath(Format format) {
        Everything event = with(Samples.everything(), e -> new Address("4 Pine", null, Optional.empty(), List.of()));

        assertThatThrownBy(() -> encode(format, event))
                .isInstanceOfSatisfying(EventEncodingException.class,
                        e -> assertThat(e.fieldPath()).isEqualTo("address.city"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aNullCollectionElementCannotBeEncoded(Format format) {
        Everything e = Samples.everything();
        Everything event = new Everything(e.account(), e.flag(), e.count(), e.amountMinor(), e.ratio(), e.measure(),
                e.boxedFlag(), e.boxedCount(), e.boxedAmount(), e.boxedRatio(), e.boxedMeasure(), e.text(), e.at(),
                e.day(), e.localAt(), e.id(), e.price(), e.blob(), e.color(), e.maybeText(), e.maybeMoney(),
                e.nullableText(), e.nullableAddress(), Arrays.asList("a", null), e.numbers(), e.counters(),
                e.nested(), e.addressBook(), e.weights(), e.palette(), e.related(), e.address(), e.total());

        assertThatThrownBy(() -> encode(format, event))
                .isInstanceOfSatisfying(EventEncodingException.class,
                        error -> assertThat(error.fieldPath()).isEqualTo("tags[1]"));
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void anInstantBeyondTheNanosecondRangeIsNotMoved(Format format) {
        for (Instant beyond : List.of(Instant.parse("1677-09-21T00:12:43.145224191Z"),
                Instant.parse("2262-04-11T23:47:16.854775808Z"))) {
            ParcelShipped parcel = new ParcelShipped("p-1", 1, "DHL", beyond, false);

            assertThatThrownBy(() -> encode(format, parcel))
                    .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                        assertThat(e.fieldPath()).isEqualTo("shippedAt");
                        assertThat(e.reason()).isEqualTo(beyond + " is outside the range of a timestamp in nanoseconds"
                                + " (1677-09-21T00:12:43.145224192Z to 2262-04-11T23:47:16.854775807Z)");
                    });
        }
    }

    @Test
    void anInstantBeyondTheRangeIsRefusedOnReadingJsonAsWritingRefusesIt() {
        String json = Samples.text(CATALOG.toJson(new ParcelShipped("p-1", 1, "DHL", Instant.EPOCH, true)).payload())
                .replace("1970-01-01T00:00:00Z", "2262-04-11T23:47:16.854775808Z");

        assertThatThrownBy(() -> CATALOG.fromJson("ParcelShipped", 3, utf8(json)))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.fieldPath()).isEqualTo("shippedAt");
                    assertThat(e.reason()).contains("outside the range of a timestamp in nanoseconds");
                });
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void aDecimalIsNeverRounded(Format format) {
        Everything e = Samples.everything();
        Everything event = new Everything(e.account(), e.flag(), e.count(), e.amountMinor(), e.ratio(), e.measure(),
                e.boxedFlag(), e.boxedCount(), e.boxedAmount(), e.boxedRatio(), e.boxedMeasure(), e.text(), e.at(),
                e.day(), e.localAt(), e.id(), new BigDecimal("0.125"), e.blob(), e.color(), e.maybeText(),
                e.maybeMoney(), e.nullableText(), e.nullableAddress(), e.tags(), e.numbers(), e.counters(),
                e.nested(), e.addressBook(), e.weights(), e.palette(), e.related(), e.address(), e.total());

        assertThatThrownBy(() -> encode(format, event))
                .isInstanceOfSatisfying(EventEncodingException.class, error -> {
                    assertThat(error.fieldPath()).isEqualTo("price");
                    assertThat(error.reason()).contains("more than 2 digits after the decimal point");
                });
    }

    @ParameterizedTest
    @EnumSource(Format.class)
    void anUnpairedSurrogateIsNotReplaced(Format format) {
        ParcelShipped parcel = new ParcelShipped("p-1", 1, "bad \uD800 text", Instant.EPOCH, false);

        assertThatThrownBy(() -> encode(format, parcel))
                .isInstanceOfSatisfying(EventEncodingException.class, e -> {
                    assertThat(e.fieldPath()).isEqualTo("carrier");
                    assertThat(e.reason()).contains("unpaired surrogate");
                });
    }

    @Test
    void anObjectThatIsNotAnEventIsAnUnknownEvent() {
        assertThatThrownBy(() -> CATALOG.toJson("just a string"))
                .isInstanceOfSatisfying(UnknownEventException.class, e -> {
                    assertThat(e.javaType()).contains("java.lang.String");
                    assertThat(e).hasMessageContaining("annotationProcessorPaths");
                });
    }

    @Test
    void anUnknownNameIsAnUnknownEvent() {
        assertThatThrownBy(() -> CATALOG.fromJson("NoSuchEvent", 1, utf8("{}")))
                .isInstanceOf(UnknownEventException.class)
                .hasMessageContaining("no version of NoSuchEvent is known");
    }

    @Test
    void aLoneSurrogateEscapeIsRefusedOnReadingAsWritingRefusesIt() {
        String json = Samples.text(CATALOG.toJson(new ParcelShipped("p-1", 1, "DHL", Instant.EPOCH, true)).payload())
                .replace("\"p-1\"", "\"p-\\ud800\"");

        assertThatThrownBy(() -> CATALOG.fromJson("ParcelShipped", 3, utf8(json)))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.fieldPath()).isEqualTo("parcelId");
                    assertThat(e.reason()).isEqualTo("holds an unpaired surrogate (U+D800) at index 2, which UTF-8"
                            + " cannot encode");
                });
        String everything = Samples.text(CATALOG.toJson(Samples.everything()).payload())
                .replaceFirst("\"counters\":\\{\"", "\"counters\":{\"\\\\udc00");
        // a map key too, from bytes (Jackson refuses it) and from text (the reader does)
        assertThatThrownBy(() -> CATALOG.fromJson("Everything", 1, utf8(everything)))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> assertThat(e.reason())
                        .containsIgnoringCase("surrogate"));
        assertThatThrownBy(() -> CATALOG.fromJson("Everything", 1, everything))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> assertThat(e.reason())
                        .containsIgnoringCase("surrogate"));
        assertThatThrownBy(() -> CATALOG.fromJson("ParcelShipped", 3, json))
                .isInstanceOf(EventDecodingException.class);
    }

    @Test
    void malformedJsonIsADecodingErrorAtItsPosition() {
        assertThatThrownBy(() -> CATALOG.fromJson("ParcelShipped", 3, utf8("{\"parcelId\":\"p\",\"weightGrams\":12,,")))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.format()).isEqualTo(Format.JSON);
                    assertThat(e.reason()).startsWith("Unexpected character").endsWith("(line 1, column 34)");
                    assertThat(e).as("no Jackson location noise in the message or its causes")
                            .hasStackTraceContaining("line 1, column 34")
                            .satisfies(t -> assertThat(stackTrace(t)).doesNotContain("REDACTED", "Source:"));
                });
    }

    @Test
    void aNumberOutOfRangeIsADecodingError() {
        String json = Samples.text(CATALOG.toJson(Samples.everything()).payload())
                .replace("\"count\":-7", "\"count\":3000000000");

        assertThatThrownBy(() -> CATALOG.fromJson("Everything", 1, utf8(json)))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.fieldPath()).isEqualTo("count");
                    assertThat(e.reason()).contains("out of range for an int");
                });
    }

    @Test
    void contentAfterTheEventObjectIsADecodingError() {
        String json = Samples.text(CATALOG.toJson(new ParcelShipped("p", 1, "c", Instant.EPOCH, true)).payload());

        assertThatThrownBy(() -> CATALOG.fromJson("ParcelShipped", 3, utf8(json + " {}")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("unexpected content after the event object");
    }

    @Test
    void aPayloadThatIsNotAnObjectIsADecodingError() {
        assertThatThrownBy(() -> CATALOG.fromJson("ParcelShipped", 3, utf8("[1,2]")))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("expected an object, found an array");
    }

    @Test
    void avroWithoutTheSingleObjectHeaderIsADecodingError() {
        assertThatThrownBy(() -> CATALOG.fromAvro(new byte[] {1, 2, 3}))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.eventName()).isNull();
                    assertThat(e.getMessage()).isEqualTo("cannot decode an event from AVRO: not Avro single-object"
                            + " encoding: 3 bytes starting 01 02 03, but it must start with C3 01 and an 8-byte schema"
                            + " fingerprint");
                });
    }

    @Test
    void truncatedAvroIsADecodingErrorNamingTheField() {
        byte[] avro = CATALOG.toAvro(new ParcelShipped("p-1", 1, "DHL", Instant.EPOCH, true));

        assertThatThrownBy(() -> CATALOG.fromAvro(Arrays.copyOf(avro, avro.length - 2)))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.format()).isEqualTo(Format.AVRO);
                    assertThat(e.fieldPath()).isEqualTo("shippedAt");
                    assertThat(e.reason()).contains("the data ends before the value does");
                });
    }

    @Test
    void trailingAvroBytesAreADecodingError() {
        byte[] avro = CATALOG.toAvro(new ParcelShipped("p-1", 1, "DHL", Instant.EPOCH, true));

        assertThatThrownBy(() -> CATALOG.fromAvro(Arrays.copyOf(avro, avro.length + 2)))
                .isInstanceOf(EventDecodingException.class)
                .hasMessageContaining("2 bytes remain after the event");
    }

    @Test
    void anAvroLengthBeyondTheDataIsRejectedBeforeAllocating() {
        byte[] avro = CATALOG.toAvro(new ParcelShipped("p-1", 1, "DHL", Instant.EPOCH, true));
        byte[] hostile = Arrays.copyOf(avro, avro.length);
        hostile[10] = (byte) 0xfe;
        hostile[11] = (byte) 0xff;
        hostile[12] = (byte) 0xff;
        hostile[13] = (byte) 0xff;
        hostile[14] = (byte) 0x0f;

        assertThatThrownBy(() -> CATALOG.fromAvro(hostile))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.fieldPath()).isEqualTo("parcelId");
                    assertThat(e.reason()).contains("runs past the end of the data");
                });
    }

    @Test
    void anUnknownFingerprintIsAnUnknownSchema() {
        byte[] avro = CATALOG.toAvro(new ParcelShipped("p-1", 1, "DHL", Instant.EPOCH, true));
        avro[5] ^= 0x5a;

        assertThatThrownBy(() -> CATALOG.fromAvro(avro)).isInstanceOf(UnknownSchemaException.class);
    }

    private static Object encode(Format format, Object event) {
        return format == Format.JSON ? CATALOG.toJson(event) : CATALOG.toAvro(event);
    }

    private static Everything with(Everything e, Function<Everything, Address> address) {
        return new Everything(e.account(), e.flag(), e.count(), e.amountMinor(), e.ratio(), e.measure(),
                e.boxedFlag(), e.boxedCount(), e.boxedAmount(), e.boxedRatio(), e.boxedMeasure(), e.text(), e.at(),
                e.day(), e.localAt(), e.id(), e.price(), e.blob(), e.color(), e.maybeText(), e.maybeMoney(),
                e.nullableText(), e.nullableAddress(), e.tags(), e.numbers(), e.counters(), e.nested(),
                e.addressBook(), e.weights(), e.palette(), e.related(), address.apply(e), e.total());
    }

    private static String stackTrace(Throwable problem) {
        java.io.StringWriter trace = new java.io.StringWriter();
        problem.printStackTrace(new java.io.PrintWriter(trace));
        return trace.toString();
    }
}
