package dev.stele.codec.avro;

import java.util.Arrays;
import org.apache.avro.Schema;

/**
 * The order in which a {@link org.apache.avro.io.ResolvingDecoder} hands over the fields of each record
 * being read, one level per record nesting, and how far each has got. The arrays are the resolver's own;
 * the stack grows with nesting, which {@link dev.stele.spi.codec.CodecPath} bounds.
 */
final class FieldOrders {

    private Schema.Field[][] orders = new Schema.Field[8][];
    private int[] cursors = new int[8];
    private int depth = -1;

    /** Starts a record whose fields arrive in {@code order}. */
    void push(Schema.Field[] order) {
        if (++depth == orders.length) {
            orders = Arrays.copyOf(orders, depth * 2);
            cursors = Arrays.copyOf(cursors, depth * 2);
        }
        orders[depth] = order;
        cursors[depth] = -1;
    }

    /**
     * The reader-schema position of the innermost record's next field, or -1 after its last, when the
     * record is popped.
     */
    int next() {
        Schema.Field[] order = orders[depth];
        int cursor = ++cursors[depth];
        if (cursor == order.length) {
            orders[depth--] = null;
            return -1;
        }
        return order[cursor].pos();
    }
}
