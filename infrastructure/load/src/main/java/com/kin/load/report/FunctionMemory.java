package com.kin.load.report;

/**
 * The peak resident memory of one function's instances during a run, against the memory size its template entry
 * gives it (what Lambda reports as "Max Memory Used" and "Memory Size").
 *
 * @param instances   the function's JVMs running when the run ended
 * @param peakRssMb   the highest peak resident set (Linux VmHWM) among them, since each started
 * @param memorySizeMb the function's MemorySize
 */
public record FunctionMemory(String function, int instances, long peakRssMb, long memorySizeMb) {

    public boolean fits() {
        return peakRssMb <= memorySizeMb;
    }
}
