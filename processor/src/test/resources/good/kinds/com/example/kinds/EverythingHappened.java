package com.example.kinds;

import dev.stele.annotation.Alias;
import dev.stele.annotation.Decimal;
import dev.stele.annotation.Default;
import dev.stele.annotation.Event;
import dev.stele.annotation.StreamId;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Every supported kind of component, and components named like the generated code's own locals. */
@Event(name = "EverythingHappened", version = 3)
public record EverythingHappened(
        @StreamId Sku sku,
        boolean flag,
        int count,
        long total,
        float ratio,
        double score,
        Boolean boxedFlag,
        Integer boxedCount,
        Long boxedTotal,
        Float boxedRatio,
        Double boxedScore,
        String text,
        Instant at,
        LocalDate day,
        LocalDateTime localAt,
        UUID id,
        @Decimal(precision = 20, scale = 6) BigDecimal amount,
        byte[] payload,
        Priority priority,
        Optional<Instant> maybeAt,
        @Nullable String note,
        @Nullable Sku alternative,
        List<String> tags,
        Set<Priority> priorities,
        Map<String, Money> prices,
        List<List<Integer>> matrix,
        Map<String, List<Parcel>> parcelsByWarehouse,
        List<@Decimal(precision = 9, scale = 2) BigDecimal> amounts,
        List<byte[]> chunks,
        Parcel parcel,
        Optional<Parcel> returnParcel,
        Optional<Sku> replacement,
        Marker marker,
        @Default("true") boolean gift,
        @Default("3") int retries,
        @Default("-1") long limit,
        @Default("0.5") float share,
        @Default("2.5") double weight,
        @Default("n/a") String label,
        @Default("2024-01-31T10:15:30.123456Z") Instant since,
        @Default("2024-01-31") LocalDate from,
        @Default("2024-01-31T10:15:30") LocalDateTime localSince,
        @Default("123e4567-e89b-12d3-a456-426614174000") UUID ref,
        @Default("12.50") @Decimal(precision = 9, scale = 2) BigDecimal fee,
        @Default("AAEC") byte[] salt,
        @Default("FAST") Speed speed,
        @Default("[]") List<String> moreTags,
        @Default("{}") Map<String, Long> counters,
        @Default("SKU-0") Sku defaultSku,
        @Default("none") Optional<String> remark,
        @Alias({"old_name", "older_name"}) String renamed,
        String out,
        String in,
        String value,
        String field,
        String event,
        String reader,
        String writer,
        int hasCount) {
}
