/**
 * The files a Stele build leaves under {@code META-INF/stele/} of a module's jar, and how they are read:
 * each has exactly one owner, here.
 *
 * <ul>
 *   <li>{@link dev.stele.format.SteleResources}: where each file lives;
 *   <li>{@link dev.stele.format.EventIndex}: the module's events, written by {@code stele-processor};
 *   <li>{@link dev.stele.format.TableIndex} and {@link dev.stele.format.HandlerIndex}: the module's
 *       {@code @FromTable} tables, and its aggregates and projections with the events they handle, written by
 *       {@code stele-processor};
 *   <li>{@link dev.stele.format.SchemaHistory}: every schema each event version was released with,
 *       written by {@code stele:check} and read by the runtime to decode older Avro data;
 *   <li>{@link dev.stele.format.ValueType}: the Java value types stored as Avro logical types.
 * </ul>
 *
 * <p>The processor, the Maven plugin and the runtime all call these classes, so a file one of them
 * writes is read by the others exactly as it was meant. Applications rarely need this package: to read
 * a later release's schema history for {@code Catalog.withSchemaSource}, or in tools that inspect Stele
 * jars. A file written by a newer Stele than the reader knows raises a
 * {@link dev.stele.format.FormatException} saying so, never a half-read file.
 */
package dev.stele.format;
