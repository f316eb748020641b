package com.kin.local.seed;

import com.kin.local.LogStream;
import java.util.Locale;

/**
 * A progress bar on the log stream: redrawn in place on a terminal, one line per quarter otherwise (CI logs,
 * pipes), so that it never floods a log file.
 */
final class ProgressBar {

    private static final int WIDTH = 30;

    private final LogStream log;
    private final long total;
    private final boolean terminal;
    private long done;
    private int lastQuarter = -1;

    ProgressBar(LogStream log, long total) {
        this(log, total, System.console() != null);
    }

    ProgressBar(LogStream log, long total, boolean terminal) {
        this.log = log;
        this.total = Math.max(1, total);
        this.terminal = terminal;
    }

    void advance(long rows, String stage) {
        done = Math.min(total, done + rows);
        int percent = (int) (done * 100 / total);
        String bar = "#".repeat(percent * WIDTH / 100) + "-".repeat(WIDTH - percent * WIDTH / 100);
        String text = String.format(Locale.ROOT, "seed [%s] %3d%% %,d/%,d rows (%s)", bar, percent, done, total, stage);
        if (terminal) {
            log.redraw(LogStream.RUNTIME, text, done == total);
        } else if (percent / 25 != lastQuarter) {
            lastQuarter = percent / 25;
            log.line(LogStream.RUNTIME, text);
        }
    }
}
