package com.kin.load.copy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams generated rows into one table with COPY ... FROM STDIN (FORMAT csv): the rows are produced while
 * PostgreSQL parses the previous chunk, and nothing is held in memory beyond one chunk.
 */
public final class CopyLoader {

    private static final int CHUNK_CHARS = 1 << 16;
    private static final int PROGRESS_EVERY_ROWS = 10_000;

    private final ProgressBar progress;

    public CopyLoader(ProgressBar progress) {
        this.progress = progress;
    }

    /** Copies every row of {@code rows} on {@code connection} (in its transaction); returns the rows written. */
    public long copy(Connection connection, TableRows rows) throws SQLException {
        String sql = "copy " + rows.table() + " (" + rows.columns() + ") from stdin (format csv)";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        ProgressBar.Task task = progress.start(rows.table(), rows.count());
        try {
            CsvLine line = new CsvLine();
            for (long index = 0; index < rows.count(); index++) {
                rows.append(index, line);
                if (line.length() >= CHUNK_CHARS) {
                    write(copy, line);
                }
                if (index % PROGRESS_EVERY_ROWS == 0) {
                    task.at(index);
                }
            }
            write(copy, line);
            long written = copy.endCopy();
            task.at(rows.count());
            return written;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void write(CopyIn copy, CsvLine line) throws SQLException {
        byte[] bytes = line.drain().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
    }
}
