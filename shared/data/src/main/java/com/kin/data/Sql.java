package com.kin.data;

import java.util.List;
import java.util.Optional;

/**
 * Parameterized statements on one connection or the pool. Every statement has a short name ({@code contacts.byId}) used
 * in metrics, slow-query logs and error messages; the SQL text itself never leaves the process.
 */
public interface Sql {

    <T> List<T> query(String name, String sql, RowMapper<T> mapper, Object... params);

    default <T> Optional<T> queryOne(String name, String sql, RowMapper<T> mapper, Object... params) {
        List<T> rows = query(name, sql, mapper, params);
        return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
    }

    /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
    int update(String name, String sql, Object... params);
}
