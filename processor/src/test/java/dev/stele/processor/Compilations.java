package dev.stele.processor;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import javax.annotation.processing.Processor;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/** Compiles test sources, kept as files under {@code src/test/resources}, with the Stele processor. */
final class Compilations {

    private Compilations() {
    }

    /** A source file under {@code src/test/resources}, such as {@code bad/eventOnClass/shop/OrderNote.java}. */
    static JavaFileObject source(String resource) {
        return JavaFileObjects.forResource(resource);
    }

    static List<JavaFileObject> sources(String... resources) {
        List<JavaFileObject> files = new ArrayList<>();
        for (String resource : resources) {
            files.add(source(resource));
        }
        return files;
    }

    /** Every {@code .java} file under a directory of {@code src/test/resources}, in file-name order. */
    static List<JavaFileObject> sourceTree(String directory) {
        Path root = testPath("resources");
        try (Stream<Path> files = Files.walk(root.resolve(directory))) {
            return files.filter(file -> file.toString().endsWith(".java"))
                    .map(file -> root.relativize(file).toString().replace('\\', '/'))
                    .sorted()
                    .map(Compilations::source)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Compiles with the processor, as a user's build does, plus any javac options. */
    static Compilation compile(List<JavaFileObject> sources, String... options) {
        return compile(sources, List.of(new SteleProcessor()), options);
    }

    static Compilation compile(List<JavaFileObject> sources, List<Processor> processors, String... options) {
        return Compiler.javac()
                .withProcessors(processors)
                .withOptions(options(options))
                .compile(sources);
    }

    static Compilation compile(JavaFileObject... sources) {
        return compile(Arrays.asList(sources));
    }

    /**
     * Compiles into real directories, {@code out/sources} and {@code out/classes}: unlike compile-testing,
     * this shows what the processor wrote when the compilation fails.
     */
    static DiagnosticCollector<JavaFileObject> compileInto(Path out, List<JavaFileObject> sources) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            Path generated = Files.createDirectories(out.resolve("sources"));
            Path classes = Files.createDirectories(out.resolve("classes"));
            files.setLocationFromPaths(StandardLocation.SOURCE_OUTPUT, List.of(generated));
            files.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classes));
            List<String> options = new ArrayList<>(options());
            options.add("-classpath");
            options.add(System.getProperty("java.class.path"));
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, sources);
            task.setProcessors(List.of(new SteleProcessor()));
            task.call();
            return diagnostics;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code src/test/<part>} of the processor module, where the sources of these tests live. */
    static Path testPath(String part) {
        return Path.of(System.getProperty("stele.test.sources", "src/test")).resolve(part);
    }

    private static List<String> options(String... extra) {
        List<String> options = new ArrayList<>(List.of("--release", "17"));
        options.addAll(Arrays.asList(extra));
        return options;
    }
}
