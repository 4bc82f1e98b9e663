package dev.stele.spi.codec;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * {@code BigDecimal} at a fixed precision and scale, as the Avro {@code decimal} logical type stores
 * it: the scale lives in the schema, the data holds the unscaled value. Values are widened to the
 * scale, never rounded.
 */
public final class Decimals {

    private Decimals() {
    }

    /**
     * {@code value} at exactly {@code scale}; a failure if that needs rounding or more than
     * {@code precision} digits.
     */
    public static BigDecimal fit(BigDecimal value, int precision, int scale) {
        if (value.signum() == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        // decide from the representation before setScale, which would take time and memory
        // proportional to an exponent such as 1e400000000 in hostile input
        if ((long) value.precision() - value.scale() > (long) precision - scale) {
            throw new CodecFailure(text(value) + " needs more than " + (precision - scale)
                    + " digits before the decimal point; the field is @Decimal(precision = " + precision + ", scale = "
                    + scale + ")");
        }
        BigDecimal base = value.scale() > scale ? value.stripTrailingZeros() : value;
        if (base.scale() > scale) {
            throw new CodecFailure(text(value) + " has more than " + scale
                    + " digits after the decimal point; the field is @Decimal(precision = " + precision
                    + ", scale = " + scale + ") and Stele does not round");
        }
        BigDecimal scaled;
        try {
            scaled = base.setScale(scale, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new CodecFailure(value.toPlainString() + " has more than " + scale
                    + " digits after the decimal point; the field is @Decimal(precision = " + precision
                    + ", scale = " + scale + ") and Stele does not round");
        }
        if (scaled.precision() > precision) {
            throw new CodecFailure(value.toPlainString() + " needs " + scaled.precision()
                    + " digits; the field is @Decimal(precision = " + precision + ", scale = " + scale + ")");
        }
        return scaled;
    }

    /**
     * {@code value} as plain digits (0.00000000001, not 1E-11) for a message, unless its exponent is so large
     * that the digits would not fit in one (hostile input such as 1e400000000).
     */
    private static String text(BigDecimal value) {
        return Math.abs((long) value.scale()) <= 64 ? value.toPlainString() : value.toString();
    }

    /** Decimal text such as {@code -12.50}. */
    public static BigDecimal parse(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new CodecFailure("'" + text + "' is not a decimal number");
        }
    }

    /** The big-endian two's-complement unscaled value of {@code value} at {@code scale}. */
    public static byte[] toBytes(BigDecimal value, int precision, int scale) {
        return fit(value, precision, scale).unscaledValue().toByteArray();
    }

    public static BigDecimal fromBytes(byte[] unscaled, int scale) {
        if (unscaled.length == 0) {
            throw new CodecFailure("a decimal's unscaled value has no bytes");
        }
        return new BigDecimal(new BigInteger(unscaled), scale);
    }
}
