/**
 * Change data capture from Debezium: the one owner, in Stele, of how Debezium's PostgreSQL connector
 * represents each column type in its JSON change events, and of the error a value that cannot be mapped
 * raises; and the reader of what Debezium's Outbox Event Router publishes from Stele's outbox.
 *
 * <ul>
 *   <li>{@link dev.stele.cdc.DebeziumValues}: each representation to its Java value, exactly, or a
 *       {@link dev.stele.cdc.ChangeEventException} naming table, column and what to do;
 *   <li>{@link dev.stele.cdc.DebeziumSchemaNames}: the logical type names of Debezium's schemas and its
 *       placeholder for unavailable TOASTed values;
 *   <li>{@link dev.stele.cdc.TimestampUnit} and {@link dev.stele.cdc.BinaryHandlingMode}: the connector
 *       settings that decide a representation;
 *   <li>{@link dev.stele.cdc.OutboxRouterRecords}: a record of the Outbox Event Router (key, value, headers)
 *       to an {@link dev.stele.cdc.OutboxEvent} holding the typed latest-version event, or an
 *       {@link dev.stele.cdc.OutboxRecordException} naming what is wrong and which router setting to add.
 * </ul>
 *
 * <p>Nothing here needs Debezium or Kafka on the class path: the values are read from the JSON text, by
 * whatever reads it (a Kafka consumer, a Debezium engine callback, a generated mapper).
 */
package dev.stele.cdc;
