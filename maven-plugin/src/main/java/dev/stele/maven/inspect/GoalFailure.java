package dev.stele.maven.inspect;

/**
 * A mistake the user can fix (no URL, a database that cannot be reached, a schema not migrated, an unknown stream):
 * its message is one line saying what is wrong and what to do. The mojo turns it into a
 * {@code MojoFailureException} without a cause (Maven would append the cause's message to the line); the cause,
 * when there is one, is logged at debug level ({@code mvn -X}).
 */
public final class GoalFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public GoalFailure(String message) {
        super(message);
    }

    public GoalFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
