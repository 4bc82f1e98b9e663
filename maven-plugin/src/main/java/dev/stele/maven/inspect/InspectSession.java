package dev.stele.maven.inspect;

import dev.stele.SteleException;
import dev.stele.catalog.Catalog;
import dev.stele.inspect.DatabaseUnreachableException;
import dev.stele.inspect.InspectionException;
import dev.stele.inspect.Inspector;
import dev.stele.inspect.SchemaNotMigratedException;
import dev.stele.inspect.UnknownStreamException;
import dev.stele.store.StoredEventException;

/**
 * Runs one inspection with the project's catalog: the project's class loader is the context class loader while it
 * runs (so the Inspector finds the project's aggregates), and the Inspector's typed errors become one-line
 * {@link GoalFailure}s that say what to do.
 */
public final class InspectSession {

    /** What a goal does with the inspector; it returns the text to print. */
    @FunctionalInterface
    public interface Action<R> {
        R run(Inspector inspector) throws GoalFailure;
    }

    private final DatabaseSettings settings;
    private final ClassLoader projectLoader;

    public InspectSession(DatabaseSettings settings, ClassLoader projectLoader) {
        this.settings = settings;
        this.projectLoader = projectLoader;
    }

    public <R> R run(Action<R> action) throws GoalFailure {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(projectLoader);
        try {
            Catalog catalog = Catalog.load(projectLoader);
            Inspector inspector = Inspector.of(settings.dataSource(), settings.storeOptions(), catalog);
            return action.run(inspector);
        } catch (DatabaseUnreachableException e) {
            throw new GoalFailure(e.getMessage() + "; check -Dstele.jdbc.url (now "
                    + DatabaseSettings.withoutQuery(settings.url()) + ")" + (e.loginRefused()
                    ? ": its user and password (user=…&password=…, or STELE_JDBC_URL)." : " and that the database runs."),
                    e);
        } catch (SchemaNotMigratedException e) {
            throw new GoalFailure(e.getMessage() + " (looked in schema '" + settings.schema() + "' with table prefix '"
                    + settings.tablePrefix() + "': set -Dstele.schema / -Dstele.tablePrefix if the store is elsewhere)",
                    e);
        } catch (UnknownStreamException e) {
            throw new GoalFailure(e.getMessage(), e);
        } catch (StoredEventException e) {
            throw new GoalFailure(e.getMessage() + "; is the module that declares this event a dependency of this"
                    + " project?", e);
        } catch (InspectionException e) {
            throw new GoalFailure(e.getMessage(), e);
        } catch (SteleException e) {
            throw new GoalFailure(e.getMessage(), e);
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
