package dev.stele.processor.parse;

import com.fasterxml.jackson.core.Base64Variants;
import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.DefaultValue;
import dev.stele.processor.model.DefaultValue.Kind;
import dev.stele.processor.model.DefaultValue.Literal;
import dev.stele.processor.model.ScalarKind;
import dev.stele.processor.model.TypeMapping;
import dev.stele.spi.codec.CodecFailure;
import dev.stele.spi.codec.Decimals;
import dev.stele.spi.codec.Strings;
import dev.stele.spi.codec.Temporals;
import dev.stele.spi.codec.Uuids;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.RecordComponentElement;

/**
 * Parses a {@code @Default} text as the field's type reads it, with the code the runtime's JSON reader
 * uses ({@link Temporals}, {@link Decimals}, {@link Uuids}, Jackson's Base64), into the value the JSON
 * reader fills in and the value the Avro schema declares, computed as the Avro writer computes it. So a
 * default means what the same text means in data, in both formats, to the nanosecond and the last digit.
 */
final class DefaultValueParser {

    /** A parsed default, or why the text is not one. */
    private record Parsed(Literal literal, Object avroValue, String problem) {

        static Parsed of(Kind kind, String canonical, Object avroValue) {
            return new Parsed(new Literal(kind, canonical), avroValue, null);
        }

        static Parsed problem(String problem) {
            return new Parsed(null, null, problem);
        }
    }

    private final Mirrors mirrors;
    private final Diagnostics diagnostics;

    DefaultValueParser(Mirrors mirrors, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.diagnostics = diagnostics;
    }

    /** The component's {@code @Default}, if it has one that parses; reports one that does not. */
    Optional<DefaultValue> parse(RecordComponentElement component, TypeMapping type) {
        Optional<AnnotationMirror> annotation = Components.annotation(component, AnnotationNames.DEFAULT);
        if (annotation.isEmpty()) {
            return Optional.empty();
        }
        AnnotationMirror mirror = annotation.get();
        AnnotationValue written = Mirrors.explicitValue(mirror, "value");
        String text = mirrors.string(mirror, "value");
        Optional<Parsed> parsed = parse(text, type.unwrapped());
        if (parsed.isEmpty()) {
            diagnostics.error(Message.DEFAULT_UNSUPPORTED, component, mirror, component.getSimpleName(),
                    TypeNames.describe(type));
            return Optional.empty();
        }
        if (parsed.get().problem() != null) {
            diagnostics.error(Message.DEFAULT_INVALID, component, mirror, written, text, TypeNames.describe(type),
                    parsed.get().problem());
            return Optional.empty();
        }
        return Optional.of(new DefaultValue(text, parsed.get().literal(), parsed.get().avroValue(), mirror, written));
    }

    /** The value of {@code text} as {@code type}; empty for a type that takes no default. */
    private static Optional<Parsed> parse(String text, TypeMapping type) {
        if (type instanceof TypeMapping.Scalar scalar) {
            return Optional.of(scalar(text, scalar.kind()));
        }
        if (type instanceof TypeMapping.Decimal decimal) {
            return Optional.of(decimal(text, decimal));
        }
        if (type instanceof TypeMapping.Enumeration enumeration) {
            if (!enumeration.symbols().contains(text)) {
                return Optional.of(Parsed.problem("it is not a constant of " + enumeration.element().getSimpleName()
                        + " (" + String.join(", ", enumeration.symbols()) + ")"));
            }
            return Optional.of(Parsed.of(Kind.ENUM_CONSTANT, text, text));
        }
        if (type instanceof TypeMapping.Sequence sequence) {
            if (!text.strip().equals("[]")) {
                return Optional.of(Parsed.problem("a collection's default can only be empty: write \"[]\""));
            }
            return Optional.of(Parsed.of(sequence.set() ? Kind.EMPTY_SET : Kind.EMPTY_LIST, "[]", List.of()));
        }
        if (type instanceof TypeMapping.StringMap) {
            if (!text.strip().equals("{}")) {
                return Optional.of(Parsed.problem("a map's default can only be empty: write \"{}\""));
            }
            return Optional.of(Parsed.of(Kind.EMPTY_MAP, "{}", Map.of()));
        }
        return Optional.empty();
    }

    private static Parsed scalar(String text, ScalarKind kind) {
        try {
            switch (kind) {
                case STRING:
                    return Parsed.of(Kind.STRING, Strings.wellFormed(text), text);
                case BOOLEAN:
                    if (!text.equals("true") && !text.equals("false")) {
                        return Parsed.problem("write true or false");
                    }
                    return Parsed.of(Kind.BOOLEAN, text, Boolean.parseBoolean(text));
                case INT: {
                    int value = Integer.parseInt(text);
                    return Parsed.of(Kind.INT, Integer.toString(value), value);
                }
                case LONG: {
                    long value = Long.parseLong(text);
                    return Parsed.of(Kind.LONG, Long.toString(value), value);
                }
                case FLOAT: {
                    float value = Float.parseFloat(text);
                    if (!Float.isFinite(value)) {
                        return Parsed.problem("a default must be a finite number (JSON has no NaN or Infinity)");
                    }
                    return Parsed.of(Kind.FLOAT, Float.toString(value), value);
                }
                case DOUBLE: {
                    double value = Double.parseDouble(text);
                    if (!Double.isFinite(value)) {
                        return Parsed.problem("a default must be a finite number (JSON has no NaN or Infinity)");
                    }
                    return Parsed.of(Kind.DOUBLE, Double.toString(value), value);
                }
                case UUID: {
                    UUID value = Uuids.parse(text);
                    return Parsed.of(Kind.UUID, value.toString(), value.toString());
                }
                case BYTES:
                    return bytes(text);
                default:
                    return time(text, kind);
            }
        } catch (NumberFormatException e) {
            return Parsed.problem("it is not a number of that type");
        } catch (CodecFailure e) {
            return Parsed.problem(e.reason());
        }
    }

    /** As the runtime's JSON reader parses the text, and as its Avro writer stores the value. */
    private static Parsed time(String text, ScalarKind kind) {
        try {
            switch (kind) {
                case INSTANT: {
                    Instant value = Temporals.parseInstant(text);
                    return Parsed.of(Kind.INSTANT, value.toString(), Temporals.toEpochNanos(value));
                }
                case LOCAL_DATE: {
                    LocalDate value = Temporals.parseLocalDate(text);
                    return Parsed.of(Kind.LOCAL_DATE, value.toString(), Temporals.toEpochDays(value));
                }
                case LOCAL_DATE_TIME: {
                    LocalDateTime value = Temporals.parseLocalDateTime(text);
                    return Parsed.of(Kind.LOCAL_DATE_TIME, value.toString(), Temporals.toLocalNanos(value));
                }
                default:
                    throw new AssertionError(kind);
            }
        } catch (CodecFailure e) {
            // the runtime's reason, unless the text is no date at all: then say what one looks like
            return Parsed.problem(isIsoText(text, kind) ? e.reason() : "it is not ISO-8601 (" + example(kind) + ")");
        }
    }

    /** Whether {@code text} has the shape of the kind's ISO-8601 text, whatever the range and precision. */
    private static boolean isIsoText(String text, ScalarKind kind) {
        try {
            switch (kind) {
                case INSTANT:
                    OffsetDateTime.parse(text);
                    break;
                case LOCAL_DATE:
                    LocalDate.parse(text);
                    break;
                default:
                    LocalDateTime.parse(text);
                    break;
            }
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String example(ScalarKind kind) {
        switch (kind) {
            case INSTANT:
                return "such as 2024-01-31T10:15:30Z";
            case LOCAL_DATE:
                return "such as 2024-01-31";
            default:
                return "such as 2024-01-31T10:15:30";
        }
    }

    /** Base64 as the runtime's JSON reader takes it: Jackson's default variant. */
    private static Parsed bytes(String text) {
        byte[] value;
        try {
            value = Base64Variants.getDefaultVariant().decode(text);
        } catch (IllegalArgumentException e) {
            return Parsed.problem("it is not Base64: " + e.getMessage());
        }
        return Parsed.of(Kind.BYTES, Base64.getEncoder().encodeToString(value), value);
    }

    private static Parsed decimal(String text, TypeMapping.Decimal decimal) {
        try {
            BigDecimal value = Decimals.fit(Decimals.parse(text), decimal.precision(), decimal.scale());
            return Parsed.of(Kind.DECIMAL, value.toPlainString(),
                    Decimals.toBytes(value, decimal.precision(), decimal.scale()));
        } catch (CodecFailure e) {
            return Parsed.problem(e.reason());
        }
    }
}
