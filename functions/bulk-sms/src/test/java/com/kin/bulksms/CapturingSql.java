package com.kin.bulksms;

import com.kin.data.RowMapper;
import com.kin.data.Sql;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A {@link Sql} that runs nothing: it keeps the last statement a repository built, with its parameters in the JDBC types
 * the application binds them as, so a test can EXPLAIN exactly what production runs.
 */
final class CapturingSql implements Sql {

    private String statement;
    private Object[] params;

    @Override
    public <T> List<T> query(String name, String sql, RowMapper<T> mapper, Object... params) {
        capture(sql, params);
        return List.of();
    }

    @Override
    public int update(String name, String sql, Object... params) {
        capture(sql, params);
        return 0;
    }

    String statement() {
        return statement;
    }

    Object[] params() {
        return params.clone();
    }

    private void capture(String sql, Object[] values) {
        statement = sql;
        params = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            params[i] = jdbcValue(values[i]);
        }
    }

    private static Object jdbcValue(Object value) {
        if (value instanceof Instant instant) {
            return Timestamp.from(instant);
        }
        if (value instanceof Collection<?> values) {
            return values.stream().allMatch(UUID.class::isInstance)
                    ? values.toArray(UUID[]::new) : values.toArray(String[]::new);
        }
        return value;
    }
}
