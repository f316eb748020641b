package com.kin.snapstart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.kin.cache.CacheKey;
import com.kin.cache.CacheKind;
import com.kin.cache.CacheSource;
import com.kin.cache.TwoTierCache;
import com.kin.testing.FunctionHarness;
import com.kin.testing.TestDatabase;
import io.micronaut.context.ApplicationContext;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Priming against the real pool (embedded Postgres) and the real cache client (DynamoDB Local). */
class SnapStartPrimingIT {

    private ApplicationContext context;

    @AfterEach
    void close() {
        if (context != null) {
            context.close();
        }
    }

    private SnapStartPriming start(Map<String, Object> overrides) {
        Map<String, Object> settings = new HashMap<>(FunctionHarness.platformSettings(TestDatabase.get(),
                FunctionHarness.Tables.fresh("snapstart")));
        settings.putAll(overrides);
        context = ApplicationContext.builder().properties(settings).start();
        return context.getBean(SnapStartPriming.class);
    }

    @Test
    void beforeCheckpoint_runsTheQueryAndEvictsPooledConnections() throws Exception {
        SnapStartPriming priming = start(Map.of());
        DatabasePriming database = context.getBean(DatabasePriming.class);
        database.warm();
        assertThat(database.pooledConnections()).as("the pool keeps the connection it opened").isEqualTo(1);

        priming.beforeCheckpoint(null);

        assertThat(priming.lastOutcomes()).containsEntry("warm the database", Outcome.OK)
                .containsEntry("release the database", Outcome.OK);
        assertThat(database.queries()).isEqualTo(2);
        assertThat(database.pooledConnections()).isZero();
        assertThat(priming.checkpoints()).isEqualTo(1);
    }

    @Test
    void beforeCheckpoint_callsDynamoDb() {
        SnapStartPriming priming = start(Map.of());

        priming.beforeCheckpoint(null);

        assertThat(priming.lastOutcomes()).containsEntry("warm DynamoDB", Outcome.OK);
        assertThat(context.getBean(DynamoDbPriming.class).calls()).isEqualTo(1);
    }

    @Test
    void beforeCheckpoint_dropsL1Entries() {
        SnapStartPriming priming = start(Map.of());
        CacheKey key = CacheKey.shared(CacheKind.CONTACT, "snap-1", "contact:snap-1");
        TwoTierCache cache = context.getBean(TwoTierCache.class);
        cache.get(key, Greeting.class, () -> new Greeting("hello"));
        assertThat(cache.get(key, Greeting.class, () -> new Greeting("again")).source()).isEqualTo(CacheSource.L1);

        priming.beforeCheckpoint(null);

        assertThat(cache.get(key, Greeting.class, () -> new Greeting("again")).source()).isNotEqualTo(CacheSource.L1);
        assertThat(priming.lastOutcomes()).containsEntry("release the cache", Outcome.OK);
    }

    @Test
    void afterRestore_dropsL1Entries() {
        SnapStartPriming priming = start(Map.of());
        CacheKey key = CacheKey.shared(CacheKind.CONTACT, "snap-2", "contact:snap-2");
        TwoTierCache cache = context.getBean(TwoTierCache.class);
        cache.get(key, Greeting.class, () -> new Greeting("hello"));
        assertThat(cache.stats().l1Entries()).isEqualTo(1);

        priming.afterRestore(null);

        assertThat(cache.stats().l1Entries()).isZero();
        assertThat(priming.lastOutcomes()).containsEntry("refresh the cache", Outcome.OK);
        assertThat(priming.restores()).isEqualTo(1);
    }

    @Test
    void dynamoDbDown_stepFailsAndCheckpointGoesOn() throws IOException {
        SnapStartPriming priming = start(Map.of("dynamodb.endpoint", "http://127.0.0.1:" + closedPort()));

        priming.beforeCheckpoint(null);

        assertThat(priming.lastOutcomes()).containsEntry("warm DynamoDB", Outcome.FAILED)
                .containsEntry("warm the database", Outcome.OK)
                .containsEntry("release the database", Outcome.OK);
        assertThat(context.getBean(DynamoDbPriming.class).calls()).isZero();
        assertThat(priming.checkpoints()).isEqualTo(1);
    }

    @Test
    void databaseDown_stepFailsAndCheckpointGoesOn() throws IOException {
        SnapStartPriming priming = start(Map.of("db.url", "jdbc:aws-wrapper:postgresql://127.0.0.1:" + closedPort()
                + "/postgres", "db.connect-timeout-ms", "500"));

        priming.beforeCheckpoint(null);

        assertThat(priming.lastOutcomes()).containsEntry("warm the database", Outcome.FAILED)
                .containsEntry("warm DynamoDB", Outcome.OK);
        assertThat(context.getBean(DatabasePriming.class).queries()).isZero();
    }

    @Test
    void hangingStep_timesOutAndLaterStepsStillRun() {
        SnapStartPriming priming = start(Map.of("test.snapstart.hanging-step", "true", "snapstart.step-timeout-ms", "300"));

        priming.beforeCheckpoint(null);

        assertThat(priming.lastOutcomes()).containsEntry("warm a hanging service", Outcome.TIMED_OUT)
                .containsEntry("warm DynamoDB", Outcome.OK)
                .containsEntry("release the database", Outcome.OK);
        assertThat(context.getBean(DatabasePriming.class).pooledConnections()).isZero();
    }

    @Test
    void badStepTimeout_failsNamingTheVariable() {
        assertThatThrownBy(() -> start(Map.of("snapstart.step-timeout-ms", "0")))
                .hasStackTraceContaining("SNAPSTART_STEP_TIMEOUT_MS - must be between 100 and 60000 ms, got 0");
    }

    @Test
    void primingOff_touchesNothing() throws Exception {
        SnapStartPriming priming = start(Map.of("snapstart.priming", "false"));

        priming.beforeCheckpoint(null);
        priming.afterRestore(null);

        assertThat(priming.enabled()).isFalse();
        assertThat(priming.checkpoints()).isZero();
        assertThat(priming.restores()).isZero();
        assertThat(context.getBean(DatabasePriming.class).queries()).isZero();
        assertThat(context.getBean(DynamoDbPriming.class).calls()).isZero();
    }

    @Test
    void badPrimingValue_failsNamingTheVariable() {
        assertThatThrownBy(() -> start(Map.of("snapstart.priming", "maybe")))
                .hasStackTraceContaining("SNAPSTART_PRIMING - must be true or false, got 'maybe'");
    }

    @Test
    void noHandlerResource_noInvocationStep() {
        start(Map.of());

        assertThat(context.findBean(InvocationPriming.class)).isEmpty();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
