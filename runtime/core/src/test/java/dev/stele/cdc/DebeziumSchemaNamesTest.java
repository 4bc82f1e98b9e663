package dev.stele.cdc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.stele.format.ValueType;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DebeziumSchemaNamesTest {

    @Test
    void eachLogicalTypeNamesTheJavaTypeItsMethodReturns() {
        assertThat(DebeziumSchemaNames.valueType(DebeziumSchemaNames.ZONED_TIMESTAMP).map(ValueType::javaType))
                .contains(Instant.class);
        for (String timestamp : new String[] {DebeziumSchemaNames.TIMESTAMP, DebeziumSchemaNames.MICRO_TIMESTAMP,
                DebeziumSchemaNames.NANO_TIMESTAMP, DebeziumSchemaNames.CONNECT_TIMESTAMP}) {
            assertThat(DebeziumSchemaNames.valueType(timestamp).map(ValueType::javaType)).as(timestamp)
                    .contains(LocalDateTime.class);
            assertThat(TimestampUnit.ofSchemaName(timestamp)).as(timestamp).isPresent();
        }
        assertThat(DebeziumSchemaNames.valueType(DebeziumSchemaNames.DATE).map(ValueType::javaType)).contains(LocalDate.class);
        assertThat(DebeziumSchemaNames.valueType(DebeziumSchemaNames.CONNECT_DATE).map(ValueType::javaType))
                .contains(LocalDate.class);
        assertThat(DebeziumSchemaNames.valueType(DebeziumSchemaNames.DECIMAL).map(ValueType::javaType))
                .contains(BigDecimal.class);
        assertThat(DebeziumSchemaNames.valueType(DebeziumSchemaNames.VARIABLE_SCALE_DECIMAL).map(ValueType::javaType))
                .contains(BigDecimal.class);
        assertThat(DebeziumSchemaNames.valueType(DebeziumSchemaNames.UUID).map(ValueType::javaType)).contains(UUID.class);
    }

    @Test
    void otherNamesHaveNoValueType() {
        assertThat(DebeziumSchemaNames.valueType(DebeziumSchemaNames.JSON)).isEmpty();
        assertThat(DebeziumSchemaNames.valueType("io.debezium.time.MicroTime")).isEmpty();
        assertThat(DebeziumSchemaNames.valueType("")).isEmpty();
    }
}
