package com.kin.snapstart;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.order.OrderUtil;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SnapStart priming: the CRaC resource Lambda calls when it publishes a version (before the snapshot) and when it
 * restores one. Eager ({@code @Context}), so it is registered while the function's context starts, in the init phase.
 *
 * <p>Priming is an optimisation: every step runs time-boxed on its own thread, and a failure or timeout is logged and
 * never aborts the checkpoint (an exception from here would fail the version's publication).
 */
@Context
public final class SnapStartPriming implements Resource {

    private static final Logger LOG = LoggerFactory.getLogger(SnapStartPriming.class);

    private final boolean enabled;
    private final Duration stepTimeout;
    private final List<PrimingStep> steps;
    private final AtomicInteger checkpoints = new AtomicInteger();
    private final AtomicInteger restores = new AtomicInteger();
    private volatile Map<String, Outcome> outcomes = Map.of();

    SnapStartPriming(SnapStartConfig config, List<PrimingStep> steps) {
        this.enabled = config.enabled();
        this.stepTimeout = config.stepTimeout();
        List<PrimingStep> ordered = new ArrayList<>(steps);
        OrderUtil.sort(ordered);
        this.steps = List.copyOf(ordered);
    }

    /** Registers with the global CRaC context; it holds resources weakly, the bean context keeps this one alive. */
    @PostConstruct
    void register() {
        if (!enabled) {
            LOG.info("snapstart - priming off (SNAPSTART_PRIMING=false)");
            return;
        }
        Core.getGlobalContext().register(this);
        LOG.debug("snapstart - priming registered with {} steps", steps.size());
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        if (!enabled) {
            return;
        }
        Map<String, Outcome> ran = new LinkedHashMap<>();
        for (PrimingStep step : steps) {
            ran.put("warm " + step.subject(), timeBoxed("warm", step, step::warm));
        }
        for (PrimingStep step : steps) {
            ran.put("release " + step.subject(), timeBoxed("release", step, step::release));
        }
        outcomes = Collections.unmodifiableMap(ran);
        checkpoints.incrementAndGet();
        LOG.info("snapstart - primed before checkpoint: {}", ran);
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        if (!enabled) {
            return;
        }
        Map<String, Outcome> ran = new LinkedHashMap<>();
        for (PrimingStep step : steps) {
            ran.put("refresh " + step.subject(), timeBoxed("refresh", step, step::afterRestore));
        }
        outcomes = Collections.unmodifiableMap(ran);
        restores.incrementAndGet();
    }

    /** How each phase of the last checkpoint or restore ended, in the order run ("warm the database" -> OK). */
    public Map<String, Outcome> lastOutcomes() {
        return outcomes;
    }

    public int checkpoints() {
        return checkpoints.get();
    }

    public int restores() {
        return restores.get();
    }

    public boolean enabled() {
        return enabled;
    }

    /** A step's work, allowed to throw anything. */
    private interface Work {
        void run() throws Exception;
    }

    /** Runs {@code work} on its own daemon thread so that a hung call (a socket that never answers) cannot hold the checkpoint. */
    private Outcome timeBoxed(String phase, PrimingStep step, Work work) {
        FutureTask<Void> task = new FutureTask<>(() -> {
            work.run();
            return null;
        });
        Thread thread = new Thread(task, "snapstart-" + phase);
        thread.setDaemon(true);
        thread.start();
        try {
            task.get(stepTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return Outcome.OK;
        } catch (TimeoutException e) {
            task.cancel(true);
            LOG.warn("snapstart - failed to {} {}: no answer within {} ms (SNAPSTART_STEP_TIMEOUT_MS); checkpoint goes on",
                    phase, step.subject(), stepTimeout.toMillis());
            return Outcome.TIMED_OUT;
        } catch (ExecutionException e) {
            LOG.warn("snapstart - failed to {} {}; checkpoint goes on", phase, step.subject(), e.getCause());
            return Outcome.FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            LOG.warn("snapstart - interrupted while trying to {} {}", phase, step.subject(), e);
            return Outcome.FAILED;
        }
    }
}
