package com.kin.local.seed;

import java.util.ArrayList;
import java.util.List;

/** Rows for one table, in the column order given; values are Java objects JDBC binds (UUID, Instant, String[]...). */
record Table(String name, List<String> columns, List<Object[]> rows) {

    Table(String name, String... columns) {
        this(name, List.of(columns), new ArrayList<>());
    }

    void add(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(name + " - " + values.length + " values for " + columns.size() + " columns");
        }
        rows.add(values);
    }
}
