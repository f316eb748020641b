package com.kin.snapstart;

/** How one phase of one step ended. */
public enum Outcome {
    OK,
    FAILED,
    TIMED_OUT
}
