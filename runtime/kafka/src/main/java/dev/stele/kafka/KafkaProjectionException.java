package dev.stele.kafka;

import dev.stele.SteleException;
import java.sql.SQLException;

/** PostgreSQL failed an operation of a {@link KafkaProjectionRunner} outside its batches; names the operation. */
public final class KafkaProjectionException extends SteleException {

    private static final long serialVersionUID = 1L;

    KafkaProjectionException(String operation, SQLException cause) {
        super("cannot " + operation + ": " + cause.getMessage() + " (SQL state " + cause.getSQLState() + ")", cause);
    }
}
