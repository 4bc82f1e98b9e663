package dev.stele.processor.generate;

import com.squareup.javapoet.AnnotationSpec;
import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.JavaFile;
import dev.stele.processor.diagnostic.Message;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** Writes what the processors generate through the Filer, and names the per-module catalog classes. */
public final class GeneratedFiles {

    private final ProcessingEnvironment environment;

    public GeneratedFiles(ProcessingEnvironment environment) {
        this.environment = environment;
    }

    /** {@code @Generated("<processor>")}, if the platform has the annotation. */
    public Optional<AnnotationSpec> generatedAnnotation(Class<?> processor) {
        TypeElement generated = environment.getElementUtils().getTypeElement("javax.annotation.processing.Generated");
        return Optional.ofNullable(generated)
                .map(type -> AnnotationSpec.builder(ClassName.get(type))
                        .addMember("value", "$S", processor.getName())
                        .build());
    }

    public void writeSource(JavaFile file, Element... origins) {
        try {
            file.writeTo(environment.getFiler());
        } catch (IOException e) {
            environment.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.INTERNAL_ERROR.format(file.packageName + "." + file.typeSpec.name,
                            "cannot write the source: " + e.getMessage()), origins.length > 0 ? origins[0] : null);
        }
    }

    /** Writes {@code content} as a class-path resource, with {@code \n} line ends on every platform. */
    public void writeResource(String path, String content, Element... origins) {
        try {
            FileObject resource = environment.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path,
                    origins);
            try (Writer writer = new OutputStreamWriter(resource.openOutputStream(), StandardCharsets.UTF_8)) {
                writer.write(content);
            }
        } catch (IOException e) {
            environment.getMessager().printMessage(Diagnostic.Kind.ERROR,
                    Message.INTERNAL_ERROR.format(path, "cannot write the resource: " + e.getMessage()),
                    origins.length > 0 ? origins[0] : null);
        }
    }

    /**
     * The class named by compiler option {@code option}, else {@code base} in the common package of
     * {@code types}, numbered if a class of that name is already on the class path (the main module's
     * catalog, when compiling its tests).
     */
    public ClassName catalogName(String option, String base, Collection<TypeElement> types) {
        String configured = environment.getOptions().get(option);
        if (configured != null && !configured.isBlank()) {
            return ClassName.bestGuess(configured.strip());
        }
        String common = null;
        for (TypeElement type : types) {
            String name = environment.getElementUtils().getPackageOf(type).getQualifiedName().toString();
            common = common == null ? name : commonPackage(common, name);
        }
        String simple = base;
        for (int n = 2; environment.getElementUtils().getTypeElement(
                common.isEmpty() ? simple : common + "." + simple) != null; n++) {
            simple = base + n;
        }
        return ClassName.get(common, simple);
    }

    private static String commonPackage(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        StringBuilder common = new StringBuilder();
        for (int i = 0; i < Math.min(left.length, right.length) && left[i].equals(right[i]); i++) {
            if (common.length() > 0) {
                common.append('.');
            }
            common.append(left[i]);
        }
        return common.toString();
    }
}
