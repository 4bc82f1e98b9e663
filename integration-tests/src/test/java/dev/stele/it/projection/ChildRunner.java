package dev.stele.it.projection;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A {@link RunnerProcess} (or another main reporting the same lines) in a child JVM, started with this JVM's
 * java and class path, and what it reported. {@link #kill()} sends SIGKILL; {@link #stop} closes its stdin, so
 * it closes its runner and exits.
 */
public final class ChildRunner {

    /** Exit status of a process killed by SIGKILL (128 + 9). */
    public static final int KILLED = 137;

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();
    private final Thread reader;

    private ChildRunner(String name, Process process) {
        this.name = name;
        this.process = process;
        this.reader = new Thread(this::read, "it-" + name + "-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static ChildRunner start(String name, String jdbcUrl, String schema, String slot, int partitions) {
        return start(name, RunnerProcess.class, List.of(jdbcUrl, schema, slot, Integer.toString(partitions)));
    }

    /** {@code main}'s {@code main(arguments)} in a child JVM, which reports lines as {@link RunnerProcess} does. */
    public static ChildRunner start(String name, Class<?> main, List<String> arguments) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add("-Xmx256m");
        command.add("-XX:+UseSerialGC");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(arguments);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new ChildRunner(name, process);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * This JVM's class path. Surefire (3.5) starts its fork from a booter jar but sets {@code java.class.path}
     * to the test class path (checked); were it the booter jar alone, that would work too, since the JVM
     * follows a jar's manifest {@code Class-Path}.
     */
    private static String classPath() {
        String classPath = System.getProperty("java.class.path");
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!Files.exists(Path.of(entry))) {
                throw new IllegalStateException("class path entry " + entry + " does not exist: " + classPath);
            }
        }
        return classPath;
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
                if (!line.startsWith("APPLIED") && !line.startsWith("CATCHUP")) {
                    System.out.println("[" + name + "] " + line);
                }
            }
        } catch (IOException e) {
            // the process is gone
        }
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** Every line printed so far. */
    public List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The lines a runner prints when a projection or the runner gave up: none expected in these tests. */
    public List<String> failures() {
        return lines().stream().filter(line -> line.startsWith("STOPPED") || line.startsWith("FAILED")
                || line.startsWith("POISONED") || line.startsWith("STATE FAILED")).toList();
    }

    /** The last {@code STATE} it reported, or {@code NONE}. */
    public String state() {
        List<String> all = lines();
        for (int i = all.size() - 1; i >= 0; i--) {
            if (all.get(i).startsWith("STATE ")) {
                return all.get(i).substring("STATE ".length()).split(" ", 2)[0];
            }
        }
        return "NONE";
    }

    /** Waits until a line matches; false if none did in time or the process ended. */
    public boolean await(Predicate<String> condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            int seen = 0;
            while (true) {
                for (; seen < lines.size(); seen++) {
                    if (condition.test(lines.get(seen))) {
                        return true;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
                    return false;
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 100)));
            }
        }
    }

    public boolean awaitState(String state, Duration timeout) throws InterruptedException {
        return await(line -> line.equals("STATE " + state) || line.startsWith("STATE " + state + " "), timeout);
    }

    /** SIGKILL (what {@link Process#destroyForcibly()} sends on Linux); returns the exit status. */
    public int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " did not die within 30 s of SIGKILL");
        }
        reader.join(5_000);
        return process.exitValue();
    }

    /** Closes its stdin, so it closes its runner and exits; returns the exit status, or -1 if it had to be killed. */
    public int stop(Duration timeout) throws InterruptedException {
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // already gone
        }
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            reader.join(5_000);
            return process.exitValue();
        }
        kill();
        return -1;
    }

    /** Kills it if it is alive: for clean-up. */
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ")";
    }
}
