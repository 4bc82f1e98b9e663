package dev.stele.processor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Compiles {@code good/orders} and writes what the processor generated under the directory given as the
 * only argument, laid out as the golden files are; run in a JVM of its own by {@link GoldenFilesTest} to
 * vary what is fixed per JVM, such as the line separator.
 */
public final class GenerateOrdersMain {

    private GenerateOrdersMain() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        Map<String, byte[]> files = GoldenFilesTest.generatedFiles(
                Compilations.compile(Compilations.sourceTree(GoldenFilesTest.SOURCES)));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Path target = out.resolve(file.getKey());
            Files.createDirectories(target.getParent());
            Files.write(target, file.getValue());
        }
    }
}
