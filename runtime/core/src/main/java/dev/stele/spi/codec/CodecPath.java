package dev.stele.spi.codec;

import java.util.Arrays;

/**
 * Where a {@link RecordReader} or {@link RecordWriter} stands: the records, collections and maps it is
 * inside and the field, index or key within each, so that a failure can say {@code lines[2].sku}. Kept as
 * it goes, read only when something fails. Also the bound on nesting that keeps hostile input from
 * exhausting the stack.
 *
 * <p>Keeping it must cost next to nothing per field: a field or element is one int store, and a record or
 * collection entered at a depth where the same one was entered before stores no reference at all. (A
 * reference stored into a long-lived array costs a memory fence under G1, and a path per thread is
 * long-lived: a reference per level and event cost the Avro codec a quarter of its speed.)
 */
public final class CodecPath {

    /** How deeply values may nest, as Jackson's default read constraints allow. */
    public static final int MAX_DEPTH = 1000;

    private static final Object COLLECTION = new Object();
    private static final int NOT_A_RECORD = -1;

    /**
     * Per level: the {@link RecordFields} of a record, {@link #COLLECTION}, or a map's current key. Above
     * {@link #depth} a record or {@link #COLLECTION} may stay from an earlier value, never a key.
     */
    private Object[] levels = new Object[8];
    /** Per level but the innermost: the field or element index; -1 before the first. */
    private int[] positions = new int[8];
    /** Per level but the innermost: its record's field count, or {@link #NOT_A_RECORD}. */
    private int[] sizes = new int[8];
    private int depth = -1;
    /** The innermost level's field or element index, kept apart: it changes with every field and element. */
    private int position = -1;
    /** The innermost level's field count if it is a record, else {@link #NOT_A_RECORD}. */
    private int size = NOT_A_RECORD;

    /** Enters a record whose fields are {@code fields}. */
    public void enterRecord(RecordFields fields) {
        push(fields, fields.size());
    }

    /** The record being read or written is at {@code field}. */
    public void atField(int field) {
        position = field;
    }

    /**
     * Moves the innermost record to its next field and returns that field's index, which equals
     * {@link #recordSize()} past the last field.
     */
    public int nextField() {
        return ++position;
    }

    /** Enters an array. */
    public void enterCollection() {
        push(COLLECTION, NOT_A_RECORD);
    }

    /** The array is at element {@code index}. */
    public void atIndex(int index) {
        position = index;
    }

    /** Enters a map; {@link #atKey} says which entry. */
    public void enterMap() {
        push(null, NOT_A_RECORD);
    }

    /** The map is at the entry of {@code key}; {@code null} between entries (reading the next key). */
    public void atKey(String key) {
        levels[depth] = key;
        position = 0;
    }

    /** Leaves the innermost record, array or map. */
    public void exit() {
        Object level = levels[depth];
        if (level != COLLECTION && size == NOT_A_RECORD) {
            levels[depth] = null; // a map's key is the caller's data: not kept after the map
        }
        if (--depth >= 0) {
            position = positions[depth];
            size = sizes[depth];
        } else {
            size = NOT_A_RECORD;
        }
    }

    /** How many records, arrays and maps the position is inside. */
    public int depth() {
        return depth + 1;
    }

    /** The fields of the innermost level if it is a record, else null. */
    public RecordFields currentRecord() {
        return size != NOT_A_RECORD ? (RecordFields) levels[depth] : null;
    }

    /** The number of fields of the innermost level if it is a record, else -1. */
    public int recordSize() {
        return size;
    }

    /** The field or index at the innermost level, -1 before the first. */
    public int currentPosition() {
        return depth >= 0 ? position : -1;
    }

    /** Forgets everything: the position of a new event. */
    public void reset() {
        if (depth >= 0) { // none to clear after an event read or written through
            Arrays.fill(levels, 0, depth + 1, null);
            depth = -1;
            size = NOT_A_RECORD;
        }
        position = -1;
    }

    private void push(Object level, int levelSize) {
        int next = depth + 1;
        if (next == levels.length) {
            grow(next);
        }
        if (next > 0) {
            positions[next - 1] = position;
            sizes[next - 1] = size;
        }
        if (levels[next] != level) { // the same record type at the same depth as before: no store
            levels[next] = level;
        }
        position = -1;
        size = levelSize;
        depth = next;
    }

    /** Makes room for level {@code next}, the arrays' length: a failure at {@link #MAX_DEPTH}, where they stop growing. */
    private void grow(int next) {
        if (next == MAX_DEPTH) {
            throw new CodecFailure("values are nested deeper than " + MAX_DEPTH + " levels");
        }
        int length = Math.min(next * 2, MAX_DEPTH);
        levels = Arrays.copyOf(levels, length);
        positions = Arrays.copyOf(positions, length);
        sizes = Arrays.copyOf(sizes, length);
    }

    /**
     * {@code lines[2].sku}, {@code tags[1]}, {@code addressBook.home[0]}; a map key that is not a plain name
     * in brackets and quotes, {@code attributes["colour code"]}; empty at the top.
     */
    @Override
    public String toString() {
        StringBuilder path = new StringBuilder();
        for (int level = 0; level <= depth; level++) {
            Object at = levels[level];
            int position = level == depth ? this.position : positions[level];
            if (at instanceof RecordFields fields) {
                if (position < 0 || position >= fields.size()) {
                    continue;
                }
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(fields.name(position));
            } else if (at == COLLECTION) {
                if (position >= 0) {
                    path.append('[').append(position).append(']');
                }
            } else if (at instanceof String key) {
                if (isName(key)) {
                    path.append('.').append(key);
                } else {
                    path.append("[\"").append(key).append("\"]");
                }
            }
        }
        return path.toString();
    }

    /** Whether a map key reads unambiguously after a dot: letters, digits, {@code _} and {@code $}, not first a digit. */
    private static boolean isName(String key) {
        if (key.isEmpty() || !isNamePart(key.charAt(0)) || Character.isDigit(key.charAt(0))) {
            return false;
        }
        for (int i = 1; i < key.length(); i++) {
            if (!isNamePart(key.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isNamePart(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$';
    }
}
