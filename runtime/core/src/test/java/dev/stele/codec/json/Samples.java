package dev.stele.codec.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.stele.codec.json.Everything.Channel;
import dev.stele.codec.json.Everything.Line;
import dev.stele.spi.codec.Decimals;
import dev.stele.spi.codec.Temporals;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Sample events, this package's codec run on them, and what Jackson writes for the same values. */
final class Samples {

    private Samples() {
    }

    static Everything everything() {
        Map<String, Integer> attributes = new LinkedHashMap<>();
        attributes.put("colour", 3);
        attributes.put("size", -12);
        return new Everything(true, 42, 9_007_199_254_740_993L, 1.5f, -0.125, "Order for Zoë",
                Instant.parse("2026-11-26T09:30:00.123456Z"), LocalDate.of(2026, 11, 26),
                LocalDateTime.of(2026, 11, 26, 9, 30, 0, 5), UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
                new byte[] {0, 1, 2, -1, 127}, new BigDecimal("1234.50"), Channel.STORE, Optional.of("leave at door"),
                null, List.of(new Line("A-1", 2, new BigDecimal("9.99")), new Line("B-2", 1, new BigDecimal("0.50")),
                        new Line("C-3", 12, new BigDecimal("100.00"))),
                new LinkedHashSet<>(List.of("new", "gift")), attributes);
    }

    static Everything withText(String text) {
        Everything e = everything();
        return new Everything(e.flag(), e.count(), e.total(), e.ratio(), e.score(), text, e.at(), e.day(), e.local(),
                e.id(), e.data(), e.amount(), e.channel(), e.note(), e.nickname(), e.lines(), e.tags(), e.attributes());
    }

    static Everything withLines(List<Line> lines) {
        Everything e = everything();
        return new Everything(e.flag(), e.count(), e.total(), e.ratio(), e.score(), e.text(), e.at(), e.day(),
                e.local(), e.id(), e.data(), e.amount(), e.channel(), e.note(), e.nickname(), lines, e.tags(),
                e.attributes());
    }

    static byte[] encode(Everything value) {
        JsonRecordWriter out = new JsonRecordWriter();
        try {
            Everything.write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Everything decode(byte[] json) {
        JsonRecordReader in = new JsonRecordReader(json, 0, json.length);
        try {
            Everything value = Everything.read(in);
            in.expectEnd();
            return value;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Everything decode(String json) {
        return decode(utf8(json));
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(byte[] utf8) {
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** What Jackson's generator from {@code factory} writes for {@code value}, field by field as Stele's JSON codecs did. */
    static byte[] jackson(JsonFactory factory, Everything value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JsonGenerator out = factory.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeBooleanField("flag", value.flag());
            out.writeNumberField("count", value.count());
            out.writeNumberField("total", value.total());
            out.writeFieldName("ratio");
            if (Float.isFinite(value.ratio())) {
                out.writeNumber(value.ratio());
            } else {
                out.writeString(Float.toString(value.ratio()));
            }
            out.writeFieldName("score");
            if (Double.isFinite(value.score())) {
                out.writeNumber(value.score());
            } else {
                out.writeString(Double.toString(value.score()));
            }
            out.writeStringField("text", value.text());
            out.writeStringField("at", Temporals.formatInstant(value.at()));
            out.writeStringField("day", value.day().toString());
            out.writeStringField("local", value.local().toString());
            out.writeStringField("id", value.id().toString());
            out.writeBinaryField("data", value.data());
            out.writeFieldName("amount");
            out.writeNumber(Decimals.fit(value.amount(), 12, 2).toPlainString());
            out.writeStringField("channel", value.channel().name());
            out.writeFieldName("note");
            if (value.note().isPresent()) {
                out.writeString(value.note().get());
            } else {
                out.writeNull();
            }
            out.writeFieldName("nickname");
            if (value.nickname() != null) {
                out.writeString(value.nickname());
            } else {
                out.writeNull();
            }
            out.writeArrayFieldStart("lines");
            for (Line line : value.lines()) {
                out.writeStartObject();
                out.writeStringField("sku", line.sku());
                out.writeNumberField("quantity", line.quantity());
                out.writeFieldName("unitPrice");
                out.writeNumber(Decimals.fit(line.unitPrice(), 12, 2).toPlainString());
                out.writeEndObject();
            }
            out.writeEndArray();
            out.writeArrayFieldStart("tags");
            for (String tag : value.tags()) {
                out.writeString(tag);
            }
            out.writeEndArray();
            out.writeObjectFieldStart("attributes");
            for (Map.Entry<String, Integer> entry : value.attributes().entrySet()) {
                out.writeNumberField(entry.getKey(), entry.getValue());
            }
            out.writeEndObject();
            out.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code actual} equals {@code expected}, its bytes and the order of its collections included. */
    static void assertSameEvent(Everything actual, Everything expected) {
        assertThat(actual.data()).isEqualTo(expected.data());
        assertThat(actual.tags()).containsExactlyElementsOf(expected.tags());
        assertThat(actual.attributes()).containsExactlyEntriesOf(expected.attributes());
        assertThat(withData(actual, null)).isEqualTo(withData(expected, null));
    }

    static Everything withData(Everything e, byte[] data) {
        return new Everything(e.flag(), e.count(), e.total(), e.ratio(), e.score(), e.text(), e.at(), e.day(),
                e.local(), e.id(), data, e.amount(), e.channel(), e.note(), e.nickname(), e.lines(), e.tags(),
                e.attributes());
    }

    static Set<String> tags(String... tags) {
        return new LinkedHashSet<>(List.of(tags));
    }
}
