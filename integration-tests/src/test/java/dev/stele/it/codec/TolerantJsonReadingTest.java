package dev.stele.it.codec;

import static dev.stele.it.codec.Samples.CATALOG;
import static dev.stele.it.codec.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stele.catalog.EventDecodingException;
import dev.stele.catalog.Format;
import dev.stele.it.events.ProfileUpdated;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** JSON readers are tolerant exactly as Avro schema resolution is. */
class TolerantJsonReadingTest {

    private static final String MINIMAL = "{\"userId\":\"u-1\",\"displayName\":\"Ada\",\"status\":\"ACTIVE\"}";

    @Test
    void missingFieldsTakeTheirDefaultsAndOptionalsAreEmpty() {
        ProfileUpdated profile = read(MINIMAL);

        assertThat(profile).isEqualTo(new ProfileUpdated("u-1", "Ada", "en", 3,
                Instant.parse("2024-01-31T10:15:30Z"), LocalDate.of(2024, 1, 31),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), new BigDecimal("9.90"), List.of(), Map.of(),
                ProfileUpdated.Tier.STANDARD, ProfileUpdated.Status.ACTIVE, Optional.empty()));
    }

    @Test
    void unknownFieldsOfAnyShapeAreSkipped() {
        ProfileUpdated profile = read("{\"future\":{\"a\":[1,{\"b\":null}],\"c\":\"d\"},\"userId\":\"u-1\","
                + "\"list\":[[],[{}]],\"displayName\":\"Ada\",\"n\":1.5e10,\"status\":\"ACTIVE\",\"t\":true}");

        assertThat(profile.userId()).isEqualTo("u-1");
        assertThat(profile.displayName()).isEqualTo("Ada");
        assertThat(profile.status()).isEqualTo(ProfileUpdated.Status.ACTIVE);
    }

    @Test
    void fieldsMayComeInAnyOrder() {
        assertThat(read("{\"status\":\"ACTIVE\",\"displayName\":\"Ada\",\"userId\":\"u-1\"}"))
                .isEqualTo(read(MINIMAL));
    }

    @Test
    void aliasesOfARenamedFieldAreAccepted() {
        assertThat(read("{\"userId\":\"u-1\",\"name\":\"Ada\",\"status\":\"ACTIVE\"}").displayName()).isEqualTo("Ada");
        assertThat(read("{\"userId\":\"u-1\",\"fullName\":\"Ada\",\"status\":\"ACTIVE\"}").displayName())
                .isEqualTo("Ada");
    }

    @Test
    void nullAndAbsentAreBothAnEmptyOptional() {
        assertThat(read(MINIMAL.replace("}", ",\"bio\":null}")).bio()).isEmpty();
        assertThat(read(MINIMAL.replace("}", ",\"bio\":\"hi\"}")).bio()).contains("hi");
    }

    @Test
    void anUnknownEnumSymbolTakesTheFieldsDefault() {
        assertThat(read(MINIMAL.replace("}", ",\"tier\":\"PLATINUM\"}")).tier()).isEqualTo(ProfileUpdated.Tier.STANDARD);
    }

    @Test
    void anUnknownEnumSymbolWithoutDefaultIsADecodingError() {
        assertThatThrownBy(() -> read(MINIMAL.replace("ACTIVE", "DELETED")))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.fieldPath()).isEqualTo("status");
                    assertThat(e.reason()).contains("'DELETED' is not a symbol of Status");
                    assertThat(e.format()).isEqualTo(Format.JSON);
                });
    }

    @Test
    void aMissingRequiredFieldWithoutDefaultIsADecodingErrorNamingIt() {
        assertThatThrownBy(() -> read("{\"userId\":\"u-1\",\"status\":\"ACTIVE\"}"))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.eventName()).isEqualTo("ProfileUpdated");
                    assertThat(e.version()).isEqualTo(1);
                    assertThat(e.fieldPath()).isEqualTo("displayName");
                    assertThat(e.reason()).contains("required field is missing");
                });
    }

    @Test
    void aMissingRequiredFieldOfANestedRecordIsNamedByItsPath() {
        String json = Samples.text(CATALOG.toJson(Samples.everything()).payload())
                .replace("{\"street\":\"2 Elm\",", "{");

        assertThatThrownBy(() -> CATALOG.fromJson("Everything", 1, utf8(json)))
                .isInstanceOfSatisfying(EventDecodingException.class,
                        e -> assertThat(e.fieldPath()).isEqualTo("addressBook.home[0].street"));
    }

    @Test
    void nullForARequiredFieldIsADecodingError() {
        assertThatThrownBy(() -> read(MINIMAL.replace("\"Ada\"", "null")))
                .isInstanceOfSatisfying(EventDecodingException.class, e -> {
                    assertThat(e.fieldPath()).isEqualTo("displayName");
                    assertThat(e.reason()).contains("null, but the field is required");
                });
    }

    private static ProfileUpdated read(String json) {
        return (ProfileUpdated) CATALOG.fromJson("ProfileUpdated", 1, utf8(json));
    }
}
