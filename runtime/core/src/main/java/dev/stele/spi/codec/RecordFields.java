package dev.stele.spi.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/**
 * The fields of one record as its codec reads and writes them, in declaration order (the order of the
 * Avro schema's fields and of the JSON object Stele writes): each field's name, the earlier names it is
 * also read by ({@code @Alias}), whether data must have it, and where null sits in its Avro union.
 * Generated codecs hold one per record in a constant; {@link RecordReader} and {@link RecordWriter}
 * implementations use it to match names, check presence, and say where a failure happened.
 *
 * <pre>{@code
 * private static final RecordFields ORDER_LINE = RecordFields.of("sku", "quantity", "unitPrice")
 *         .withAliases("sku", "code")
 *         .withOptional("quantity");
 * }</pre>
 *
 * <p>Configured once, while its constant is initialised; immutable and shared by all threads after.
 */
public final class RecordFields {

    private final String[] names;
    private final boolean[] optional;
    private final boolean[] nullSecond;
    /** Every name and alias, as UTF-8, beside the index of its field. */
    private byte[][] keys;
    private int[] keyFields;
    /** Open addressing over {@link #keys}: slot to key number + 1, 0 when empty. */
    private int[] slots;
    private final byte[][] quoted;
    private final byte[][] quotedAfterComma;
    /** Bit {@code i} set when field {@code i} (of the first 64) is required. */
    private long requiredMask;

    private RecordFields(String[] names) {
        this.names = names;
        this.optional = new boolean[names.length];
        this.nullSecond = new boolean[names.length];
        this.quoted = new byte[names.length][];
        this.quotedAfterComma = new byte[names.length][];
        this.keys = new byte[0][];
        this.keyFields = new int[0];
        this.slots = new int[4]; // all empty: a record of no fields still looks names up, to skip them
        for (int i = 0; i < names.length; i++) {
            quoted[i] = ('"' + names[i] + "\":").getBytes(StandardCharsets.UTF_8);
            quotedAfterComma[i] = (",\"" + names[i] + "\":").getBytes(StandardCharsets.UTF_8);
            addKey(names[i], i);
        }
        requiredMask = names.length >= 64 ? -1L : (1L << names.length) - 1;
    }

    /** The fields by name, in declaration order; every one required until {@link #withOptional} says otherwise. */
    public static RecordFields of(String... names) {
        String[] copy = names.clone();
        for (int i = 0; i < copy.length; i++) {
            for (int j = 0; j < i; j++) {
                if (copy[i].equals(copy[j])) {
                    throw new IllegalArgumentException("field " + copy[i] + " is named twice");
                }
            }
        }
        return new RecordFields(copy);
    }

    /** Lets {@code field} be read by its earlier names too. */
    public RecordFields withAliases(String field, String... aliases) {
        int index = require(field);
        for (String alias : aliases) {
            addKey(alias, index);
        }
        return this;
    }

    /**
     * Marks fields that data may lack: {@code Optional} and {@code @Nullable} ones (absent reads as empty)
     * and those with a {@code @Default} (absent reads as the default, which the reader starts from).
     */
    public RecordFields withOptional(String... fields) {
        for (String field : fields) {
            int index = require(field);
            optional[index] = true;
            if (index < 64) {
                requiredMask &= ~(1L << index);
            }
        }
        return this;
    }

    /**
     * Marks optional fields whose Avro union is {@code [T, null]} rather than {@code [null, T]}: those whose
     * {@code @Default} is a value, which Avro requires to be the union's first branch.
     */
    public RecordFields withNullSecond(String... fields) {
        for (String field : fields) {
            nullSecond[require(field)] = true;
        }
        return this;
    }

    public int size() {
        return names.length;
    }

    public String name(int field) {
        return names[field];
    }

    /** The names in declaration order. */
    public List<String> names() {
        return List.of(names);
    }

    /** Whether data must have the field: it is neither optional nor defaulted. */
    public boolean isRequired(int field) {
        return !optional[field];
    }

    /**
     * The required fields among the first 64 as bits, field {@code i} as {@code 1L << i}: a reader that keeps
     * the fields it has seen as bits checks them all with one comparison. Fields from the 65th on are not in it.
     */
    public long requiredMask() {
        return requiredMask;
    }

    /** The branch of null in the field's Avro union: 0, or 1 for a field marked {@link #withNullSecond}. */
    public int nullBranch(int field) {
        return nullSecond[field] ? 1 : 0;
    }

    /** The field's name as JSON writes it before its value: {@code "name":} in UTF-8. Not to be modified. */
    public byte[] quotedName(int field) {
        return quoted[field];
    }

    /**
     * {@link #quotedName} after the comma that separates it from the field before: {@code ,"name":} in
     * UTF-8, what JSON has between two fields' values. Not to be modified.
     */
    public byte[] quotedNameAfterComma(int field) {
        return quotedAfterComma[field];
    }

    /** The field with {@code name} or an alias of it, or -1. */
    public int indexOf(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        return indexOf(utf8, 0, utf8.length);
    }

    /** The field whose name, or an alias of it, is the UTF-8 {@code bytes[from, from + length)}, or -1. */
    public int indexOf(byte[] bytes, int from, int length) {
        int mask = slots.length - 1;
        for (int slot = hash(bytes, from, length) & mask; ; slot = (slot + 1) & mask) {
            int key = slots[slot] - 1;
            if (key < 0) {
                return -1;
            }
            byte[] candidate = keys[key];
            if (candidate.length == length
                    && Arrays.equals(candidate, 0, length, bytes, from, from + length)) {
                return keyFields[key];
            }
        }
    }

    private int require(String field) {
        for (int i = 0; i < names.length; i++) {
            if (names[i].equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no field " + field + " among " + Arrays.toString(names));
    }

    private void addKey(String name, int field) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        for (byte[] key : keys) {
            if (Arrays.equals(key, utf8)) {
                throw new IllegalArgumentException("name " + name + " is given to two fields");
            }
        }
        keys = Arrays.copyOf(keys, keys.length + 1);
        keys[keys.length - 1] = utf8;
        keyFields = Arrays.copyOf(keyFields, keyFields.length + 1);
        keyFields[keyFields.length - 1] = field;
        int size = Integer.highestOneBit(Math.max(4, keys.length * 2 - 1)) << 1;
        slots = new int[size];
        for (int key = 0; key < keys.length; key++) {
            int mask = size - 1;
            int slot = hash(keys[key], 0, keys[key].length) & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = key + 1;
        }
    }

    private static int hash(byte[] bytes, int from, int length) {
        int hash = length;
        for (int i = from, end = from + length; i < end; i++) {
            hash = 31 * hash + bytes[i];
        }
        return hash ^ (hash >>> 16);
    }

    @Override
    public String toString() {
        return Arrays.toString(names);
    }
}
