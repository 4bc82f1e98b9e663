package dev.stele.replication.internal;

import dev.stele.SteleException;
import dev.stele.catalog.Catalog;
import dev.stele.replication.FailedEvent;
import dev.stele.replication.PoisonPolicy;
import dev.stele.replication.ProjectionListener;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.time.Instant;

/**
 * Calls a projection's handler for one event in the caller's transaction: fast (one failure aborts the
 * batch, and the caller goes back to apply it carefully), or carefully (a savepoint around each attempt,
 * retries with backoff, then the poison policy).
 */
public final class EventApplier {

    /** What applying an event carefully came to. */
    public enum Outcome {
        APPLIED,
        PARKED,
        /** Every attempt failed and the policy is STOP: the projection is stopped, nothing of the event written. */
        STOPPED
    }

    private final Catalog catalog;
    private final ProjectionRun<?> run;
    private final ProjectionTables tables;
    private final ProjectionListener listener;
    private final Backoff backoff;

    public EventApplier(Catalog catalog, ProjectionRun<?> run, ProjectionTables tables, ProjectionListener listener) {
        this.catalog = catalog;
        this.run = run;
        this.tables = tables;
        this.listener = listener;
        this.backoff = new Backoff(run.options().firstRetryDelay(), run.options().maxRetryDelay());
    }

    /** Decodes the event, upcasts it to the latest version and calls the handler; a table change's record as it is. */
    public void apply(Connection connection, SourceEvent event) throws Exception {
        SourceEvent.TableRow row = event.tableRow();
        if (row != null) {
            if (row.failure() != null) {
                throw new UndecodableEventException(row.failure());
            }
            handle(connection, event, row.record());
            return;
        }
        Object decoded;
        try {
            decoded = catalog.fromJson(event.eventName(), event.eventVersion(), event.payload());
        } catch (SteleException e) {
            throw new UndecodableEventException(e);
        }
        handle(connection, event, decoded);
    }

    /** The event's payload cannot be read as its name and version: retrying will not help. */
    private static final class UndecodableEventException extends Exception {

        private static final long serialVersionUID = 1L;

        UndecodableEventException(SteleException cause) {
            super(cause.getMessage(), cause);
        }
    }

    @SuppressWarnings("unchecked")
    private <P> void handle(Connection connection, SourceEvent event, Object decoded) throws Exception {
        ProjectionRun<P> typed = (ProjectionRun<P>) run;
        typed.type().handle(typed.instance(), event.eventName(), decoded, new SourceEventContext(event, connection));
    }

    /**
     * Applies the event with retries, each attempt behind a savepoint, then by the poison policy. A database
     * that stops answering is not a poison event: it throws, and the session starts over.
     */
    public Outcome applyCarefully(Connection connection, SourceEvent event) throws SQLException, InterruptedException {
        int attempts = run.options().attempts();
        Throwable last = null;
        int attempt = 0;
        while (attempt < attempts) {
            attempt++;
            Savepoint savepoint = connection.setSavepoint();
            try {
                apply(connection, event);
                connection.releaseSavepoint(savepoint);
                return Outcome.APPLIED;
            } catch (InterruptedException e) {
                throw e; // the runner is closing (or a handler threw it: the session fails and says so)
            } catch (VirtualMachineError e) {
                throw e;
            } catch (Exception | Error e) {
                last = e;
                Savepoints.rollbackTo(connection, savepoint, e);
                if (e instanceof UndecodableEventException) {
                    break; // the same bytes will not decode next time
                }
                if (attempt < attempts) {
                    backoff.sleep(attempt);
                }
            }
        }
        FailedEvent failed = new FailedEvent(run.name(), event.globalPosition(), event.streamCategory(),
                event.streamId(), event.streamVersion(), event.eventId(), event.eventName(), event.eventVersion(),
                describe(last instanceof UndecodableEventException ? last.getCause() : last), attempt, Instant.now());
        PoisonPolicy policy = run.options().onPoison();
        if (policy == PoisonPolicy.PARK) {
            tables.park(connection, failed);
        } else {
            run.stop(failed);
        }
        try {
            listener.poisoned(failed, policy);
        } catch (RuntimeException ignored) {
            // a listener's failure is not the projection's
        }
        return policy == PoisonPolicy.PARK ? Outcome.PARKED : Outcome.STOPPED;
    }

    static String describe(Throwable error) {
        if (error == null) {
            return "unknown error";
        }
        String message = error.getClass().getName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        message = message.replace('\u0000', '?'); // PostgreSQL's text cannot hold it, and parking would fail
        return message.length() > 4000 ? message.substring(0, 4000) + "…" : message;
    }
}
