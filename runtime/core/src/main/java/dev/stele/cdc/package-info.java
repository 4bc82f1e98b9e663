/**
 * Change data capture from Debezium: the one owner, in Stele, of how Debezium's PostgreSQL connector
 * represents each column type in its JSON change events, and of the error a value that cannot be mapped
 * raises.
 *
 * <ul>
 *   <li>{@link dev.stele.cdc.DebeziumValues}: each representation to its Java value, exactly, or a
 *       {@link dev.stele.cdc.ChangeEventException} naming table, column and what to do;
 *   <li>{@link dev.stele.cdc.DebeziumSchemaNames}: the logical type names of Debezium's schemas and its
 *       placeholder for unavailable TOASTed values;
 *   <li>{@link dev.stele.cdc.TimestampUnit} and {@link dev.stele.cdc.BinaryHandlingMode}: the connector
 *       settings that decide a representation.
 * </ul>
 *
 * <p>Nothing here needs Debezium or Kafka on the class path: the values are read from the JSON text, by
 * whatever reads it (a Kafka consumer, a Debezium engine callback, a generated mapper).
 */
package dev.stele.cdc;
