package dev.stele.processor.parse;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.EventDeclaration;
import dev.stele.processor.model.HandleModel;
import dev.stele.processor.model.ProjectionModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;

/**
 * Turns a {@code @Projection} class into a {@link ProjectionModel}: its name as written and each
 * {@code @Handle} method whose shape the generated dispatch can call (an instance method, not private,
 * returning {@code void}, taking an {@code @Event} record and optionally an {@code EventContext}). Reports
 * what is wrong with the class or a method, and leaves such a method out; what the handlers mean together
 * (one per event, the latest version), the name and the version are {@code ProjectionValidator}'s to check.
 */
public final class ProjectionParser {

    /** Not an annotation: the type of a handler's optional second parameter, named so for the same reason. */
    static final String EVENT_CONTEXT = "dev.stele.projection.EventContext";

    private final Mirrors mirrors;
    private final EventDeclarations events;
    private final Diagnostics diagnostics;

    public ProjectionParser(Mirrors mirrors, EventDeclarations events, Diagnostics diagnostics) {
        this.mirrors = mirrors;
        this.events = events;
        this.diagnostics = diagnostics;
    }

    /**
     * @return empty if the class cannot be a projection at all; else the model, whose handlers leave out
     *     those reported as wrong
     * @throws Unresolved if a handler's parameter has a type that is not generated yet
     */
    public Optional<ProjectionModel> parse(TypeElement element) {
        AnnotationMirror annotation = Mirrors.find(element, AnnotationNames.PROJECTION).orElseThrow();
        List<ExecutableElement> methods = handleMethods(element);
        waitForParameterTypes(methods);
        String problem = kindProblem(element);
        if (problem != null) {
            diagnostics.error(Message.PROJECTION_NOT_CLASS, element, annotation, element.getSimpleName(), problem);
            return Optional.empty();
        }
        String generatedPackage = Access.packageOf(element);
        if (!Access.isAccessible(element, generatedPackage)) {
            diagnostics.error(Message.TYPE_INACCESSIBLE, element, annotation, element.getQualifiedName(),
                    generatedPackage);
        }
        if (methods.isEmpty()) {
            diagnostics.error(Message.PROJECTION_WITHOUT_HANDLE, element, annotation, element.getSimpleName());
        }
        List<HandleModel> handlers = new ArrayList<>();
        for (ExecutableElement method : methods) {
            handle(method).ifPresent(handlers::add);
        }
        return Optional.of(new ProjectionModel(element, mirrors.string(annotation, "name"),
                mirrors.integer(annotation, "version"), handlers, annotation));
    }

    private static List<ExecutableElement> handleMethods(TypeElement element) {
        List<ExecutableElement> methods = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(element.getEnclosedElements())) {
            if (Mirrors.find(method, AnnotationNames.HANDLE).isPresent()) {
                methods.add(method);
            }
        }
        return methods;
    }

    /** A handler's event that another processor generates later: the class waits, before anything is reported. */
    private static void waitForParameterTypes(List<ExecutableElement> methods) {
        for (ExecutableElement method : methods) {
            for (VariableElement parameter : method.getParameters()) {
                if (parameter.asType().getKind() == TypeKind.ERROR) {
                    throw new Unresolved(parameter, parameter.asType().toString());
                }
            }
        }
    }

    /** Why the runtime could not hold an instance of the class and call it, or null. */
    private static String kindProblem(TypeElement element) {
        ElementKind kind = element.getKind();
        if (kind == ElementKind.INTERFACE) {
            return "is an interface";
        }
        if (kind == ElementKind.ENUM) {
            return "is an enum";
        }
        if (kind == ElementKind.ANNOTATION_TYPE) {
            return "is an annotation type";
        }
        if (kind != ElementKind.CLASS && kind != ElementKind.RECORD) {
            return "is a " + kind;
        }
        if (element.getModifiers().contains(Modifier.ABSTRACT)) {
            return "is abstract";
        }
        if (!element.getTypeParameters().isEmpty()) {
            return "has type parameters";
        }
        return null;
    }

    private Optional<HandleModel> handle(ExecutableElement method) {
        AnnotationMirror annotation = Mirrors.find(method, AnnotationNames.HANDLE).orElseThrow();
        List<? extends VariableElement> parameters = method.getParameters();
        String problem = null;
        if (method.getModifiers().contains(Modifier.STATIC)) {
            problem = "it is static";
        } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
            problem = "it is private";
        } else if (method.getReturnType().getKind() != TypeKind.VOID) {
            problem = "it returns " + method.getReturnType() + "; make it void: a handler writes the read model"
                    + " through EventContext.connection() and returns nothing";
        } else if (parameters.isEmpty()) {
            problem = "it takes no parameter";
        }
        if (problem != null) {
            diagnostics.error(Message.HANDLE_SIGNATURE, method, annotation, label(method), problem);
            return Optional.empty();
        }
        if (parameters.size() > 2) {
            return parameterProblem(method, parameters.get(2), "it takes " + parameters.size() + " parameters");
        }
        TypeMirror first = parameters.get(0).asType();
        Optional<EventDeclaration> event = events.of(first);
        if (event.isEmpty()) {
            return parameterProblem(method, parameters.get(0), "its parameter " + first
                    + " is not an @Event record");
        }
        boolean takesContext = parameters.size() == 2;
        if (takesContext && !Components.isDeclared(parameters.get(1).asType(), EVENT_CONTEXT)) {
            return parameterProblem(method, parameters.get(1), "its second parameter " + parameters.get(1).asType()
                    + " is not " + EVENT_CONTEXT);
        }
        return Optional.of(new HandleModel(method, event.get(), takesContext));
    }

    /** Reported on the parameter at fault, the narrowest place. */
    private Optional<HandleModel> parameterProblem(ExecutableElement method, Element parameter, String problem) {
        diagnostics.error(Message.HANDLE_SIGNATURE, parameter, label(method), problem);
        return Optional.empty();
    }

    private static String label(ExecutableElement method) {
        return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    }
}
