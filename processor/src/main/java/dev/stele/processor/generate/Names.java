package dev.stele.processor.generate;

import com.squareup.javapoet.ClassName;
import java.io.IOException;
import java.util.Locale;
import javax.lang.model.element.TypeElement;

/** The runtime types generated code uses, and how generated classes and members are named. */
final class Names {

    static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
    static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");
    static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");
    static final ClassName ENCODER = ClassName.get("org.apache.avro.io", "Encoder");
    static final ClassName DECODER = ClassName.get("org.apache.avro.io", "Decoder");
    static final ClassName JSON_READING = ClassName.get("dev.stele.spi.codec", "JsonReading");
    static final ClassName JSON_WRITING = ClassName.get("dev.stele.spi.codec", "JsonWriting");
    static final ClassName AVRO_READING = ClassName.get("dev.stele.spi.codec", "AvroReading");
    static final ClassName AVRO_WRITING = ClassName.get("dev.stele.spi.codec", "AvroWriting");
    static final ClassName EVENT_CODEC = ClassName.get("dev.stele.spi", "EventCodec");
    static final ClassName EVENT_TYPE = ClassName.get("dev.stele.spi", "EventType");
    static final ClassName AGGREGATE_TYPE = ClassName.get("dev.stele.spi", "AggregateType");
    static final ClassName EVENT_CATALOG = ClassName.get("dev.stele.catalog", "EventCatalog");
    static final ClassName AGGREGATE_CATALOG = ClassName.get("dev.stele.catalog", "AggregateCatalog");
    static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
    static final ClassName LIST = ClassName.get("java.util", "List");
    static final ClassName SET = ClassName.get("java.util", "Set");
    static final ClassName IO_EXCEPTION = ClassName.get(IOException.class);
    static final ClassName RUNTIME_EXCEPTION = ClassName.get(RuntimeException.class);

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
