package com.kin.bench.coldstart;

import java.util.ArrayList;
import java.util.List;

/** The samples of one function and its floor, in milliseconds from process start to the first response. */
public record ColdStartResult(String function, List<Double> functionMs, List<Double> floorMs,
                              List<Integer> functionClasses, List<Integer> floorClasses) {

    /** The target: every API function within 1.5 times its floor. */
    public static final double TARGET_RATIO = 1.5;

    public static ColdStartResult empty(String function) {
        return new ColdStartResult(function, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
    }

    public double functionMedian() {
        return Stats.median(functionMs);
    }

    public double floorMedian() {
        return Stats.median(floorMs);
    }

    public double ratio() {
        return Stats.ratio(functionMedian(), floorMedian());
    }

    public boolean meetsTarget() {
        return ratio() <= TARGET_RATIO;
    }
}
