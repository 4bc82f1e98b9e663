package dev.stele.processor.generate;

import com.squareup.javapoet.ClassName;
import dev.stele.annotation.Operation;
import dev.stele.projection.EventContext;
import dev.stele.spi.AggregateType;
import dev.stele.spi.ChangeRow;
import dev.stele.spi.ColumnKind;
import dev.stele.spi.EventCodec;
import dev.stele.spi.EventType;
import dev.stele.spi.MappedColumn;
import dev.stele.spi.ProjectionType;
import dev.stele.spi.TableMapping;
import dev.stele.spi.codec.EnumSymbols;
import dev.stele.spi.codec.RecordFields;
import dev.stele.spi.codec.RecordReader;
import dev.stele.spi.codec.RecordWriter;
import dev.stele.spi.codec.ValueReader;
import dev.stele.spi.codec.ValueWriter;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.TypeElement;

/**
 * The runtime types generated code uses, named through their classes (the processor runs with
 * {@code stele-runtime} on its path, so a renamed SPI type fails the processor's build, not the user's),
 * and how generated classes and members are named.
 */
final class Names {

    static final ClassName RECORD_WRITER = ClassName.get(RecordWriter.class);
    static final ClassName RECORD_READER = ClassName.get(RecordReader.class);
    static final ClassName VALUE_WRITER = ClassName.get(ValueWriter.class);
    static final ClassName VALUE_READER = ClassName.get(ValueReader.class);
    static final ClassName RECORD_FIELDS = ClassName.get(RecordFields.class);
    static final ClassName ENUM_SYMBOLS = ClassName.get(EnumSymbols.class);
    static final ClassName EVENT_CODEC = ClassName.get(EventCodec.class);
    static final ClassName EVENT_TYPE = ClassName.get(EventType.class);
    static final ClassName AGGREGATE_TYPE = ClassName.get(AggregateType.class);
    static final ClassName PROJECTION_TYPE = ClassName.get(ProjectionType.class);
    static final ClassName EVENT_CONTEXT = ClassName.get(EventContext.class);
    static final ClassName TABLE_MAPPING = ClassName.get(TableMapping.class);
    static final ClassName MAPPED_COLUMN = ClassName.get(MappedColumn.class);
    static final ClassName COLUMN_KIND = ClassName.get(ColumnKind.class);
    static final ClassName CHANGE_ROW = ClassName.get(ChangeRow.class);
    static final ClassName OPERATION = ClassName.get(Operation.class);
    static final ClassName OPTIONAL = ClassName.get(Optional.class);
    static final ClassName LIST = ClassName.get(List.class);
    static final ClassName SET = ClassName.get(Set.class);
    static final ClassName IO_EXCEPTION = ClassName.get(IOException.class);

    private Names() {
    }

    /** {@code OrderPaidCodec}, or {@code Outer_OrderPaidCodec} for a nested record, in the event's package. */
    static ClassName codec(TypeElement event) {
        return sibling(event, "Codec");
    }

    /** {@code OrderAggregate}, or {@code Outer_OrderAggregate} for a nested record, in the record's package. */
    static ClassName aggregate(TypeElement state) {
        return sibling(state, "Aggregate");
    }

    /** {@code OrderTotalsProjection}, or {@code Outer_OrderTotalsProjection} for a nested class, in its package. */
    static ClassName projection(TypeElement projection) {
        return sibling(projection, "Projection");
    }

    /** {@code CustomerRegisteredTableMapping}, or {@code Outer_CustomerRegisteredTableMapping}, in its package. */
    static ClassName tableMapping(TypeElement event) {
        return sibling(event, "TableMapping");
    }

    private static ClassName sibling(TypeElement type, String suffix) {
        ClassName name = ClassName.get(type);
        return ClassName.get(name.packageName(), String.join("_", name.simpleNames()) + suffix);
    }

    /** {@code orderId} to {@code ORDER_ID}. */
    static String constant(String camel) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < camel.length(); i++) {
            char c = camel.charAt(i);
            if (Character.isUpperCase(c) && i > 0 && !Character.isUpperCase(camel.charAt(i - 1))
                    && camel.charAt(i - 1) != '_') {
                result.append('_');
            }
            result.append(Character.toUpperCase(c));
        }
        return result.toString().toUpperCase(Locale.ROOT);
    }

    /** {@code sku} to {@code Sku}. */
    static String capitalized(String name) {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    /** {@code OrderLine} to {@code orderLine}. */
    static String uncapitalized(String name) {
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }
}
