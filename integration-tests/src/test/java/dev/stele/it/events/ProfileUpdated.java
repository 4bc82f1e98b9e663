package dev.stele.it.events;

import dev.stele.annotation.Alias;
import dev.stele.annotation.Decimal;
import dev.stele.annotation.Default;
import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Fields added with defaults, a renamed field, an enum with a default: what tolerant reading is about. */
@Event(name = "ProfileUpdated")
public record ProfileUpdated(
        @StreamId String userId,
        @Alias({"name", "fullName"}) String displayName,
        @Default("en") String language,
        @Default("3") int retries,
        @Default("2024-01-31T10:15:30Z") Instant since,
        @Default("2024-01-31") LocalDate birthday,
        @Default("123e4567-e89b-12d3-a456-426614174000") UUID avatar,
        @Default("9.90") @Decimal(precision = 6, scale = 2) BigDecimal fee,
        @Default("[]") List<String> interests,
        @Default("{}") Map<String, String> settings,
        @Default("STANDARD") Tier tier,
        Status status,
        Optional<String> bio) {

    public enum Tier {
        STANDARD, GOLD
    }

    public enum Status {
        ACTIVE, SUSPENDED
    }
}
