package com.kin.observability.testing;

import com.kin.observability.errors.ErrorReporter;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what it was asked to report, for tests that check which errors reach the tracker. */
public final class RecordingErrorReporter implements ErrorReporter {

    public record Report(Throwable error, String requestId) {
    }

    private final List<Report> reports = new CopyOnWriteArrayList<>();

    @Override
    public void report(Throwable error, String requestId) {
        reports.add(new Report(error, requestId));
    }

    public List<Report> reports() {
        return List.copyOf(reports);
    }
}
