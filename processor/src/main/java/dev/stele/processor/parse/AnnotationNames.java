package dev.stele.processor.parse;

/** Our annotations, read by qualified name so that the processor needs no runtime classes. */
public final class AnnotationNames {

    public static final String EVENT = "dev.stele.annotation.Event";
    public static final String STREAM_ID = "dev.stele.annotation.StreamId";
    public static final String DEFAULT = "dev.stele.annotation.Default";
    public static final String ALIAS = "dev.stele.annotation.Alias";
    public static final String DECIMAL = "dev.stele.annotation.Decimal";
    public static final String UPCAST = "dev.stele.annotation.Upcast";
    public static final String AGGREGATE = "dev.stele.annotation.Aggregate";
    public static final String INITIAL = "dev.stele.annotation.Initial";
    public static final String APPLY = "dev.stele.annotation.Apply";
    public static final String PROJECTION = "dev.stele.annotation.Projection";
    public static final String HANDLE = "dev.stele.annotation.Handle";
    public static final String FROM_TABLE = "dev.stele.annotation.FromTable";
    public static final String COLUMN = "dev.stele.annotation.Column";
    /** Any annotation with this simple name marks a value as optional (JSpecify, JSR-305, Jakarta, ...). */
    public static final String NULLABLE_SIMPLE_NAME = "Nullable";

    private AnnotationNames() {
    }
}
