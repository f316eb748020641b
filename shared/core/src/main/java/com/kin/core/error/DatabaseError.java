package com.kin.core.error;

/** Thrown when the database fails a statement: 503 while it is unreachable (retry later), 500 for any other fault. */
public class DatabaseError extends KinException {

    private DatabaseError(int status, String message, Throwable cause) {
        super(status, status == 503 ? "database-unavailable" : "database-error", message, cause);
    }

    /** The database could not be reached (connection refused, pool timeout, failover in progress). */
    public static DatabaseError unavailable(String message, Throwable cause) {
        return new DatabaseError(503, message, cause);
    }

    /** The database answered with an error we did not expect. */
    public static DatabaseError failed(String message, Throwable cause) {
        return new DatabaseError(500, message, cause);
    }
}
