package dev.stele.processor.model;

import com.squareup.javapoet.CodeBlock;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;

/**
 * A parsed {@code @Default}.
 *
 * @param text as written
 * @param javaValue an expression of the field's Java type, for the JSON reader
 * @param avroValue the Avro field default, as Avro's {@code Schema.Field} takes it
 * @param mirror the annotation, for diagnostics
 * @param value the annotation's value, for diagnostics
 */
public record DefaultValue(String text, CodeBlock javaValue, Object avroValue, AnnotationMirror mirror,
        AnnotationValue value) {
}
