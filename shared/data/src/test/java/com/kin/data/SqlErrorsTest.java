package com.kin.data;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.core.error.BadRequestError;
import com.kin.core.error.ConflictError;
import com.kin.core.error.DatabaseError;
import com.kin.core.error.KinException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlErrorsTest {

    /** What a driver message may hold and a client must never see. */
    private static final String DRIVER_MESSAGE = "ERROR: select secret from contacts where id = $1 (host db.internal:5432)";

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"08000", "08001", "08003", "08006", "57P01", "57P02", "57P03", "53300"})
    void connectionFailuresAndShutdowns_are503Unavailable(String state) {
        KinException error = SqlErrors.translate("contacts.byId", new SQLException(DRIVER_MESSAGE, state));

        assertUnavailable(error);
        assertThat(error.getMessage()).contains("contacts.byId").contains("try again");
    }

    @Test
    void poolTimeoutWithoutState_is503Unavailable() {
        KinException error = SqlErrors.translate("contacts.list.updated",
                new SQLTransientConnectionException("kin - Connection is not available, request timed out after 3000ms"));

        assertUnavailable(error);
        assertThat(error.getMessage()).doesNotContain("3000ms");
    }

    @Test
    void statementTimeout57014_is503Unavailable_namingTheTimeout() {
        KinException error = SqlErrors.translate("contacts.update",
                new SQLException("ERROR: canceling statement due to user request", "57014"));

        assertUnavailable(error);
        assertThat(error.getMessage()).isEqualTo("contacts.update - statement timed out");
    }

    @Test
    void uniqueViolation_is409Conflict() {
        SQLException cause = new SQLException(DRIVER_MESSAGE, "23505");

        KinException error = SqlErrors.translate("users.insert", cause);

        assertThat(error).isInstanceOf(ConflictError.class);
        assertThat(error.status()).isEqualTo(409);
        assertThat(error.getCause()).isSameAs(cause);
        assertThat(SqlErrors.isUniqueViolation(new RuntimeException(new IllegalStateException(cause)))).isTrue();
        assertThat(SqlErrors.isUniqueViolation(new SQLException("other", "23503"))).isFalse();
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"23503", "23514", "23502", "22001", "22P02"})
    void constraintAndDataErrors_are400(String state) {
        KinException error = SqlErrors.translate("contacts.insert", new SQLException(DRIVER_MESSAGE, state));

        assertThat(error).isInstanceOf(BadRequestError.class);
        assertThat(error.status()).isEqualTo(400);
        assertThat(error.getMessage()).startsWith("contacts.insert - ").doesNotContain("secret").doesNotContain("db.internal");
    }

    @ParameterizedTest(name = "SQLSTATE {0}")
    @ValueSource(strings = {"XX000", "42P01", "42703", ""})
    void anythingElse_is500DatabaseError(String state) {
        SQLException cause = new SQLException(DRIVER_MESSAGE, state.isEmpty() ? null : state);

        KinException error = SqlErrors.translate("contacts.list.name", cause);

        assertThat(error).isInstanceOf(DatabaseError.class);
        assertThat(error.status()).isEqualTo(500);
        assertThat(error.type()).isEqualTo("database-error");
        assertThat(error.getCause()).isSameAs(cause);
        assertThat(error.getMessage()).doesNotContain("secret").doesNotContain("db.internal");
    }

    private static void assertUnavailable(KinException error) {
        assertThat(error).isInstanceOf(DatabaseError.class);
        assertThat(error.status()).isEqualTo(503);
        assertThat(error.type()).isEqualTo("database-unavailable");
        assertThat(error.getMessage()).doesNotContain("secret").doesNotContain("db.internal").doesNotContain("ERROR");
        assertThat(error.getCause()).isInstanceOf(SQLException.class);
    }
}
