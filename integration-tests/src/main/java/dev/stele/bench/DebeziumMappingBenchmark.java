package dev.stele.bench;

import dev.stele.catalog.Catalog;
import dev.stele.cdc.DebeziumChanges;
import dev.stele.cdc.RowChange;
import dev.stele.cdc.TableChange;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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
 * Debezium's JSON change events of {@code public.bench_customers} into {@link BenchCustomerRow}: Stele's
 * {@link DebeziumChanges} with the generated mapping against {@link DebeziumJacksonBaseline}, the tree and
 * conversions a user writes by hand; each with the schema envelope and without. One message per operation, the
 * next of {@value DebeziumMessagesCapture#ROWS} inserts and {@value DebeziumMessagesCapture#UPDATES} updates
 * that the real Debezium 3.6.1 engine wrote ({@link DebeziumMessagesCapture}), in turn.
 *
 * <p>The setup fails the run unless, for every message, both sides return equal {@link RowChange}s (operation,
 * record, source), each form gives the same records, and each insert's record is the row inserted (its jsonb
 * aside, which PostgreSQL normalises).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class DebeziumMappingBenchmark {

    private byte[][] envelope;
    private byte[][] plain;
    private int next;

    private DebeziumChanges stele;
    private DebeziumJacksonBaseline baselineEnvelope;
    private DebeziumJacksonBaseline baselinePlain;

    @Setup
    public void setUp() throws IOException {
        envelope = messages(DebeziumMessagesCapture.ENVELOPE);
        plain = messages(DebeziumMessagesCapture.PLAIN);
        stele = DebeziumChanges.of(Catalog.load());
        baselineEnvelope = new DebeziumJacksonBaseline(true);
        baselinePlain = new DebeziumJacksonBaseline(false);

        int count = DebeziumMessagesCapture.ROWS + DebeziumMessagesCapture.UPDATES;
        Fixtures.check(envelope.length == count && plain.length == count, count + " messages of each form");
        for (int i = 0; i < count; i++) {
            RowChange withSchema = check(stele.read(envelope[i]), baselineEnvelope.read(envelope[i]), "envelope", i);
            RowChange without = check(stele.read(plain[i]), baselinePlain.read(plain[i]), "plain", i);
            Fixtures.check(withSchema.event().equals(without.event()), "both forms give message " + i + "'s record");
            if (i < DebeziumMessagesCapture.ROWS) {
                BenchCustomerRow read = withSchema.event(BenchCustomerRow.class);
                BenchCustomerRow inserted = BenchCustomers.row(i + 1);
                Fixtures.check(read.equals(new BenchCustomerRow(inserted.id(), inserted.email(), inserted.name(),
                        inserted.createdAt(), inserted.lastSeen(), inserted.birthday(), inserted.balance(),
                        inserted.externalRef(), inserted.tier(), inserted.tags(), inserted.active(),
                        inserted.loginCount(), read.preferences())), "message " + i + " is row " + (i + 1)
                        + " as inserted:\n  read     " + read + "\n  inserted " + inserted);
            }
        }
    }

    private static RowChange check(TableChange stele, RowChange baseline, String form, int i) {
        Fixtures.check(stele.equals(baseline), "Stele and the baseline read " + form + " message " + i + " alike:\n  stele    "
                + stele + "\n  baseline " + baseline);
        return baseline;
    }

    static byte[][] messages(String resource) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (InputStream in = DebeziumMappingBenchmark.class.getClassLoader().getResourceAsStream(resource)) {
            Fixtures.check(in != null, "resource " + resource + " on the class path");
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    lines.add(line.getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        return lines.toArray(new byte[0][]);
    }

    private int next() {
        int i = next;
        next = i + 1 == envelope.length ? 0 : i + 1;
        return i;
    }

    @Benchmark
    public TableChange steleEnvelope() {
        return stele.read(envelope[next()]);
    }

    @Benchmark
    public TableChange stelePlain() {
        return stele.read(plain[next()]);
    }

    @Benchmark
    public RowChange baselineEnvelope() throws IOException {
        return baselineEnvelope.read(envelope[next()]);
    }

    @Benchmark
    public RowChange baselinePlain() throws IOException {
        return baselinePlain.read(plain[next()]);
    }
}
