package dev.stele.bench;

import dev.stele.demo.Database;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time spent between two snapshots, by this JVM's threads (grouped by name, digits dropped) and by the
 * embedded server's processes (WAL senders, backends, the rest), from {@code /proc}. On a shared 2-core
 * machine wall-clock rates move with whatever else runs; the CPU each side spends per event moves much
 * less, and says where the time goes.
 */
final class CpuMeter {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long TICK_NANOS = 10_000_000L; // USER_HZ = 100 on Linux

    private final int postmaster;

    CpuMeter() throws SQLException {
        try (Connection connection = Database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT pg_backend_pid()")) {
            rows.next();
            postmaster = parentOf(rows.getInt(1));
        }
    }

    /** CPU nanoseconds so far, by group. */
    Map<String, Long> snapshot() {
        Map<String, Long> cpu = new TreeMap<>();
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long nanos = THREADS.getThreadCpuTime(ids[i]);
            if (infos[i] != null && nanos > 0) {
                cpu.merge("jvm " + group(infos[i].getThreadName()), nanos, Long::sum);
            }
        }
        if (postmaster > 0) {
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
                    try {
                        String[] stat = stat(p);
                        if (stat != null && Integer.parseInt(stat[1]) == postmaster) {
                            String command = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
                            String kind = command.contains("walsender") ? "pg walsender"
                                    : command.matches("postgres: \\S+ \\S+ .*") ? "pg backends" : "pg other";
                            cpu.merge(kind, (Long.parseLong(stat[11]) + Long.parseLong(stat[12])) * TICK_NANOS,
                                    Long::sum);
                        }
                    } catch (IOException | RuntimeException ignored) {
                        // the process ended meanwhile
                    }
                });
            } catch (IOException ignored) {
                // not Linux: JVM threads only
            }
        }
        return cpu;
    }

    /** CPU milliseconds per 1,000 events between two snapshots, by group, the largest first. */
    static String perThousand(Map<String, Long> before, Map<String, Long> after, long events) {
        Map<String, Double> spent = new TreeMap<>();
        double total = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            long delta = entry.getValue() - before.getOrDefault(entry.getKey(), 0L);
            if (delta > 0) {
                double ms = delta / 1e6 / events * 1000;
                spent.put(entry.getKey(), ms);
                total += ms;
            }
        }
        StringBuilder text = new StringBuilder(String.format("CPU ms per 1,000 events %.1f:", total));
        spent.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .filter(e -> e.getValue() >= 0.05)
                .forEach(e -> text.append(String.format(" %s %.2f;", e.getKey(), e.getValue())));
        return text.toString();
    }

    static double total(Map<String, Long> before, Map<String, Long> after, long events) {
        long sum = 0;
        for (Map.Entry<String, Long> entry : after.entrySet()) {
            sum += Math.max(0, entry.getValue() - before.getOrDefault(entry.getKey(), 0L));
        }
        return sum / 1e6 / events * 1000;
    }

    private static String group(String name) {
        return name.replaceAll("pb_\\w+?_slot", "<slot>").replaceAll("\\d+", "#");
    }

    private static int parentOf(int pid) {
        try {
            String[] stat = stat(Path.of("/proc", Integer.toString(pid)));
            return stat == null ? -1 : Integer.parseInt(stat[1]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** The fields of /proc/PID/stat after the command name: [0] state, [1] ppid, ..., [11] utime, [12] stime. */
    private static String[] stat(Path process) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        int end = stat.lastIndexOf(')');
        return end < 0 ? null : stat.substring(end + 2).split(" ");
    }
}
