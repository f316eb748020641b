package com.kin.local.lambda;

import com.kin.local.LogStream;
import java.util.Locale;
import java.util.OptionalLong;

/** The lines Lambda itself writes to a function's log (START, END, REPORT), in Lambda's text format. */
final class PlatformLog {

    private final LogStream log;
    private final int memoryMb;

    PlatformLog(LogStream log, int memoryMb) {
        this.log = log;
        this.memoryMb = memoryMb;
    }

    void start(FunctionInstance instance, Invocation invocation) {
        log.line(instance.id(), "START RequestId: " + invocation.requestId() + " Version: $LATEST");
    }

    void coldStart(FunctionInstance instance, double initMs) {
        log.line(instance.id(), String.format(Locale.ROOT, "INIT_REPORT Init Duration: %.2f ms (cold start, pid %d)",
                initMs, instance.pid()));
    }

    /** END and REPORT; {@code status} is null for an invocation that ran to its end, else Lambda's Status value. */
    void end(FunctionInstance instance, Invocation invocation, String status) {
        double durationMs = (System.nanoTime() - invocation.startedNanos()) / 1e6;
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "REPORT RequestId: %s\tDuration: %.2f ms\tBilled Duration: %d ms\tMemory Size: %d MB",
                invocation.requestId(), durationMs, (long) Math.ceil(durationMs), memoryMb));
        OptionalLong maxMemory = instance.maxMemoryUsedMb();
        maxMemory.ifPresent(mb -> report.append("\tMax Memory Used: ").append(mb).append(" MB"));
        instance.takeInitDurationNanos().ifPresent(nanos ->
                report.append(String.format(Locale.ROOT, "\tInit Duration: %.2f ms", nanos / 1e6)));
        if (status != null) {
            report.append("\tStatus: ").append(status);
        }
        log.line(instance.id(), "END RequestId: " + invocation.requestId());
        log.line(instance.id(), report.toString());
    }

    void event(FunctionInstance instance, String format, Object... arguments) {
        log.line(instance.id(), String.format(Locale.ROOT, format, arguments));
    }
}
