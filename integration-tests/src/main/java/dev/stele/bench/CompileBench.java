package dev.stele.bench;

import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * What the processor costs a build (docs/benchmarks.md, "Compile time"): run by
 * {@code mvn -q -DskipTests -Pbench verify -Dbench.jmh.skip=true -Dbench.projections.skip=true -Dbench.relay.skip=true}
 * with options in {@code -Dcompile.args="--events=200 --rounds=5"}; {@code -Dbench.compile.skip=true} leaves it out.
 *
 * <p>Writes a Maven module of {@code --events} records of eight components each (issue 13's event:
 * {@code @StreamId String id, long amount, String currency, Instant at, UUID ref, Optional<String> note,
 * List<String> tags, int count}), each its own class under {@code @Event(name = ...)}, with a pom that imports the
 * installed {@code stele-bom} and puts {@code stele-processor} on the compiler's processor path as a user's pom does.
 * Then, in rounds, {@code mvn -o -q compile} from clean (its {@code target} deleted, untimed) with the processor and
 * without it ({@code -Dmaven.compiler.proc=none}: the same records, the same javac, no processor), the two in turns
 * and the order swapped every round, after one warm-up pair that is not counted. Each build is a new Maven JVM, as a
 * user's is; the figure is its wall time. Every build is checked: with the processor it wrote sources and compiled
 * more classes than records; without it, it wrote none and compiled exactly the records.
 *
 * <p>Then the processor's own share, in this JVM through javac's API with the class path and processor path the
 * compiler plugin used (read from {@code mvn -X}): the time between javac's annotation-processing start and finish
 * events (every round, including entering the sources it generated), and the whole javac task with and without the
 * processor. The first task in this JVM (with the processor) is cold, like Maven's javac; the medians are of the
 * warm ones after it.
 *
 * <p>Also counts the lines the processor wrote under {@code target/generated-sources/annotations} (total, the files
 * named after an event, the rest) and the resources it wrote into {@code target/classes}, against the records' lines.
 */
public final class CompileBench {

    /** The root pom's plugin versions: the generated module builds with the same ones, offline. */
    private static final String COMPILER_PLUGIN = "3.13.0";
    private static final String RESOURCES_PLUGIN = "3.3.1";
    private static final String CLEAN_PLUGIN = "3.4.0";
    private static final String PACKAGE = "dev.stele.bench.compiled";

    private final Settings settings;
    private final Path module;
    private final StringBuilder log = new StringBuilder();

    private CompileBench(Settings settings, Path module) {
        this.settings = settings;
        this.module = module;
    }

    public static void main(String[] args) throws Exception {
        Settings settings = Settings.parse(args);
        Path module = settings.dir != null ? settings.dir : Files.createTempDirectory("stele-compile-bench");
        CompileBench bench = new CompileBench(settings, module);
        try {
            bench.run();
        } finally {
            if (settings.dir == null && !settings.keep) {
                deleteTree(module);
            }
        }
        Path out = Path.of("target", "compile-bench-" + LocalDateTime.now().toString().replace(':', '-') + ".txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, bench.log);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    private void run() throws Exception {
        print("Compile time: %d events, %d rounds (+1 warm-up pair), stele %s, %d cores, load %s",
                settings.events, settings.rounds, settings.version, Runtime.getRuntime().availableProcessors(), load());
        print("module: %s", module);
        int recordLines = writeModule();
        print("records: %d files, %d lines (%.1f per event)", settings.events, recordLines,
                (double) recordLines / settings.events);

        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int round = 0; round <= settings.rounds; round++) {
            boolean withFirst = round % 2 == 0;
            double a = build(withFirst);
            double b = build(!withFirst);
            double w = withFirst ? a : b;
            double wo = withFirst ? b : a;
            String label = round == 0 ? "warm-up" : "round " + round;
            print("%-8s  with %6.2f s  without %6.2f s  ratio %.2fx  (%s first)", label, w, wo, w / wo,
                    withFirst ? "with" : "without");
            if (round > 0) {
                with.add(w);
                without.add(wo);
                ratios.add(w / wo);
            }
        }
        double mWith = median(with);
        double mWithout = median(without);
        print("median    with %6.2f s  without %6.2f s  ratio of medians %.2fx  median of ratios %.2fx",
                mWith, mWithout, mWith / mWithout, median(ratios));

        build(true); // leaves the generated sources and resources of one build with the processor to count
        countGenerated();
        if (!settings.skipJavac) {
            javacShare();
        }
    }

    // --- the module

    private int writeModule() throws IOException {
        Files.createDirectories(module);
        Files.writeString(module.resolve("pom.xml"), pom());
        Path sources = module.resolve("src/main/java/" + PACKAGE.replace('.', '/'));
        Files.createDirectories(sources);
        int lines = 0;
        for (int i = 1; i <= settings.events; i++) {
            String name = eventName(i);
            String source = record(name);
            Files.writeString(sources.resolve(name + ".java"), source);
            lines += lines(source);
        }
        return lines;
    }

    private String eventName(int i) {
        return String.format(Locale.ROOT, "Event%03d", i);
    }

    private static String record(String name) {
        return """
                package %s;

                import dev.stele.annotation.Event;
                import dev.stele.annotation.StreamId;
                import java.time.Instant;
                import java.util.List;
                import java.util.Optional;
                import java.util.UUID;

                @Event(name = "%s")
                public record %s(@StreamId String id, long amount, String currency, Instant at, UUID ref,
                        Optional<String> note, List<String> tags, int count) {
                }
                """.formatted(PACKAGE, name, name);
    }

    private String pom() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <project xmlns="http://maven.apache.org/POM/4.0.0"
                         xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                         xsi:schemaLocation="http://maven.apache.org/POM/4.0.0 https://maven.apache.org/xsd/maven-4.0.0.xsd">
                  <modelVersion>4.0.0</modelVersion>
                  <groupId>dev.stele.bench</groupId>
                  <artifactId>compile-bench-events</artifactId>
                  <version>1</version>

                  <properties>
                    <project.build.sourceEncoding>UTF-8</project.build.sourceEncoding>
                    <maven.compiler.release>17</maven.compiler.release>
                    <stele.version>%1$s</stele.version>
                  </properties>

                  <dependencyManagement>
                    <dependencies>
                      <dependency>
                        <groupId>dev.stele</groupId>
                        <artifactId>stele-bom</artifactId>
                        <version>${stele.version}</version>
                        <type>pom</type>
                        <scope>import</scope>
                      </dependency>
                    </dependencies>
                  </dependencyManagement>

                  <dependencies>
                    <dependency>
                      <groupId>dev.stele</groupId>
                      <artifactId>stele-runtime</artifactId>
                    </dependency>
                  </dependencies>

                  <build>
                    <pluginManagement>
                      <plugins>
                        <plugin>
                          <artifactId>maven-clean-plugin</artifactId>
                          <version>%2$s</version>
                        </plugin>
                        <plugin>
                          <artifactId>maven-resources-plugin</artifactId>
                          <version>%3$s</version>
                        </plugin>
                      </plugins>
                    </pluginManagement>
                    <plugins>
                      <plugin>
                        <artifactId>maven-compiler-plugin</artifactId>
                        <version>%4$s</version>
                        <configuration>
                          <annotationProcessorPaths>
                            <path>
                              <groupId>dev.stele</groupId>
                              <artifactId>stele-processor</artifactId>
                              <version>${stele.version}</version>
                            </path>
                          </annotationProcessorPaths>
                        </configuration>
                      </plugin>
                    </plugins>
                  </build>
                </project>
                """.formatted(settings.version, CLEAN_PLUGIN, RESOURCES_PLUGIN, COMPILER_PLUGIN);
    }

    // --- the builds

    /** One {@code mvn -o -q compile} from clean, checked; its wall time in seconds. */
    private double build(boolean withProcessor) throws IOException, InterruptedException {
        deleteTree(module.resolve("target"));
        List<String> command = new ArrayList<>(List.of(settings.maven, "-o", "-q", "-B",
                "-Dmaven.repo.local=" + settings.repository, "compile"));
        if (!withProcessor) {
            command.add("-Dmaven.compiler.proc=none");
        }
        long start = System.nanoTime();
        String output = exec(command);
        double seconds = (System.nanoTime() - start) / 1e9;
        check(withProcessor, output);
        return seconds;
    }

    private void check(boolean withProcessor, String output) throws IOException {
        long classes = countFiles(module.resolve("target/classes"), ".class");
        long generated = countFiles(module.resolve("target/generated-sources/annotations"), ".java");
        boolean ok = withProcessor ? generated > 0 && classes > settings.events
                : generated == 0 && classes == settings.events;
        if (!ok) {
            throw new IllegalStateException(String.format("build %s the processor: %d classes, %d generated sources%n%s",
                    withProcessor ? "with" : "without", classes, generated, output));
        }
    }

    private String exec(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(module.toFile()).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n"
                    + new String(output, StandardCharsets.UTF_8));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    // --- what the processor wrote

    private void countGenerated() throws IOException {
        Path generated = module.resolve("target/generated-sources/annotations");
        long perEventFiles = 0;
        long perEventLines = 0;
        long otherFiles = 0;
        long otherLines = 0;
        List<String> others = new ArrayList<>();
        try (Stream<Path> files = Files.walk(generated)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                long lines = lines(Files.readString(file));
                if (file.getFileName().toString().matches("Event\\d{3}\\D.*")) {
                    perEventFiles++;
                    perEventLines += lines;
                } else {
                    otherFiles++;
                    otherLines += lines;
                    others.add(generated.relativize(file) + " (" + lines + ")");
                }
            }
        }
        long total = perEventLines + otherLines;
        int n = settings.events;
        print("generated sources: %d files, %d lines, %.1f per event", perEventFiles + otherFiles, total,
                (double) total / n);
        print("  named after an event: %d files, %d lines (%.1f per event); the rest: %d files, %d lines (%.1f per event)",
                perEventFiles, perEventLines, (double) perEventLines / n, otherFiles, otherLines,
                (double) otherLines / n);
        print("  the rest: %s", String.join(", ", others));
        long resourceFiles = 0;
        long resourceLines = 0;
        try (Stream<Path> files = Files.walk(module.resolve("target/classes"))) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".class")).toList()) {
                resourceFiles++;
                resourceLines += lines(Files.readString(file));
            }
        }
        print("resources written into target/classes: %d files, %d lines", resourceFiles, resourceLines);
    }

    // --- the processor's share inside javac

    private void javacShare() throws IOException, InterruptedException {
        deleteTree(module.resolve("target"));
        String debug = exec(List.of(settings.maven, "-o", "-X", "-B", "-Dmaven.repo.local=" + settings.repository,
                "compile"));
        String classPath = option(debug, "-classpath");
        String processorPath = option(debug, "-processorpath");
        List<Path> sources;
        try (Stream<Path> files = Files.walk(module.resolve("src/main/java"))) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<Double> withTotal = new ArrayList<>();
        List<Double> withProcessing = new ArrayList<>();
        List<Double> withoutTotal = new ArrayList<>();
        int runs = settings.rounds + 1;
        for (int i = 0; i < runs; i++) {
            for (boolean withProcessor : i % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                double[] times = javac(javac, sources, classPath, processorPath, withProcessor);
                if (withProcessor) {
                    withTotal.add(times[0]);
                    withProcessing.add(times[1]);
                } else {
                    withoutTotal.add(times[0]);
                }
            }
        }
        print("javac in this JVM (the compiler plugin's class path and processor path), %d tasks of each kind in turns:", runs);
        print("  the first task (with the processor, javac cold): %.2f s, of which annotation processing %.2f s",
                withTotal.get(0), withProcessing.get(0));
        print("  warm medians: with the processor %.2f s, of which annotation processing %.2f s; without %.2f s",
                median(withTotal.subList(1, runs)), median(withProcessing.subList(1, runs)),
                median(withoutTotal.subList(1, runs)));
    }

    /** One javac task from clean: its wall time and the time between annotation processing's start and finish. */
    private double[] javac(JavaCompiler javac, List<Path> sources, String classPath, String processorPath,
            boolean withProcessor) throws IOException {
        Path out = module.resolve("target/javac");
        deleteTree(out);
        Path classes = Files.createDirectories(out.resolve("classes"));
        Path generated = Files.createDirectories(out.resolve("generated"));
        List<String> options = new ArrayList<>(List.of("-g", "--release", "17", "-encoding", "UTF-8", "-d", classes.toString(),
                "-s", generated.toString(), "-classpath", classPath));
        if (withProcessor) {
            options.addAll(List.of("-processorpath", processorPath));
        } else {
            options.add("-proc:none");
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, diagnostics, options, null,
                    files.getJavaFileObjectsFromPaths(sources));
            long[] processing = new long[2];
            task.addTaskListener(new TaskListener() {
                @Override
                public void started(TaskEvent e) {
                    if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
                        processing[0] = System.nanoTime();
                    }
                }

                @Override
                public void finished(TaskEvent e) {
                    if (e.getKind() == TaskEvent.Kind.ANNOTATION_PROCESSING) {
                        processing[1] += System.nanoTime() - processing[0];
                    }
                }
            });
            long start = System.nanoTime();
            boolean ok = task.call();
            double total = (System.nanoTime() - start) / 1e9;
            if (!ok) {
                throw new IllegalStateException("javac failed: " + diagnostics.getDiagnostics());
            }
            return new double[] {total, processing[1] / 1e9};
        }
    }

    /** The value after {@code name} in the javac options the compiler plugin logs under "Command line options:". */
    private static String option(String debug, String name) {
        String[] lines = debug.split("\n");
        for (int i = 0; i < lines.length - 1; i++) {
            if (lines[i].contains("Command line options:")) {
                String[] words = lines[i + 1].replace("[DEBUG]", "").trim().split(" ");
                for (int j = 0; j < words.length - 1; j++) {
                    if (words[j].equals(name)) {
                        return words[j + 1];
                    }
                }
            }
        }
        throw new IllegalStateException("no " + name + " in the compiler plugin's debug output");
    }

    // --- helpers

    private void print(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        System.out.println(line);
        log.append(line).append('\n');
    }

    private static long lines(String text) {
        return text.chars().filter(c -> c == '\n').count() + (text.isEmpty() || text.endsWith("\n") ? 0 : 1);
    }

    private static long countFiles(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(f -> f.toString().endsWith(suffix)).count();
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> {
                try {
                    Files.delete(f);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /**
     * Command-line settings: {@code --events=200 --rounds=5}, {@code --dir=path} (kept; a temporary directory
     * otherwise, deleted unless {@code --keep}), {@code --no-javac} to leave out the in-process javac share; and,
     * from the pom, {@code --maven}, {@code --repository} and {@code --version}.
     */
    private record Settings(int events, int rounds, String maven, String repository, String version, Path dir,
            boolean keep, boolean skipJavac) {

        static Settings parse(String[] args) {
            int events = 200;
            int rounds = 5;
            String maven = "mvn";
            String repository = Path.of(System.getProperty("user.home"), ".m2", "repository").toString();
            String version = null;
            Path dir = null;
            boolean keep = false;
            boolean skipJavac = false;
            for (String arg : args) {
                String value = arg.contains("=") ? arg.substring(arg.indexOf('=') + 1) : "";
                if (arg.startsWith("--events=")) {
                    events = Integer.parseInt(value);
                } else if (arg.startsWith("--rounds=")) {
                    rounds = Integer.parseInt(value);
                } else if (arg.startsWith("--maven=")) {
                    maven = value;
                } else if (arg.startsWith("--repository=")) {
                    repository = value;
                } else if (arg.startsWith("--version=")) {
                    version = value;
                } else if (arg.startsWith("--dir=")) {
                    dir = Path.of(value).toAbsolutePath();
                } else if (arg.equals("--keep")) {
                    keep = true;
                } else if (arg.equals("--no-javac")) {
                    skipJavac = true;
                } else {
                    throw new IllegalArgumentException("unknown option " + arg);
                }
            }
            if (version == null) {
                throw new IllegalArgumentException("--version=<the installed Stele version> is required");
            }
            if (events < 1 || events > 999 || rounds < 1) {
                throw new IllegalArgumentException("--events must be 1..999 and --rounds at least 1");
            }
            return new Settings(events, rounds, maven, repository, version, dir, keep, skipJavac);
        }
    }
}
