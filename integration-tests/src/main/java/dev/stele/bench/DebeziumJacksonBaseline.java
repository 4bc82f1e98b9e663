package dev.stele.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.annotation.Operation;
import dev.stele.cdc.ChangeSource;
import dev.stele.cdc.RowChange;
import dev.stele.projection.Lsn;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * What a careful user writes by hand to read {@link BenchCustomerRow} from Debezium's JSON: Jackson databind's
 * tree ({@code ObjectMapper.readTree}), then each column converted as Debezium's defaults encode it
 * ({@code decimal.handling.mode=precise}: the unscaled value's big-endian two's complement in base64, the scale
 * from the schema when there is one, else the column's declared 2; {@code time.precision.mode=adaptive}:
 * {@code timestamp} as microseconds since 1970, {@code date} as days; {@code timestamptz} as ISO-8601 text),
 * the operation and {@code source} block read from the same tree, into the same {@link RowChange} Stele returns.
 * It trusts the message: no check that a column is present, of its type, or that the schema is the expected one.
 */
final class DebeziumJacksonBaseline {

    /** The scale {@code numeric(12,2)} has, for messages without a schema. */
    private static final int BALANCE_SCALE = 2;

    private final ObjectMapper mapper = new ObjectMapper();
    private final boolean envelope;

    /** {@code envelope}: whether the converter writes {@code {"schema":…,"payload":…}} ({@code schemas.enable}). */
    DebeziumJacksonBaseline(boolean envelope) {
        this.envelope = envelope;
    }

    RowChange read(byte[] value) throws IOException {
        JsonNode root = mapper.readTree(value);
        JsonNode payload = envelope ? root.get("payload") : root;
        int scale = envelope ? balanceScale(root.get("schema")) : BALANCE_SCALE;
        Operation operation = switch (payload.get("op").textValue()) {
            case "c" -> Operation.INSERT;
            case "u" -> Operation.UPDATE;
            case "r" -> Operation.SNAPSHOT;
            default -> throw new IllegalArgumentException("not an insert, update or snapshot read: " + payload.get("op"));
        };
        JsonNode after = payload.get("after");
        JsonNode name = after.get("name");
        long micros = after.get("last_seen").longValue();
        JsonNode tags = after.get("tags");
        List<String> tagList = new ArrayList<>(tags.size());
        for (JsonNode tag : tags) {
            tagList.add(tag.textValue());
        }
        BenchCustomerRow row = new BenchCustomerRow(
                after.get("id").longValue(),
                after.get("email").textValue(),
                name == null || name.isNull() ? Optional.empty() : Optional.of(name.textValue()),
                Instant.parse(after.get("created_at").textValue()),
                LocalDateTime.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                        (int) Math.floorMod(micros, 1_000_000L) * 1_000, ZoneOffset.UTC),
                LocalDate.ofEpochDay(after.get("birthday").intValue()),
                new BigDecimal(new BigInteger(Base64.getDecoder().decode(after.get("balance").textValue())), scale),
                UUID.fromString(after.get("external_ref").textValue()),
                CustomerTier.valueOf(after.get("tier").textValue()),
                tagList,
                after.get("active").booleanValue(),
                after.get("login_count").intValue(),
                after.get("preferences").textValue());
        JsonNode source = payload.get("source");
        JsonNode lsn = source.get("lsn");
        JsonNode txId = source.get("txId");
        return new RowChange(operation, row, new ChangeSource(
                source.get("schema").textValue() + "." + source.get("table").textValue(),
                lsn == null || lsn.isNull() ? Optional.empty() : Optional.of(new Lsn(lsn.longValue())),
                txId == null || txId.isNull() ? OptionalLong.empty() : OptionalLong.of(txId.longValue()),
                Optional.of(Instant.ofEpochMilli(source.get("ts_ms").longValue())),
                !"false".equals(source.get("snapshot").textValue())));
    }

    /** {@code balance}'s scale as the schema of {@code after} says it. */
    private static int balanceScale(JsonNode schema) {
        for (JsonNode part : schema.get("fields")) {
            if ("after".equals(part.get("field").textValue())) {
                for (JsonNode column : part.get("fields")) {
                    if ("balance".equals(column.get("field").textValue())) {
                        return Integer.parseInt(column.get("parameters").get("scale").textValue());
                    }
                }
            }
        }
        throw new IllegalArgumentException("no balance column in the schema of after");
    }
}
