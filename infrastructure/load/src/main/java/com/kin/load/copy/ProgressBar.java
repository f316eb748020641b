package com.kin.load.copy;

import java.io.PrintStream;
import java.util.Locale;

/**
 * Per-table progress on stderr: redrawn in place on a terminal, one line per tenth otherwise (CI logs, pipes), so
 * that it never floods a log file.
 */
public final class ProgressBar {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;

    public ProgressBar(PrintStream out, boolean terminal) {
        this.out = out;
        this.terminal = terminal;
    }

    public static ProgressBar onStderr() {
        return new ProgressBar(System.err, System.console() != null);
    }

    /** A bar for one table of {@code total} rows. */
    public Task start(String table, long total) {
        return new Task(table, Math.max(1, total));
    }

    public void note(String text) {
        out.println("seed " + text);
    }

    /** The progress of one table. */
    public final class Task {
        private final String table;
        private final long total;
        private int shownPercent = -1;

        private Task(String table, long total) {
            this.table = table;
            this.total = total;
        }

        public void at(long done) {
            int percent = (int) (Math.min(done, total) * 100 / total);
            if (percent == shownPercent || (!terminal && percent % 10 != 0)) {
                return;
            }
            shownPercent = percent;
            int filled = percent * WIDTH / 100;
            String text = String.format(Locale.ROOT, "seed %-10s [%s%s] %3d%% %,d/%,d rows", table,
                    "#".repeat(filled), "-".repeat(WIDTH - filled), percent, Math.min(done, total), total);
            if (terminal) {
                out.print("\r" + text + (percent == 100 ? System.lineSeparator() : ""));
            } else {
                out.println(text);
            }
            out.flush();
        }
    }
}
