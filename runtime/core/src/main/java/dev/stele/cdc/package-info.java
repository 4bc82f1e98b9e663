/**
 * Change data capture: Debezium's change events and Outbox Event Router records read into typed records, and
 * the connector settings that match.
 *
 * <ul>
 *   <li>{@link dev.stele.cdc.DebeziumChanges}: a Debezium JSON change event (with or without the schema
 *       envelope) of a {@code @FromTable} table into its record, as a {@link dev.stele.cdc.TableChange};
 *   <li>{@link dev.stele.cdc.OutboxRouterRecords}: a record of Stele's outbox, as the Outbox Event Router wrote
 *       it, into the typed event, upcast;
 *   <li>{@link dev.stele.cdc.DebeziumConnectorConfig}: the connector settings for a module's tables and its
 *       outbox;
 *   <li>{@link dev.stele.cdc.DebeziumValues} and {@link dev.stele.cdc.DebeziumSchemaNames}: the one owner, in
 *       Stele, of how Debezium's PostgreSQL connector represents each column type, each converted exactly or
 *       refused with a {@link dev.stele.cdc.ChangeEventException} naming table, column and what to do.
 * </ul>
 *
 * <p>Nothing here needs Debezium or Kafka on the class path: everything is read from the bytes a Kafka consumer
 * or a Debezium engine callback has.
 */
package dev.stele.cdc;
