package dev.stele.spi.codec;

import java.nio.charset.StandardCharsets;

/**
 * The symbols of one enum as its codec reads and writes them: the constants' names in declaration order
 * (the Avro enum's symbols), and the constant that a symbol this release does not know reads as, if the
 * fields of that enum have a {@code @Default}. Generated codecs hold one per enum in a constant:
 *
 * <pre>{@code
 * private static final EnumSymbols<Channel> CHANNEL = EnumSymbols.of("Channel", Channel.values(), Channel.WEB);
 * }</pre>
 *
 * @param <E> the enum
 */
public final class EnumSymbols<E extends Enum<E>> {

    private final String type;
    private final E[] constants;
    private final E fallback;
    private final RecordFields names;
    private final byte[][] quoted;

    private EnumSymbols(String type, E[] constants, E fallback) {
        this.type = type;
        this.constants = constants;
        this.fallback = fallback;
        String[] symbols = new String[constants.length];
        this.quoted = new byte[constants.length][];
        for (int i = 0; i < constants.length; i++) {
            symbols[i] = constants[i].name();
            quoted[i] = ('"' + symbols[i] + '"').getBytes(StandardCharsets.UTF_8);
        }
        this.names = RecordFields.of(symbols);
    }

    /** The symbols of an enum whose unknown symbols are refused; {@code type} is its simple name, for messages. */
    public static <E extends Enum<E>> EnumSymbols<E> of(String type, E[] constants) {
        return of(type, constants, null);
    }

    /**
     * @param type the enum's simple name, for messages
     * @param constants {@code E.values()}
     * @param fallback what an unknown symbol reads as, or {@code null} to refuse one
     */
    public static <E extends Enum<E>> EnumSymbols<E> of(String type, E[] constants, E fallback) {
        return new EnumSymbols<>(type, constants.clone(), fallback);
    }

    /** The number of symbols. */
    public int size() {
        return constants.length;
    }

    /** The constant at {@code index} in declaration order. */
    public E constant(int index) {
        return constants[index];
    }

    /** The constant named by the UTF-8 {@code bytes[from, from + length)}, else the fallback, else a failure. */
    public E bySymbol(byte[] bytes, int from, int length) {
        int index = names.indexOf(bytes, from, length);
        if (index >= 0) {
            return constants[index];
        }
        if (fallback != null) {
            return fallback;
        }
        throw unknown(new String(bytes, from, length, StandardCharsets.UTF_8));
    }

    /** The constant named {@code symbol}, else the fallback, else a failure. */
    public E bySymbol(String symbol) {
        int index = names.indexOf(symbol);
        if (index >= 0) {
            return constants[index];
        }
        if (fallback != null) {
            return fallback;
        }
        throw unknown(symbol);
    }

    /** The constant's symbol as a JSON string, quotes included, in UTF-8. Not to be modified. */
    public byte[] quotedSymbol(E constant) {
        return quoted[constant.ordinal()];
    }

    private CodecFailure unknown(String symbol) {
        return new CodecFailure("'" + symbol + "' is not a symbol of " + type
                + " (a later release may have added it; a @Default on the field would stand in for it)");
    }
}
