package dev.stele.processor.parse;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.DefaultValue;
import dev.stele.processor.model.DefaultValue.Kind;
import dev.stele.processor.model.DefaultValue.Literal;
import dev.stele.processor.model.ScalarKind;
import dev.stele.processor.model.TypeMapping;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * Parses a {@code @Default} text as the field's type reads it, into the value the JSON reader fills in
 * and the value the Avro schema declares, so both formats fill in the same value.
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
                    return Parsed.of(Kind.STRING, text, text);
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
                case INSTANT: {
                    Instant value = OffsetDateTime.parse(text).toInstant();
                    if (value.getNano() % 1000 != 0) {
                        return Parsed.problem("instants are stored to the microsecond");
                    }
                    long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L),
                            value.getNano() / 1000);
                    return Parsed.of(Kind.INSTANT, value.toString(), micros);
                }
                case LOCAL_DATE: {
                    LocalDate value = LocalDate.parse(text);
                    return Parsed.of(Kind.LOCAL_DATE, value.toString(), Math.toIntExact(value.toEpochDay()));
                }
                case LOCAL_DATE_TIME: {
                    LocalDateTime value = LocalDateTime.parse(text);
                    if (value.getNano() % 1000 != 0) {
                        return Parsed.problem("local date-times are stored to the microsecond");
                    }
                    long micros = Math.addExact(Math.multiplyExact(value.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
                            value.getNano() / 1000);
                    return Parsed.of(Kind.LOCAL_DATE_TIME, value.toString(), micros);
                }
                case UUID: {
                    UUID value = UUID.fromString(text);
                    if (!value.toString().equalsIgnoreCase(text)) {
                        return Parsed.problem("write the UUID in its 36-character form");
                    }
                    return Parsed.of(Kind.UUID, value.toString(), value.toString());
                }
                case BYTES: {
                    byte[] value = Base64.getDecoder().decode(text);
                    return Parsed.of(Kind.BYTES, text, value);
                }
                default:
                    throw new AssertionError(kind);
            }
        } catch (NumberFormatException e) {
            return Parsed.problem("it is not a number of that type");
        } catch (DateTimeParseException e) {
            return Parsed.problem("it is not ISO-8601 (" + example(kind) + ")");
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Parsed.problem(e.getMessage());
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

    private static Parsed decimal(String text, TypeMapping.Decimal decimal) {
        BigDecimal value;
        try {
            value = new BigDecimal(text).setScale(decimal.scale(), RoundingMode.UNNECESSARY);
        } catch (NumberFormatException e) {
            return Parsed.problem("it is not a decimal number");
        } catch (ArithmeticException e) {
            return Parsed.problem("it has more than " + decimal.scale() + " digits after the decimal point");
        }
        if (value.precision() > decimal.precision()) {
            return Parsed.problem("it needs more than " + decimal.precision() + " digits");
        }
        return Parsed.of(Kind.DECIMAL, value.toPlainString(), value.unscaledValue().toByteArray());
    }
}
