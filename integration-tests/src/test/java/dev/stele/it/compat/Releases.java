package dev.stele.it.compat;

import dev.stele.format.SteleResources;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Builds releases of a small event module the way a user's build does: {@code javac} with the Stele
 * processor on the processor path; each release is loaded in a class loader of its own, as two
 * services running different releases would be.
 */
final class Releases {

    private Releases() {
    }

    /** Compiles {@code sources} (file name to text) into {@code root} and returns a loader of the result. */
    static ClassLoader build(Path root, Map<String, String> sources) throws IOException {
        Path src = root.resolve("src");
        Path classes = root.resolve("classes");
        Files.createDirectories(classes);
        List<Path> files = new ArrayList<>();
        for (Map.Entry<String, String> source : sources.entrySet()) {
            Path file = src.resolve(source.getKey());
            Files.createDirectories(file.getParent());
            Files.writeString(file, source.getValue());
            files.add(file);
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = System.getProperty("java.class.path");
        StringWriter log = new StringWriter();
        try (StandardJavaFileManager manager = javac.getStandardFileManager(null, null, null)) {
            Iterable<? extends JavaFileObject> units = manager.getJavaFileObjectsFromPaths(files);
            boolean compiled = javac.getTask(log, manager, null, List.of("--release", "17", "-classpath", classPath,
                    "-processorpath", classPath, "-d", classes.toString()), null, units).call();
            if (!compiled) {
                throw new AssertionError("the release does not compile:\n" + log);
            }
        }
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, Releases.class.getClassLoader());
    }

    /** The Avro schema the processor wrote for an event version of the release in {@code root}. */
    static String schema(Path root, String name, int version) throws IOException {
        return Files.readString(root.resolve("classes").resolve(SteleResources.schema(name, version)));
    }
}
