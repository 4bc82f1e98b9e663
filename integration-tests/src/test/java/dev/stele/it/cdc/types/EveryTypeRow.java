package dev.stele.it.cdc.types;

import dev.stele.annotation.Decimal;
import dev.stele.annotation.Event;
import dev.stele.annotation.FromTable;
import dev.stele.annotation.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A row of {@code it_every_type}: a column of every type a component takes. */
@Event(name = "ItEveryTypeRow")
@FromTable(table = "public.it_every_type", operations = {Operation.INSERT, Operation.UPDATE, Operation.SNAPSHOT})
public record EveryTypeRow(long id, boolean flag, int small, int count, float realValue, double doubleValue,
        @Decimal(precision = 20, scale = 6) BigDecimal amount,
        @Decimal(precision = 38, scale = 12) BigDecimal freeAmount,
        String name, String code, Instant tz, LocalDateTime ts, LocalDate day, UUID ref, String doc, byte[] raw,
        Mood mood, List<String> tags, List<Long> numbers, Optional<String> note) {

    /** Every component as text, the bytes by content: records holding arrays compare by identity. */
    public String describe() {
        return String.join(" | ", List.of(Long.toString(id), Boolean.toString(flag), Integer.toString(small),
                Integer.toString(count), Float.toString(realValue), Double.toString(doubleValue), amount.toPlainString(),
                freeAmount.toPlainString(), name, code, tz.toString(), ts.toString(), day.toString(), ref.toString(),
                doc.length() > 60 ? doc.substring(0, 60) + "…(" + doc.length() + ")" : doc, Arrays.toString(raw),
                mood.name(), tags.toString(), numbers.toString(), note.toString()));
    }
}
