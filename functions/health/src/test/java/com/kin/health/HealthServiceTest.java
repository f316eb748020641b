package com.kin.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.kin.data.DatabaseConfig;
import com.kin.twilio.credentials.TwilioCredentials;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The report's assembly, with stand-in checks on threads (no network): order, masking, timeouts and failing checks. */
class HealthServiceTest {

    static final String TOKEN = "5f2c0e9d7b3a41e8a6c4d2b0f9e7c5a3";

    final ExecutorService executor = Executors.newCachedThreadPool();
    final CountDownLatch never = new CountDownLatch(1);
    final SecretMask mask = new SecretMask(
            new DatabaseConfig("jdbc:aws-wrapper:postgresql://db:5432/kin", "kin", null, true, 2, 5000, 3000),
            TwilioCredentials.of("AC0123456789abcdef0123456789abcdef", TOKEN, null, null),
            new QuickBaseConfig(null, null, null, null));

    @AfterEach
    void release() {
        never.countDown();
        executor.shutdownNow();
    }

    @Test
    void parts_comeInCheckOrder_withMessagesMasked() {
        HealthReport report = service(5000, List.of(
                check("twilio", 50, false, () -> Outcome.down("rejected token " + TOKEN)),
                check("database", 10, true, () -> Outcome.ok("select 1 answered", Map.of()))))
                .report();

        assertThat(report.parts()).extracting(PartHealth::name).containsExactly("database", "twilio");
        assertThat(report.parts().get(1).message()).isEqualTo("rejected token ***");
        assertThat(report.status()).isEqualTo(OverallStatus.DEGRADED);
    }

    @Test
    void aCheckThatNeverAnswers_isDownAfterTheTimeout_andTheOthersStillCount() {
        HealthReport report = service(100, List.of(
                check("database", 10, true, () -> Outcome.ok("select 1 answered", Map.of())),
                check("quickbase", 60, false, this::blockForever)))
                .report();

        PartHealth quickBase = report.parts().get(1);
        assertThat(quickBase.status()).isEqualTo(PartStatus.DOWN);
        assertThat(quickBase.message()).isEqualTo("no answer within 100 ms (HEALTH_CHECK_TIMEOUT_MS)");
        assertThat(report.parts().get(0).status()).isEqualTo(PartStatus.OK);
        assertThat(report.status()).isEqualTo(OverallStatus.DEGRADED);
    }

    @Test
    void aCheckThatThrows_isReportedDownAsABug_andTheReportStillAnswers() {
        HealthReport report = service(5000, List.of(
                check("database", 10, true, () -> {
                    throw new IllegalStateException("bug");
                })))
                .report();

        assertThat(report.status()).isEqualTo(OverallStatus.DOWN);
        assertThat(report.parts().get(0).message())
                .isEqualTo("the database check failed unexpectedly (IllegalStateException); see the log");
    }

    private HealthService service(long timeoutMs, List<HealthCheck> checks) {
        return new HealthService(checks, executor, new HealthConfig(timeoutMs, 30_000), Clock.systemUTC(), mask);
    }

    private Outcome blockForever() {
        try {
            never.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return Outcome.ok("late", Map.of());
    }

    private static HealthCheck check(String name, int order, boolean critical, Supplier<Outcome> run) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int order() {
                return order;
            }

            @Override
            public boolean critical() {
                return critical;
            }

            @Override
            public Outcome run() {
                return run.get();
            }
        };
    }
}
