package dev.stele.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Commit-to-handled latency per event, joined after the run: the writer records when its append returned
 * (its transaction committed) for each event, keyed by stream id and version; a reader records when it
 * handled the event. For the projection runner "handled" is the commit of the partition's transaction that
 * holds the handler's writes and the checkpoint: the handler notes the event on its thread, and the
 * runner's {@code ProjectionListener.applied} hook, called on the same thread right after that commit,
 * stamps every event noted since. Joining afterwards means a reader faster than the writer's return
 * (possible: the commit is visible before the append returns) still counts, as a latency near zero.
 */
final class LatencyRecorder {

    private final Map<String, Long> appended = new ConcurrentHashMap<>();
    private final Map<String, Long> handled = new ConcurrentHashMap<>();
    private final ThreadLocal<List<String>> uncommitted = ThreadLocal.withInitial(ArrayList::new);

    static String key(String streamId, long version) {
        return streamId + '/' + version;
    }

    void appended(String key, long nanos) {
        appended.put(key, nanos);
    }

    /** The handler saw the event, in a transaction not committed yet (on the partition's thread). */
    void handledUncommitted(String key) {
        uncommitted.get().add(key);
    }

    /** The partition's transaction committed: every event noted on this thread since is handled now. */
    void committed() {
        long now = System.nanoTime();
        List<String> keys = uncommitted.get();
        for (String key : keys) {
            handled.putIfAbsent(key, now);
        }
        keys.clear();
    }

    void handled(String key, long nanos) {
        handled.putIfAbsent(key, nanos);
    }

    /** Latencies of the events appended at or after {@code fromNanos}, in milliseconds. */
    Summary summary(long fromNanos) {
        double[] values = new double[appended.size()];
        int n = 0;
        int missing = 0;
        for (Map.Entry<String, Long> entry : appended.entrySet()) {
            if (entry.getValue() < fromNanos) {
                continue;
            }
            Long at = handled.get(entry.getKey());
            if (at == null) {
                missing++;
                continue;
            }
            values[n++] = Math.max(0, at - entry.getValue()) / 1e6;
        }
        double[] sorted = Arrays.copyOf(values, n);
        Arrays.sort(sorted);
        return new Summary(n, missing, percentile(sorted, 0.50), percentile(sorted, 0.90), percentile(sorted, 0.99),
                percentile(sorted, 0.999), n == 0 ? Double.NaN : sorted[n - 1]);
    }

    /**
     * The events slower than {@code thresholdMillis}, counted by the second (since {@code fromNanos}) in which
     * they were appended: periodic stalls show as a period.
     */
    String slowBySecond(long fromNanos, double thresholdMillis) {
        java.util.Map<Long, Integer> bySecond = new java.util.TreeMap<>();
        for (Map.Entry<String, Long> entry : appended.entrySet()) {
            Long at = handled.get(entry.getKey());
            if (entry.getValue() >= fromNanos && at != null && (at - entry.getValue()) / 1e6 > thresholdMillis) {
                bySecond.merge((entry.getValue() - fromNanos) / 1_000_000_000L, 1, Integer::sum);
            }
        }
        return bySecond.toString();
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    record Summary(int events, int missing, double p50, double p90, double p99, double p999, double max) {

        @Override
        public String toString() {
            return String.format("p50 %.1f ms, p90 %.1f, p99 %.1f, p99.9 %.1f, max %.1f (%d events%s)", p50, p90, p99,
                    p999, max, events, missing > 0 ? ", " + missing + " never handled" : "");
        }
    }
}
