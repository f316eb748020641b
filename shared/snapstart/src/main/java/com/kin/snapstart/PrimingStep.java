package com.kin.snapstart;

import io.micronaut.core.order.Ordered;

/**
 * One part of SnapStart priming. Before the snapshot every step warms (in order), then every step releases (in order),
 * so a step's release sees all the warming done, the invocation's included. Each call is time-boxed; a failure is
 * logged and priming goes on.
 */
public interface PrimingStep extends Ordered {

    /** What the step works on, for log lines: "the database" gives "snapstart - failed to warm the database". */
    String subject();

    /** Loads the classes and opens the connections the first request would otherwise pay for. */
    void warm() throws Exception;

    /** Leaves nothing in the snapshot that a restored instance must not reuse (open connections, loaded entries). */
    default void release() throws Exception {
    }

    /** Refreshes what a restored instance must not carry over from the snapshot. */
    default void afterRestore() throws Exception {
    }
}
