package dev.stele.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ValueTypeTest {

    @Test
    void eachTypeWritesTheLogicalTypeItNames() {
        for (ValueType type : ValueType.values()) {
            Schema schema = type == ValueType.DECIMAL ? ValueType.decimalSchema(12, 2) : type.schema();

            assertThat(schema.getLogicalType().getName()).as(type.name()).isEqualTo(type.logicalType());
            assertThat(ValueType.ofLogicalType(type.logicalType())).as(type.name()).contains(type);
        }
    }

    @Test
    void everyUnitOfATimestampFamilyIsTheSameJavaType() {
        assertThat(ValueType.ofLogicalType("timestamp-millis")).contains(ValueType.INSTANT);
        assertThat(ValueType.ofLogicalType("timestamp-nanos")).contains(ValueType.INSTANT);
        assertThat(ValueType.ofLogicalType("local-timestamp-millis")).contains(ValueType.LOCAL_DATE_TIME);
        assertThat(ValueType.INSTANT.javaType()).isEqualTo(Instant.class);
        assertThat(ValueType.LOCAL_DATE_TIME.javaType()).isEqualTo(LocalDateTime.class);
        assertThat(ValueType.ofLogicalType("time-micros")).isEmpty();
    }

    @Test
    void aDecimalSchemaCarriesItsPrecisionAndScale() {
        LogicalTypes.Decimal decimal = (LogicalTypes.Decimal) ValueType.decimalSchema(38, 10).getLogicalType();

        assertThat(decimal.getPrecision()).isEqualTo(38);
        assertThat(decimal.getScale()).isEqualTo(10);
    }
}
