package com.kin.local.lambda;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * A process's peak resident memory as Linux reports it ({@code VmHWM} in {@code /proc/PID/status}): what Lambda's REPORT
 * line calls "Max Memory Used". Read by the runtime's REPORT lines and by {@code ./kin load}'s memory report.
 */
public final class PeakMemory {

    private PeakMemory() {
    }

    /** The peak of process {@code pid} in MB; empty where there is no /proc or the process has ended. */
    public static OptionalLong ofProcess(long pid) {
        try {
            return fromStatus(Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** The peak in MB from the lines of a {@code /proc/PID/status} file; empty when it has no usable VmHWM line. */
    public static OptionalLong fromStatus(List<String> status) {
        try {
            return status.stream().filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024).findFirst();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
