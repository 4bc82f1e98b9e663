package dev.stele.processor.parse;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.AnnotatedConstruct;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * The annotations of a record component, wherever javac put them: an annotation that does not target
 * record components lands on the accessor or the field instead, and a type-use one on the type.
 */
final class Components {

    private Components() {
    }

    /** The annotation of type {@code qualifiedName} on {@code component}, its accessor, field or type. */
    static Optional<AnnotationMirror> annotation(Element component, String qualifiedName) {
        if (component instanceof RecordComponentElement recordComponent) {
            for (Element declaration : declarations(recordComponent)) {
                Optional<AnnotationMirror> found = Mirrors.find(declaration, qualifiedName);
                if (found.isPresent()) {
                    return found;
                }
            }
            return Mirrors.find(component.asType(), qualifiedName);
        }
        return Mirrors.find(component, qualifiedName);
    }

    /** Whether any annotation named {@code Nullable} marks the component or its type. */
    static boolean isNullable(RecordComponentElement component) {
        if (Mirrors.hasSimpleName(component.asType(), AnnotationNames.NULLABLE_SIMPLE_NAME)) {
            return true;
        }
        for (AnnotatedConstruct construct : declarations(component)) {
            if (Mirrors.hasSimpleName(construct, AnnotationNames.NULLABLE_SIMPLE_NAME)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code type} is the class or interface {@code qualifiedName}, with any type arguments. */
    static boolean isDeclared(TypeMirror type, String qualifiedName) {
        return type.getKind() == TypeKind.DECLARED
                && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(qualifiedName);
    }

    /** The component and what javac derives from it: its accessor and its field. */
    private static List<Element> declarations(RecordComponentElement component) {
        List<Element> result = new ArrayList<>();
        result.add(component);
        if (component.getAccessor() != null) {
            result.add(component.getAccessor());
        }
        for (Element field : ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements())) {
            if (field.getSimpleName().contentEquals(component.getSimpleName())) {
                result.add(field);
            }
        }
        return result;
    }
}
