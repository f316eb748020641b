package com.kin.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/** Parameter binding shared by the helpers; parameters are always bound, never spliced into SQL. */
final class Jdbc {

    private Jdbc() {
    }

    /**
     * Prepares {@code sql} and binds {@code params} in order. {@code String[]} and {@code UUID[]} are bound as
     * PostgreSQL {@code text[]} and {@code uuid[]} (the driver would otherwise send {@code varchar[]}, for which
     * operators such as {@code text[] @> varchar[]} do not exist).
     */
    static PreparedStatement prepare(Connection connection, String sql, Object... params) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        try {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, bindable(connection, params[i]));
            }
            return statement;
        } catch (SQLException e) {
            statement.close();
            throw e;
        }
    }

    private static Object bindable(Connection connection, Object param) throws SQLException {
        if (param instanceof String[] strings) {
            return connection.createArrayOf("text", strings);
        }
        if (param instanceof UUID[] uuids) {
            return connection.createArrayOf("uuid", uuids);
        }
        return param;
    }
}
