/**
 * What a projection's handlers see of an event ({@link dev.stele.projection.EventContext}) and positions
 * in PostgreSQL's log ({@link dev.stele.projection.Lsn}). The runner that feeds projections from a
 * replication slot lives in {@code stele-postgres} ({@code dev.stele.replication}).
 */
package dev.stele.projection;
