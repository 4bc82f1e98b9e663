package dev.stele.processor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;

/**
 * A processor of another library that generates an {@code @Event} record late: in the round after the
 * Stele processor wrote the module's catalog (the round that compiles it).
 */
final class LateEventProcessor extends AbstractProcessor {

    private boolean generated;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        boolean catalogCompiling = !round.getRootElements().stream()
                .filter(element -> element.getSimpleName().contentEquals("SteleCatalog")).toList().isEmpty();
        if (catalogCompiling && !generated) {
            generated = true;
            try (Writer source = processingEnv.getFiler().createSourceFile("shop.LateEvent").openWriter()) {
                source.write("package shop;\n\n@dev.stele.annotation.Event(name = \"LateEvent\")\n"
                        + "public record LateEvent(String id) {\n}\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return false;
    }
}
