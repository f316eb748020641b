package com.kin.load.copy;

/** The generated rows of one table, in the column order of {@link #columns()}; row i depends on i alone. */
public interface TableRows {

    String table();

    String columns();

    long count();

    void append(long index, CsvLine line);
}
