package dev.stele.catalog.internal;

import dev.stele.spi.codec.CodecFailure;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.avro.AvroTypeException;
import org.apache.avro.Schema;
import org.apache.avro.io.Decoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.ResolvingDecoder;

/**
 * Avro's resolving decoders, one per thread and writer schema: building one compiles the resolution
 * grammar, which is worth doing once. They are found by the fingerprint the data's header carries, so
 * reading an event neither computes a fingerprint nor prepares the writer schema again; the reader is
 * the one registered for the writer's event version, so that fingerprint decides both.
 */
public final class Resolvers {

    private final ThreadLocal<Map<Long, ResolvingDecoder>> byWriter = ThreadLocal.withInitial(HashMap::new);

    /**
     * A decoder of {@code body}, written with the schema of {@code fingerprint}, that reads it as
     * {@code reader}; {@code writer} gives that schema, asked only the first time on this thread.
     */
    public ResolvingDecoder resolve(long fingerprint, Supplier<Schema> writer, Schema reader, Decoder body)
            throws IOException {
        Map<Long, ResolvingDecoder> cache = byWriter.get();
        ResolvingDecoder resolving = cache.get(fingerprint);
        if (resolving == null) {
            try {
                resolving = DecoderFactory.get().resolvingDecoder(writer.get(), reader, body);
            } catch (AvroTypeException e) {
                throw new CodecFailure("the data's schema cannot be resolved to this version's: " + e.getMessage(), e);
            }
            cache.put(fingerprint, resolving);
        } else {
            resolving.configure(body);
        }
        return resolving;
    }
}
