package com.kin.data.testing;

import com.kin.data.RowMapper;
import com.kin.data.Sql;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * An {@link Sql} that runs nothing and keeps the last statement a repository built, so a test can have Postgres plan the
 * exact text and parameters the application sends. Parameters are converted to what plain JDBC binds, as the application's
 * {@code ConnectionSql} does: instants as timestamptz, collections as arrays. Shared with the function modules through
 * kin-data's test jar.
 */
public final class CapturingSql implements Sql {

    private Statement last;

    /** The name, SQL text and JDBC-ready parameters of one statement. */
    public record Statement(String name, String sql, Object[] params) {
    }

    @Override
    public <T> List<T> query(String name, String sql, RowMapper<T> mapper, Object... params) {
        last = new Statement(name, sql, jdbc(params));
        return List.of();
    }

    @Override
    public int update(String name, String sql, Object... params) {
        last = new Statement(name, sql, jdbc(params));
        return 0;
    }

    public Statement last() {
        if (last == null) {
            throw new IllegalStateException("no statement was built");
        }
        return last;
    }

    /** The SQL text of the last statement. */
    public String statement() {
        return last().sql();
    }

    /** The JDBC-ready parameters of the last statement. */
    public Object[] params() {
        return last().params().clone();
    }

    private static Object[] jdbc(Object[] params) {
        Object[] converted = new Object[params.length];
        for (int i = 0; i < params.length; i++) {
            converted[i] = jdbc(params[i]);
        }
        return converted;
    }

    private static Object jdbc(Object value) {
        if (value instanceof Instant instant) {
            return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof Collection<?> values) {
            Object first = values.isEmpty() ? null : values.iterator().next();
            return first instanceof UUID ? values.toArray(new UUID[0]) : values.toArray(new String[0]);
        }
        return value;
    }
}
