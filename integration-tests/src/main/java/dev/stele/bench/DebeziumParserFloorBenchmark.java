package dev.stele.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * No baseline; to size where {@link DebeziumMappingBenchmark}'s time goes: Jackson's streaming parser walking
 * the same messages token by token and nothing else (no string decoded, no name looked up), with the parser
 * {@code DebeziumChanges} uses ({@code STRICT_DUPLICATE_DETECTION}, a set of names per object) and without it.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class DebeziumParserFloorBenchmark {

    private byte[][] envelope;
    private byte[][] plain;
    private int next;

    private final JsonFactory plainFactory = JsonFactory.builder().build();
    private final JsonFactory strictFactory = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Setup
    public void setUp() throws IOException {
        envelope = DebeziumMappingBenchmark.messages(DebeziumMessagesCapture.ENVELOPE);
        plain = DebeziumMappingBenchmark.messages(DebeziumMessagesCapture.PLAIN);
        Fixtures.check(tokens(strictFactory, envelope[0]) == tokens(plainFactory, envelope[0]), "same tokens");
    }

    private int next() {
        int i = next;
        next = i + 1 == envelope.length ? 0 : i + 1;
        return i;
    }

    private static int tokens(JsonFactory factory, byte[] json) throws IOException {
        int count = 0;
        try (JsonParser parser = factory.createParser(json)) {
            for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
                count++;
            }
        }
        return count;
    }

    @Benchmark
    public int tokensPlain() throws IOException {
        return tokens(plainFactory, plain[next()]);
    }

    @Benchmark
    public int tokensPlainStrict() throws IOException {
        return tokens(strictFactory, plain[next()]);
    }

    @Benchmark
    public int tokensEnvelope() throws IOException {
        return tokens(plainFactory, envelope[next()]);
    }

    @Benchmark
    public int tokensEnvelopeStrict() throws IOException {
        return tokens(strictFactory, envelope[next()]);
    }
}
