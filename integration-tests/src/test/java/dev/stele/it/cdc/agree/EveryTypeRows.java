package dev.stele.it.cdc.agree;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.stele.it.cdc.types.EveryTypeRow;
import dev.stele.it.cdc.types.Mood;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Tuple;

/** Random {@link EveryTypeRow} values over what both paths carry, for {@link BothPathsAgreeProperties}. */
final class EveryTypeRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EveryTypeRows() {
    }

    /**
     * Rows over each column's range as both paths carry it. Dates start in 1583: Debezium 3.6.1 writes a date
     * before the Gregorian calendar's start (1582-10-15) through {@code java.sql.Date}'s Julian calendar as
     * another day, which no mapping can undo; the slot's text would be right, so the paths would differ on
     * Debezium's side. Timestamps stay within what a Stele event holds (1678 to 2261: nanoseconds of a long),
     * at PostgreSQL's microsecond precision. Text holds no NUL, which PostgreSQL text cannot store; a name is now
     * and then long enough (up to 160 kB of UTF-8) to be stored compressed or out of line.
     */
    static Arbitrary<EveryTypeRow> rows() {
        return Builders.withBuilder(RowBuilder::new)
                .use(Arbitraries.of(true, false)).in((b, v) -> b.with(() -> b.flag = v))
                .use(Arbitraries.integers().between(Short.MIN_VALUE, Short.MAX_VALUE))
                .in((b, v) -> b.with(() -> b.small = v))
                .use(Arbitraries.integers()).in((b, v) -> b.with(() -> b.count = v))
                .use(floats()).in((b, v) -> b.with(() -> b.realValue = v))
                .use(doubles()).in((b, v) -> b.with(() -> b.doubleValue = v))
                .use(decimals(20, 6, 6)).in((b, v) -> b.with(() -> b.amount = v))
                .use(Arbitraries.integers().between(0, 12).flatMap(scale -> decimals(38, 12, scale)))
                .in((b, v) -> b.with(() -> b.freeAmount = v))
                .use(Arbitraries.frequencyOf(Tuple.of(9, text(40)), Tuple.of(1, text(40).map(t -> t.repeat(300)))))
                .in((b, v) -> b.with(() -> b.name = v))
                .use(text(10)).in((b, v) -> b.with(() -> b.code = v))
                .use(micros(Instant.parse("1678-01-01T00:00:00Z"), Instant.parse("2261-12-31T23:59:59.999999Z")))
                .in((b, v) -> b.with(() -> b.tz = v))
                .use(micros(Instant.parse("1678-01-01T00:00:00Z"), Instant.parse("2261-12-31T23:59:59.999999Z"))
                        .map(instant -> LocalDateTime.ofInstant(instant, ZoneOffset.UTC)))
                .in((b, v) -> b.with(() -> b.ts = v))
                .use(Arbitraries.longs().between(LocalDate.of(1583, 1, 1).toEpochDay(),
                        LocalDate.of(9999, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay))
                .in((b, v) -> b.with(() -> b.day = v))
                .use(Arbitraries.randomValue(random -> new UUID(random.nextLong(), random.nextLong())))
                .in((b, v) -> b.with(() -> b.ref = v))
                .use(jsonObjects()).in((b, v) -> b.with(() -> b.doc = v))
                .use(Arbitraries.bytes().array(byte[].class).ofMaxSize(40)).in((b, v) -> b.with(() -> b.raw = v))
                .use(Arbitraries.of(Mood.class)).in((b, v) -> b.with(() -> b.mood = v))
                .use(arrayText().list().ofMaxSize(6)).in((b, v) -> b.with(() -> b.tags = v))
                .use(Arbitraries.longs().list().ofMaxSize(6)).in((b, v) -> b.with(() -> b.numbers = v))
                .use(text(20).optional(0.5)).in((b, v) -> b.with(() -> b.note = v))
                .build(RowBuilder::build);
    }

    /** Every finite float: any bit pattern (subnormals, -0.0), plus jqwik's own spread of ordinary values. */
    private static Arbitrary<Float> floats() {
        return Arbitraries.oneOf(Arbitraries.integers().map(Float::intBitsToFloat).filter(Float::isFinite),
                Arbitraries.floats().between(-1e6f, 1e6f).ofScale(3),
                Arbitraries.of(-0.0f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE, Float.MIN_NORMAL, 0.1f));
    }

    private static Arbitrary<Double> doubles() {
        return Arbitraries.oneOf(Arbitraries.longs().map(Double::longBitsToDouble).filter(Double::isFinite),
                Arbitraries.doubles().between(-1e9, 1e9).ofScale(6),
                Arbitraries.of(-0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MIN_NORMAL, 0.1));
    }

    /** Decimals of up to {@code precision} digits at {@code scale}, of every magnitude (up to {@code maxScale}). */
    private static Arbitrary<BigDecimal> decimals(int precision, int maxScale, int scale) {
        int digits = precision - maxScale + scale;
        return Arbitraries.integers().between(1, digits).flatMap(length -> Arbitraries.strings().numeric()
                .ofLength(length)).flatMap(unscaled -> Arbitraries.of(1, -1)
                .map(sign -> new BigDecimal(new BigInteger(unscaled).multiply(BigInteger.valueOf(sign)), scale)));
    }

    /** Any unicode text of up to {@code max} code points, without NUL and lone surrogates. */
    private static Arbitrary<String> text(int max) {
        Arbitrary<Integer> codePoints = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.integers().between(0x20, 0x7e)),
                Tuple.of(2, Arbitraries.integers().between(1, 0x1f)),
                Tuple.of(3, Arbitraries.integers().between(0x80, 0xffff)),
                Tuple.of(2, Arbitraries.integers().between(0x10000, 0x10ffff)));
        return codePoints.filter(cp -> cp < 0xd800 || cp > 0xdfff).list().ofMaxSize(max)
                .map(list -> list.stream().collect(StringBuilder::new, StringBuilder::appendCodePoint,
                        StringBuilder::append).toString());
    }

    /** Array elements: any text, and the ones an array's text form must quote or escape. */
    private static Arbitrary<String> arrayText() {
        return Arbitraries.oneOf(text(12), Arbitraries.of("", "NULL", "null", "a,b", "\"", "\\", "{", "}", "{a,b}",
                " padded ", "\\\"", "x\\y\"z", "ü \"q\", {b}"));
    }

    private static Arbitrary<Instant> micros(Instant from, Instant to) {
        long first = ChronoUnit.MICROS.between(Instant.EPOCH, from);
        long last = ChronoUnit.MICROS.between(Instant.EPOCH, to);
        return Arbitraries.longs().between(first, last).map(micros -> Instant.EPOCH.plus(micros, ChronoUnit.MICROS));
    }

    /** Small JSON objects: scalars of each kind, arrays and one level of nesting; keys and strings any text. */
    private static Arbitrary<String> jsonObjects() {
        Arbitrary<Object> scalar = Arbitraries.oneOf(text(8).map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast), decimals(20, 6, 3).map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast), Arbitraries.just(null));
        Arbitrary<Object> value = Arbitraries.oneOf(scalar, scalar.list().ofMaxSize(3).map(Object.class::cast),
                Arbitraries.maps(text(6), scalar).ofMaxSize(3).map(Object.class::cast));
        return Arbitraries.maps(text(8), value).ofMaxSize(4).map(map -> {
            try {
                return JSON.writeValueAsString(map);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static final class RowBuilder {
        boolean flag;
        int small;
        int count;
        float realValue;
        double doubleValue;
        BigDecimal amount;
        BigDecimal freeAmount;
        String name;
        String code;
        Instant tz;
        LocalDateTime ts;
        LocalDate day;
        UUID ref;
        String doc;
        byte[] raw;
        Mood mood;
        List<String> tags;
        List<Long> numbers;
        Optional<String> note;

        RowBuilder with(Runnable set) {
            set.run();
            return this;
        }

        EveryTypeRow build() {
            return new EveryTypeRow(0, flag, small, count, realValue, doubleValue, amount, freeAmount, name, code, tz,
                    ts, day, ref, doc, raw, mood, tags, numbers, note);
        }
    }

}
