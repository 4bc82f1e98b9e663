package dev.stele.processor.parse;

import dev.stele.processor.diagnostic.Diagnostics;
import dev.stele.processor.diagnostic.Message;
import dev.stele.processor.model.AggregateModel;
import dev.stele.processor.model.ApplyModel;
import dev.stele.processor.model.EventDeclaration;
import dev.stele.processor.model.RecordModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Turns an {@code @Aggregate} record into an {@link AggregateModel}: its state (through
 * {@link RecordParser}, so the state follows an event's rules), its one {@code @Initial} method and its
 * {@code @Apply} methods, one per event, each taking the latest version. Reports every problem and
 * returns empty if there was any.
 */
public final class AggregateParser {

    private static final Pattern CATEGORY = Pattern.compile("[A-Za-z0-9_.]+");

    private final Mirrors mirrors;
    private final EventDeclarations events;
    private final RecordParser records;
    private final Diagnostics diagnostics;
    private final Types types;

    public AggregateParser(Mirrors mirrors, EventDeclarations events, RecordParser records, Diagnostics diagnostics,
            Types types) {
        this.mirrors = mirrors;
        this.events = events;
        this.records = records;
        this.diagnostics = diagnostics;
        this.types = types;
    }

    /**
     * @param latestVersions the latest version of each event name the compilation declares
     * @throws Unresolved if the state refers to a type that is not generated yet
     */
    public Optional<AggregateModel> parse(TypeElement element, Map<String, EventDeclaration> latestVersions) {
        AnnotationMirror annotation = Mirrors.find(element, AnnotationNames.AGGREGATE).orElseThrow();
        if (element.getKind() != ElementKind.RECORD) {
            diagnostics.error(Message.AGGREGATE_NOT_RECORD, element, annotation, element.getSimpleName(),
                    element.getKind().toString().toLowerCase(Locale.ROOT).replace('_', ' '));
            return Optional.empty();
        }
        int errorsBefore = diagnostics.errorCount();
        String category = mirrors.string(annotation, "category");
        if (!CATEGORY.matcher(category).matches()) {
            diagnostics.error(Message.AGGREGATE_CATEGORY_INVALID, element, annotation,
                    Mirrors.explicitValue(annotation, "category"), category);
        }
        int snapshotEvery = mirrors.integer(annotation, "snapshotEvery");
        if (snapshotEvery < 0) {
            diagnostics.error(Message.AGGREGATE_SNAPSHOT_INVALID, element, annotation,
                    Mirrors.explicitValue(annotation, "snapshotEvery"), snapshotEvery);
        }
        String codecPackage = Access.packageOf(element);
        if (!Access.isAccessible(element, codecPackage)) {
            diagnostics.error(Message.TYPE_INACCESSIBLE, element, annotation, element.getQualifiedName(), codecPackage);
        }
        ExecutableElement initial = initial(element, annotation);
        List<ApplyModel> applies = applies(element, latestVersions);
        if (diagnostics.errorCount() != errorsBefore) {
            return Optional.empty();
        }
        Optional<RecordModel> state = records.parse(element, codecPackage);
        if (state.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AggregateModel(category, snapshotEvery, state.get(), initial, applies, annotation));
    }

    private ExecutableElement initial(TypeElement aggregate, AnnotationMirror annotation) {
        List<ExecutableElement> initials = new ArrayList<>();
        for (ExecutableElement method : ElementFilter.methodsIn(aggregate.getEnclosedElements())) {
            if (Mirrors.find(method, AnnotationNames.INITIAL).isPresent()) {
                initials.add(method);
            }
        }
        if (initials.isEmpty()) {
            diagnostics.error(Message.INITIAL_MISSING, aggregate, annotation, aggregate.getSimpleName(),
                    aggregate.getSimpleName());
            return null;
        }
        if (initials.size() > 1) {
            ExecutableElement second = initials.get(1);
            diagnostics.error(Message.INITIAL_SIGNATURE, second, Mirrors.find(second, AnnotationNames.INITIAL)
                    .orElse(null), label(second), aggregate.getSimpleName(), "there is another @Initial method, "
                    + initials.get(0).getSimpleName() + "; keep one");
            return null;
        }
        ExecutableElement method = initials.get(0);
        String problem = null;
        if (!method.getModifiers().contains(Modifier.STATIC)) {
            problem = "it is not static";
        } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
            problem = "it is private";
        } else if (method.getParameters().size() != 1
                || !Components.isDeclared(method.getParameters().get(0).asType(), "java.lang.String")) {
            problem = "it takes " + parameters(method);
        } else if (!types.isSameType(method.getReturnType(), aggregate.asType())) {
            problem = "it returns " + method.getReturnType();
        }
        if (problem != null) {
            diagnostics.error(Message.INITIAL_SIGNATURE, method, Mirrors.find(method, AnnotationNames.INITIAL)
                    .orElse(null), label(method), aggregate.getSimpleName(), problem);
            return null;
        }
        return method;
    }

    private List<ApplyModel> applies(TypeElement aggregate, Map<String, EventDeclaration> latestVersions) {
        Map<String, ApplyModel> byEvent = new LinkedHashMap<>();
        for (ExecutableElement method : ElementFilter.methodsIn(aggregate.getEnclosedElements())) {
            Optional<AnnotationMirror> annotation = Mirrors.find(method, AnnotationNames.APPLY);
            if (annotation.isEmpty()) {
                continue;
            }
            ApplyModel apply = apply(aggregate, method, annotation.get(), latestVersions);
            if (apply == null) {
                continue;
            }
            ApplyModel known = byEvent.putIfAbsent(apply.eventName(), apply);
            if (known != null) {
                diagnostics.error(Message.APPLY_DUPLICATE, method, aggregate.getSimpleName(),
                        apply.eventName(), known.methodName() + "(" + known.event().simpleName() + ")",
                        apply.methodName() + "(" + apply.event().simpleName() + ")");
            }
        }
        List<ApplyModel> sorted = new ArrayList<>(byEvent.values());
        sorted.sort(Comparator.comparing(ApplyModel::eventName));
        return sorted;
    }

    private ApplyModel apply(TypeElement aggregate, ExecutableElement method, AnnotationMirror annotation,
            Map<String, EventDeclaration> latestVersions) {
        String problem = null;
        Optional<EventDeclaration> event = Optional.empty();
        if (method.getModifiers().contains(Modifier.STATIC)) {
            problem = "it is static";
        } else if (method.getModifiers().contains(Modifier.PRIVATE)) {
            problem = "it is private";
        } else if (method.getReturnType().getKind() == TypeKind.VOID) {
            problem = "it returns void: return the next state instead of changing this one";
        } else if (!types.isSameType(method.getReturnType(), aggregate.asType())) {
            problem = "it returns " + method.getReturnType() + " instead of " + aggregate.getSimpleName();
        } else if (method.getParameters().size() != 1) {
            problem = "it takes " + parameters(method);
        } else {
            event = events.of(method.getParameters().get(0).asType());
            if (event.isEmpty()) {
                problem = "its parameter " + method.getParameters().get(0).asType() + " is not an @Event record";
            }
        }
        if (problem != null) {
            diagnostics.error(Message.APPLY_SIGNATURE, method, annotation, label(method), problem);
            return null;
        }
        EventDeclaration taken = event.get();
        EventDeclaration latest = latestVersions.get(taken.name());
        if (latest != null && taken.version() < latest.version()) {
            diagnostics.error(Message.APPLY_OLDER_VERSION, method, annotation, label(method), taken.simpleName(),
                    taken.version(), taken.name(), latest.simpleName(), latest.version());
            return null;
        }
        return new ApplyModel(method, taken);
    }

    private static String parameters(ExecutableElement method) {
        return method.getParameters().isEmpty() ? "no parameter"
                : method.getParameters().size() == 1 ? "a " + method.getParameters().get(0).asType()
                : method.getParameters().size() + " parameters";
    }

    private static String label(ExecutableElement method) {
        return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName();
    }
}
