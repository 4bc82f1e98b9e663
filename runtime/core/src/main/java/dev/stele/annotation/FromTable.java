package dev.stele.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an {@link Event} record as the typed form of changes to a table that is not event sourced: each
 * change of one of {@link #operations()} to {@link #table()} becomes one record, whose components are read
 * from the row's columns.
 *
 * <pre>{@code
 * @Event(name = "CustomerRegistered")
 * @FromTable(table = "public.customers", operations = {Operation.INSERT, Operation.SNAPSHOT})
 * public record CustomerRegistered(@Column("id") long customerId, String email, @Column("created_at") Instant at) {}
 * }</pre>
 *
 * <p>A component reads the column named by its {@link Column}, else the column named as the component in
 * snake_case ({@code createdAt} reads {@code created_at}). Several records may map one table, one per meaning
 * (registered on INSERT, email changed on UPDATE, removed on DELETE), but one {@code (table, operation)} has
 * one record. The processor generates the mapping: from Debezium's JSON change events and from the tuples of
 * Stele's own replication slot, with no reflection, checked against the table's columns before the first
 * change is mapped.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface FromTable {

    /**
     * The table, as {@code schema.table} or {@code table} (then in schema {@code public}): unquoted
     * PostgreSQL identifiers, compared as PostgreSQL folds them (lower case).
     */
    String table();

    /** The changes the record stands for; at least one. */
    Operation[] operations();
}
