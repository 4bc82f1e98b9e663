package dev.stele.processor.parse;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
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
import java.util.UUID;

/**
 * Parses a {@code @Default} text as the field's type reads it, into the Java expression the JSON reader
 * assigns and the value the Avro schema declares, so both formats fill in the same value.
 */
final class DefaultValueParser {

    /** A parsed default, or why the text is not one. */
    record Parsed(CodeBlock javaValue, Object avroValue, String problem) {

        static Parsed of(CodeBlock javaValue, Object avroValue) {
            return new Parsed(javaValue, avroValue, null);
        }

        static Parsed problem(String problem) {
            return new Parsed(null, null, problem);
        }

        boolean isValid() {
            return problem == null;
        }
    }

    /** Thrown for a type that takes no default at all. */
    static final class NotSupported extends RuntimeException {

        private static final long serialVersionUID = 1L;

        NotSupported() {
            super(null, null, false, false);
        }
    }

    private DefaultValueParser() {
    }

    static Parsed parse(String text, TypeMapping type) {
        if (type instanceof TypeMapping.Scalar scalar) {
            return scalar(text, scalar);
        }
        if (type instanceof TypeMapping.Decimal decimal) {
            return decimal(text, decimal);
        }
        if (type instanceof TypeMapping.Enumeration enumeration) {
            if (!enumeration.symbols().contains(text)) {
                return Parsed.problem("it is not a constant of " + enumeration.javaType().simpleName() + " ("
                        + String.join(", ", enumeration.symbols()) + ")");
            }
            return Parsed.of(CodeBlock.of("$T.$N", enumeration.javaType(), text), text);
        }
        if (type instanceof TypeMapping.Sequence sequence) {
            if (!text.strip().equals("[]")) {
                return Parsed.problem("a collection's default can only be empty: write \"[]\"");
            }
            return Parsed.of(CodeBlock.of("$T.of()", ClassName.get("java.util", sequence.set() ? "Set" : "List")), List.of());
        }
        if (type instanceof TypeMapping.StringMap) {
            if (!text.strip().equals("{}")) {
                return Parsed.problem("a map's default can only be empty: write \"{}\"");
            }
            return Parsed.of(CodeBlock.of("$T.of()", Map.class), Map.of());
        }
        if (type instanceof TypeMapping.Wrapper wrapper) {
            Parsed inner = parse(text, wrapper.value());
            return inner.isValid()
                    ? Parsed.of(CodeBlock.of("new $T($L)", wrapper.javaType(), inner.javaValue()), inner.avroValue())
                    : inner;
        }
        if (type instanceof TypeMapping.Nullable nullable) {
            Parsed inner = parse(text, nullable.value());
            if (!inner.isValid() || !nullable.optional()) {
                return inner;
            }
            return Parsed.of(CodeBlock.of("$T.of($L)", ClassName.get("java.util", "Optional"), inner.javaValue()),
                    inner.avroValue());
        }
        throw new NotSupported();
    }

    private static Parsed scalar(String text, TypeMapping.Scalar scalar) {
        try {
            switch (scalar.kind()) {
                case STRING:
                    return Parsed.of(CodeBlock.of("$S", text), text);
                case BOOLEAN:
                    if (!text.equals("true") && !text.equals("false")) {
                        return Parsed.problem("write true or false");
                    }
                    return Parsed.of(CodeBlock.of("$L", text), Boolean.parseBoolean(text));
                case INT: {
                    int value = Integer.parseInt(text);
                    return Parsed.of(CodeBlock.of("$L", value), value);
                }
                case LONG: {
                    long value = Long.parseLong(text);
                    return Parsed.of(CodeBlock.of("$LL", value), value);
                }
                case FLOAT: {
                    float value = Float.parseFloat(text);
                    if (!Float.isFinite(value)) {
                        return Parsed.problem("a default must be a finite number (JSON has no NaN or Infinity)");
                    }
                    return Parsed.of(CodeBlock.of("$Lf", Float.toString(value)), value);
                }
                case DOUBLE: {
                    double value = Double.parseDouble(text);
                    if (!Double.isFinite(value)) {
                        return Parsed.problem("a default must be a finite number (JSON has no NaN or Infinity)");
                    }
                    return Parsed.of(CodeBlock.of("$L", Double.toString(value)), value);
                }
                case INSTANT: {
                    Instant value = OffsetDateTime.parse(text).toInstant();
                    if (value.getNano() % 1000 != 0) {
                        return Parsed.problem("instants are stored to the microsecond");
                    }
                    long micros = Math.addExact(Math.multiplyExact(value.getEpochSecond(), 1_000_000L),
                            value.getNano() / 1000);
                    return Parsed.of(CodeBlock.of("$T.parse($S)", Instant.class, value.toString()), micros);
                }
                case LOCAL_DATE: {
                    LocalDate value = LocalDate.parse(text);
                    return Parsed.of(CodeBlock.of("$T.parse($S)", LocalDate.class, value.toString()),
                            Math.toIntExact(value.toEpochDay()));
                }
                case LOCAL_DATE_TIME: {
                    LocalDateTime value = LocalDateTime.parse(text);
                    if (value.getNano() % 1000 != 0) {
                        return Parsed.problem("local date-times are stored to the microsecond");
                    }
                    long micros = Math.addExact(Math.multiplyExact(value.toEpochSecond(ZoneOffset.UTC), 1_000_000L),
                            value.getNano() / 1000);
                    return Parsed.of(CodeBlock.of("$T.parse($S)", LocalDateTime.class, value.toString()), micros);
                }
                case UUID: {
                    UUID value = UUID.fromString(text);
                    if (!value.toString().equalsIgnoreCase(text)) {
                        return Parsed.problem("write the UUID in its 36-character form");
                    }
                    return Parsed.of(CodeBlock.of("$T.fromString($S)", UUID.class, value.toString()), value.toString());
                }
                case BYTES: {
                    byte[] value = Base64.getDecoder().decode(text);
                    return Parsed.of(CodeBlock.of("$T.getDecoder().decode($S)", Base64.class, text), value);
                }
                default:
                    throw new AssertionError(scalar.kind());
            }
        } catch (NumberFormatException e) {
            return Parsed.problem("it is not a number of that type");
        } catch (DateTimeParseException e) {
            return Parsed.problem("it is not ISO-8601 (" + example(scalar) + ")");
        } catch (IllegalArgumentException | ArithmeticException e) {
            return Parsed.problem(e.getMessage());
        }
    }

    private static String example(TypeMapping.Scalar scalar) {
        switch (scalar.kind()) {
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
        return Parsed.of(CodeBlock.of("new $T($S)", BigDecimal.class, value.toPlainString()),
                value.unscaledValue().toByteArray());
    }
}
