package com.kin.health;

import com.kin.observability.logging.RedactedError;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Takes the health report: every check at once on the health executor, each given {@code HEALTH_CHECK_TIMEOUT_MS},
 * so the report takes about as long as its slowest check, and never much longer than the timeout.
 */
@Singleton
final class HealthService {

    private static final Logger LOG = LoggerFactory.getLogger(HealthService.class);

    private final List<HealthCheck> checks;
    private final List<String> critical;
    private final ExecutorService executor;
    private final long timeoutMs;
    private final Clock clock;
    private final SecretMask mask;

    HealthService(List<HealthCheck> checks, @Named(HealthClientsFactory.HEALTH) ExecutorService executor,
                  HealthConfig config, Clock clock, SecretMask mask) {
        this.checks = checks.stream().sorted(Comparator.comparingInt(HealthCheck::order)).toList();
        this.critical = this.checks.stream().filter(HealthCheck::critical).map(HealthCheck::name).toList();
        this.executor = executor;
        this.timeoutMs = config.checkTimeoutMs();
        this.clock = clock;
        this.mask = mask;
    }

    HealthReport report() {
        Instant startedAt = clock.instant();
        long deadline = startedAt.toEpochMilli() + timeoutMs;
        Map<String, String> logContext = MDC.getCopyOfContextMap();
        List<CompletableFuture<PartHealth>> running = checks.stream()
                .map(check -> CompletableFuture.supplyAsync(() -> timed(check, logContext), executor))
                .toList();
        List<PartHealth> parts = new ArrayList<>(checks.size());
        for (int i = 0; i < checks.size(); i++) {
            parts.add(await(checks.get(i), running.get(i), deadline));
        }
        return HealthReport.of(startedAt, parts, critical);
    }

    /** Runs one check on an executor thread, with the request's log fields, so its log lines name the request. */
    private PartHealth timed(HealthCheck check, Map<String, String> logContext) {
        if (logContext != null) {
            MDC.setContextMap(logContext);
        }
        try {
            return timed(check);
        } finally {
            MDC.clear();
        }
    }

    private PartHealth timed(HealthCheck check) {
        long start = clock.millis();
        Outcome outcome;
        try {
            outcome = check.run();
        } catch (RuntimeException e) {
            // A check reports every failure it expects as an outcome; this is a bug in the check. It is logged as
            // one, and the report still shows the other parts instead of failing as a whole.
            LOG.error("health - the {} check failed unexpectedly {}", check.name(), RedactedError.of(e));
            outcome = Outcome.down("the " + check.name() + " check failed unexpectedly (" + e.getClass().getSimpleName()
                    + "); see the log");
        }
        return PartHealth.of(check.name(), masked(outcome), clock.millis() - start);
    }

    private PartHealth await(HealthCheck check, CompletableFuture<PartHealth> part, long deadline) {
        try {
            return part.get(Math.max(0, deadline - clock.millis()), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // The check keeps its thread until its own client gives up; its late result is dropped.
            return PartHealth.of(check.name(), Outcome.down("no answer within " + timeoutMs
                    + " ms (HEALTH_CHECK_TIMEOUT_MS)"), timeoutMs);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return PartHealth.of(check.name(), Outcome.down("interrupted while waiting for the check"), 0);
        } catch (ExecutionException e) {
            // timed() turns every RuntimeException into an outcome: only an Error can get here.
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("health - the " + check.name() + " check failed", e.getCause());
        }
    }

    private Outcome masked(Outcome outcome) {
        return new Outcome(outcome.status(), mask.apply(outcome.message()), outcome.details());
    }
}
