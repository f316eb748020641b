package com.kin.local.lambda;

import com.kin.local.LogStream;
import java.util.concurrent.ScheduledExecutorService;

/** What the pools of all functions share: the JVM launcher, task roots, the Runtime API, a timer and the log. */
record PoolInfrastructure(JvmLauncher launcher, TaskRoots taskRoots, RuntimeApiServer runtimeApi,
                          ScheduledExecutorService timer, LogStream log) {
}
