package com.kin.data;

import com.kin.core.error.BadRequestError;
import com.kin.core.error.ConflictError;
import com.kin.core.error.DatabaseError;
import com.kin.core.error.KinException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Map;

/**
 * Turns a driver failure into the error a client should see, by SQLSTATE: unreachable (503), a constraint the input broke
 * (400 / 409), or anything else (500). The SQL text and driver message stay in the cause.
 */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    public static KinException translate(String statement, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (isUnavailable(e, state)) {
            return DatabaseError.unavailable("database unavailable while running " + statement + " - try again shortly", e);
        }
        if (state.equals(UNIQUE_VIOLATION)) {
            return new ConflictError(statement + " - a record with the same unique value already exists", e);
        }
        if (state.equals("23503")) {
            return new BadRequestError(statement + " - refers to a record that does not exist", Map.of(), e);
        }
        if (state.equals("23514") || state.equals("23502") || state.startsWith("22")) {
            return new BadRequestError(statement + " - value rejected by the database (" + constraint(e) + ")", Map.of(), e);
        }
        if (state.equals("57014")) {
            return DatabaseError.unavailable(statement + " - statement timed out", e);
        }
        return DatabaseError.failed(statement + " - database error " + state, e);
    }

    /** Whether {@code e} is a unique-constraint violation (to turn into a domain-specific conflict). */
    public static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailable(SQLException e, String state) {
        return e instanceof SQLTransientConnectionException
                || state.startsWith("08")
                || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300");
    }

    private static String constraint(SQLException e) {
        if (e instanceof org.postgresql.util.PSQLException psql && psql.getServerErrorMessage() != null
                && psql.getServerErrorMessage().getConstraint() != null) {
            return "constraint " + psql.getServerErrorMessage().getConstraint();
        }
        return "SQLSTATE " + e.getSQLState();
    }
}
